import { DL3044 } from '../../../src/core/dockerfile/rules/DL3044';
import { ruleTests } from '../ruleTester';

ruleTests(DL3044, {
  valid: [
    'FROM python:3.11-slim\nENV APP_HOME=/app\nENV DATA=$APP_HOME/data\n',
    { name: 'a variable extends its own earlier value', code: 'FROM python:3.11-slim\nENV PATH=/opt/venv/bin:$PATH\n' },
    { name: 'a variable set before, used by another', code: 'FROM python:3.11-slim\nENV VENV=/opt/venv PATH=$PATH:/x\n' },
    { name: 'single quotes keep it literal', code: "FROM python:3.11-slim\nENV A=1 B='$A'\n" },
    { name: 'an escaped dollar', code: 'FROM python:3.11-slim\nENV A=1 B=\\$A\n' },
    { name: 'hadolint parity: literal text with a default, or naming another variable', code: "FROM python:3.11-slim\nENV A=1 B='${A:-x}' C='$AB' D=\\${A:-x}\n", settings: { hadolintParity: true } },
    { name: 'a longer name', code: 'FROM python:3.11-slim\nENV A=1 B=$AB\n' },
    { name: 'the old one-variable form', code: 'FROM python:3.11-slim\nENV A 1 $A\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: single quotes and an escaped dollar, before and after the definition',
      code: "FROM python:3.11-slim\nENV A=1 B='$A' C=\\${A} D='x$E' E=2\n",
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 12, endColumn: 14, message: /^B is set to the text \$A as written, since single quotes and an escaped \$ keep an ENV value literal\. Reported because hadolint reports it \(hadolint parity is on\): hadolint takes it for a reference to A, which this same ENV sets; this linter does not/ },
        { line: 2, column: 19, endColumn: 23, message: /C is set to the text \$\{A\} as written/ },
        { line: 2, column: 28, endColumn: 30, message: /D is set to the text \$E as written/ },
      ],
      output: null,
    },
    {
      name: 'a variable set in the same ENV',
      code: 'FROM python:3.11-slim\nENV A=1 B=$A\n',
      errors: [{ line: 2, column: 11, endColumn: 13, message: /B refers to \$A, which this same ENV sets to 1/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nENV A=1\nENV B=$A\n',
    },
    {
      name: 'braces inside double quotes, continued over lines',
      code: 'FROM python:3.11-slim\nENV APP_HOME=/app \\\n    DATA="${APP_HOME}/data"\n',
      errors: [{ line: 3, column: 11, endColumn: 22 }],
      suggestion: 'FROM python:3.11-slim\nENV APP_HOME=/app\nENV DATA="${APP_HOME}/data"\n',
    },
    {
      name: 'a variable the same ENV sets later',
      code: 'FROM python:3.11-slim\nENV A="x $B" B=1\n',
      errors: [{ line: 2, column: 10, endColumn: 12, message: /A refers to \$B, which this same ENV sets later to 1/ }],
      output: null,
    },
    {
      name: 'a default value',
      code: 'FROM python:3.11-slim\nENV A=1 B=${A:-2}\n',
      errors: [{ line: 2, column: 11, endColumn: 18 }],
    },
    {
      name: 'only the variable set before counts',
      code: 'FROM python:3.11-slim\nENV VENV=/opt/venv PATH=$VENV/bin:$PATH\n',
      errors: [{ line: 2, column: 25, endColumn: 30 }],
      suggestion: 'FROM python:3.11-slim\nENV VENV=/opt/venv\nENV PATH=$VENV/bin:$PATH\n',
    },
    {
      name: 'Windows line endings are kept',
      code: 'FROM python:3.11-slim\r\nENV A=1 \\\r\n    B=$A\r\n',
      errors: [{ line: 3, column: 7, endColumn: 9 }],
      suggestion: 'FROM python:3.11-slim\r\nENV A=1\r\nENV B=$A\r\n',
    },
  ],
});
