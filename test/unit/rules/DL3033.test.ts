import { DL3033 } from '../../../src/core/dockerfile/rules/DL3033';
import { ruleTests } from '../ruleTester';

ruleTests(DL3033, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6-97.el7 && yum clean all\n',
    { name: 'a version ending in digits after a name with digits', code: 'FROM centos:7\nRUN yum install -y java-11-openjdk-11.0.20.0.8\n' },
    { name: 'files and URLs', code: 'FROM centos:7\nRUN yum install -y https://example.com/x-1.rpm /tmp/local.rpm\n' },
    { name: 'a group', code: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n' },
    { name: 'a variable', code: 'FROM centos:7\nRUN yum install -y "$PKG"\n' },
    { name: 'not an install', code: 'FROM centos:7\nRUN yum update -y\n' },
  ],
  invalid: [
    {
      name: 'names without versions',
      code: 'FROM centos:7\nRUN yum install -y httpd java-11-openjdk\n',
      errors: [
        { line: 2, column: 20, endColumn: 25, message: /httpd-<version>/ },
        { line: 2, column: 26, endColumn: 41 },
      ],
    },
    {
      name: 'after an option with a value',
      code: 'FROM centos:7\nRUN yum --enablerepo epel install -y jq-1.6 htop\n',
      errors: [{ line: 2, column: 45, endColumn: 49 }],
    },
    {
      name: 'under sudo, continued over lines',
      code: 'FROM centos:7\nRUN sudo yum install -y \\\n    nginx\n',
      errors: [{ line: 3, column: 5, endColumn: 10 }],
    },
  ],
});
