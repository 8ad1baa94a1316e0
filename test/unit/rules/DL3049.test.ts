import { DL3049 } from '../../../src/core/dockerfile/rules/DL3049';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema the rule has nothing to require.
ruleTests(DL3049, {
  valid: ['FROM python:3.11-slim\nCMD ["python3", "app.py"]\n'],
  invalid: [],
});

const settings: DockerfileSettings = { labelSchema: { maintainer: 'email', 'org.opencontainers.image.version': 'semver' } };

ruleTests(DL3049, {
  valid: [
    { name: 'every label set', code: 'FROM python:3.11-slim\nLABEL maintainer="ml@example.com" \\\n      org.opencontainers.image.version=1.0.0\n', settings },
    { name: 'inherited from the stage it builds on', code: 'FROM python:3.11-slim AS base\nLABEL maintainer=ml@example.com org.opencontainers.image.version=1.0.0\nFROM base\nCMD ["python3", "app.py"]\n', settings },
    { name: 'a builder stage without labels is not judged', code: 'FROM python:3.11 AS build\nRUN pip wheel -w /wheels fastapi==0.111.0\nFROM python:3.11-slim\nCOPY --from=build /wheels /wheels\nLABEL maintainer=ml@example.com\nLABEL org.opencontainers.image.version=1.0.0\n', settings },
    { name: 'a label set to a build argument', code: 'FROM python:3.11-slim\nARG VERSION\nLABEL maintainer=ml@example.com org.opencontainers.image.version=$VERSION\n', settings },
    { name: 'an empty file', code: '', settings },
  ],
  invalid: [
    {
      name: 'one label missing',
      code: 'FROM python:3.11-slim\nLABEL maintainer=ml@example.com\n',
      settings,
      errors: [{ line: 1, column: 1, endColumn: 5, message: /Label "org\.opencontainers\.image\.version" is missing.*\(semver\)/ }],
    },
    {
      name: 'labels set only in a builder stage the final stage does not build on',
      code: 'FROM python:3.11 AS build\nLABEL maintainer=ml@example.com org.opencontainers.image.version=1.0.0\nFROM python:3.11-slim\nCOPY --from=build /wheels /wheels\n',
      settings,
      errors: [
        { line: 3, column: 1, message: /"maintainer"/ },
        { line: 3, column: 1, message: /"org\.opencontainers\.image\.version"/ },
      ],
    },
    { name: 'no label at all', code: 'FROM python:3.11-slim\n', settings, errors: [{ line: 1, column: 1 }, { line: 1, column: 1 }] },
    {
      name: 'a stage nothing uses is an image too (--target), as in hadolint',
      code: 'FROM python:3.11-slim AS dev\nRUN pip install --no-cache-dir pytest==8.2.0\nFROM python:3.11-slim\nLABEL maintainer=ml@example.com org.opencontainers.image.version=1.0.0\n',
      settings,
      errors: [
        { line: 1, column: 1, message: /"maintainer" is missing.*to this stage or a stage it builds on/ },
        { line: 1, column: 1, message: /"org\.opencontainers\.image\.version"/ },
      ],
    },
    {
      name: 'stages used by index and by a mount are builders',
      code: 'FROM python:3.11 AS wheels\nFROM python:3.11 AS cache\nFROM python:3.11-slim AS test\nFROM python:3.11-slim\nCOPY --from=0 /wheels /wheels\nRUN --mount=type=bind,from=cache,target=/c ls /c\nLABEL maintainer=ml@example.com org.opencontainers.image.version=1.0.0\n',
      settings,
      errors: [{ line: 3, column: 1 }, { line: 3, column: 1 }],
    },
  ],
});

// Which stages hadolint 2.15.1 judges, found by running it.
const parity: DockerfileSettings = { labelSchema: { a: 'text' }, hadolintParity: true };

ruleTests(DL3049, {
  valid: [
    { name: 'hadolint parity: a label set on the stage built on this one counts for it', code: 'FROM debian:12 AS base\nRUN true\nFROM base\nLABEL a=1\n', settings: parity },
    { name: 'hadolint parity: a stage a later COPY --from names is not judged', code: 'FROM debian:12 AS b\nRUN true\nFROM debian:12\nLABEL a=1\nCOPY --from=b /x /x\n', settings: parity },
  ],
  invalid: [
    {
      name: 'hadolint parity: a stage only another stage is built on',
      code: 'FROM debian:12 AS base\nRUN true\nFROM base\nRUN true\n',
      settings: parity,
      errors: [
        { line: 1, column: 1, endColumn: 5, message: /^Label "a" is missing on this stage\. Reported because hadolint reports it \(hadolint parity is on\)/ },
        { line: 3, column: 1, endColumn: 5, message: /^Label "a" is missing: the label schema requires it/ },
      ],
    },
    {
      name: 'hadolint parity: stages used by COPY --from in another case, by index, or by a mount',
      code: 'FROM debian:12 AS b\nRUN true\nFROM debian:12 AS c\nRUN true\nFROM debian:12 AS d\nRUN true\nFROM debian:12\nLABEL a=1\nCOPY --from=B /x /x\nCOPY --from=1 /y /y\nRUN --mount=type=bind,from=d,target=/m true\n',
      settings: parity,
      errors: [
        { line: 1, column: 1, endColumn: 5, message: /COPY --from=b names, in that case/ },
        { line: 3, column: 1, endColumn: 5, message: /Reported because hadolint reports it/ },
        { line: 5, column: 1, endColumn: 5, message: /Reported because hadolint reports it/ },
      ],
    },
  ],
});
