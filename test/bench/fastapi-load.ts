/**
 * The load benchmark of the generated FastAPI service: builds its image on a private Docker Engine (as
 * test/docker/fastapi.test.ts does), starts it with a tiny scikit-learn model, and drives POST /predict with `hey`
 * for a fixed time at fixed concurrencies. Prints p50, p99 and the error rate against the guide's Monitoring
 * Metrics thresholds (p50 < 100 ms, p99 < 500 ms, errors < 1%) and writes them to bench-results/fastapi-load.json
 * (or the file after --report). It is a measurement, not a test: it exits 0 whatever the numbers are and non-zero
 * only when something crashes.
 *
 * Options: --duration 30s, --concurrency 10,50 (a list), --report FILE.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { GUIDE_THRESHOLDS } from '../../src/core/scaffold/plan';
import { freePort, ROOT, waitUntil, waitUntilHealthy } from '../docker/engine';
import { buildScaffoldedImage } from '../docker/scaffolded';
import { printTable } from './common';

const API_KEY = 'bench-key';

interface LoadResult {
  concurrency: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errorRate: number;
  statusCodes: Record<string, number>;
  transportErrors: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/**
 * Reads hey's summary: its latency percentiles (over every answered request), its status code distribution and
 * its error distribution (requests with no answer: refused, reset, timed out). An error is a request without a
 * 2xx answer.
 */
export function parseHeySummary(output: string, concurrency: number): LoadResult {
  const seconds = (label: string): number => {
    const match = new RegExp(`^\\s*${label}% in ([\\d.]+) secs`, 'm').exec(output);
    if (!match) throw new Error(`hey printed no ${label}th percentile:\n${output}`);
    return Number(match[1]);
  };
  const statusCodes: Record<string, number> = {};
  for (const match of output.matchAll(/^\s*\[(\d{3})\]\s+(\d+) responses/gm)) statusCodes[match[1]] = Number(match[2]);
  const errorSection = output.split(/^Error distribution:/m)[1] ?? '';
  const transportErrors = [...errorSection.matchAll(/^\s*\[(\d+)\]/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  const answered = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const ok = Object.entries(statusCodes).filter(([code]) => code.startsWith('2')).reduce((sum, [, count]) => sum + count, 0);
  const requests = answered + transportErrors;
  return {
    concurrency,
    requests,
    requestsPerSecond: Number(/^\s*Requests\/sec:\s*([\d.]+)/m.exec(output)?.[1] ?? NaN),
    p50Ms: seconds('50') * 1000,
    p99Ms: seconds('99') * 1000,
    errorRate: requests > 0 ? (requests - ok) / requests : 1,
    statusCodes,
    transportErrors,
  };
}

async function main(): Promise<void> {
  const duration = option('duration', '30s');
  const concurrencies = option('concurrency', '10,50').split(',').map(Number);
  const report = option('report', join(ROOT, 'bench-results', 'fastapi-load.json'));
  const port = await freePort();
  const image = await buildScaffoldedImage('fastapi', { port });
  console.log(`image built in ${image.buildSeconds.toFixed(1)} s`);
  const container = await image.engine.docker.createContainer({
    Image: image.tag,
    // The rate limit is on and set far above the load, so its cost is measured but it refuses nothing.
    Env: [`API_KEY=${API_KEY}`, 'RATE_LIMIT_PER_SECOND=1000000', 'RATE_LIMIT_BURST=1000000'],
    Healthcheck: { Interval: 1e9, StartPeriod: 60e9 },
    HostConfig: { NetworkMode: 'host', Binds: [`${image.modelDir}:/models:ro`] },
  });
  const results: LoadResult[] = [];
  try {
    await container.start();
    await waitUntilHealthy(container, 120_000);
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(() => fetch(`${url}/ready`).then((r) => r.status === 200, () => false), 120_000);
    const body = JSON.stringify({ instances: [[5.1, 3.5, 1.4, 0.2]] });
    const hey = (concurrency: number, time: string): string =>
      execFileSync(image.parts.hey, ['-z', time, '-c', String(concurrency), '-m', 'POST', '-T', 'application/json', '-H', `X-API-Key: ${API_KEY}`, '-d', body, `${url}/predict`], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
    // A short warm-up, not counted: the first requests import the model's code paths and fill the caches.
    hey(4, '3s');
    for (const concurrency of concurrencies) {
      const result = parseHeySummary(hey(concurrency, duration), concurrency);
      results.push(result);
      console.log(`concurrency ${concurrency}: ${result.requests} requests, ${JSON.stringify(result.statusCodes)}, ${result.transportErrors} without an answer`);
    }
  } finally {
    await container.remove({ force: true });
    await image.cleanup();
  }
  const thresholds = { p50Ms: GUIDE_THRESHOLDS.latencyP50Seconds * 1000, p99Ms: GUIDE_THRESHOLDS.latencyP99Seconds * 1000, errorRate: GUIDE_THRESHOLDS.errorRatio };
  const verdict = (value: number, limit: number): string => (value < limit ? 'ok' : 'OVER');
  console.log(`\nFastAPI /predict (scikit-learn, 1 row, 1 uvicorn worker) under hey for ${duration} per row, ${cpus().length} cores shared with the load generator:`);
  printTable(
    ['concurrency', 'requests', 'req/s', `p50 ms (< ${thresholds.p50Ms})`, `p99 ms (< ${thresholds.p99Ms})`, `errors % (< ${thresholds.errorRate * 100})`, 'verdict'],
    results.map((r) => [
      String(r.concurrency),
      String(r.requests),
      r.requestsPerSecond.toFixed(0),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      (r.errorRate * 100).toFixed(2),
      [verdict(r.p50Ms, thresholds.p50Ms), verdict(r.p99Ms, thresholds.p99Ms), verdict(r.errorRate, thresholds.errorRate)].every((v) => v === 'ok') ? 'meets the guide' : 'misses the guide',
    ]),
  );
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, JSON.stringify({ duration, buildSeconds: Number(image.buildSeconds.toFixed(1)), thresholds, results }, null, 2) + '\n');
  console.log(`\nwritten to ${report}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
