import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { runScaffold } from '../../../src/cli/scaffold';

function tempDir(): string {
  return mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'scaffold-cli-'));
}

async function run(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runScaffold(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => '', isTty: false, cwd, env: {} });
  return { status, stdout, stderr };
}

describe('mlops-deploy scaffold', () => {
  it('writes a FastAPI deployment named after the folder and says what it wrote', async () => {
    const cwd = tempDir();
    const { status, stdout, stderr } = await run(['fastapi', '--out', 'Iris Classifier'], cwd);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const dir = join(cwd, 'Iris Classifier');
    for (const path of ['Dockerfile', '.dockerignore', 'app/main.py', 'app/model.py', 'k8s/deployment.yaml', '.github/workflows/deploy.yml', 'mlops.yaml']) {
      assert.ok(existsSync(join(dir, path)), path);
      assert.match(stdout, new RegExp(`^created\\s+${path.replace(/\./g, '\\.')}$`, 'm'));
    }
    assert.match(readFileSync(join(dir, 'mlops.yaml'), 'utf8'), /^name: iris-classifier$/m);
    assert.match(stdout, /fastapi deployment "iris-classifier" in Iris Classifier: \d+ written, 0 unchanged, 0 skipped/);
    assert.match(stdout, /Put the sklearn model at Iris Classifier\/model\/model\.joblib/);
  });

  it('takes the answers from flags: framework from the model file, GPU, port, image, namespace', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'models'));
    writeFileSync(join(cwd, 'models', 'net.onnx'), 'onnx');
    const { status, stderr } = await run(['fastapi', '--out=svc', '--name', 'net', '--model-path', 'models/net.onnx', '--gpu', '--port', '9000', '--image', 'ghcr.io/acme/net', '--namespace', 'prod'], cwd);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const mlops = readFileSync(join(cwd, 'svc', 'mlops.yaml'), 'utf8');
    assert.match(mlops, /framework: onnx\n {2}path: \.\.\/models\/net\.onnx/);
    assert.match(mlops, /repository: ghcr\.io\/acme\/net/);
    const deployment = readFileSync(join(cwd, 'svc', 'k8s', 'deployment.yaml'), 'utf8');
    assert.match(deployment, /namespace: prod/);
    assert.match(deployment, /nvidia\.com\/gpu: 1/);
    assert.match(readFileSync(join(cwd, 'svc', 'Dockerfile'), 'utf8'), /EXPOSE 9000/);
    assert.match(readFileSync(join(cwd, 'svc', 'requirements.txt'), 'utf8'), /^onnxruntime-gpu\[cuda,cudnn\]==/m);
  });

  it('never overwrites a changed file without --force; identical files are left alone', async () => {
    const cwd = tempDir();
    assert.equal((await run(['triton', '--name', 'iris', '--framework', 'pytorch'], cwd)).status, 0);
    const config = join(cwd, 'model_repository', 'iris', 'config.pbtxt');
    writeFileSync(config, 'name: "iris"\n# edited by hand\n');
    const again = await run(['triton', '--name', 'iris', '--framework', 'pytorch'], cwd);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /^skipped\s+model_repository\/iris\/config\.pbtxt \(it exists and differs from the template; --force overwrites it\)$/m);
    assert.match(again.stdout, /^unchanged\s+mlops\.yaml$/m);
    assert.match(again.stdout, /0 written, \d+ unchanged, 1 skipped/);
    assert.equal(readFileSync(config, 'utf8'), 'name: "iris"\n# edited by hand\n');
    const forced = await run(['triton', '--name', 'iris', '--framework', 'pytorch', '--force'], cwd);
    assert.match(forced.stdout, /^overwrote\s+model_repository\/iris\/config\.pbtxt$/m);
    assert.match(readFileSync(config, 'utf8'), /platform: "pytorch_libtorch"/);
  });

  it('writes the SageMaker serve script as an executable', async () => {
    const cwd = tempDir();
    assert.equal((await run(['sagemaker', '--name', 'iris'], cwd)).status, 0);
    assert.equal(statSync(join(cwd, 'serve')).mode & 0o111, 0o111);
    assert.ok(existsSync(join(cwd, 'deploy.py')));
  });

  it('uses a folder of user templates over the package ones', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'ours', 'fastapi'), { recursive: true });
    writeFileSync(join(cwd, 'ours', 'fastapi', 'Dockerfile'), 'FROM internal/python:3.11-slim\n# {{name}}\n');
    assert.equal((await run(['fastapi', '--name', 'iris', '--out', 'svc', '--templates', 'ours'], cwd)).status, 0);
    assert.equal(readFileSync(join(cwd, 'svc', 'Dockerfile'), 'utf8'), 'FROM internal/python:3.11-slim\n# iris\n');
  });

  const refused: Array<[string, string[], RegExp]> = [
    ['an unknown target', ['vertex'], /the target is one of fastapi, triton, sagemaker, not "vertex"/],
    ['a name that is no DNS label', ['fastapi', '--name', 'Iris_1'], /--name: Use lowercase letters/],
    ['a folder name that makes no name', ['fastapi', '--out', '123'], /--name: Enter a name.*from the folder name "123"; give --name/],
    ['a bad port', ['fastapi', '--name', 'a', '--port', 'http'], /--port: "http" is not a port number/],
    ['a privileged port', ['fastapi', '--name', 'a', '--port', '80'], /--port: Port 80 needs root/],
    ['SageMaker on another port', ['sagemaker', '--name', 'a', '--port', '8000'], /--port: SageMaker sends requests to port 8080 only/],
    ['a model file that does not exist', ['fastapi', '--name', 'a', '--model-path', 'nope.joblib'], /--model-path: There is no file at nope\.joblib/],
    ["a model file the framework cannot read", ['fastapi', '--name', 'a', '--framework', 'onnx', '--model-path', 'm.pt'], /--model-path: A onnx model is loaded from a \.onnx file/],
    ['a GPU for scikit-learn', ['fastapi', '--name', 'a', '--gpu'], /--gpu: scikit-learn runs on the CPU only/],
    ['an unknown framework', ['fastapi', '--framework', 'keras'], /--framework is one of sklearn/],
    ['an image with a tag', ['fastapi', '--name', 'a', '--image', 'acme/a:1'], /--image: Leave out the tag/],
    ['an unknown option', ['fastapi', '--replicas', '3'], /unknown option --replicas/],
    ['a flag without its value', ['fastapi', '--name'], /--name needs a value/],
  ];
  for (const [what, args, message] of refused) {
    it(`refuses ${what} with status 2 and writes nothing`, async () => {
      const cwd = tempDir();
      const { status, stdout, stderr } = await run(args, cwd);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assert.ok(!existsSync(join(cwd, 'mlops.yaml')));
    });
  }

  it('prints its usage for --help', async () => {
    const { status, stdout } = await run(['--help'], tempDir());
    assert.equal(status, 0);
    assert.match(stdout, /^Usage: mlops-deploy scaffold <fastapi\|triton\|sagemaker>/);
  });
});

