import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { execIn, freePort, waitUntil, waitUntilHealthy } from './engine';
import { buildScaffoldedImage, indexSettingInImage, wheelsCameFromIndex, type ScaffoldedImage } from './scaffolded';

/**
 * The generated SageMaker container honours SageMaker's contract (GET /ping and POST /invocations on port 8080,
 * the model under /opt/ml/model), and its deploy script creates the model, the endpoint configuration with data
 * capture, the endpoint and its autoscaling against moto's SageMaker emulator.
 */
describe('the scaffolded SageMaker container on Docker', { timeout: 15 * 60_000 }, () => {
  let image: ScaffoldedImage;
  let container: Docker.Container;

  before(async () => {
    image = await buildScaffoldedImage('sagemaker');
    assert.equal(image.context.port, 8080);
    container = await image.engine.docker.createContainer({
      Image: image.tag,
      Cmd: ['serve'],
      // SageMaker's own check interval is its business; the image's command, checked every second here.
      Healthcheck: { Interval: 1e9, StartPeriod: 60e9 },
      // A network namespace of its own: port 8080 inside the container is the contract's, whatever uses 8080 on
      // the host. Requests are sent from inside the container.
      HostConfig: { NetworkMode: 'none', Binds: [`${image.modelDir}:/opt/ml/model:ro`] },
    });
    await container.start();
  });

  after(async () => {
    await container?.remove({ force: true });
    await image?.cleanup();
  });

  /** Sends one request to the server on 127.0.0.1:8080 from inside the container, with the image's own Python. */
  const call = async (method: string, path: string, body?: string, contentType?: string): Promise<{ status: number; body: string }> => {
    const script = [
      'import sys, urllib.request, urllib.error',
      'method, url, body, kind = sys.argv[1:5]',
      'request = urllib.request.Request(url, data=body.encode() if body else None, method=method, headers={"content-type": kind} if kind else {})',
      'try:',
      '    with urllib.request.urlopen(request, timeout=10) as response: print(response.status); print(response.read().decode())',
      'except urllib.error.HTTPError as error: print(error.code); print(error.read().decode())',
    ].join('\n');
    const result = await execIn(container, ['python3', '-c', script, method, `http://127.0.0.1:8080${path}`, body ?? '', contentType ?? '']);
    assert.equal(result.exitCode, 0, result.stderr);
    const [status, ...rest] = result.stdout.split('\n');
    return { status: Number(status), body: rest.join('\n').trim() };
  };

  it('builds with the package index as a build argument that stays out of the final image', async (t) => {
    t.diagnostic(`image built in ${image.buildSeconds.toFixed(1)} s`);
    assert.ok(wheelsCameFromIndex(image), 'the wheel stage did not use the index it was given');
    assert.equal(await indexSettingInImage(image), false, 'the index setting was baked into the image');
    assert.equal((await image.engine.docker.getImage(image.tag).inspect()).Config.User, '10001');
  });

  it('becomes healthy through the Dockerfile HEALTHCHECK on /ping', async () => {
    await waitUntilHealthy(container, 120_000);
    assert.equal((await call('GET', '/ping')).status, 200);
  });

  it("answers /invocations in JSON and CSV with the trained model's predictions", async () => {
    const rows = [
      [5.1, 3.5, 1.4, 0.2],
      [6.2, -2.9, 4.3, 1.3],
    ];
    const expected = image.expected(rows);
    const close = (actual: number[][]) => actual.forEach((row, i) => row.forEach((value, j) => assert.ok(Math.abs(value - expected[i][j]) < 1e-6)));
    const json = await call('POST', '/invocations', JSON.stringify({ instances: rows }), 'application/json');
    assert.equal(json.status, 200, json.body);
    close((JSON.parse(json.body) as { predictions: number[][] }).predictions);
    const csv = await call('POST', '/invocations', rows.map((row) => row.join(',')).join('\n'), 'text/csv');
    assert.equal(csv.status, 200, csv.body);
    close((JSON.parse(csv.body) as { predictions: number[][] }).predictions);
    assert.equal((await call('POST', '/invocations', '{"instances": [[1, 2]]}', 'application/json')).status, 422);
    assert.equal((await call('POST', '/invocations', '1', 'application/x-npy')).status, 415);
    assert.equal((await call('POST', '/invocations', '{"instances": [[1,', 'application/json')).status, 400);
  });

  describe('deploy.py against moto_server', () => {
    let moto: ChildProcess;
    let endpoint = '';
    // Dummy credentials and no profile, so that nothing can reach a real AWS account.
    const env = (): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      PYTHONDONTWRITEBYTECODE: '1',
    });

    before(async () => {
      const port = await freePort();
      endpoint = `http://127.0.0.1:${port}`;
      moto = spawn(image.python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env: env() });
      await waitUntil(() => fetch(`${endpoint}/moto-api/`).then((r) => r.ok, () => false), 60_000);
    });

    after(async () => {
      if (moto && moto.exitCode === null) {
        const exited = new Promise((done) => moto.once('exit', done));
        moto.kill('SIGTERM');
        await exited;
      }
    });

    it('creates the model, the endpoint configuration with data capture, the endpoint and its autoscaling', () => {
      const role = 'arn:aws:iam::123456789012:role/SageMakerExecution';
      const deploy = spawnSync(
        image.python,
        ['deploy.py', '--role-arn', role, '--image-uri', `123456789012.dkr.ecr.us-east-1.amazonaws.com/iris-model:0.1.0`, '--model-data', 's3://models/iris-model/model.tar.gz', '--capture-s3', 's3://models/iris-model/capture', '--endpoint-url', endpoint],
        { cwd: image.dir, encoding: 'utf8', env: env() },
      );
      assert.equal(deploy.status, 0, deploy.stdout + deploy.stderr);
      assert.match(deploy.stdout, /endpoint iris-model is InService/);
      const check = spawnSync(image.python, ['-c', READ_BACK, endpoint], { encoding: 'utf8', env: env() });
      assert.equal(check.status, 0, check.stderr);
      const state = JSON.parse(check.stdout) as {
        models: { name: string; role: string; image: string }[];
        config: { model: string; capture: boolean; modes: string[] };
        endpoint: { status: string; config: string };
        scaling: { min: number; max: number; policy: string; metric: string };
      };
      assert.equal(state.models.length, 1);
      assert.match(state.models[0].name, /^iris-model-\d{8}-\d{6}$/);
      assert.equal(state.models[0].role, role);
      assert.equal(state.config.model, state.models[0].name);
      assert.equal(state.config.capture, true);
      assert.deepEqual(state.config.modes.sort(), ['Input', 'Output']);
      assert.deepEqual(state.endpoint, { status: 'InService', config: state.models[0].name });
      assert.deepEqual(state.scaling, { min: 1, max: 4, policy: 'TargetTrackingScaling', metric: 'SageMakerVariantInvocationsPerInstance' });
    });
  });
});

