import { DL3060 } from '../../../src/core/dockerfile/rules/DL3060';
import { ruleTests } from '../ruleTester';

ruleTests(DL3060, {
  valid: [
    { name: 'cache cleaned in the same RUN', code: 'FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { name: 'cleaned with --all after a continuation', code: 'FROM node:20-slim\nRUN yarn install --immutable \\\n && yarn cache clean --all\n' },
    { name: 'a cache mount', code: 'FROM node:20-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n' },
    { name: 'a cache mount after another mount', code: 'FROM node:20-slim\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n' },
    { name: 'the cache folder removed by hand', code: 'FROM node:20-slim\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n' },
    { name: 'yarn without install', code: 'FROM node:20-slim\nRUN yarn build && yarn test\n' },
    { name: 'npm', code: 'FROM node:20-slim\nRUN npm ci\n' },
    { name: 'yarn --version only prints', code: 'FROM node:20-slim\nRUN yarn --version\n' },
    { name: 'exec form yarn -v', code: 'FROM node:20-slim\nRUN ["yarn", "-v"]\n' },
  ],
  invalid: [
    {
      name: 'yarn install',
      code: 'FROM node:20-slim\nRUN yarn install --frozen-lockfile\n',
      errors: [{ line: 2, column: 10, endColumn: 17, message: /yarn cache clean missing after yarn install/ }],
      output: null,
      suggestion: 'FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    {
      name: 'bare yarn installs too',
      code: 'FROM node:20-slim\nRUN yarn\n',
      errors: [{ line: 2, column: 5, endColumn: 9 }],
      suggestion: 'FROM node:20-slim\nRUN yarn && yarn cache clean\n',
    },
    {
      name: 'in a chain: the clean goes right after the install',
      code: 'FROM node:20-slim\nRUN yarn install && yarn build\n',
      errors: [{ line: 2, column: 10 }],
      suggestion: 'FROM node:20-slim\nRUN yarn install && yarn cache clean && yarn build\n',
    },
    {
      name: 'a global option with a value before install',
      code: 'FROM node:20-slim\nRUN yarn --cwd /app install\n',
      errors: [{ line: 2, column: 21, endColumn: 28 }],
    },
    {
      name: 'piped: no suggestion',
      code: 'FROM node:20-slim\nRUN yarn install | tee /tmp/yarn.log\n',
      errors: [{ line: 2, column: 10 }],
      suggestion: null,
    },
    {
      name: 'sudo, on a continuation line',
      code: 'FROM node:20-slim\nRUN cd /app && \\\n    sudo yarn install\n',
      errors: [{ line: 3, column: 15, endColumn: 22 }],
      suggestion: 'FROM node:20-slim\nRUN cd /app && \\\n    sudo yarn install && yarn cache clean\n',
    },
    {
      name: 'a heredoc',
      code: '# syntax=docker/dockerfile:1\nFROM node:20\nRUN <<EOF\nyarn install\nEOF\n',
      errors: [{ line: 4, column: 6, endColumn: 13 }],
      suggestion: '# syntax=docker/dockerfile:1\nFROM node:20\nRUN <<EOF\nyarn install && yarn cache clean\nEOF\n',
    },
    { name: 'exec form: no suggestion', code: 'FROM node:20-slim\nRUN ["yarn", "install"]\n', errors: [{ line: 2, column: 15, endColumn: 22 }], suggestion: null },
  ],
});
