/**
 * A private Docker Engine for the tests that build and run the generated images: Debian's dockerd on a socket of
 * its own, with no bridge and no iptables rules (containers use the host's network or none), and the base image
 * the generated Dockerfiles name imported from the Debian root file system that scripts/install-docker-engine.sh
 * made. The engine is driven through dockerode, not the `docker` command: the client on PATH may be newer than
 * the engine.
 */
import DockerIgnore from '@balena/dockerignore';
import Docker from 'dockerode';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/** The repository's root: the compiled file runs from test/docker/ in an output folder. */
export const ROOT = resolve(__dirname, '..', '..', '..');

export function cacheFolder(): string {
  return process.env.MLOPS_DEPLOY_CACHE ?? join(homedir(), '.cache', 'mlops-deploy');
}

export interface DockerParts {
  /** The base image's root file system as a tarball. */
  baseImage: string;
  /** The `hey` load generator. */
  hey: string;
}

/** Runs the install script (a no-op when everything is in the cache) and returns where the parts are. */
export function installDockerParts(): DockerParts {
  const output = execFileSync('bash', [join(ROOT, 'scripts', 'install-docker-engine.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const values = new Map(output.trim().split('\n').map((line) => line.split('=', 2) as [string, string]));
  const baseImage = values.get('base-image');
  const hey = values.get('hey');
  if (!baseImage || !hey) throw new Error(`scripts/install-docker-engine.sh printed no paths: ${output}`);
  return { baseImage, hey };
}

export interface DockerEngine {
  docker: Docker;
  /** Stops the engine and everything it started; removes its temporary folders. */
  stop(): Promise<void>;
}

/**
 * Starts dockerd and waits until it answers. Images and build cache live in a data folder in the cache, so a
 * second run reuses the layers the first one built (pip's downloads among them); when another run holds that
 * folder, this one gets a fresh temporary one instead of waiting.
 */
export async function startDockerEngine(): Promise<DockerEngine> {
  // Short: the socket's path must fit in a sockaddr_un (108 bytes), also under a long TMPDIR.
  const run = mkdtempSync(join('/tmp', 'mlops-dockerd-'));
  const persistent = join(cacheFolder(), 'docker-engine');
  const lock = join(cacheFolder(), 'docker-engine.lock');
  const dataRoot = takeLock(lock) ? persistent : join(run, 'data');
  mkdirSync(dataRoot, { recursive: true });
  const socket = join(run, 'docker.sock');
  const log = openSync(join(run, 'dockerd.log'), 'a');
  const args = [
    `--host=unix://${socket}`,
    `--data-root=${dataRoot}`,
    `--exec-root=${join(run, 'exec')}`,
    `--pidfile=${join(run, 'dockerd.pid')}`,
    '--bridge=none',
    '--iptables=false',
    '--ip6tables=false',
  ];
  // Its own process group, so that stopping it also reaches the containerd it starts.
  const dockerd = spawn('dockerd', args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, PATH: `/usr/sbin:/usr/bin:/sbin:/bin:${process.env.PATH ?? ''}` },
  });
  closeSync(log);
  const exited = new Promise<void>((done) => dockerd.once('exit', () => done()));
  const docker = new Docker({ socketPath: socket });
  const stop = async (): Promise<void> => {
    await stopProcessGroup(dockerd, exited);
    if (dataRoot === persistent) rmSync(lock, { force: true });
    unmountUnder(run);
    rmSync(run, { recursive: true, force: true });
  };
  try {
    await waitUntil(async () => {
      if (dockerd.exitCode !== null || dockerd.signalCode !== null) throw new Error('dockerd exited');
      return docker.ping().then(() => true, () => false);
    }, 60_000);
  } catch (error) {
    const tail = readFileSync(join(run, 'dockerd.log'), 'utf8').split('\n').slice(-20).join('\n');
    await stop();
    throw new Error(`dockerd did not start (${(error as Error).message}):\n${tail}`);
  }
  return { docker, stop };
}

/**
 * Unmounts what dockerd left mounted under `folder` (it keeps the host's network namespace bound at
 * exec-root/netns/default after it exits), deepest first, so the folder can be removed.
 */
function unmountUnder(folder: string): void {
  const mounts = readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1]?.replace(/\\040/g, ' '))
    .filter((target): target is string => !!target && target.startsWith(folder + '/'))
    .sort((a, b) => b.length - a.length);
  for (const target of mounts) execFileSync('umount', ['-l', target]);
}

