import { DL3032 } from '../../../src/core/dockerfile/rules/DL3032';
import { ruleTests } from '../ruleTester';

ruleTests(DL3032, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    { name: 'the cache folder removed', code: 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum/*\n' },
    { name: 'a cache mount', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n' },
    { name: 'no install', code: 'FROM centos:7\nRUN yum makecache\n' },
    { name: 'clean with options, continued over lines', code: 'FROM centos:7\nRUN yum -y install httpd; \\\n    yum -q clean all\n' },
  ],
  invalid: [
    {
      name: 'no clean',
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: /yum clean all/ }],
      output: null,
      suggestion: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'clean before the install does not count',
      code: 'FROM centos:7\nRUN yum clean all && yum install -y httpd\n',
      errors: [{ line: 2, column: 22, endColumn: 25 }],
      suggestion: 'FROM centos:7\nRUN yum clean all && yum install -y httpd && yum clean all\n',
    },
    {
      name: 'exec form: no suggestion',
      code: 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n',
      errors: [{ line: 2, column: 7 }],
      suggestion: null,
    },
    {
      name: 'a trailing comment: no suggestion',
      code: 'FROM centos:7\nRUN yum install -y httpd \\\n    && echo done # installed\n',
      errors: [{ line: 2, column: 5 }],
      suggestion: null,
    },
  ],
});
