import { MLO108 } from '../../../src/core/dockerfile/rules/MLO108';
import { ruleTests } from '../ruleTester';

ruleTests(MLO108, {
  valid: [
    'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    'FROM python:3.11-slim\nCMD gunicorn --bind 0.0.0.0:8000 app:app\n',
    { name: 'gunicorn may read its bind from gunicorn.conf.py', code: 'FROM python:3.11-slim\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'host from the environment', code: 'FROM python:3.11-slim\nENV UVICORN_HOST=0.0.0.0\nCMD ["uvicorn", "app:app"]\n' },
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
      output: 'FROM python:3.11-slim\nCMD ["uvicorn", "--host", "0.0.0.0", "app:app", "--port", "8000"]\n',
    },
    {
      name: 'flask run binds 127.0.0.1 by default (shell form)',
      code: 'FROM python:3.11-slim\nCMD flask run --port 5000\n',
      errors: [{ line: 2, column: 5, endColumn: 10 }],
      output: 'FROM python:3.11-slim\nCMD flask run --host 0.0.0.0 --port 5000\n',
    },
  ],
});
