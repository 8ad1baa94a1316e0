import { DL3030 } from '../../../src/core/dockerfile/rules/DL3030';
import { ruleTests } from '../ruleTester';

ruleTests(DL3030, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    { name: '-y before the subcommand', code: 'FROM centos:7\nRUN yum -y install httpd\n' },
    { name: '--assumeyes', code: 'FROM centos:7\nRUN yum install --assumeyes httpd\n' },
    { name: '-y in a bundle', code: 'FROM centos:7\nRUN yum -qy install httpd\n' },
    { name: 'no install', code: 'FROM centos:7\nRUN yum makecache\n' },
    { name: 'dnf is DL3038', code: 'FROM fedora:40\nRUN dnf install httpd\n' },
  ],
  invalid: [
    {
      name: 'install without -y',
      code: 'FROM centos:7\nRUN yum install httpd-2.4.6\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: /Add -y/ }],
      output: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
    },
    {
      name: 'under sudo, after an option with a value, continued over lines',
      code: 'FROM centos:7\nRUN yum update -y && \\\n    sudo yum --enablerepo epel install \\\n      python3\n',
      errors: [{ line: 3, column: 10, endColumn: 13 }],
      output: 'FROM centos:7\nRUN yum update -y && \\\n    sudo yum --enablerepo epel install -y \\\n      python3\n',
    },
    {
      name: 'exec form',
      code: 'FROM centos:7\nRUN ["yum", "install", "python3"]\n',
      errors: [{ line: 2, column: 7, endColumn: 10 }],
      output: 'FROM centos:7\nRUN ["yum", "install", "-y", "python3"]\n',
    },
    {
      name: 'groupinstall',
      code: 'FROM centos:7\nRUN yum groupinstall "Development Tools"\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n',
    },
    {
      name: 'after env and a semicolon',
      code: 'FROM centos:7\nRUN yum makecache; env LANG=C yum install httpd\n',
      errors: [{ line: 2, column: 31, endColumn: 34 }],
      output: 'FROM centos:7\nRUN yum makecache; env LANG=C yum install -y httpd\n',
    },
  ],
});
