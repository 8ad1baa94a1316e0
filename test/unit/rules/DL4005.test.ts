import { DL4005 } from '../../../src/core/dockerfile/rules/DL4005';
import { ruleTests } from '../ruleTester';

ruleTests(DL4005, {
  valid: [
    { name: 'SHELL', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' },
    { name: 'another link', code: 'FROM python:3.11-slim\nRUN ln -s /usr/bin/python3 /usr/local/bin/python\n' },
    { name: '/bin/sh as the target, not the link', code: 'FROM debian:12-slim\nRUN ln -s /bin/sh /usr/local/bin/posix-sh\n' },
    { name: 'a link into a directory', code: 'FROM debian:12-slim\nRUN ln -s -t /bin/sh /opt/tool\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n',
      errors: [{ line: 2, column: 22, endColumn: 29, message: /Linking \/bin\/sh to \/bin\/bash.*SHELL \["\/bin\/bash", "-c"\]/ }],
    },
    {
      name: 'after rm, a relative target',
      code: 'FROM debian:12-slim\nRUN rm /bin/sh && ln -s bash /bin/sh\n',
      errors: [{ line: 2, column: 30, endColumn: 37 }],
    },
    {
      name: 'merged /usr, sudo, continuation line',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    sudo ln -sf /bin/dash /usr/bin/sh\n',
      errors: [{ line: 3, column: 27, endColumn: 38 }],
    },
    { name: 'exec form', code: 'FROM debian:12-slim\nRUN ["ln", "-sf", "/bin/bash", "/bin/sh"]\n', errors: [{ line: 2, column: 33, endColumn: 40 }] },
  ],
});
