import { DL3037 } from '../../../src/core/dockerfile/rules/DL3037';
import { ruleTests } from '../ruleTester';

ruleTests(DL3037, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean\n',
    { name: 'a comparison', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install "curl>=8"\n' },
    { name: 'the RPM spelling with a dotted version', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl-8.6.0 git-2.43.0-150600.1.1\n' },
    { name: 'a pattern', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install -t pattern devel_basis\n' },
    { name: 'a pattern by prefix', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install pattern:devel_basis\n' },
    { name: 'an RPM file', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install /tmp/tool.rpm\n' },
    { name: 'hadolint parity: zypper si is not judged by hadolint', code: 'FROM opensuse/leap:15.6\nRUN zypper -n si curl-8.6.0\n', settings: { hadolintParity: true } },
  ],
  invalid: [
    {
      name: 'hadolint parity: the RPM spelling with a dotted version is reported, as hadolint does',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl-8.0.1 && zypper clean\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 23, endColumn: 33, message: /^curl-8\.0\.1 is the RPM spelling .*Reported because hadolint reports it \(hadolint parity is on\).*curl=8\.0\.1 satisfies both/ }],
    },
    {
      name: 'a name without a version',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl git=2.43\n',
      errors: [{ line: 2, column: 23, endColumn: 27, message: /curl=<version>/ }],
    },
    {
      name: 'a dash and a number without a dot is part of the name',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y gcc-13 libxml2-2 && zypper clean\n',
      errors: [
        { line: 2, column: 23, endColumn: 29, message: /gcc-13=<version>/ },
        { line: 2, column: 30, endColumn: 39, message: /libxml2-2=<version>/ },
      ],
    },
    {
      name: 'after global options and -y',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n --gpg-auto-import-keys in -y vim\n',
      errors: [{ line: 2, column: 44, endColumn: 47 }],
    },
  ],
});
