import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser, parseShellWords } from '../../src/core/dockerfile/bash';
import { parseDockerfile } from '../../src/core/dockerfile/model';
import { isPlainScript, joinContinuations, positionAt, runCommands, splitShell, tokenizeShell, unwrapCommand, wordRange, type ShellCommand } from '../../src/core/dockerfile/shell';
import { generateDiffCorpus } from '../diff/corpus';
import { BENCH_CORPUS_SEED, BENCH_CORPUS_SIZE, generateCorpus } from '../bench/corpus';

/** The Bash parser's commands for a script, wrappers stripped as splitShell strips them. */
const parserCommands = (script: string): ShellCommand[] => {
  const parsed = parseShellWords(script);
  assert.ok(parsed, 'the parser is loaded');
  return parsed.map((c) => unwrapCommand(c.words, c.piped));
};

const summary = (commands: ShellCommand[]): string[] => commands.map((c) => `${c.sudo ? 'sudo ' : ''}${c.words.map((w) => w.value).join(' ')}${c.piped ? ' |' : ''}`);

describe('the Bash parser', () => {
  before(() => initShellParser());

  it('finds every command that runs, wrappers stripped, with offsets into the script', () => {
    const script = `apt-get update && FOO=1 sudo -u app apt-get install -y "cu"rl 'a b' > /dev/null 2>&1; if true; then pip install x; fi; for i in 1 2; do npm i "$i"; done; curl -fsSL https://x | sh; (cd /tmp && make)`;
    const commands = splitShell(script);
    assert.deepEqual(summary(commands), [
      'apt-get update',
      'sudo apt-get install -y curl a b',
      'true',
      'pip install x',
      'npm i $i',
      'curl -fsSL https://x |',
      'sh |',
      'cd /tmp',
      'make',
    ]);
    const install = commands[1];
    assert.equal(script.slice(install.words[0].start, install.words[0].end), 'apt-get');
    assert.equal(script.slice(install.words[3].start, install.words[3].end), '"cu"rl');
  });

  it('looks into command substitutions, which run too', () => {
    assert.deepEqual(summary(splitShell('apt-get install -y $(cat /tmp/packages.txt)')), ['apt-get install -y $(cat /tmp/packages.txt)', 'cat /tmp/packages.txt']);
  });

  it('never throws on malformed shell, and still finds the commands it can', () => {
    for (const script of ['if then fi ((', '"unterminated', "echo 'x", 'a && && b', ')))(((', '$(', '<<EOF\n']) {
      assert.doesNotThrow(() => splitShell(script), script);
    }
    assert.deepEqual(summary(splitShell('apt-get install -y curl && "unterminated')).slice(0, 1), ['apt-get install -y curl']);
  });

  it('agrees with the fallback tokenizer on every RUN of the benchmark corpus', () => {
    let compared = 0;
    for (const file of generateCorpus(BENCH_CORPUS_SIZE, BENCH_CORPUS_SEED)) {
      const model = parseDockerfile(file.text);
      for (const run of model.instructions.filter((i) => i.getKeyword() === 'RUN')) {
        const raw = run.getRawArgumentsContent() ?? '';
        if (raw.trimStart().startsWith('<<') || raw.trimStart().startsWith('[')) continue;
        const script = joinContinuations(raw.replace(/^(\s*--\S+\s+)+/, ''), '\\');
        assert.deepEqual(summary(tokenizeShell(script)), summary(parserCommands(script)), `${file.name}: ${script}`);
        compared++;
      }
    }
    assert.ok(compared > 500, `compared ${compared} RUN bodies`);
  });

  it('agrees with the fallback tokenizer on redirections, `#` inside words and `in` outside for and case, which the tokenizer reads without the parser', () => {
    const scripts = [
      'echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app',
      'set -eo pipefail; wget -qO- https://example.com/key.asc | gpg --dearmor > /usr/share/keyrings/example.gpg',
      'mkdir -p /root/.ssh && ssh-keyscan github.com >> /root/.ssh/known_hosts',
      'make 2>&1 | tee /tmp/build.log',
      'apt-get update >/dev/null 2>&1 && apt-get install -y curl',
      'pip install x &> /tmp/log && pip install y &>> /tmp/log',
      'sort <in.txt >out.txt',
      'echo foo2>x',
      'echo 2 > x',
      `cat < "my file" > 'out file'`,
      '>/tmp/marker touch /tmp/other',
      'exec 2>&- ; true',
      'cat x >| /tmp/y',
      'sudo tee /etc/apt/sources.list.d/x.list > /dev/null',
      'cmd 1> out 2> err',
      'npm install git+https://github.com/example/widget.git#v1.2.0 ./vendor/local-pkg',
      'zypper -n in "git>=2.43" && zypper cc',
      'echo a#b # a comment',
    ];
    const offsets = (commands: ShellCommand[]) => commands.map((c) => c.allWords.map((w) => `${w.start}-${w.end}`).join(','));
    for (const script of scripts) {
      const parser = parserCommands(script);
      assert.deepEqual(summary(tokenizeShell(script)), summary(parser), script);
      assert.deepEqual(offsets(tokenizeShell(script)), offsets(parser), script);
      assert.deepEqual(summary(splitShell(script)), summary(parser), script);
    }
    assert.deepEqual(summary(tokenizeShell('make 2>&1 | tee /tmp/build.log')), ['make |', 'tee /tmp/build.log |']);
  });
});

