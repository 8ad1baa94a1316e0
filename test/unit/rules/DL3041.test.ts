import { DL3041 } from '../../../src/core/dockerfile/rules/DL3041';
import { ruleTests } from '../ruleTester';

ruleTests(DL3041, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y nginx-1.24.0 && dnf clean all\n',
    { name: 'a module stream', code: 'FROM fedora:40\nRUN dnf install -y @nodejs:20\n' },
    { name: 'module install', code: 'FROM rockylinux:9\nRUN dnf module install -y nodejs:20\n' },
    { name: 'a group', code: 'FROM fedora:40\nRUN dnf group install -y "Development Tools"\n' },
    { name: 'an RPM file', code: 'FROM fedora:40\nRUN dnf install -y ./tool-1.0.x86_64.rpm\n' },
  ],
  invalid: [
    {
      name: 'names without versions',
      code: 'FROM fedora:40\nRUN dnf install -y nginx python3.12\n',
      errors: [
        { line: 2, column: 20, endColumn: 25, message: /nginx-<version>/ },
        { line: 2, column: 26, endColumn: 36 },
      ],
    },
    {
      name: 'microdnf',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y jq\n',
      errors: [{ line: 2, column: 25, endColumn: 27, message: /^microdnf installs/ }],
    },
    {
      name: 'exec form',
      code: 'FROM fedora:40\nRUN ["dnf", "install", "-y", "jq"]\n',
      errors: [{ line: 2, column: 31, endColumn: 33 }],
    },
  ],
});
