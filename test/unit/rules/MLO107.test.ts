import { MLO107 } from '../../../src/core/dockerfile/rules/MLO107';
import { ruleTests } from '../ruleTester';

ruleTests(MLO107, {
  valid: [
    'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    'FROM python:3.11-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
    { name: 'reload only in a dev stage', code: 'FROM python:3.11-slim AS dev\nCMD ["uvicorn", "app:app", "--reload"]\nFROM python:3.11-slim\nCMD ["uvicorn", "app:app"]\n' },
    { name: "a job's own --debug flag", code: 'FROM python:3.11-slim\nCMD ["python", "train.py", "--debug"]\n' },
    { name: 'FLASK_DEBUG=0', code: 'FROM python:3.11-slim\nENV FLASK_DEBUG=0\nCMD ["gunicorn", "app:app"]\n' },
  ],
  invalid: [
    { code: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--reload"]\n', errors: [{ line: 2, column: 29, endColumn: 37, message: /--reload/ }] },
    { code: 'FROM python:3.11-slim\nCMD flask run --host=0.0.0.0\n', errors: [{ line: 2, column: 11, endColumn: 14, message: /flask run/ }] },
    { code: 'FROM python:3.11-slim\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n', errors: [{ line: 2, column: 30, message: /runserver/ }] },
    { code: 'FROM python:3.11-slim\nENTRYPOINT ["fastapi"]\nCMD ["dev", "main.py"]\n', errors: [{ line: 3, column: 7, message: /fastapi dev/ }] },
    { name: 'flask with global options', code: 'FROM python:3.11-slim\nCMD ["flask", "--app", "app", "run", "--host", "0.0.0.0"]\n', errors: [{ line: 2, column: 32, endColumn: 35 }] },
    { name: 'debug through the environment', code: 'FROM python:3.11-slim\nENV FLASK_DEBUG=1\nCMD ["gunicorn", "app:app"]\n', errors: [{ line: 2, column: 5, endColumn: 18, message: /debug mode/ }] },
  ],
});
