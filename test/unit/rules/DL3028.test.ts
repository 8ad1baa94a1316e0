import { DL3028 } from '../../../src/core/dockerfile/rules/DL3028';
import { ruleTests } from '../ruleTester';

ruleTests(DL3028, {
  valid: [
    'FROM ruby:3.3\nRUN gem install rails:7.1.3\n',
    { name: '-v pins', code: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.6\n' },
    { name: '--version= pins', code: 'FROM ruby:3.3\nRUN gem install --version=2.5.6 bundler\n' },
    { name: 'a local gem file', code: 'FROM ruby:3.3\nRUN gem install ./vendor/x-1.0.gem\n' },
    { name: 'an attached -v value pins', code: 'FROM ruby:3.3\nRUN gem install nokogiri -v1.2\n' },
    {
      name: 'hadolint parity: a separate -v, --version=, a pin after a flag, a gem right after a flag',
      code: 'FROM ruby:3.3\nRUN gem install ./x-1.2.gem -v 1.2\nRUN gem install --version=1.2 ./x.gem\nRUN gem install nokogiri:1.2 -v1.2\nRUN gem install -v1.2 nokogiri\nRUN gem install --local ./x-1.2.gem\n',
      settings: { hadolintParity: true },
    },
    { name: 'not gem install', code: 'FROM ruby:3.3\nRUN gem update --system 3.5.6 && bundle install\n' },
    { name: 'a variable', code: 'FROM ruby:3.3\nRUN gem install "$GEM"\n' },
    {
      // What hadolint 2.15.1 does not report, found by running it.
      name: 'hadolint parity: variables with a version, or pinned by -v',
      code: 'FROM ruby:3.3\nRUN gem install $GEM:1.0 rails:$V\nRUN gem install $GEM -v 1\nRUN gem install rails -v $V\n',
      settings: { hadolintParity: true },
    },
  ],
  invalid: [
    {
      name: 'hadolint parity: gems given as variables or a command substitution, as hadolint reports them',
      code: 'FROM ruby:3.3\nRUN gem install $GEM "${OTHER}"\nRUN gem install $(cat gems.txt)\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 17, endColumn: 21, message: /^gem install \$GEM installs what \$GEM holds when the image is built\. Reported because hadolint reports it \(hadolint parity is on\)/ },
        { line: 2, column: 22, endColumn: 32, message: /^gem install \$\{OTHER\} installs/ },
        { line: 3, column: 17, endColumn: 32, message: /^gem install \$\(cat gems\.txt\) installs/ },
      ],
    },
    {
      name: 'hadolint parity: an attached -v value',
      code: 'FROM ruby:3.3\nRUN gem install nokogiri -v1.2 -N rails\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 17, endColumn: 25, message: /^gem install nokogiri is pinned by a version attached to its flag \(-v1\.2\)\. Reported because hadolint reports it \(hadolint parity is on\)/ }],
    },
    {
      name: 'hadolint parity: a local gem file',
      code: 'FROM ruby:3.3\nRUN gem install ./vendor/x-1.0.gem\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 17, endColumn: 35, message: /^gem install \.\/vendor\/x-1\.0\.gem installs a local gem file\. Reported because hadolint reports it \(hadolint parity is on\)/ }],
    },
    {
      name: 'one gem',
      code: 'FROM ruby:3.3\nRUN gem install rails\n',
      errors: [{ line: 2, column: 17, endColumn: 22, message: /rails:<version>/ }],
    },
    {
      name: 'one of several, after flags',
      code: 'FROM ruby:3.3\nRUN gem install --no-document -N rake:13.1.0 rspec\n',
      errors: [{ line: 2, column: 46, endColumn: 51 }],
    },
    {
      name: 'gem i, the short name of install',
      code: 'FROM ruby:3.3\nRUN gem i nokogiri\n',
      errors: [{ line: 2, column: 11, endColumn: 19, message: /nokogiri:<version>/ }],
    },
    {
      name: 'a gem right after a flag that takes no value',
      code: 'FROM ruby:3.3\nRUN gem install --no-document nokogiri\n',
      errors: [{ line: 2, column: 31, endColumn: 39 }],
    },
    {
      name: 'under sudo, continued over lines',
      code: 'FROM ruby:3.3\nRUN apt-get update && \\\n    sudo gem install \\\n      nokogiri\n',
      errors: [{ line: 4, column: 7, endColumn: 15 }],
    },
    {
      name: 'exec form',
      code: 'FROM ruby:3.3\nRUN ["gem", "install", "puma"]\n',
      errors: [{ line: 2, column: 25, endColumn: 29 }],
    },
  ],
});
