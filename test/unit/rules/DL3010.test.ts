import { DL3010 } from '../../../src/core/dockerfile/rules/DL3010';
import { ruleTests } from '../ruleTester';

ruleTests(DL3010, {
  valid: [
    { name: 'an archive copied as it is (a SageMaker model.tar.gz)', code: 'FROM python:3.11-slim\nCOPY model.tar.gz /opt/ml/model/model.tar.gz\n' },
    { name: 'ADD already unpacks', code: 'FROM python:3.11-slim\nADD app.tar.gz /app/\n' },
    { name: 'ADD does not unpack zip files', code: 'FROM python:3.11-slim\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /app\n' },
    { name: 'ADD cannot copy from a stage', code: 'FROM debian:12 AS build\nRUN tar -czf /out/app.tar.gz /src\nFROM debian:12-slim\nCOPY --from=build /out/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n' },
    { name: 'listing is not extracting', code: 'FROM debian:12\nCOPY data.tar.gz /tmp/\nRUN tar -tzf /tmp/data.tar.gz\n' },
    { name: 'copied in an unrelated stage', code: 'FROM debian:12 AS a\nCOPY app.tar.gz /tmp/\nFROM debian:12\nRUN tar xzf /tmp/app.tar.gz\n' },
    {
      name: 'a builder stage whose files are only copied out',
      code: 'FROM debian:12 AS build\nCOPY model.tar.gz /tmp/\nRUN tar -xzf /tmp/model.tar.gz -C /opt/models\nFROM debian:12-slim\nCOPY --from=build /opt/models /opt/models\n',
    },
  ],
  invalid: [
    {
      name: 'COPY then tar -x',
      code: 'FROM debian:12\nCOPY model.tar.gz /tmp/\nRUN tar -xzf /tmp/model.tar.gz -C /opt && rm /tmp/model.tar.gz\n',
      errors: [{ line: 2, column: 6, endColumn: 18, message: /unpacked with tar on line 3/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'old-style options, after cd',
      code: 'FROM debian:12\nCOPY ./dist/app.tgz /tmp/app.tgz\nRUN cd /opt && tar xzf /tmp/app.tgz\n',
      errors: [{ line: 2, column: 6, endColumn: 20 }],
    },
    {
      name: 'long options, on a continuation line',
      code: 'FROM debian:12\nCOPY weights.tar.xz /w/\nRUN mkdir -p /models \\\n    && tar --extract --file=/w/weights.tar.xz -C /models\n',
      errors: [{ line: 2, column: 6, endColumn: 20 }],
    },
    {
      name: 'copied in the stage the RUN builds on',
      code: 'FROM debian:12 AS base\nCOPY app.tar /tmp/\nFROM base\nRUN tar -xf /tmp/app.tar\n',
      errors: [{ line: 2, column: 6, endColumn: 13 }],
    },
  ],
});