/** Takes the lock file for this process; a lock whose process is gone is taken over. */
function takeLock(path: string): boolean {
  mkdirSync(join(path, '..'), { recursive: true });
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = Number(readFileSync(path, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return false;
    writeFileSync(path, String(process.pid));
    return true;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopProcessGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  // dockerd stops its containers and containerd on SIGTERM; a hung shutdown is killed after 30 s.
  process.kill(-child.pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((done) => (timer = setTimeout(() => done(true), 30_000)))]);
  clearTimeout(timer);
  if (timedOut) {
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

/**
 * Imports the base image tarball under `tag` (the name the Dockerfile's FROM uses), with the environment
 * python:3.11-slim sets. Skipped when the engine already holds that tarball's import under that tag.
 */
export async function importBaseImage(docker: Docker, tarball: string, tag: string): Promise<void> {
  const source = basename(tarball);
  const existing = await docker.getImage(tag).inspect().catch(() => undefined);
  if (existing?.Config?.Labels?.['org.mlops-deploy.base-tarball'] === source) return;
  const [repo, version] = splitTag(tag);
  const changes = [
    'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin',
    'ENV LANG=C.UTF-8',
    `LABEL org.mlops-deploy.base-tarball=${source}`,
    'CMD ["python3"]',
  ];
  const stream = await docker.importImage(createReadStream(tarball), { repo, tag: version, changes } as object);
  await followProgress(docker, stream);
  const imported = await docker.getImage(tag).inspect();
  if (imported.Config?.Labels?.['org.mlops-deploy.base-tarball'] !== source) throw new Error(`the import of ${tarball} as ${tag} did not keep its label`);
}

function splitTag(tag: string): [string, string] {
  const colon = tag.lastIndexOf(':');
  return colon > tag.lastIndexOf('/') ? [tag.slice(0, colon), tag.slice(colon + 1)] : [tag, 'latest'];
}

/** The images a Dockerfile starts its stages from, other than earlier stages. */
export function baseImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const images = new Set<string>();
  for (const match of dockerfile.matchAll(/^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    if (!stages.has(match[1].toLowerCase())) images.add(match[1]);
    if (match[2]) stages.add(match[2].toLowerCase());
  }
  return [...images];
}

export interface BuildResult {
  imageId: string;
  /** The builder's output, step by step. */
  log: string;
}

/**
 * Builds `dir` as the docker CLI's legacy builder would: the context is what `.dockerignore` lets through, plus the
 * Dockerfile and `.dockerignore` themselves, which the CLI always sends. Build steps use the host's network.
 */
export async function buildImage(docker: Docker, dir: string, tag: string, buildargs: Record<string, string>): Promise<BuildResult> {
  const stream = await docker.buildImage(buildContext(dir), { t: tag, buildargs, networkmode: 'host', rm: true, forcerm: true });
  const events = await followProgress(docker, stream);
  const log = events.map((event) => String(event.stream ?? event.status ?? '')).join('');
  const failure = events.find((event) => event.error);
  if (failure) throw new Error(`docker build failed: ${String(failure.error)}\n${log.slice(-4000)}`);
  const image = await docker.getImage(tag).inspect();
  return { imageId: image.Id, log };
}

function buildContext(dir: string): Readable {
  const files = listFiles(dir);
  const ignore = join(dir, '.dockerignore');
  const keep = existsSync(ignore) ? DockerIgnore({ ignorecase: false }).add(readFileSync(ignore, 'utf8')).createFilter() : () => true;
  const entries = files.filter((file) => file === 'Dockerfile' || file === '.dockerignore' || keep(file));
  // GNU tar reads the names NUL-separated from stdin; it stores the files with their modes, as the CLI does.
  const tar = spawn('tar', ['-c', '-f', '-', '-C', dir, '--null', '--no-recursion', '-T', '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  tar.stdin.end(entries.map((entry) => entry + '\0').join(''));
  return tar.stdout;
}

function listFiles(dir: string, from: string = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path, from) : [relative(from, path)];
  });
}

type ProgressEvent = { stream?: string; status?: string; error?: string; [key: string]: unknown };

function followProgress(docker: Docker, stream: NodeJS.ReadableStream): Promise<ProgressEvent[]> {
  return new Promise((done, fail) => docker.modem.followProgress(stream, (error: Error | null, events: ProgressEvent[]) => (error ? fail(error) : done(events))));
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a command in a running container and collects its output. */
export async function execIn(container: Docker.Container, cmd: string[]): Promise<ExecResult> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const collect = (into: Buffer[]) => ({ write: (chunk: Buffer) => into.push(chunk) }) as unknown as NodeJS.WritableStream;
  container.modem.demuxStream(stream, collect(stdout), collect(stderr));
  await new Promise<void>((done, fail) => stream.on('end', done).on('close', done).on('error', fail));
  const { ExitCode } = await exec.inspect();
  return { exitCode: ExitCode ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
}

/**
 * Waits until the container's HEALTHCHECK reports healthy; fails as soon as it reports unhealthy or the container
 * stops, with the health log and the container's output.
 */
export async function waitUntilHealthy(container: Docker.Container, timeoutMs: number): Promise<void> {
  try {
    await waitUntil(async () => {
      const { State } = await container.inspect();
      if (!State.Running) throw new Error(`the container stopped (exit code ${State.ExitCode})`);
      if (State.Health?.Status === 'unhealthy') throw new Error('Docker reports it unhealthy');
      return State.Health?.Status === 'healthy';
    }, timeoutMs);
  } catch (error) {
    const { State } = await container.inspect();
    const health = (State.Health?.Log ?? []).map((entry) => `exit ${entry.ExitCode}: ${entry.Output}`).join('\n');
    const logs = (await container.logs({ stdout: true, stderr: true, tail: 40 })).toString('utf8');
    throw new Error(`${(error as Error).message}\nhealth checks:\n${health}\nlogs:\n${logs}`);
  }
}

export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await delay(everyMs);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** A TCP port on the loopback interface that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** A fresh folder for one test run, under TMPDIR when it is set. */
export function tempFolder(prefix: string): string {
  return mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), prefix));
}
