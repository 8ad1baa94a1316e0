import { MLO111 } from '../../../src/core/dockerfile/rules/MLO111';
import { ruleTests } from '../ruleTester';

ruleTests(MLO111, {
  valid: [
    'FROM python:3.11-slim\nCOPY app.py .\n',
    { name: 'an example env file', code: 'FROM python:3.11-slim\nCOPY .env.example /app/\n' },
    { name: 'a secret from another stage is not from the context', code: 'FROM python:3.11-slim\nCOPY --from=build /app/.env /app/\n' },
    { name: 'the destination does not count', code: 'FROM python:3.11-slim\nCOPY settings.json /app/credentials.json\n' },
    { name: 'build scripts in a .docker folder', code: 'FROM python:3.11-slim\nCOPY .docker/entrypoint.sh /entrypoint.sh\n' },
    { name: 'a public key is not a secret', code: 'FROM python:3.11-slim\nCOPY id_ed25519.pub /etc/ssh/\n' },
    { name: 'a key-value store module is not a key', code: 'FROM python:3.11-slim\nCOPY keys.py /app/\n' },
  ],
  invalid: [
    { code: 'FROM python:3.11-slim\nCOPY .env /app/.env\n', errors: [{ line: 2, column: 6, endColumn: 10, message: /environment file/ }] },
    { code: 'FROM python:3.11-slim\nCOPY certs/server.key certs/server.pem /etc/tls/\n', errors: [{ line: 2, column: 6, endColumn: 22 }, { line: 2, column: 23, endColumn: 39 }] },
    { code: 'FROM python:3.11-slim\nADD ["config/.aws/", "/root/.aws/"]\n', errors: [{ line: 2, column: 7, endColumn: 19, message: /AWS/ }] },
    { code: 'FROM python:3.11-slim\nCOPY id_rsa kubeconfig .netrc credentials-prod.json .env.production /x/\n', errors: [{ line: 2, column: 6 }, { line: 2, column: 13 }, { line: 2, column: 24 }, { line: 2, column: 31 }, { line: 2, column: 53 }] },
    { name: 'kube config, ssh, registry tokens', code: 'FROM python:3.11-slim\nCOPY .kube/config .ssh/ .npmrc .pypirc .git-credentials .docker/config.json /x/\n', errors: [{ line: 2, column: 6 }, { line: 2, column: 19 }, { line: 2, column: 25 }, { line: 2, column: 32 }, { line: 2, column: 40 }, { line: 2, column: 57 }] },
    { name: 'globs that pick up env files', code: 'FROM python:3.11-slim\nCOPY .env* .env.* ./\n', errors: [{ line: 2, column: 6 }, { line: 2, column: 12 }] },
  ],
});
