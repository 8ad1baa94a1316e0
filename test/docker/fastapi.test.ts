import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { freePort, waitUntil, waitUntilHealthy } from './engine';
import { buildScaffoldedImage, indexSettingInImage, wheelsCameFromIndex, type ScaffoldedImage } from './scaffolded';

/**
 * The generated FastAPI service really runs: its image builds on a real Docker Engine, Docker reports it healthy
 * through the Dockerfile's own HEALTHCHECK, and it answers predictions, refusals and metrics as the generated
 * code promises; the generated pytest suite passes too.
 */
describe('the scaffolded FastAPI service on Docker', { timeout: 15 * 60_000 }, () => {
  const API_KEY = 'docker-test-key';
  const MAX_BODY_BYTES = 64 * 1024;
  let image: ScaffoldedImage;
  let container: Docker.Container;
  let base = '';

  before(async () => {
    const port = await freePort();
    image = await buildScaffoldedImage('fastapi', { port });
    base = `http://127.0.0.1:${port}`;
    container = await image.engine.docker.createContainer({
      Image: image.tag,
      Env: [`API_KEY=${API_KEY}`, `MAX_BODY_BYTES=${MAX_BODY_BYTES}`],
      // The image's own health check command and retries; only checked every second instead of every 30 s, so the
      // test does not wait half a minute for the first check.
      Healthcheck: { Interval: 1e9, StartPeriod: 60e9 },
      HostConfig: { NetworkMode: 'host', Binds: [`${image.modelDir}:/models:ro`] },
    });
    await container.start();
  });

  after(async () => {
    await container?.remove({ force: true });
    await image?.cleanup();
  });

  const predict = (body: unknown, headers: Record<string, string> = { 'x-api-key': API_KEY }) =>
    fetch(`${base}/predict`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

  it('builds with the package index as a build argument that stays out of the final image', async (t) => {
    t.diagnostic(`image built in ${image.buildSeconds.toFixed(1)} s`);
    assert.ok(wheelsCameFromIndex(image), 'the wheel stage did not use the index it was given');
    assert.match(image.buildLog, /Successfully tagged/);
    assert.equal(await indexSettingInImage(image), false, 'the index setting was baked into the image');
    assert.equal((await image.engine.docker.getImage(image.tag).inspect()).Config.User, '10001');
  });

  it('becomes healthy through the Dockerfile HEALTHCHECK, and ready', async () => {
    const inspected = await container.inspect();
    const imageConfig = (await image.engine.docker.getImage(image.tag).inspect()).Config as { Healthcheck?: { Test?: string[] } };
    assert.deepEqual(inspected.Config.Healthcheck?.Test, imageConfig.Healthcheck?.Test);
    assert.match(String(imageConfig.Healthcheck?.Test), /urllib/);
    await waitUntilHealthy(container, 120_000);
    // Healthy means the process answers; the model loads in the background, and /ready says when it is in.
    let ready: Response | undefined;
    await waitUntil(async () => (ready = await fetch(`${base}/ready`)).status !== 503, 120_000).catch(async (error: Error) => {
      throw new Error(`${error.message}: not ready\n${(await container.logs({ stdout: true, stderr: true, tail: 40 })).toString('utf8')}`);
    });
    assert.equal(ready?.status, 200);
    assert.deepEqual(await ready?.json(), { ready: true });
  });

  it("predicts with the trained model's own predictions", async () => {
    const rows = [
      [5.1, 3.5, 1.4, 0.2],
      [-1, 0.25, 7, 2.5],
    ];
    const response = await predict({ instances: rows });
    assert.equal(response.status, 200, await response.clone().text());
    const body = (await response.json()) as { predictions: number[][]; model: string };
    assert.equal(body.model, 'iris-model');
    const expected = image.expected(rows);
    assert.equal(body.predictions.length, expected.length);
    body.predictions.forEach((row, i) => row.forEach((value, j) => assert.ok(Math.abs(value - expected[i][j]) < 1e-6, `${value} != ${expected[i][j]}`)));
  });

  it('refuses invalid input with 422', async () => {
    for (const body of [{ instances: [] }, { instances: [[1, 2, 3]] }, { instances: [['a', 'b', 'c', 'd']] }, { rows: [[1, 2, 3, 4]] }, '{"instances": [[1, 2, 3, 4]'])
      assert.equal((await predict(body)).status, 422, JSON.stringify(body));
  });

  it('refuses a missing or wrong API key with 401', async () => {
    assert.equal((await predict({ instances: [[1, 2, 3, 4]] }, {})).status, 401);
    assert.equal((await predict({ instances: [[1, 2, 3, 4]] }, { 'x-api-key': 'wrong' })).status, 401);
  });

  it('refuses a body over the size limit with 413, with or without Content-Length', async () => {
    const large = JSON.stringify({ instances: Array.from({ length: 4000 }, () => [1.5, 2.5, 3.5, 4.5]) });
    assert.ok(large.length > MAX_BODY_BYTES);
    assert.equal((await predict(large)).status, 413);
    // Chunked: no Content-Length, so only counting the bytes as they arrive can catch it.
    const chunked = await fetch(`${base}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(large));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
  });

  it('exposes the latency histogram, the counters and the staleness gauge on /metrics', async () => {
    assert.equal((await predict({ instances: [[0.1, 0.2, 0.3, 0.4]] })).status, 200);
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    const text = await response.text();
    const sample = (pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? NaN);
    assert.ok(sample(/^model_request_duration_seconds_count\{handler="\/predict"\} (\S+)$/m) >= 2);
    assert.ok(sample(/^model_request_duration_seconds_bucket\{handler="\/predict",le="\+Inf"\} (\S+)$/m) >= 2);
    assert.ok(sample(/^model_requests_total\{handler="\/predict",status="200"\} (\S+)$/m) >= 2);
    assert.ok(sample(/^model_requests_total\{handler="\/predict",status="401"\} (\S+)$/m) >= 2);
    assert.match(text, /^# TYPE model_request_errors_total counter$/m);
    const staleness = sample(/^model_staleness_seconds (\S+)$/m);
    assert.ok(Number.isFinite(staleness) && staleness >= 0, `staleness ${staleness}`);
    assert.equal(sample(/^model_loaded (\S+)$/m), 1);
  });

  it('passes its own generated pytest suite', () => {
    const result = spawnSync(image.python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: image.dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /\b\d+ passed\b/);
    assert.doesNotMatch(result.stdout, /\b(failed|error|skipped)\b/);
  });
});
