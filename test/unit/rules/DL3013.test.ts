import { DL3013 } from '../../../src/core/dockerfile/rules/DL3013';
import { ruleTests } from '../ruleTester';

ruleTests(DL3013, {
  valid: [
    'FROM python:3.11-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    { name: 'the guide: local wheels', code: 'FROM python:3.11-slim\nRUN pip install --no-cache-dir /wheels/*\n' },
    { name: 'the project itself, editable or not', code: 'FROM python:3.11-slim\nRUN pip install . && pip install -e ./lib && pip install --editable=../sdk\n' },
    { name: 'version specifiers', code: 'FROM python:3.11-slim\nRUN pip install numpy==1.26.4 "pandas>=2,<3" "torch~=2.1" "uvicorn[standard]==0.29.0"\n' },
    { name: 'relative paths and globs', code: 'FROM python:3.11-slim\nCOPY --from=build /src/dist dist\nRUN pip install dist/* && pip install *.whl && pip install src/sdk\n' },
    { name: 'a wheel file, a URL, a VCS reference', code: 'FROM python:3.11-slim\nRUN pip install ./dist/app-1.0-py3-none-any.whl https://example.com/x-1.0.tar.gz git+https://github.com/org/repo@v1.0\n' },
    { name: 'a direct reference', code: 'FROM python:3.11-slim\nRUN pip install "torch @ https://download.pytorch.org/whl/torch-2.3.0.whl"\n' },
    { name: 'a constraints file pins what it lists', code: 'FROM python:3.11-slim\nRUN pip install -c constraints.txt torch fastapi\n' },
    { name: 'a variable', code: 'FROM python:3.11-slim\nRUN pip install $PACKAGES\n' },
    { name: 'the value of --index-url', code: 'FROM python:3.11-slim\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.3.0\n' },
    { name: 'pip wheel and pip download are not installs', code: 'FROM python:3.11-slim\nRUN pip wheel --no-cache-dir -r requirements.txt -w /wheels && pip download numpy\n' },
  ],
  invalid: [
    {
      name: 'one unpinned package',
      code: 'FROM python:3.11-slim\nRUN pip install --no-cache-dir torch numpy==1.26.4\n',
      errors: [{ line: 2, column: 32, endColumn: 37, message: /torch is installed without a version/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'pipx install, as hadolint also reports',
      code: 'FROM python:3.11-slim\nRUN pipx install --python python3.11 black && pipx install ruff==0.4.4\n',
      errors: [{ line: 2, column: 38, endColumn: 43, message: /Pin it: pipx install black==<version>/ }],
    },
    {
      name: 'upgrading pip is still unpinned',
      code: 'FROM python:3.11-slim\nRUN pip install --upgrade pip\n',
      errors: [{ line: 2, column: 27, endColumn: 30 }],
    },
    {
      name: 'python -m pip',
      code: 'FROM python:3.11-slim\nRUN python3 -m pip install -U fastapi\n',
      errors: [{ line: 2, column: 31, endColumn: 38 }],
    },
    {
      name: 'sudo, pip3, -r and a package on continuation lines',
      code: 'FROM python:3.11-slim\nRUN sudo pip3 install \\\n    -r requirements.txt \\\n    uvicorn\n',
      errors: [{ line: 4, column: 5, endColumn: 12 }],
    },
    {
      name: 'exec form',
      code: 'FROM python:3.11-slim\nRUN ["pip", "install", "flask"]\n',
      errors: [{ line: 2, column: 25, endColumn: 30 }],
    },
    {
      name: 'PowerShell: pip runs on Windows too',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN pip install --no-cache-dir flask; pip install --no-cache-dir uvicorn==0.30.1\n',
      errors: [{ line: 3, column: 32, endColumn: 37 }],
    },
    {
      name: 'extras without a version',
      code: 'FROM python:3.11-slim\nRUN pip install "uvicorn[standard]"\n',
      errors: [{ line: 2, column: 17, endColumn: 36 }],
    },
  ],
});
