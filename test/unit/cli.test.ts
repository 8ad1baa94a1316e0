import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/main';

const BAD = 'FROM python:3.11-slim\nCOPY . .\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n';
const GOOD = [
  'FROM python:3.11-slim AS build',
  'RUN pip wheel --no-cache-dir fastapi==0.115.0 -w /wheels',
  'FROM python:3.11-slim',
  'RUN useradd --no-log-init --create-home --uid 10001 appuser',
  'USER 10001',
  'COPY --from=build /wheels /wheels',
  'COPY --chown=appuser:appuser app.py /app/',
  'EXPOSE 8000',
  `HEALTHCHECK CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]`,
  'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]',
  '',
].join('\n');

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function run(args: string[], cwd: string, stdin = '', env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => stdin, isTty: false, cwd, env });
  return { status, stdout, stderr };
}

describe('mlops-deploy lint', () => {
  it('--hadolint-parity and hadolint-parity: true in .hadolint.yaml report what hadolint reports', async () => {
    const text = 'FROM python:3.11-slim\nENV TOKENIZERS_PARALLELISM=false\n';
    const dl3064 = async (args: string[], files: Record<string, string> = {}): Promise<number> => {
      const dir = project({ Dockerfile: text, ...files });
      const { stdout } = await run(['lint', '--format', 'json', '--no-fail', ...args, 'Dockerfile'], dir);
      return (JSON.parse(stdout) as Array<{ code: string }>).filter((f) => f.code === 'DL3064').length;
    };
    assert.equal(await dl3064([]), 0);
    assert.equal(await dl3064(['--hadolint-parity']), 1);
    assert.equal(await dl3064([], { '.hadolint.yaml': 'hadolint-parity: true\n' }), 1);
    assert.equal(await dl3064([], { '.mlops-deploy.yaml': 'hadolint-parity: false\n', '.hadolint.yaml': 'hadolint-parity: true\n' }), 0, 'our config wins over hadolint\'s');
  });

  it('finds Dockerfiles by name in folders, skipping .git and node_modules, and prints 1-based JSON', async () => {
    const dir = project({
      'svc/Dockerfile': BAD,
      'svc/api.Dockerfile': GOOD,
      'svc/Dockerfile.gpu': GOOD,
      // BuildKit's ignore file for svc/Dockerfile is no Dockerfile.
      'svc/Dockerfile.dockerignore': '.git\n*.pem\n',
      'svc/Containerfile': GOOD,
      'svc/.dockerignore': '.git\n',
      'node_modules/pkg/Dockerfile': BAD,
      '.git/Dockerfile': BAD,
      'README.md': 'FROM nothing',
    });
    const { status, stdout, stderr } = await run(['lint', '--format', 'json', '.'], dir);
    assert.equal(stderr, '');
    assert.equal(status, 1);
    const rows = JSON.parse(stdout) as Array<Record<string, unknown>>;
    assert.deepEqual([...new Set(rows.map((r) => r.file))], ['svc/Dockerfile']);
    const host = rows.find((r) => r.code === 'MLO108');
    assert.deepEqual(host, {
      file: 'svc/Dockerfile',
      line: 3,
      column: 39,
      endLine: 3,
      endColumn: 48,
      code: 'MLO108',
      severity: 'error',
      message: host?.message,
    });
    assert.ok(!rows.some((r) => r.code === 'MLO110'), 'the .dockerignore beside it counts');
  });

  it('exit status follows the failure threshold', async () => {
    const dir = project({ Dockerfile: 'FROM python:3.11\nCMD ["python3", "job.py"]\n' });
    // MLO102 (warning) and MLO104 (info) fire.
    assert.equal((await run(['lint', 'Dockerfile'], dir)).status, 1);
    assert.equal((await run(['lint', '-t', 'warning', 'Dockerfile'], dir)).status, 1);
    assert.equal((await run(['lint', '--failure-threshold=error', 'Dockerfile'], dir)).status, 0);
    assert.equal((await run(['lint', '-t', 'none', 'Dockerfile'], dir)).status, 0);
  });

  it('a clean Dockerfile exits 0 and says so', async () => {
    const dir = project({ Dockerfile: GOOD, '.dockerignore': '.git\n' });
    const { status, stdout } = await run(['lint', '.'], dir);
    assert.equal(stdout, 'No problems in 1 file.\n');
    assert.equal(status, 0);
  });

  it('usage and I/O errors exit 2 with one line on stderr', async () => {
    const dir = project({});
    for (const args of [['lint'], ['lint', '--format', 'xml', '.'], ['lint', 'missing/Dockerfile'], ['lint', '--bogus', '.'], ['check', '.'], ['lint', '-t']]) {
      const { status, stderr, stdout } = await run(args, dir);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^mlops-deploy: [^\n]+\n$/, args.join(' '));
    }
  });

  it('reads stdin for -, skips binary files, and uses the nearest config file', async () => {
    const dir = project({
      'Dockerfile.bin': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02]),
      'svc/Dockerfile': BAD,
      '.mlops-deploy.yaml': 'rules:\n  MLO108: info\nignored: [MLO102, MLO103, MLO110, DL3045]\nfailure-threshold: warning\n',
    });
    const binary = await run(['lint', 'Dockerfile.bin'], dir);
    assert.match(binary.stderr, /Dockerfile\.bin: skipped, it is a binary file/);
    assert.equal(binary.status, 0);
    const configured = await run(['lint', '-f', 'json', 'svc'], dir);
    const rows = JSON.parse(configured.stdout) as Array<{ code: string; severity: string }>;
    assert.deepEqual(rows.map((r) => `${r.code}:${r.severity}`), ['MLO108:info']);
    assert.equal(configured.status, 0, 'failure-threshold from the config file');
    const stdin = await run(['lint', '-f', 'json', '-'], dir, BAD);
    assert.ok((JSON.parse(stdin.stdout) as Array<{ file: string }>).every((r) => r.file === '-'));
  });

  it('a broken config file is reported with its place and linting goes on with what could be read', async () => {
    const dir = project({ Dockerfile: BAD, 'cfg.yaml': 'rules:\n  MLO108: loud\n  MLO102: off\n' });
    const { stderr, stdout, status } = await run(['lint', '-c', 'cfg.yaml', '-f', 'json', 'Dockerfile'], dir);
    assert.match(stderr, /cfg\.yaml:2:11: error: The severity of MLO108 must be one of/);
    const codes = (JSON.parse(stdout) as Array<{ code: string }>).map((r) => r.code);
    assert.ok(codes.includes('MLO108') && !codes.includes('MLO102'));
    assert.equal(status, 1);
  });

  it('writes SARIF 2.1.0 with the rules that fired and their help', async () => {
    const dir = project({ Dockerfile: BAD });
    const log = JSON.parse((await run(['lint', '-f', 'sarif', '.'], dir)).stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'mlops-deploy');
    const ids = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.deepEqual([...ids].sort(), [...new Set(run0.results.map((r: { ruleId: string }) => r.ruleId))].sort());
    const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'MLO108');
    assert.equal(result.level, 'error');
    assert.equal(ids[result.ruleIndex], 'MLO108');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 39, endLine: 3, endColumn: 48 },
    });
  });

  it('--fix applies the safe fixes in place, creates a missing .dockerignore, and reports what is left', async () => {
    const dir = project({ Dockerfile: BAD });
    const { stderr, stdout } = await run(['lint', '--fix', '-f', 'json', '--ignore', 'MLO103', 'Dockerfile'], dir);
    assert.match(stderr, /^Dockerfile: fixed\n\.dockerignore: created\n$/);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), BAD.replace('127.0.0.1', '0.0.0.0'));
    assert.match(readFileSync(join(dir, '.dockerignore'), 'utf8'), /^\.env$/m);
    const left = (JSON.parse(stdout) as Array<{ code: string }>).map((r) => r.code);
    assert.ok(!left.includes('MLO108') && !left.includes('MLO110') && left.includes('MLO102'), left.join());
    // A second run changes nothing and never overwrites the .dockerignore.
    writeFileSync(join(dir, '.dockerignore'), 'mine\n');
    const again = await run(['lint', '--fix', '--ignore', 'MLO103', 'Dockerfile'], dir);
    assert.equal(again.stderr, '');
    assert.equal(readFileSync(join(dir, '.dockerignore'), 'utf8'), 'mine\n');
  });

  it('hadolint environment variables apply, and flags win over them', async () => {
    const dir = project({ Dockerfile: BAD });
    const env = { HADOLINT_IGNORE: 'MLO102', HADOLINT_OVERRIDE_INFO: 'MLO108' };
    const rows = JSON.parse((await run(['lint', '-f', 'json', 'Dockerfile'], dir, '', env)).stdout) as Array<{ code: string; severity: string }>;
    assert.ok(!rows.some((r) => r.code === 'MLO102'));
    assert.equal(rows.find((r) => r.code === 'MLO108')?.severity, 'info');
    assert.equal((await run(['lint', '--no-fail', 'Dockerfile'], dir, '', { HADOLINT_FAILURE_THRESHOLD: 'info' })).status, 0);
  });

  it('the installed binary runs the same CLI', async () => {
    const dir = project({ Dockerfile: BAD });
    const bin = join(__dirname, '..', '..', '..', 'bin', 'mlops-deploy.js');
    const result = spawnSync(process.execPath, [bin, 'lint', 'Dockerfile'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^Dockerfile:3:39 MLO108 error: /m);
    assert.match(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }), /^\d+\.\d+\.\d+\n$/);
  });
});
