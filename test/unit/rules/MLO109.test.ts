import { MLO109 } from '../../../src/core/dockerfile/rules/MLO109';
import { ruleTests } from '../ruleTester';

ruleTests(MLO109, {
  valid: [
    'FROM python:3.11-slim\nEXPOSE 8000\nHEALTHCHECK CMD curl -f http://localhost:8000/health\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    { name: 'default port agrees', code: 'FROM python:3.11-slim\nEXPOSE 8000/tcp\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n' },
    { name: 'no EXPOSE, no healthcheck', code: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--port", "9000"]\n' },
    { name: 'several EXPOSEd ports include it', code: 'FROM nvcr.io/nvidia/tritonserver:24.05-py3\nEXPOSE 8000 8001 8002\nCMD ["tritonserver", "--model-repository=/models"]\n' },
    { name: 'a variable port cannot be judged', code: 'FROM python:3.11-slim\nEXPOSE 8000\nCMD ["sh", "-c", "uvicorn app:app --port $PORT"]\n' },
    { name: 'a variable port in shell form', code: 'FROM python:3.11-slim\nENV PORT=8080\nEXPOSE 8080\nHEALTHCHECK CMD curl -f http://localhost:8080/health\nCMD uvicorn app:app --host 0.0.0.0 --port $PORT\n' },
    { name: 'gunicorn bind with a variable port', code: 'FROM python:3.11-slim\nEXPOSE 8080\nCMD gunicorn app:app -b 0.0.0.0:$PORT\n' },
    { name: 'django runserver address', code: 'FROM python:3.11-slim\nEXPOSE 9000\nCMD ["python", "manage.py", "runserver", "0.0.0.0:9000"]\n' },
  ],
  invalid: [
    {
      name: 'EXPOSE disagrees with --port',
      code: 'FROM python:3.11-slim\nEXPOSE 8080\nCMD ["uvicorn", "app:app", "--port", "8000"]\n',
      errors: [{ line: 2, column: 8, endColumn: 12, message: /binds port 8000/ }],
    },
    {
      name: 'HEALTHCHECK port disagrees with the default port',
      code: 'FROM python:3.11-slim\nHEALTHCHECK CMD curl -f http://localhost:8080/health\nCMD ["uvicorn", "app:app"]\n',
      errors: [{ line: 2, column: 42, endColumn: 46, message: /default port 8000/ }],
    },
    {
      name: 'both',
      code: 'FROM python:3.11-slim\nEXPOSE 80\nHEALTHCHECK CMD ["python3", "-c", "import urllib.request as u; u.urlopen(\'http://127.0.0.1:81/health\')"]\nCMD gunicorn -b 0.0.0.0:8000 app:app\n',
      errors: [{ line: 2, column: 8 }, { line: 3, column: 92, endColumn: 94 }],
    },
    {
      name: 'no server known: HEALTHCHECK against EXPOSE',
      code: 'FROM python:3.11-slim\nEXPOSE 8000\nHEALTHCHECK CMD curl -f http://localhost:9000/\nCMD ["python3", "serve.py"]\n',
      errors: [{ line: 3, column: 42, message: /not EXPOSEd/ }],
    },
  ],
});
