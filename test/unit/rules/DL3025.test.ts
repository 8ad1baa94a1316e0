import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DL3025, isJsonNotation } from '../../../src/core/dockerfile/rules/DL3025';
import { ruleTests } from '../ruleTester';

ruleTests(DL3025, {
  valid: [
    'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    { name: 'ENTRYPOINT and CMD in JSON notation', code: 'FROM python:3.11-slim\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["--help"]\n' },
    { name: 'an explicit shell in JSON notation', code: 'FROM python:3.11-slim\nCMD ["/bin/sh", "-c", "exec uvicorn app:app --port $PORT"]\n' },
    { name: 'RUN may use shell form', code: 'FROM python:3.11-slim\nRUN echo hi\n' },
    { name: 'HEALTHCHECK in JSON notation, and HEALTHCHECK NONE', code: 'FROM python:3.11-slim AS base\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost:8000/health"]\nFROM base\nHEALTHCHECK NONE\n' },
    { name: 'CMD and ENTRYPOINT under ONBUILD are not judged', code: 'FROM python:3.11-slim\nONBUILD CMD python app.py\nONBUILD HEALTHCHECK CMD curl -f http://localhost/\n' },
  ],
  invalid: [
    {
      name: 'a plain command',
      code: 'FROM python:3.11-slim\nCMD uvicorn app:app --host 0.0.0.0 --port 8000\n',
      errors: [{ line: 2, column: 5, endColumn: 47, message: /CMD is in shell form/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    },
    {
      name: 'ENTRYPOINT with exec and quotes',
      code: 'FROM python:3.11-slim\nENTRYPOINT exec python -c "print(\'hi\')"\n',
      errors: [{ line: 2, column: 12, endColumn: 40, message: /ignores CMD/ }],
      suggestion: 'FROM python:3.11-slim\nENTRYPOINT ["python", "-c", "print(\'hi\')"]\n',
    },
    {
      name: 'quotes and backslashes are escaped for JSON',
      code: 'FROM python:3.11-slim\nCMD echo "say \\"hi\\"" \'C:\\path\'\n',
      errors: [{ line: 2, column: 5 }],
      suggestion: 'FROM python:3.11-slim\nCMD ["echo", "say \\"hi\\"", "C:\\\\path"]\n',
    },
    {
      name: 'a variable needs the shell: it stays, and exec hands over PID 1',
      code: 'FROM python:3.11-slim\nCMD uvicorn app:app --port $PORT\n',
      errors: [{ line: 2, column: 5, endColumn: 33 }],
      suggestion: 'FROM python:3.11-slim\nCMD ["/bin/sh", "-c", "exec uvicorn app:app --port $PORT"]\n',
    },
    {
      name: 'several commands keep the script as it is',
      code: 'FROM python:3.11-slim\nCMD ./migrate.sh && exec gunicorn app:app\n',
      errors: [{ line: 2, column: 5 }],
      suggestion: 'FROM python:3.11-slim\nCMD ["/bin/sh", "-c", "./migrate.sh && exec gunicorn app:app"]\n',
    },
    {
      name: 'a leading assignment cannot follow exec',
      code: 'FROM python:3.11-slim\nCMD WORKERS=4 gunicorn app:app\n',
      errors: [{ line: 2, column: 5 }],
      suggestion: 'FROM python:3.11-slim\nCMD ["/bin/sh", "-c", "WORKERS=4 gunicorn app:app"]\n',
    },
    {
      name: 'the SHELL in force runs the script',
      code: 'FROM python:3.11-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD serve | tee /var/log/app.log\n',
      errors: [{ line: 3, column: 5, message: /\/bin\/bash -o pipefail -c/ }],
      suggestion: 'FROM python:3.11-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ["/bin/bash", "-o", "pipefail", "-c", "serve | tee /var/log/app.log"]\n',
    },
    {
      name: 'continued over lines',
      code: 'FROM python:3.11-slim\nCMD python \\\n    -m app.main\n',
      errors: [{ line: 2, column: 5, endLine: 3, endColumn: 16 }],
      suggestion: 'FROM python:3.11-slim\nCMD ["python", "-m", "app.main"]\n',
    },
    {
      name: 'JSON with single quotes is shell form',
      code: "FROM python:3.11-slim\nCMD ['python', 'app.py']\n",
      errors: [{ line: 2, column: 5, endColumn: 25, message: /not valid JSON/ }],
      suggestion: 'FROM python:3.11-slim\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'JSON with a trailing comma',
      code: 'FROM python:3.11-slim\nENTRYPOINT ["python", "app.py",]\n',
      errors: [{ line: 2, column: 12, message: /not valid JSON/ }],
      suggestion: 'FROM python:3.11-slim\nENTRYPOINT ["python", "app.py"]\n',
    },
    {
      name: 'a PowerShell SHELL: the script is kept for it',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Write-Host hi\n',
      errors: [{ line: 3, column: 5 }],
      suggestion: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD ["powershell", "-Command", "Write-Host hi"]\n',
    },
    {
      name: 'a SHELL set in the stage it is built on',
      code: 'FROM python:3.11-slim AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD echo $HOME\n',
      errors: [{ line: 4, column: 5 }],
      suggestion: 'FROM python:3.11-slim AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD ["/bin/bash", "-c", "exec echo $HOME"]\n',
    },
    {
      name: 'a shell-form HEALTHCHECK CMD',
      code: 'FROM python:3.11-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health\n',
      errors: [{ line: 2, column: 28, endColumn: 68, message: /HEALTHCHECK CMD is in shell form.*distroless/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost:8000/health"]\n',
    },
    {
      name: 'a HEALTHCHECK script keeps its shell, without exec, and the stage\'s last SHELL',
      code: 'FROM python:3.11-slim\nhealthcheck --interval=30s \\\n  cmd curl -f http://localhost/ || exit 1\nSHELL ["/bin/bash", "-c"]\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 42 }],
      suggestion: 'FROM python:3.11-slim\nhealthcheck --interval=30s \\\n  cmd ["/bin/bash", "-c", "curl -f http://localhost/ || exit 1"]\nSHELL ["/bin/bash", "-c"]\n',
    },
    {
      name: 'a HEALTHCHECK CMD meant as JSON',
      code: "FROM python:3.11-slim\nHEALTHCHECK CMD ['curl', '-f', 'http://localhost/']\n",
      errors: [{ line: 2, column: 13, message: /HEALTHCHECK CMD looks like JSON notation/ }],
      suggestion: 'FROM python:3.11-slim\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
    },
  ],
});

describe('JSON notation, as JSON.parse reads it', () => {
  const byParse = (text: string): boolean => {
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
    } catch {
      return false;
    }
  };

  it('agrees with JSON.parse on written cases and on random arrays', () => {
    const cases = [
      '[]', '[ ]', '["a"]', '[ "a" , "b" ]', '["a",]', "['a']", '["a" "b"]', '["a\\"b"]', '["a\\\\"]', '["\\u00e9"]', '["\\u00g9"]',
      '["\\x41"]', '["\\/"]', '["tab\there"]', '["new\nline"]', '[\n  "a",\n  "b"\n]', '["a"]x', 'x["a"]', '[1]', '["a", 1]', '[["a"]]',
      '[null]', '["a"', '"a"]', '[""]', '["\\ud800"]', '["\ud800"]', '[\u00a0"a"]', '["a"]\u2028', '["\\"]', '[,"a"]', '["é", "日本"]',
    ];
    for (const text of cases) assert.equal(isJsonNotation(text), byParse(text), JSON.stringify(text));
    // Random texts over the characters that matter.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const alphabet = ['[', ']', '"', '\\', ',', ' ', '\t', '\n', 'a', 'u', '0', 'f', 'n', '/', '\u0001', "'", 'é'];
    let json = 0;
    for (let i = 0; i < 20000; i++) {
      const length = 2 + (next() % 12);
      let text = '[';
      for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
      text += next() % 4 === 0 ? '' : ']';
      assert.equal(isJsonNotation(text), byParse(text), JSON.stringify(text));
      if (byParse(text)) json++;
    }
    assert.ok(json > 50, `${json} of the random texts are JSON arrays of strings`);
  });
});
