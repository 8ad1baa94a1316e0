import { DL3016 } from '../../../src/core/dockerfile/rules/DL3016';
import { ruleTests } from '../ruleTester';

ruleTests(DL3016, {
  valid: [
    'FROM node:20-slim\nRUN npm install express@4.18.2\n',
    { name: 'package.json and the lock file', code: 'FROM node:20-slim\nRUN npm ci && npm install && npm run build\n' },
    { name: 'a scoped package with a version, a range', code: 'FROM node:20-slim\nRUN npm i @types/node@20.11.0 lodash@^4.17.21\n' },
    {
      name: 'git and hosted git at a commit or tag, a tarball, a path',
      code: 'FROM node:20-slim\nRUN npm install git+https://github.com/org/repo.git#v1.0.0 github:org/tool#abc123 org/lib#v2.1.0 ./vendor/pkg https://registry.example.com/x-1.0.0.tgz pkg.tgz file:../sdk\n',
    },
    {
      name: 'hadolint parity: full git URLs at a tag, paths and tarballs',
      code: 'FROM node:20-slim\nRUN npm install git+https://github.com/org/repo.git#v1.0.0 git://github.com/org/x.git#v2 ./vendor/pkg https://registry.example.com/x-1.0.0.tgz pkg.tgz file:../sdk.tgz ../sdk\n',
      settings: { hadolintParity: true },
    },
    { name: 'the value of --prefix is not a package', code: 'FROM node:20-slim\nRUN npm install --prefix /app\n' },
    { name: 'a variable', code: 'FROM node:20-slim\nRUN npm install -g $TOOLS\n' },
    {
      // What hadolint 2.15.1 does not report, found by running it.
      name: 'hadolint parity: option values hadolint does not take for packages',
      code: 'FROM node:20-slim\nRUN npm install --omit=dev --prefix /app --loglevel warn --registry https://r.example.com express@4.18.2\n',
      settings: { hadolintParity: true },
    },
    {
      name: 'hadolint parity: variables with a version, in a path or URL, and npm i',
      code: 'FROM node:20-slim\nRUN npm install $PKG@1 express@$VER "express@${VER}" ./$DIR https://$HOST/x.tgz\nRUN npm i $PKG && npm add $PKG\nRUN sudo npm install $PKG\n',
      settings: { hadolintParity: true },
    },
    { name: 'yarn is not npm', code: 'FROM node:20-slim\nRUN yarn add left-pad\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: option values hadolint takes for packages',
      code: 'FROM node:20-slim\nRUN npm install --omit dev --prefix app -w pkg\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 24, endColumn: 27, message: /^dev is the value of --omit, not a package\. Reported because hadolint reports it \(hadolint parity is on\)/ },
        { line: 2, column: 37, endColumn: 40, message: /^app is the value of --prefix/ },
        { line: 2, column: 44, endColumn: 47, message: /^pkg is the value of -w/ },
      ],
    },
    {
      name: 'hadolint parity: packages given as variables or a command substitution, as hadolint reports them',
      code: 'FROM node:20-slim\nRUN npm install -g $TOOLS "$TOOL" @scope/$NAME $ORG/$REPO $(cat tools.txt)\nRUN NODE_ENV=production npm install $PKG\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 20, endColumn: 26, message: /^npm install \$TOOLS installs what \$TOOLS holds when the image is built\. Reported because hadolint reports it \(hadolint parity is on\)/ },
        { line: 2, column: 27, endColumn: 34, message: /^npm install \$TOOL installs/ },
        { line: 2, column: 35, endColumn: 47, message: /^npm install @scope\/\$NAME installs/ },
        { line: 2, column: 48, endColumn: 58, message: /^npm install \$ORG\/\$REPO installs/ },
        { line: 2, column: 59, endColumn: 75, message: /^npm install \$\(cat tools\.txt\) installs/ },
        { line: 3, column: 37, endColumn: 41, message: /^npm install \$PKG installs/ },
      ],
    },
    {
      name: 'hadolint parity: hosted git at a commit or tag, a file: folder',
      code: 'FROM node:20-slim\nRUN npm install github:org/tool#abc123 org/lib#v2.1.0 file:../sdk\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 17, endColumn: 39, message: /^github:org\/tool#abc123 installs from a git repository at a fixed commit or tag\. Reported because hadolint reports it \(hadolint parity is on\)/ },
        { line: 2, column: 40, endColumn: 54, message: /^org\/lib#v2\.1\.0 installs from a git repository at a fixed commit or tag\. Reported because hadolint reports it/ },
        { line: 2, column: 55, endColumn: 66, message: /^file:\.\.\/sdk installs a local folder\. Reported because hadolint reports it \(hadolint parity is on\)/ },
      ],
    },
    {
      name: 'a global tool without a version',
      code: 'FROM node:20-slim\nRUN npm install -g typescript\n',
      errors: [{ line: 2, column: 20, endColumn: 30, message: /typescript is installed without a version/ }],
      output: null,
      suggestion: null,
    },
    { name: 'a scoped package', code: 'FROM node:20-slim\nRUN npm i --save-dev @types/node\n', errors: [{ line: 2, column: 22, endColumn: 33 }] },
    { name: 'the latest tag', code: 'FROM node:20-slim\nRUN npm install left-pad@latest\n', errors: [{ line: 2, column: 17, endColumn: 32, message: /latest tag/ }] },
    {
      name: 'PowerShell: npm runs on Windows too',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN npm install -g typescript; npm install -g left-pad@1.3.0\n',
      errors: [{ line: 3, column: 20, endColumn: 30 }],
    },
    {
      name: 'git and hosted git without a commit or tag follow the default branch, as hadolint also reports',
      code: 'FROM node:20-slim\nRUN npm install git+https://github.com/org/repo.git org/lib\n',
      errors: [
        { line: 2, column: 17, endColumn: 52, message: /follows the default branch.*#<commit-or-tag>/ },
        { line: 2, column: 53, endColumn: 60 },
      ],
    },
    { name: 'after the value of --prefix', code: 'FROM node:20-slim\nRUN npm install --prefix /srv lodash\n', errors: [{ line: 2, column: 31, endColumn: 37 }] },
    {
      name: 'continuation lines, after &&',
      code: 'FROM node:20-slim\nRUN npm ci && npm install \\\n    express@4.18.2 \\\n    cors\n',
      errors: [{ line: 4, column: 5, endColumn: 9 }],
    },
  ],
});
