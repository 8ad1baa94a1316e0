/**
 * The Python side of the Docker tests: a virtual environment made from a generated project's own pinned
 * requirements (so the model the test trains is pickled by the scikit-learn the image loads it with), and a
 * package index on the loopback interface that the image build reads its wheels from.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, join } from 'node:path';
import { cacheFolder } from './engine';

/**
 * A virtual environment in the cache with `requirements` (a file that may `-r` others in its folder) and `extra`
 * installed, keyed by their contents: a second run with the same pins reuses it. Returns its python.
 */
export function pythonEnvironment(requirements: string, extra: string[] = []): string {
  const key = createHash('sha256').update(requirementsText(requirements)).update(extra.join('\n')).digest('hex').slice(0, 16);
  const dir = join(cacheFolder(), `docker-test-venv-${key}`);
  const python = join(dir, 'bin', 'python');
  if (existsSync(join(dir, '.complete'))) return python;
  // Built under a temporary name and moved into place when complete, so a failed install leaves nothing behind.
  // A venv's scripts name its old path in their first line; python is always called directly, never through them.
  const building = `${dir}.tmp`;
  rmSync(building, { recursive: true, force: true });
  execFileSync('python3', ['-m', 'venv', building], { stdio: 'inherit' });
  try {
    execFileSync(join(building, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--no-input', '-r', requirements, ...extra], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(join(building, '.complete'), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return python;
}

/** A requirements file's text with the files it includes (`-r other.txt`), which decide what gets installed too. */
function requirementsText(file: string): string {
  const folder = join(file, '..');
  return readFileSync(file, 'utf8').replace(/^-r\s+(\S+)\s*$/gm, (_, included: string) => requirementsText(join(folder, included)));
}

export interface PackageIndex {
  /** The index's URL as pip takes it in PIP_INDEX_URL. */
  url: string;
  /** How many files the index has served: a build that used it has fetched at least one. */
  served(): number;
  close(): Promise<void>;
}

/**
 * A PEP 503 "simple" package index on 127.0.0.1 serving the wheels of `requirements`. The wheels are downloaded
 * once by the host's pip, which verifies TLS with the host's certificates and index settings, into a cache folder
 * keyed by the requirements' text. The image build then needs nothing but this index's URL as a build argument:
 * no certificate and no credentials enter the build, and a rebuild needs no network beyond the loopback.
 */
export async function startPackageIndex(python: string, requirements: string): Promise<PackageIndex> {
  const text = requirementsText(requirements);
  const wheels = join(cacheFolder(), `docker-wheelhouse-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
  if (!existsSync(join(wheels, '.complete'))) {
    mkdirSync(wheels, { recursive: true });
    execFileSync(python, ['-m', 'pip', 'download', '--quiet', '--no-input', '--only-binary=:all:', '--dest', wheels, '-r', requirements], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    writeFileSync(join(wheels, '.complete'), '');
  }
  const files = readdirSync(wheels).filter((file) => file.endsWith('.whl'));
  const byProject = new Map<string, string[]>();
  for (const file of files) {
    const project = normalize(file.split('-')[0]);
    byProject.set(project, [...(byProject.get(project) ?? []), file]);
  }
  let served = 0;
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://index').pathname);
    const project = /^\/simple\/([^/]+)\/?$/.exec(path);
    if (project) {
      const links = (byProject.get(normalize(project[1])) ?? []).map((file) => `<a href="/files/${encodeURIComponent(file)}">${file}</a><br>`);
      response.writeHead(links.length ? 200 : 404, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html><body>${links.join('\n')}</body></html>`);
      return;
    }
    const file = /^\/files\/([^/]+\.whl)$/.exec(path)?.[1];
    if (file && files.includes(file)) {
      served++;
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      createReadStream(join(wheels, file)).pipe(response);
      return;
    }
    response.writeHead(404).end();
  });
  // The URL is a build argument, and the legacy builder caches a RUN step by the build arguments it sees: the same
  // port for the same wheels lets a second build reuse the wheel stage. Any free port when that one is taken.
  const preferred = 20_000 + (parseInt(basename(wheels).slice(-4), 16) % 10_000);
  await new Promise<void>((done, fail) => {
    server.once('error', () => server.listen(0, '127.0.0.1', done).once('error', fail));
    server.listen(preferred, '127.0.0.1', done);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the package index has no address');
  return {
    url: `http://127.0.0.1:${address.port}/simple/`,
    served: () => served,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** PEP 503's normalised project name: `Scikit_Learn` and `scikit-learn` are one project. */
function normalize(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}
