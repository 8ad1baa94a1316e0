import { DL3042 } from '../../../src/core/dockerfile/rules/DL3042';
import { ruleTests } from '../ruleTester';

ruleTests(DL3042, {
  valid: [
    'FROM python:3.11-slim\nRUN pip install --no-cache-dir /wheels/*\n',
    { name: 'the guide\'s builder stage', code: 'FROM python:3.11-slim AS builder\nRUN pip wheel --no-cache-dir -r requirements.txt -w /wheels\n' },
    { name: 'pip takes --no-cache for --no-cache-dir', code: 'FROM python:3.11-slim\nRUN pip install --no-cache flask\n' },
    { name: 'PIP_NO_CACHE_DIR in ENV', code: 'FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR in the stage built on', code: 'FROM python:3.11-slim AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install flask\n' },
    { name: 'pip turns the cache off for a false value too', code: 'FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR as a build argument', code: 'FROM python:3.11-slim\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR for the command', code: 'FROM python:3.11-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR exported', code: 'FROM python:3.11-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n' },
    { name: 'a cache mount', code: 'FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
    { name: 'uv has its own cache', code: 'FROM python:3.11-slim\nRUN uv pip install --system flask\n' },
    { name: 'hadolint parity: --no-cache-dir and a true PIP_NO_CACHE_DIR, as hadolint takes them', code: 'FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=off PIP_NO_CACHE_DIR=ON\nRUN pip install flask && python3 -m pip install --no-cache-dir torch && PIP_NO_CACHE_DIR=1 pip install numpy\n', settings: { hadolintParity: true } },
    { name: 'hadolint parity: hadolint does not read pip under sudo or env', code: 'FROM python:3.11-slim\nRUN sudo pip install --no-cache flask && env PIP_NO_CACHE_DIR=0 pip install torch\n', settings: { hadolintParity: true } },
    { name: 'not install', code: 'FROM python:3.11-slim\nRUN pip freeze > requirements.lock\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: a false PIP_NO_CACHE_DIR, an ARG and --no-cache',
      code: 'FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\nFROM python:3.11-slim\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask && python3 -m pip install --no-cache flask==3\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 3, column: 5, endColumn: 8, message: /^pip install here runs with its cache turned off\. Reported because hadolint reports it \(hadolint parity is on\): .* but pip turns its cache off for any boolean value of PIP_NO_CACHE_DIR, false ones/ },
        { line: 6, column: 5, endColumn: 8, message: /Reported because hadolint reports it \(hadolint parity is on\): .* but PIP_NO_CACHE_DIR is set as a build argument/ },
        { line: 6, column: 37, endColumn: 40, message: /Reported because hadolint reports it \(hadolint parity is on\): .* but pip takes --no-cache, an unambiguous prefix, for --no-cache-dir\.$/ },
      ],
    },
    {
      name: 'pip install',
      code: 'FROM python:3.11-slim\nRUN pip install -r requirements.txt\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: /Add --no-cache-dir/ }],
      output: 'FROM python:3.11-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'python -m pip, in a chain with a good one',
      code: 'FROM python:3.11-slim\nRUN python3 -m pip install --upgrade pip && pip3 install --no-cache-dir flask\n',
      errors: [{ line: 2, column: 16, endColumn: 19 }],
      output: 'FROM python:3.11-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip && pip3 install --no-cache-dir flask\n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.11-slim\nRUN ["pip3", "install", "numpy==1.26.4"]\n',
      errors: [{ line: 2, column: 7, endColumn: 11 }],
      output: 'FROM python:3.11-slim\nRUN ["pip3", "install", "--no-cache-dir", "numpy==1.26.4"]\n',
    },
    {
      name: 'under sudo, continued over lines',
      code: 'FROM python:3.11-slim\nRUN apt-get update && \\\n    sudo -H pip install \\\n      torch\n',
      errors: [{ line: 3, column: 13, endColumn: 16 }],
      output: 'FROM python:3.11-slim\nRUN apt-get update && \\\n    sudo -H pip install --no-cache-dir \\\n      torch\n',
    },
    {
      name: 'a global option before install',
      code: 'FROM python:3.11-slim\nRUN pip --disable-pip-version-check install flask\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM python:3.11-slim\nRUN pip --disable-pip-version-check install --no-cache-dir flask\n',
    },
    {
      name: 'ENV after the RUN does not count',
      code: 'FROM python:3.11-slim\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'a heredoc',
      code: 'FROM python:3.11-slim\nRUN <<EOF\npip install flask\nEOF\n',
      errors: [{ line: 3, column: 1, endColumn: 4 }],
      output: 'FROM python:3.11-slim\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\n',
    },
    {
      name: 'after env, before a semicolon',
      code: 'FROM python:3.11-slim\nRUN env PIP_DEFAULT_TIMEOUT=100 pip install flask; echo done\n',
      errors: [{ line: 2, column: 33, endColumn: 36 }],
      output: 'FROM python:3.11-slim\nRUN env PIP_DEFAULT_TIMEOUT=100 pip install --no-cache-dir flask; echo done\n',
    },
  ],
});
