import { DL3064 } from '../../../src/core/dockerfile/rules/DL3064';
import { ruleTests } from '../ruleTester';

ruleTests(DL3064, {
  valid: [
    { name: 'hadolint parity: names neither reports', code: 'FROM python:3.11-slim\nENV SSH_KEY_TYPE=ed25519 PASSENGER_APP_ENV=production\n', settings: { hadolintParity: true } },
    { name: 'ordinary settings', code: 'FROM python:3.11-slim\nARG PYTHON_VERSION=3.11\nENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1\n' },
    { name: 'a word that only contains "token"', code: 'FROM python:3.11-slim\nENV TOKENIZERS_PARALLELISM=false\n' },
    { name: 'a pointer to a secret file (name)', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n' },
    { name: 'a pointer to a secret file (value)', code: 'FROM python:3.11-slim\nENV GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/gcp/key.json\n' },
    { name: 'an ENV that clears a secret', code: 'FROM python:3.11-slim\nENV API_TOKEN=""\n' },
    { name: 'a public key fingerprint', code: 'FROM python:3.11-slim\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
    { name: 'a word that starts with "pass"', code: 'FROM ruby:3.3\nENV PASSENGER_APP_ENV=production\n' },
    { name: '"pass" inside a word', code: 'FROM python:3.11-slim\nENV BYPASS_CACHE=1 PASSTHROUGH_HEADERS=x-request-id\n' },
    { name: 'tokenizer settings', code: 'FROM python:3.11-slim\nENV TOKENIZER_NAME=bert-base-uncased HF_TOKENIZERS_CACHE=/cache detokenize=1\n' },
    { name: 'a secret mount', code: 'FROM python:3.11-slim\nRUN --mount=type=secret,id=hf_token,env=HF_TOKEN python download.py\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: the names hadolint reports and we do not',
      code: 'FROM python:3.11-slim\nENV TOKENIZERS_PARALLELISM=false POSTGRES_PASSWORD_FILE=/run/secrets/db API_TOKEN="" PYTHONUNBUFFERED=1\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 5, endColumn: 27, message: /^ENV TOKENIZERS_PARALLELISM is reported because hadolint reports it \(hadolint parity is on\): its name contains "TOKEN"\. It does not look like a secret to this linter/ },
        { line: 2, column: 34, endColumn: 56, message: /contains "PASSWORD"\. Its value is a path, which says where a secret is/ },
        { line: 2, column: 73, endColumn: 82, message: /contains "TOKEN"\. Its value is empty, which clears a secret/ },
      ],
    },
    {
      name: 'an ARG without a value still carries one from --build-arg',
      code: 'FROM python:3.11-slim\nARG HF_TOKEN\n',
      errors: [{ line: 2, column: 5, endColumn: 13, message: /ARG HF_TOKEN looks like a secret: build arguments are kept/ }],
    },
    { name: 'ENV with a value', code: 'FROM python:3.11-slim\nENV DB_PASSWORD=hunter2\n', errors: [{ line: 2, column: 5, endColumn: 16, message: /ENV values are kept/ }] },
    { name: 'an ENV that copies a build argument', code: 'FROM python:3.11-slim\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\n', errors: [{ line: 2, column: 5 }, { line: 3, column: 5 }] },
    {
      name: 'a secret word inside a longer part, as hadolint finds it',
      code: 'FROM python:3.11-slim\nENV AUTHTOKEN=a GITHUB_TOKENS=b MYSQL_ROOTPASSWORD=c HFTOKEN=d PRIVATEKEY=e\n',
      errors: [
        { line: 2, column: 5, endColumn: 14 },
        { line: 2, column: 17, endColumn: 30 },
        { line: 2, column: 33, endColumn: 51 },
        { line: 2, column: 54, endColumn: 61 },
        { line: 2, column: 64, endColumn: 74 },
      ],
    },
    { name: 'camelCase', code: 'FROM python:3.11-slim\nENV apiKey=abc\n', errors: [{ line: 2, column: 5, endColumn: 11 }] },
    {
      name: 'AWS keys',
      code: 'FROM python:3.11-slim\nARG AWS_ACCESS_KEY_ID\nARG AWS_SECRET_ACCESS_KEY\n',
      errors: [{ line: 2, column: 5, endColumn: 22 }, { line: 3, column: 5, endColumn: 26 }],
    },
    { name: 'the second pair of an ENV', code: 'FROM python:3.11-slim\nENV A=1 CLIENT_SECRET=x\n', errors: [{ line: 2, column: 9, endColumn: 22 }] },
    { name: 'a global ARG', code: 'ARG PRIVATE_KEY\nFROM python:3.11-slim\n', errors: [{ line: 1, column: 5, endColumn: 16 }] },
    { name: 'an ARG with an empty default', code: 'FROM python:3.11-slim\nARG GITHUB_TOKEN=""\n', errors: [{ line: 2, column: 5 }] },
    { name: 'the legacy ENV form', code: 'FROM python:3.11-slim\nENV SECRET_KEY mysecret\n', errors: [{ line: 2, column: 5, endColumn: 15 }] },
    {
      name: 'on a continuation line',
      code: 'FROM python:3.11-slim\nENV MODEL_DIR=/models \\\n    WANDB_API_KEY=abc\n',
      errors: [{ line: 3, column: 5, endColumn: 18 }],
    },
  ],
});
