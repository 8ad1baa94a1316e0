import { MLO108 } from '../../../src/core/dockerfile/rules/MLO108';
import { ruleTests } from '../ruleTester';

ruleTests(MLO108, {
  valid: [
    'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    'FROM python:3.11-slim\nCMD gunicorn --bind 0.0.0.0:8000 app:app\n',
    { name: 'gunicorn may read its bind from gunicorn.conf.py', code: 'FROM python:3.11-slim\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'host from the environment', code: 'FROM python:3.11-slim\nENV UVICORN_HOST=0.0.0.0\nCMD ["uvicorn", "app:app"]\n' },
    { name: 'a Unix socket', code: 'FROM python:3.11-slim\nCMD ["uvicorn", "--uds", "/tmp/u.sock", "app:app"]\n' },
    { name: 'not a server', code: 'FROM python:3.11-slim\nCMD ["python3", "-c", "print(1)"]\n' },
  ],
  invalid: [
    {
      name: 'exec form',
      code: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n',
      errors: [{ line: 2, column: 39, endColumn: 48, message: /binds 127\.0\.0\.1/ }],
      output: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    },
    {
      name: 'shell form with =',
      code: 'FROM python:3.11-slim\nCMD uvicorn app:app --host=localhost --port 8000\n',
      errors: [{ line: 2, column: 28, endColumn: 37 }],
      output: 'FROM python:3.11-slim\nCMD uvicorn app:app --host=0.0.0.0 --port 8000\n',
    },
    {
      name: 'gunicorn bind',
      code: 'FROM python:3.11-slim\nCMD ["gunicorn", "-b", "127.0.0.1:8000", "app:app"]\n',
      errors: [{ line: 2, column: 25, endColumn: 34 }],
      output: 'FROM python:3.11-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
    },
    {
      name: 'uvicorn binds 127.0.0.1 by default (exec form)',
      code: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--port", "8000"]\n',
      errors: [{ line: 2, column: 7, endColumn: 14, message: /when no --host is given/ }],
      output: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--port", "8000", "--host", "0.0.0.0"]\n',
    },
    {
      name: 'flask run binds 127.0.0.1 by default (shell form)',
      code: 'FROM python:3.11-slim\nCMD flask run --port 5000\n',
      errors: [{ line: 2, column: 5, endColumn: 10 }],
      output: 'FROM python:3.11-slim\nCMD flask run --port 5000 --host 0.0.0.0\n',
    },
    {
      name: 'mlflow: the option goes after the serve subcommand',
      code: 'FROM python:3.11-slim\nCMD ["mlflow", "models", "serve", "-m", "/opt/model", "--port", "5000"]\n',
      errors: [{ line: 2, column: 7, endColumn: 13 }],
      output: 'FROM python:3.11-slim\nCMD ["mlflow", "models", "serve", "-m", "/opt/model", "--port", "5000", "--host", "0.0.0.0"]\n',
    },
    {
      name: 'flask with global options before run',
      code: 'FROM python:3.11-slim\nCMD ["flask", "--app", "app", "run"]\n',
      errors: [{ line: 2, column: 7 }],
      output: 'FROM python:3.11-slim\nCMD ["flask", "--app", "app", "run", "--host", "0.0.0.0"]\n',
    },
    {
      name: 'django runserver on loopback',
      code: 'FROM python:3.11-slim\nCMD ["python", "manage.py", "runserver", "127.0.0.1:8000"]\n',
      errors: [{ line: 2, column: 43, endColumn: 52 }],
      output: 'FROM python:3.11-slim\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
    },
    {
      name: 'django runserver with no address',
      code: 'FROM python:3.11-slim\nCMD ["./manage.py", "runserver"]\n',
      errors: [{ line: 2, column: 22, endColumn: 31 }],
      output: 'FROM python:3.11-slim\nCMD ["./manage.py", "runserver", "0.0.0.0:8000"]\n',
    },
    {
      name: 'django runserver with only a port',
      code: 'FROM python:3.11-slim\nCMD python manage.py runserver 8000\n',
      errors: [{ line: 2, column: 22, endColumn: 31 }],
      output: 'FROM python:3.11-slim\nCMD python manage.py runserver 0.0.0.0:8000\n',
    },
  ],
});
