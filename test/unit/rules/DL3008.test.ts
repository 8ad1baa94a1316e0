import { DL3008 } from '../../../src/core/dockerfile/rules/DL3008';
import { ruleTests } from '../ruleTester';

ruleTests(DL3008, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
    { name: 'a version glob', code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.*\n' },
    { name: 'a local .deb', code: 'FROM debian:12\nRUN apt-get install -y ./cuda-keyring_1.1-1_all.deb\n' },
    { name: 'a variable list', code: 'FROM debian:12\nRUN apt-get install -y $BUILD_PACKAGES\n' },
    { name: 'a package name with a variable', code: 'FROM debian:12\nRUN apt-get install -y linux-headers-$KVER\n' },
    { name: 'hadolint parity: a variable version is pinned', code: 'FROM debian:12\nRUN apt-get install -y curl=$CURL_VERSION\n', settings: { hadolintParity: true } },
    { name: 'the value of -t and -o is not a package', code: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y -t bookworm-backports curl=8.5.0-1~bpo12+1\n' },
    { name: 'apt-get update and remove', code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl\n' },
    { name: 'apt is DL3027', code: 'FROM debian:12\nRUN apt install -y curl\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: a package name with a variable',
      code: 'FROM debian:12\nRUN apt-get install -y linux-headers-$KVER\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 24, endColumn: 43, message: /^linux-headers-\$KVER installs a package whose name comes from a variable, without a version\. Reported because hadolint reports it \(hadolint parity is on\)/ }],
    },
    {
      name: 'one unpinned package among pinned ones',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget=1.21.*\n',
      errors: [{ line: 2, column: 66, endColumn: 70, message: /curl is installed without a version/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'sudo and continuation lines',
      code: 'FROM debian:12\nRUN sudo apt-get install -y \\\n    python3 \\\n    python3-pip=23.0.1+dfsg-1\n',
      errors: [{ line: 3, column: 5, endColumn: 12 }],
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ line: 2, column: 35, endColumn: 39 }],
    },
    {
      name: 'after the value of -t',
      code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl\n',
      errors: [{ line: 2, column: 46, endColumn: 50 }],
    },
    {
      name: 'a release is not a version',
      code: 'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports\n',
      errors: [{ line: 2, column: 24, endColumn: 47 }],
    },
  ],
});