/** Reads back from the emulator what deploy.py created, as JSON. */
const READ_BACK = `
import json, sys
import boto3
url = sys.argv[1]
sm = boto3.client("sagemaker", endpoint_url=url, region_name="us-east-1")
models = [sm.describe_model(ModelName=m["ModelName"]) for m in sm.list_models()["Models"]]
endpoint = sm.describe_endpoint(EndpointName="iris-model")
config = sm.describe_endpoint_config(EndpointConfigName=endpoint["EndpointConfigName"])
capture = config.get("DataCaptureConfig", {})
scaling = boto3.client("application-autoscaling", endpoint_url=url, region_name="us-east-1")
target = scaling.describe_scalable_targets(ServiceNamespace="sagemaker")["ScalableTargets"][0]
policy = scaling.describe_scaling_policies(ServiceNamespace="sagemaker")["ScalingPolicies"][0]
print(json.dumps({
    "models": [{"name": m["ModelName"], "role": m["ExecutionRoleArn"], "image": m["PrimaryContainer"]["Image"]} for m in models],
    "config": {
        "model": config["ProductionVariants"][0]["ModelName"],
        "capture": capture.get("EnableCapture"),
        "modes": [option["CaptureMode"] for option in capture.get("CaptureOptions", [])],
    },
    "endpoint": {"status": endpoint["EndpointStatus"], "config": endpoint["EndpointConfigName"]},
    "scaling": {
        "min": target["MinCapacity"],
        "max": target["MaxCapacity"],
        "policy": policy["PolicyType"],
        "metric": policy["TargetTrackingScalingPolicyConfiguration"]["PredefinedMetricSpecification"]["PredefinedMetricType"],
    },
}))
`;
