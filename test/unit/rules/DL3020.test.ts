import { DL3020 } from '../../../src/core/dockerfile/rules/DL3020';
import { ruleTests } from '../ruleTester';

ruleTests(DL3020, {
  valid: [
    'FROM python:3.11-slim\nCOPY requirements.txt /app/\n',
    { name: 'a URL is what ADD is for', code: 'FROM python:3.11-slim\nADD https://example.com/model.onnx /models/\n' },
    { name: 'a git URL', code: 'FROM python:3.11-slim\nADD git@github.com:org/repo.git /src\n' },
    { name: 'hadolint parity: an https Git URL, a URL and archives, which hadolint takes for ADD too', code: 'FROM python:3.11-slim\nADD https://github.com/org/repo.git /src\nADD https://example.com/model.onnx rootfs.tar.xz /models/\nADD app.tgz /opt/app/\n', settings: { hadolintParity: true } },
    { name: 'a local tar archive is unpacked', code: 'FROM scratch\nADD rootfs.tar.xz /\n' },
    { name: 'a .tgz archive', code: 'FROM python:3.11-slim\nADD app.tgz /opt/app/\n' },
    { name: 'one archive among the sources', code: 'FROM python:3.11-slim\nADD config.json model.tar.gz /opt/\n' },
    { name: 'a variable may be a URL or an archive', code: 'FROM python:3.11-slim\nARG ARCHIVE\nADD $ARCHIVE /opt/\n' },
    { name: 'a heredoc', code: 'FROM python:3.11-slim\nADD <<EOF /etc/app.conf\nkey=1\nEOF\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: a Git source over ssh, a variable, an archive among local files',
      code: 'FROM python:3.11-slim\nADD git@github.com:org/repo.git /src\nADD $ARCHIVE /opt/\nADD config.json model.tar.gz /opt/\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 1, endColumn: 4, message: /^ADD git@github\.com:org\/repo\.git clones a Git repository \(ADD's Git source\)\. Reported because hadolint reports it \(hadolint parity is on\): hadolint asks for COPY, which this linter alone does not, because COPY cannot do that\.$/ },
        { line: 3, column: 1, endColumn: 4, message: /^ADD \$ARCHIVE names a variable, which may hold a URL/ },
        { line: 4, column: 1, endColumn: 4, message: /^ADD model\.tar\.gz names an archive, which ADD unpacks\. Reported because/ },
      ],
      output: null,
    },
    {
      name: 'a local file',
      code: 'FROM python:3.11-slim\nADD requirements.txt /app/\n',
      errors: [{ line: 2, column: 1, endColumn: 4, message: /use COPY/ }],
      output: 'FROM python:3.11-slim\nCOPY requirements.txt /app/\n',
    },
    {
      name: 'lower case, with flags COPY also has',
      code: 'FROM python:3.11-slim\nadd --chown=app:app --chmod=755 run.sh /usr/local/bin/\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }],
      output: 'FROM python:3.11-slim\ncopy --chown=app:app --chmod=755 run.sh /usr/local/bin/\n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.11-slim\nADD ["my file.txt", "/app/"]\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }],
      output: 'FROM python:3.11-slim\nCOPY ["my file.txt", "/app/"]\n',
    },
    {
      name: 'continued over lines, in a later stage',
      code: 'FROM python:3.11 AS build\nRUN make\nFROM python:3.11-slim\nADD src \\\n    /app/src\n',
      errors: [{ line: 4, column: 1, endColumn: 4 }],
      output: 'FROM python:3.11 AS build\nRUN make\nFROM python:3.11-slim\nCOPY src \\\n    /app/src\n',
    },
    {
      name: 'an ADD-only flag: no safe fix',
      code: 'FROM python:3.11-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d app.py /app/\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }],
      output: null,
    },
  ],
});