describe('the fallback tokenizer', () => {
  it('takes only the scripts that have one reading', () => {
    assert.equal(isPlainScript('apt-get update && apt-get install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*'), true);
    for (const script of ['echo "a b"', 'pip install $PKG', 'cd /x && (make)', 'a > b', 'if true; then x; fi', 'for i in 1; do x; done', 'x `y`', "echo 'a'"]) {
      assert.equal(isPlainScript(script), false, script);
    }
  });

  it('reads the commands inside if, while and for bodies, as the parser does', () => {
    const script = 'if [ -f x ]; then apt-get update; fi; while true; do pip install a; done; for d in a b; do cd $d; done';
    assert.deepEqual(summary(tokenizeShell(script)), ['[ -f x ]', 'apt-get update', 'true', 'pip install a', 'cd $d']);
  });
});

describe('exec-form RUN', () => {
  before(() => initShellParser());
  const commandsOfRun = (line: string): ShellCommand[] => {
    const model = parseDockerfile(`FROM debian:12\n${line}\n`);
    return runCommands(model.runs[0]);
  };

  it('is one command, whose words are JSON strings', () => {
    const commands = commandsOfRun('RUN ["pip", "install", "flask"]');
    assert.deepEqual(summary(commands), ['pip install flask']);
    assert.equal(commands[0].execForm, true);
  });

  it('runs the script of a POSIX shell given -c: its commands are what runs, at their place inside the string', () => {
    for (const [line, expected] of [
      ['RUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"]', ['apt-get update', 'apt-get install -y curl']],
      ['RUN ["bash", "-euo", "pipefail", "-c", "curl -fsSL https://x | sh"]', ['curl -fsSL https://x |', 'sh |']],
      ['RUN ["/usr/bin/env", "bash", "-lc", "sudo pip install x"]', ['sudo pip install x']],
      ['RUN ["sh", "-ec", "cd /app", "name"]', ['cd /app']],
    ] as const) {
      const commands = commandsOfRun(line);
      assert.deepEqual(summary(commands), expected, line);
      assert.ok(commands.every((c) => c.execForm === undefined), line);
    }
    const model = parseDockerfile('FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get install -y curl"]\n');
    const raw = model.runs[0].getRawArgumentsContent() ?? '';
    const [install] = runCommands(model.runs[0]);
    assert.equal(raw.slice(install.words[3].start, install.words[3].end), 'curl');
  });

  it('stays one command where the shell gets no -c, runs no POSIX shell, or the script holds JSON escapes', () => {
    for (const line of ['RUN ["bash", "script.sh"]', 'RUN ["python3", "-c", "import x"]', 'RUN ["sh", "-c", "echo \\"a\\" | tee x"]', 'RUN ["pwsh", "-c", "ls | x"]']) {
      const commands = commandsOfRun(line);
      assert.equal(commands.length, 1, line);
      assert.equal(commands[0].execForm, true, line);
    }
  });
});

describe('word ranges', () => {
  it('wordRange places every offset of every instruction as positionAt does', () => {
    let compared = 0;
    for (const file of generateDiffCorpus()) {
      for (const instruction of parseDockerfile(file.text).instructions) {
        const raw = instruction.getRawArgumentsContent() ?? '';
        const origin = instruction.getArgumentsRange()?.start ?? instruction.getRange().start;
        for (let offset = 0; offset <= raw.length + 2; offset++) {
          assert.deepEqual(wordRange(instruction, { start: offset, end: offset + 1 }), { start: positionAt(raw, origin, offset), end: positionAt(raw, origin, offset + 1) });
          compared++;
        }
      }
    }
    assert.ok(compared > 100000, `${compared} offsets compared`);
  });
});