describe('mlops-deploy scaffold triton --model-path', () => {
  it('copies a model Triton loads as it is into the version folder, and never over a different one without --force', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'net.onnx'), 'onnx bytes');
    const first = await run(['triton', '--name', 'net', '--model-path', 'net.onnx'], cwd);
    assert.equal(first.status, 0);
    assert.match(first.stdout, /^copied\s+net\.onnx to model_repository\/net\/1\/model\.onnx$/m);
    assert.equal(readFileSync(join(cwd, 'model_repository', 'net', '1', 'model.onnx'), 'utf8'), 'onnx bytes');
    writeFileSync(join(cwd, 'net.onnx'), 'retrained');
    assert.match((await run(['triton', '--name', 'net', '--model-path', 'net.onnx'], cwd)).stdout, /^skipped\s+model_repository\/net\/1\/model\.onnx \(it exists and differs/m);
    assert.match((await run(['triton', '--name', 'net', '--model-path', 'net.onnx', '--force'], cwd)).stdout, /^copied/m);
    assert.equal(readFileSync(join(cwd, 'model_repository', 'net', '1', 'model.onnx'), 'utf8'), 'retrained');
  });

  it('says where a model that needs converting goes', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'model.joblib'), 'pickle');
    const { status, stdout } = await run(['triton', '--name', 'iris', '--model-path', 'model.joblib'], cwd);
    assert.equal(status, 0);
    assert.match(stdout, /Put the model in model_repository\/iris\/1\/model\.onnx \(model_repository\/iris\/1\/README\.md says how to make it\)/);
    assert.ok(!existsSync(join(cwd, 'model_repository', 'iris', '1', 'model.onnx')));
  });
});

describe('mlops-deploy lint on what scaffold wrote', () => {
  // The generated CI workflow runs `mlops-deploy lint`; it must pass on the files as written, at every severity.
  const cases: Array<[string, string[]]> = [
    ['fastapi', ['fastapi', '--name', 'iris', '--framework', 'xgboost', '--gpu']],
    ['triton, with its model copied in', ['triton', '--name', 'net', '--model-path', 'net.onnx', '--gpu']],
    ['sagemaker', ['sagemaker', '--name', 'iris', '--framework', 'tensorflow']],
  ];
  for (const [what, args] of cases) {
    it(what, async () => {
      const cwd = tempDir();
      writeFileSync(join(cwd, 'net.onnx'), 'onnx bytes');
      assert.equal((await run(args, cwd)).status, 0);
      let stdout = '';
      let stderr = '';
      const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), readStdin: () => '', isTty: false, cwd, env: {} };
      const status = await runCli(['lint', '--failure-threshold', 'style', '.'], io);
      assert.equal(stderr, '');
      assert.match(stdout, /^No problems in \d+ files\.$/m);
      assert.equal(status, 0);
    });
  }
});
