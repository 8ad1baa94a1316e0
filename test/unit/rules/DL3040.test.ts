import { DL3040 } from '../../../src/core/dockerfile/rules/DL3040';
import { ruleTests } from '../ruleTester';

ruleTests(DL3040, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y nginx && dnf clean all\n',
    { name: 'microdnf', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y nginx && microdnf clean all\n' },
    { name: 'yum is dnf on these systems', code: 'FROM rockylinux:9\nRUN dnf install -y nginx && yum clean all\n' },
    { name: 'the cache folder removed', code: 'FROM fedora:40\nRUN dnf install -y nginx && rm -rf /var/cache/dnf\n' },
    { name: 'a cache mount', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y nginx\n' },
    { name: 'no install', code: 'FROM fedora:40\nRUN dnf makecache\n' },
  ],
  invalid: [
    {
      name: 'no clean',
      code: 'FROM fedora:40\nRUN dnf install -y nginx\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: /dnf clean all/ }],
      output: null,
      suggestion: 'FROM fedora:40\nRUN dnf install -y nginx && dnf clean all\n',
    },
    {
      name: 'microdnf, continued over lines',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf update -y && \\\n    microdnf install -y nginx\n',
      errors: [{ line: 3, column: 5, endColumn: 13, message: /microdnf clean all/ }],
      suggestion: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf update -y && \\\n    microdnf install -y nginx && microdnf clean all\n',
    },
  ],
});
