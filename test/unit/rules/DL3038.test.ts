import { DL3038 } from '../../../src/core/dockerfile/rules/DL3038';
import { ruleTests } from '../ruleTester';

ruleTests(DL3038, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y nginx && dnf clean all\n',
    { name: '-y before the subcommand', code: 'FROM fedora:40\nRUN dnf -y install nginx\n' },
    { name: '--assumeyes', code: 'FROM fedora:40\nRUN dnf --assumeyes install nginx\n' },
    { name: 'microdnf with -y', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y --nodocs nginx && microdnf clean all\n' },
    { name: 'no install', code: 'FROM fedora:40\nRUN dnf makecache\n' },
  ],
  invalid: [
    {
      name: 'microdnf asks too (UBI 9 and later)',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install --nodocs shadow-utils\n',
      errors: [{ line: 2, column: 5, endColumn: 13, message: /microdnf install without -y/ }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y --nodocs shadow-utils\n',
    },
    {
      name: 'install without -y',
      code: 'FROM fedora:40\nRUN dnf install nginx-1.24.0\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: /dnf install without -y/ }],
      output: 'FROM fedora:40\nRUN dnf install -y nginx-1.24.0\n',
    },
    {
      name: 'group install: -y goes after both words',
      code: 'FROM fedora:40\nRUN dnf group install "Development Tools"\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM fedora:40\nRUN dnf group install -y "Development Tools"\n',
    },
    {
      name: 'exec form',
      code: 'FROM fedora:40\nRUN ["dnf", "install", "nginx"]\n',
      errors: [{ line: 2, column: 7, endColumn: 10 }],
      output: 'FROM fedora:40\nRUN ["dnf", "install", "-y", "nginx"]\n',
    },
    {
      name: 'under sudo, continued over lines',
      code: 'FROM fedora:40\nRUN dnf -y update && \\\n    sudo dnf install \\\n      nginx\n',
      errors: [{ line: 3, column: 10, endColumn: 13 }],
      output: 'FROM fedora:40\nRUN dnf -y update && \\\n    sudo dnf install -y \\\n      nginx\n',
    },
  ],
});
