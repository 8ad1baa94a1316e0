/**
 * A deterministic corpus of ML-service Dockerfiles for the benchmark and the fuzz test. Every file comes from a
 * seeded PRNG, so two runs lint byte-identical input and their timings can be compared.
 *
 * The files vary what real model-serving repositories vary: the server (FastAPI/uvicorn, gunicorn, Flask,
 * Triton, TorchServe, TF Serving, SageMaker bring-your-own-container), the base image family (python, -slim,
 * alpine, nvidia/cuda, ubuntu, conda), single or multi-stage builds, package installs with long `\`
 * continuations, COPY/ADD, ENV, ARG and LABEL blocks, HEALTHCHECKs, USER, heredocs and comments. About a third
 * carry the mistakes people make, so that both linters have something to report.
 */

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; Math.random cannot be seeded. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items in a random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, Math.min(count, pool.length));
  }
}

export interface CorpusFile {
  /** A file name that says what the file is, unique in the corpus: `017-triton-cuda-multi.Dockerfile`. */
  name: string;
  text: string;
  server: ServerKind;
  base: BaseFamily;
  multiStage: boolean;
  /** The deliberate mistakes planted in the file, by name. */
  mistakes: Mistake[];
}

export const SERVER_KINDS = ['fastapi', 'gunicorn', 'flask', 'triton', 'torchserve', 'tfserving', 'sagemaker'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export type BaseFamily = 'python' | 'slim' | 'alpine' | 'cuda' | 'ubuntu' | 'conda' | 'vendor';

export const MISTAKES = [
  'loopback-host',
  'dev-server',
  'debug-env',
  'copy-secret',
  'bake-model',
  'no-user',
  'root-user',
  'curl-probe-on-slim',
  'port-mismatch',
  'lowercase-keyword',
  'maintainer',
  'relative-workdir',
  'two-cmds',
  'empty-continuation-line',
  'single-quoted-json',
] as const;
export type Mistake = (typeof MISTAKES)[number];

/** The corpus the benchmark lints and the fuzz test mutates: the same files in both, so findings agree. */
export const BENCH_CORPUS_SIZE = 252;
export const BENCH_CORPUS_SEED = 0x5eed;

export const MIN_LINES = 10;
export const MAX_LINES = 300;

const PYTHON_VERSIONS = ['3.9', '3.10', '3.11', '3.12'];
const DEBIAN_CODENAMES = ['bookworm', 'bullseye'];
const CUDA_TAGS = [
  '12.1.1-cudnn8-runtime-ubuntu22.04',
  '12.4.1-cudnn-runtime-ubuntu22.04',
  '11.8.0-cudnn8-runtime-ubuntu22.04',
  '12.2.2-runtime-ubuntu22.04',
];
const CUDA_DEVEL_TAGS = ['12.1.1-cudnn8-devel-ubuntu22.04', '12.4.1-cudnn-devel-ubuntu22.04', '11.8.0-cudnn8-devel-ubuntu22.04'];
const UBUNTU_TAGS = ['22.04', '24.04', 'jammy', 'noble'];
const CONDA_IMAGES = ['continuumio/miniconda3:24.1.2-0', 'mambaorg/micromamba:1.5.8', 'condaforge/miniforge3:24.3.0-0'];

const APT_BUILD_PACKAGES = [
  'build-essential', 'gcc', 'g++', 'make', 'cmake', 'pkg-config', 'git', 'curl', 'wget', 'ca-certificates',
  'libffi-dev', 'libssl-dev', 'zlib1g-dev', 'libbz2-dev', 'liblzma-dev', 'libsqlite3-dev', 'libopenblas-dev',
  'liblapack-dev', 'gfortran', 'libhdf5-dev', 'libjpeg-dev', 'libpng-dev', 'libgomp1', 'libsndfile1-dev',
  'libpq-dev', 'default-libmysqlclient-dev', 'unixodbc-dev', 'libxml2-dev', 'libxslt1-dev', 'libyaml-dev',
  'protobuf-compiler', 'libprotobuf-dev', 'ninja-build', 'autoconf', 'automake', 'libtool', 'patchelf',
];
const APT_RUNTIME_PACKAGES = [
  'ca-certificates', 'curl', 'wget', 'tini', 'libgomp1', 'libopenblas0', 'libglib2.0-0', 'libsm6', 'libxext6',
  'libxrender1', 'libgl1', 'ffmpeg', 'libsndfile1', 'libpq5', 'nginx', 'procps', 'tzdata', 'locales', 'jq',
  'python3', 'python3-pip', 'python3-venv', 'python3-dev', 'openjdk-17-jre-headless', 'libjemalloc2', 'dumb-init',
];
const APK_PACKAGES = [
  'build-base', 'gcc', 'g++', 'musl-dev', 'linux-headers', 'libffi-dev', 'openssl-dev', 'cargo', 'rust',
  'openblas-dev', 'lapack-dev', 'gfortran', 'jpeg-dev', 'zlib-dev', 'freetype-dev', 'postgresql-dev', 'git',
  'curl', 'ca-certificates', 'tini', 'libstdc++', 'libgomp', 'bash', 'tzdata', 'cmake', 'make',
];
const PIP_PACKAGES = [
  'fastapi==0.111.0', 'uvicorn[standard]==0.30.1', 'gunicorn==22.0.0', 'flask==3.0.3', 'pydantic==2.7.4',
  'pydantic-settings==2.3.3', 'numpy==1.26.4', 'pandas==2.2.2', 'scikit-learn==1.5.0', 'scipy==1.13.1',
  'xgboost==2.0.3', 'lightgbm==4.3.0', 'catboost==1.2.5', 'torch==2.3.1', 'torchvision==0.18.1',
  'torchaudio==2.3.1', 'transformers==4.41.2', 'tokenizers==0.19.1', 'sentencepiece==0.2.0',
  'safetensors==0.4.3', 'accelerate==0.31.0', 'onnx==1.16.1', 'onnxruntime==1.18.0', 'onnxruntime-gpu==1.18.0',
  'tensorflow==2.16.1', 'keras==3.3.3', 'tritonclient[http]==2.46.0', 'boto3==1.34.131', 'botocore==1.34.131',
  'sagemaker-inference==1.10.1', 'multi-model-server==1.1.11', 'mlflow==2.14.1', 'prometheus-client==0.20.0',
  'prometheus-fastapi-instrumentator==7.0.0', 'opentelemetry-api==1.25.0', 'opentelemetry-sdk==1.25.0',
  'opentelemetry-instrumentation-fastapi==0.46b0', 'structlog==24.2.0', 'python-json-logger==2.0.7',
  'orjson==3.10.5', 'ujson==5.10.0', 'httpx==0.27.0', 'requests==2.32.3', 'aiohttp==3.9.5', 'redis==5.0.6',
  'sqlalchemy==2.0.31', 'psycopg2-binary==2.9.9', 'pyyaml==6.0.1', 'python-multipart==0.0.9', 'pillow==10.3.0',
  'opencv-python-headless==4.10.0.84', 'albumentations==1.4.8', 'timm==1.0.7', 'einops==0.8.0',
  'sentence-transformers==3.0.1', 'faiss-cpu==1.8.0', 'joblib==1.4.2', 'cloudpickle==3.0.0', 'dill==0.3.8',
  'shap==0.45.1', 'evidently==0.4.30', 'great-expectations==0.18.16', 'feast==0.38.0', 'google-cloud-storage==2.17.0',
  'azure-storage-blob==12.20.0', 'fsspec==2024.6.0', 's3fs==2024.6.0', 'gcsfs==2024.6.0', 'pyarrow==16.1.0',
  'polars==0.20.31', 'duckdb==1.0.0', 'tqdm==4.66.4', 'click==8.1.7', 'typer==0.12.3', 'rich==13.7.1',
  'tenacity==8.4.1', 'cachetools==5.3.3', 'starlette==0.37.2', 'anyio==4.4.0', 'h11==0.14.0', 'wheel==0.43.0',
  'setuptools==70.1.0', 'cython==3.0.10', 'numba==0.60.0', 'llvmlite==0.43.0', 'spacy==3.7.5', 'nltk==3.8.1',
];
const CONDA_PACKAGES = [
  'python=3.10', 'numpy=1.26', 'pandas=2.2', 'scikit-learn=1.5', 'pytorch=2.3', 'pytorch-cuda=12.1',
  'cudatoolkit=11.8', 'faiss-gpu=1.8', 'rdkit=2024.03', 'pyarrow=16.1', 'libopenblas=0.3', 'mkl=2024.1',
  'xgboost=2.0', 'lightgbm=4.3', 'opencv=4.9', 'uvicorn=0.30', 'fastapi=0.111', 'gunicorn=22.0',
];
const LABEL_KEYS = [
  'org.opencontainers.image.title', 'org.opencontainers.image.description', 'org.opencontainers.image.vendor',
  'org.opencontainers.image.licenses', 'org.opencontainers.image.source', 'org.opencontainers.image.revision',
  'org.opencontainers.image.version', 'org.opencontainers.image.created', 'org.opencontainers.image.authors',
  'org.opencontainers.image.documentation', 'ml.model.name', 'ml.model.version', 'ml.model.framework',
  'ml.model.task', 'ml.team', 'com.amazonaws.sagemaker.capabilities.accept-bind-to-port',
  'com.amazonaws.sagemaker.capabilities.multi-models', 'maintainer.slack',
];
const ENV_PAIRS: ReadonlyArray<[string, string]> = [
  ['PYTHONDONTWRITEBYTECODE', '1'], ['PYTHONUNBUFFERED', '1'], ['PYTHONFAULTHANDLER', '1'],
  ['PIP_NO_CACHE_DIR', '1'], ['PIP_DISABLE_PIP_VERSION_CHECK', '1'], ['PIP_DEFAULT_TIMEOUT', '100'],
  ['LANG', 'C.UTF-8'], ['LC_ALL', 'C.UTF-8'], ['TZ', 'UTC'], ['OMP_NUM_THREADS', '1'], ['MKL_NUM_THREADS', '1'],
  ['TOKENIZERS_PARALLELISM', 'false'], ['HF_HOME', '/models/.cache/huggingface'], ['TRANSFORMERS_OFFLINE', '1'],
  ['MODEL_NAME', 'churn-classifier'], ['MODEL_VERSION', '2024-06-01'], ['MODEL_URI', 's3://ml-models/prod/churn/'],
  ['LOG_LEVEL', 'info'], ['LOG_FORMAT', 'json'], ['WORKERS', '2'], ['TIMEOUT', '60'], ['MAX_BATCH_SIZE', '32'],
  ['PROMETHEUS_MULTIPROC_DIR', '/tmp/prometheus'], ['OTEL_SERVICE_NAME', 'model-server'],
  ['OTEL_EXPORTER_OTLP_ENDPOINT', 'http://otel-collector:4317'], ['CUDA_VISIBLE_DEVICES', '0'],
  ['NVIDIA_VISIBLE_DEVICES', 'all'], ['NVIDIA_DRIVER_CAPABILITIES', 'compute,utility'], ['MALLOC_ARENA_MAX', '2'],
  ['GUNICORN_CMD_ARGS', '"--timeout 120 --graceful-timeout 30"'], ['APP_HOME', '/app'], ['VIRTUAL_ENV', '/opt/venv'],
];
const COMMENTS = [
  'Keep this list sorted so that diffs stay readable.',
  'Pinned versions: the model was validated against exactly these.',
  'The runtime image only needs the shared libraries, not the headers.',
  'Build wheels once in the builder stage and install them offline below.',
  'See docs/serving.md for the request and response schema.',
  'TODO: move the tokenizer download to the model store.',
  'Layer order matters: dependencies change less often than code.',
  'Do not add a package here without updating requirements.lock.',
  'The GPU image must match the driver on the node pool (CUDA 12.x).',
  'Health endpoint is served by the same app on /health.',
];

interface Plan {
  index: number;
  server: ServerKind;
  base: BaseFamily;
  multiStage: boolean;
  mistakes: Set<Mistake>;
  python: string;
  port: number;
  useSyntaxDirective: boolean;
  useHeredocRun: boolean;
  useHeredocConfig: boolean;
  useCacheMount: boolean;
  useArgs: boolean;
  useHealthcheck: boolean;
  useTini: boolean;
  workdir: string;
  /** The lengths of the variable-length parts: each item is exactly one line. */
  sizes: Sizes;
}

interface Sizes {
  buildPackages: number;
  runtimePackages: number;
  pipPackages: number;
  labels: number;
  envs: number;
  configLines: number;
  commentLines: number;
}

/** Generates `count` Dockerfiles from `seed`. The same arguments always give the same files. */
export function generateCorpus(count: number, seed: number): CorpusFile[] {
  const rng = new SeededRandom(seed);
  const files: CorpusFile[] = [];
  for (let index = 0; index < count; index++) {
    const plan = planFile(rng, index);
    const targetLines = targetLength(rng);
    // Each file renders from its own PRNG so that rendering it again with other slot sizes is still reproducible.
    const renderSeed = (seed ^ Math.imul(index + 1, 2654435761)) >>> 0;
    // Render with the smallest slots to learn roughly how long the fixed part is, then spread the rest of the
    // target over the slots; each slot item is one line.
    const fixed = render(plan, new SeededRandom(renderSeed));
    plan.sizes = distribute(rng, plan, Math.max(0, targetLines - fixed.length));
    let lines = render(plan, new SeededRandom(renderSeed));
    while (lines.length > MAX_LINES) {
      // The fixed part can come out a little longer the second time (the PRNG draws differ with the sizes).
      shrinkLargestSlot(plan.sizes);
      lines = render(plan, new SeededRandom(renderSeed));
    }
    if (lines.length < MIN_LINES) throw new Error(`corpus file ${index} has ${lines.length} lines`);
    const name = `${String(index).padStart(3, '0')}-${plan.server}-${plan.base}-${plan.multiStage ? 'multi' : 'single'}.Dockerfile`;
    files.push({ name, text: lines.join('\n') + '\n', server: plan.server, base: plan.base, multiStage: plan.multiStage, mistakes: [...plan.mistakes] });
  }
  return files;
}

/** Mostly medium files, with a quarter small and a quarter large, as in real repositories. */
function targetLength(rng: SeededRandom): number {
  const bucket = rng.next();
  if (bucket < 0.25) return rng.int(MIN_LINES, 40);
  if (bucket < 0.75) return rng.int(40, 120);
  return rng.int(120, MAX_LINES);
}

function planFile(rng: SeededRandom, index: number): Plan {
  // Cycling through the servers guarantees every kind is well represented whatever the PRNG draws.
  const server = SERVER_KINDS[index % SERVER_KINDS.length];
  const base = baseFor(rng, server);
  const mistakes = new Set<Mistake>();
  if (rng.chance(0.35)) {
    for (const mistake of rng.sample(MISTAKES, rng.int(1, 3))) mistakes.add(mistake);
  }
  const port = server === 'triton' ? 8000 : server === 'torchserve' || server === 'sagemaker' ? 8080 : server === 'tfserving' ? 8501 : rng.pick([8000, 8080, 5000]);
  return {
    index,
    server,
    base,
    // Vendor images (Triton, TorchServe, TF Serving) are usually extended in place rather than rebuilt.
    multiStage: base === 'vendor' ? rng.chance(0.2) : rng.chance(0.5),
    mistakes,
    python: rng.pick(PYTHON_VERSIONS),
    port,
    useSyntaxDirective: rng.chance(0.4),
    useHeredocRun: rng.chance(0.2),
    useHeredocConfig: rng.chance(0.25),
    useCacheMount: rng.chance(0.3),
    useArgs: rng.chance(0.6),
    useHealthcheck: rng.chance(0.7),
    useTini: rng.chance(0.3),
    workdir: rng.pick(['/app', '/srv/model', '/opt/program', '/home/app/service']),
    sizes: { buildPackages: 0, runtimePackages: 0, pipPackages: 0, labels: 0, envs: 0, configLines: 0, commentLines: 0 },
  };
}

function baseFor(rng: SeededRandom, server: ServerKind): BaseFamily {
  if (server === 'triton' || server === 'torchserve' || server === 'tfserving') return rng.chance(0.75) ? 'vendor' : rng.pick(['cuda', 'ubuntu']);
  return rng.pick(['python', 'slim', 'slim', 'alpine', 'cuda', 'ubuntu', 'conda']);
}

/** Spreads a line budget over the slots that the plan uses, in random proportions, within each slot's pool. */
function distribute(rng: SeededRandom, plan: Plan, budget: number): Sizes {
  const sizes = { ...plan.sizes };
  const caps: Array<[keyof Sizes, number]> = [
    ['buildPackages', plan.base === 'alpine' ? APK_PACKAGES.length : APT_BUILD_PACKAGES.length],
    ['runtimePackages', APT_RUNTIME_PACKAGES.length],
    ['pipPackages', Number.POSITIVE_INFINITY],
    ['labels', LABEL_KEYS.length],
    ['envs', ENV_PAIRS.length],
    ['commentLines', 12],
    ['configLines', plan.useHeredocConfig ? Number.POSITIVE_INFINITY : 0],
  ];
  let left = budget;
  for (let guard = 0; left > 0 && guard < 10_000; guard++) {
    const [slot, cap] = rng.pick(caps);
    if (sizes[slot] >= cap) continue;
    const step = Math.min(left, rng.int(1, 6), cap - sizes[slot]);
    sizes[slot] += step;
    left -= step;
  }
  return sizes;
}

function shrinkLargestSlot(sizes: Sizes): void {
  const keys = Object.keys(sizes) as Array<keyof Sizes>;
  const largest = keys.reduce((a, b) => (sizes[a] >= sizes[b] ? a : b));
  sizes[largest] = Math.max(0, sizes[largest] - 5);
}

/** Renders the plan to lines (without line terminators). */
function render(plan: Plan, rng: SeededRandom): string[] {
  const rendered: string[] = [];
  // A piece may span lines (a HEALTHCHECK with a continuation); splitting keeps the count of lines exact.
  const out = (...pieces: string[]): void => {
    for (const piece of pieces) rendered.push(...piece.split('\n'));
  };
  const m = (mistake: Mistake): boolean => plan.mistakes.has(mistake);
  const kw = (keyword: string): string => (m('lowercase-keyword') && rng.chance(0.3) ? keyword.toLowerCase() : keyword);

  if (plan.useSyntaxDirective) out(`# syntax=docker/dockerfile:${rng.pick(['1', '1.7', '1.6'])}`);
  out(`# ${plan.server} model server (${plan.base} base${plan.multiStage ? ', multi-stage' : ''})`);
  for (let i = 0; i < plan.sizes.commentLines; i++) out(`# ${COMMENTS[(plan.index + i) % COMMENTS.length]}`);
  if (plan.useArgs) out(`ARG PYTHON_VERSION=${plan.python}`, `ARG APP_VERSION=0.${plan.index % 9}.${plan.index % 13}`);
  out('');

  const runtime = runtimeImage(plan, rng);
  const packageManager = plan.base === 'alpine' ? 'apk' : plan.base === 'conda' ? 'conda' : plan.base === 'vendor' ? vendorPackageManager(plan) : 'apt';
  const env = ENV_PAIRS.slice(0, plan.sizes.envs);

  if (plan.multiStage) {
    out(`${kw('FROM')} ${builderImage(plan, rng)} AS builder`);
    if (m('maintainer')) out('MAINTAINER ml-platform@example.com');
    out(`${kw('WORKDIR')} /build`);
    installSystemPackages(out, plan, packageManager, APT_BUILD_PACKAGES, APK_PACKAGES, plan.sizes.buildPackages, true, kw);
    if (plan.base !== 'conda' && plan.base !== 'vendor') out(`RUN python3 -m venv /opt/venv`, `ENV PATH="/opt/venv/bin:$PATH"`);
    out(`COPY requirements.txt .`);
    pipInstall(out, plan, rng, plan.sizes.pipPackages, kw);
    if (plan.server === 'torchserve') {
      out('COPY model-store/handler.py model-store/index_to_name.json ./', 'RUN torch-model-archiver --model-name resnet --version 1.0 \\', '    --serialized-file weights/resnet18.pt --handler handler.py \\', '    --extra-files index_to_name.json --export-path /build/model-store');
    }
    out('');
    out(`${kw('FROM')} ${runtime}`);
  } else {
    out(`${kw('FROM')} ${runtime}`);
    if (m('maintainer')) out('MAINTAINER ml-platform@example.com');
  }

  if (plan.sizes.labels > 0) {
    const labels = LABEL_KEYS.slice(0, plan.sizes.labels).map((key) => `${key}="${labelValue(key, plan)}"`);
    out(`${kw('LABEL')} ${labels[0]}${labels.length > 1 ? ' \\' : ''}`);
    labels.slice(1).forEach((label, i) => out(`      ${label}${i < labels.length - 2 ? ' \\' : ''}`));
  }
  if (env.length > 0) {
    const pairs = env.map(([k, v]) => `${k}=${v}`);
    if (m('debug-env')) pairs.push(plan.server === 'flask' ? 'FLASK_DEBUG=1' : 'DEBUG=true');
    out(`${kw('ENV')} ${pairs[0]}${pairs.length > 1 ? ' \\' : ''}`);
    pairs.slice(1).forEach((pair, i) => out(`    ${pair}${i < pairs.length - 2 ? ' \\' : ''}`));
  }

  if (!plan.multiStage) {
    installSystemPackages(out, plan, packageManager, APT_RUNTIME_PACKAGES, APK_PACKAGES, plan.sizes.runtimePackages, false, kw);
  } else if (plan.base !== 'vendor' && plan.base !== 'conda') {
    installSystemPackages(out, plan, packageManager, APT_RUNTIME_PACKAGES, APK_PACKAGES, Math.max(1, Math.floor(plan.sizes.runtimePackages / 2)), false, kw);
  }

  const user = plan.base === 'alpine' ? 'app' : 'appuser';
  if (!m('no-user')) {
    out(plan.base === 'alpine' ? `RUN addgroup -S ${user} && adduser -S -G ${user} -u 10001 ${user}` : `RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin ${user}`);
  }
  out(`${kw('WORKDIR')} ${m('relative-workdir') ? 'app' : plan.workdir}`);

  if (plan.multiStage) {
    if (plan.base === 'conda' || plan.base === 'vendor') {
      out(`COPY --from=builder /opt/conda/envs /opt/conda/envs`);
    } else {
      out(`COPY --from=builder /opt/venv /opt/venv`, `ENV PATH="/opt/venv/bin:$PATH"`);
    }
    if (plan.server === 'torchserve') out('COPY --from=builder /build/model-store /home/model-server/model-store');
  } else {
    out(`COPY requirements.txt .`);
    pipInstall(out, plan, rng, plan.sizes.pipPackages, kw);
  }

  if (plan.useHeredocRun) {
    out(
      'RUN <<EOF',
      'set -eux',
      `mkdir -p ${plan.workdir}/cache /tmp/prometheus`,
      `python3 -c "import sys; print(sys.version)"`,
      'EOF',
    );
  }
  if (plan.useHeredocConfig) {
    out(`COPY <<EOF ${plan.workdir}/config.yaml`, 'server:', `  port: ${plan.port}`, '  workers: 2', 'features:');
    for (let i = 0; i < plan.sizes.configLines; i++) out(`  feature_${String(i).padStart(3, '0')}: ${rng.pick(['float32', 'int64', 'string', 'bool'])}`);
    out('EOF');
  }

  const chown = m('no-user') ? '' : `--chown=${user}:${user} `;
  copyApplication(out, plan, chown, kw);
  if (m('copy-secret')) out(`COPY ${rng.pick(['.env', 'config/credentials.json', 'secrets/id_rsa', 'kubeconfig', 'certs/server.key'])} ${plan.workdir}/`);
  if (m('bake-model')) out(`COPY ${chown}${rng.pick(['models/model.pt', 'weights/', 'artifacts/model.onnx', 'checkpoints/best.safetensors'])} /models/`);

  const exposedPort = m('port-mismatch') ? plan.port + 1 : plan.port;
  out(`${kw('EXPOSE')} ${exposedPort}${plan.server === 'triton' ? ' 8001 8002' : ''}`);
  if (plan.useHealthcheck) out(healthcheck(plan, rng));
  if (!m('no-user')) out(`${kw('USER')} ${m('root-user') ? 'root' : user}`);
  // A SageMaker container's ENTRYPOINT is its `serve` program, so it gets no tini ENTRYPOINT in front of it.
  if (plan.useTini && plan.base !== 'vendor' && plan.server !== 'sagemaker') out(`ENTRYPOINT ["/usr/bin/tini", "--"]`);
  if (m('two-cmds')) out(`CMD ["python3", "-m", "app.warmup"]`);
  const start = startCommand(plan, rng);
  // Single quotes make Docker read the "JSON" array as a shell command: a classic copy-paste mistake.
  out(m('single-quoted-json') ? start.replace(/"/g, "'") : start);
  return rendered;
}

function runtimeImage(plan: Plan, rng: SeededRandom): string {
  switch (plan.base) {
    case 'python':
      return `python:${plan.python}${rng.chance(0.4) ? `-${rng.pick(DEBIAN_CODENAMES)}` : ''}`;
    case 'slim':
      return `python:${plan.python}-slim${rng.chance(0.4) ? `-${rng.pick(DEBIAN_CODENAMES)}` : ''}`;
    case 'alpine':
      return `python:${plan.python}-alpine${rng.pick(['', '3.19', '3.20'])}`;
    case 'cuda':
      return `nvidia/cuda:${rng.pick(CUDA_TAGS)}`;
    case 'ubuntu':
      return `ubuntu:${rng.pick(UBUNTU_TAGS)}`;
    case 'conda':
      return rng.pick(CONDA_IMAGES);
    case 'vendor':
      return vendorImage(plan, rng);
  }
}

function builderImage(plan: Plan, rng: SeededRandom): string {
  switch (plan.base) {
    case 'cuda':
      return `nvidia/cuda:${rng.pick(CUDA_DEVEL_TAGS)}`;
    case 'alpine':
      return `python:${plan.python}-alpine`;
    case 'conda':
    case 'ubuntu':
    case 'vendor':
      return runtimeImage(plan, rng);
    default:
      return `python:${plan.python}${rng.chance(0.5) ? `-${rng.pick(DEBIAN_CODENAMES)}` : ''}`;
  }
}

function vendorImage(plan: Plan, rng: SeededRandom): string {
  switch (plan.server) {
    case 'triton':
      return `nvcr.io/nvidia/tritonserver:${rng.pick(['24.05', '24.04', '23.12'])}-py3`;
    case 'torchserve':
      return `pytorch/torchserve:${rng.pick(['0.11.0-cpu', '0.11.0-gpu', '0.10.0-cpu'])}`;
    default:
      return `tensorflow/serving:${rng.pick(['2.16.1', '2.15.0', '2.16.1-gpu'])}`;
  }
}

/** Triton and TF Serving images are Ubuntu; TorchServe's run as a user and install Python packages only. */
function vendorPackageManager(plan: Plan): 'apt' | 'none' {
  return plan.server === 'torchserve' ? 'none' : 'apt';
}

function installSystemPackages(
  out: (...lines: string[]) => void,
  plan: Plan,
  manager: string,
  aptPool: readonly string[],
  apkPool: readonly string[],
  count: number,
  build: boolean,
  kw: (keyword: string) => string,
): void {
  if (count <= 0 || manager === 'none') return;
  const emptyLine = plan.mistakes.has('empty-continuation-line');
  if (manager === 'apk') {
    const packages = apkPool.slice(0, count);
    out(`${kw('RUN')} apk add --no-cache${build ? ' --virtual .build-deps' : ''} \\`);
    packages.forEach((p, i) => out(`        ${p}${i < packages.length - 1 ? ' \\' : ''}`));
    return;
  }
  if (manager === 'conda') {
    out(`${kw('RUN')} apt-get update && apt-get install -y --no-install-recommends ${build ? 'build-essential' : 'libgomp1'} \\`, '    && rm -rf /var/lib/apt/lists/*');
    return;
  }
  const packages = aptPool.slice(0, count);
  const mount = plan.useCacheMount ? '--mount=type=cache,target=/var/cache/apt,sharing=locked ' : '';
  out(`${kw('RUN')} ${mount}apt-get update \\`, '    && apt-get install -y --no-install-recommends \\');
  packages.forEach((p, i) => {
    out(`        ${p} \\`);
    if (emptyLine && i === 0) out('');
  });
  out('    && rm -rf /var/lib/apt/lists/*');
}

function pipInstall(out: (...lines: string[]) => void, plan: Plan, rng: SeededRandom, count: number, kw: (keyword: string) => string): void {
  const mount = plan.useCacheMount ? '--mount=type=cache,target=/root/.cache/pip ' : '';
  if (plan.base === 'conda' && count > 0) {
    const conda = CONDA_PACKAGES.slice(0, Math.min(count, CONDA_PACKAGES.length));
    out(`${kw('RUN')} conda install -y -c conda-forge \\`);
    conda.forEach((p) => out(`        ${p} \\`));
    out('    && conda clean -afy');
    count -= conda.length;
    if (count <= 0) return;
  }
  const packages = rng.sample(PIP_PACKAGES, count);
  // Long lists beyond the public pool are the team's own packages from a private index, as in real services.
  for (let i = packages.length; i < count; i++) packages.push(`mlplatform-lib-${String(i).padStart(3, '0')}==1.${i % 17}.${i % 5}`);
  out(`${kw('RUN')} ${mount}pip install --no-cache-dir --upgrade pip \\`, `    && pip install --no-cache-dir -r requirements.txt${packages.length > 0 ? ' \\' : ''}`);
  packages.forEach((p, i) => out(`        ${p}${i < packages.length - 1 ? ' \\' : ''}`));
}

function copyApplication(out: (...lines: string[]) => void, plan: Plan, chown: string, kw: (keyword: string) => string): void {
  switch (plan.server) {
    case 'triton':
      out(`COPY ${chown}model_repository/ /models/`);
      return;
    case 'torchserve':
      out(`COPY ${chown}config.properties /home/model-server/config.properties`);
      return;
    case 'tfserving':
      out(`${kw('ADD')} ${chown}exported/ /models/\${MODEL_NAME}/`);
      return;
    case 'sagemaker':
      out(`COPY ${chown}program/ /opt/program/`, 'RUN chmod +x /opt/program/serve');
      return;
    default:
      out(`COPY ${chown}. .`);
  }
}

function labelValue(key: string, plan: Plan): string {
  if (key.endsWith('title')) return `${plan.server}-service`;
  if (key.endsWith('licenses')) return 'Apache-2.0';
  if (key.endsWith('source')) return 'https://github.com/example/ml-services';
  if (key.endsWith('version')) return `0.${plan.index % 9}.0`;
  if (key.includes('sagemaker')) return 'true';
  return `${plan.server} ${key.split('.').pop()}`;
}

function healthcheck(plan: Plan, rng: SeededRandom): string {
  const options = `--interval=${rng.pick(['15s', '30s'])} --timeout=${rng.pick(['3s', '5s'])} --start-period=${rng.pick(['10s', '60s'])} --retries=3`;
  const path = plan.server === 'triton' ? '/v2/health/ready' : plan.server === 'torchserve' ? '/ping' : plan.server === 'tfserving' ? '/v1/models/model' : plan.server === 'sagemaker' ? '/ping' : '/health';
  const url = `http://localhost:${plan.port}${path}`;
  const curl = plan.mistakes.has('curl-probe-on-slim') || plan.base === 'vendor' || rng.chance(0.3);
  if (curl) return `HEALTHCHECK ${options} \\\n    CMD curl -f ${url} || exit 1`;
  return `HEALTHCHECK ${options} CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('${url}', timeout=3)"]`;
}

function startCommand(plan: Plan, rng: SeededRandom): string {
  const host = plan.mistakes.has('loopback-host') ? rng.pick(['127.0.0.1', 'localhost']) : '0.0.0.0';
  const dev = plan.mistakes.has('dev-server');
  switch (plan.server) {
    case 'fastapi':
      return `CMD ["uvicorn", "app.main:app", "--host", "${host}", "--port", "${plan.port}"${dev ? ', "--reload"' : ', "--workers", "2"'}]`;
    case 'gunicorn':
      return `CMD ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "-b", "${host}:${plan.port}", "--workers", "2", "app.main:app"]`;
    case 'flask':
      return dev
        ? `CMD ["flask", "--app", "app", "run", "--host", "${host}", "--port", "${plan.port}"]`
        : `CMD gunicorn --bind ${host}:${plan.port} --workers 3 --timeout 120 wsgi:app`;
    case 'triton':
      return `CMD ["tritonserver", "--model-repository=/models", "--http-port=${plan.port}", "--grpc-port=8001", "--metrics-port=8002"${plan.mistakes.has('loopback-host') ? `, "--http-address=${host}"` : ''}]`;
    case 'torchserve':
      return `CMD ["torchserve", "--start", "--foreground", "--ncs", "--model-store", "/home/model-server/model-store", "--models", "resnet=resnet.mar"]`;
    case 'tfserving':
      return `CMD ["tensorflow_model_server", "--rest_api_port=${plan.port}", "--model_name=\${MODEL_NAME}", "--model_base_path=/models/\${MODEL_NAME}"]`;
    case 'sagemaker':
      return rng.chance(0.5) ? 'ENTRYPOINT ["serve"]' : `ENTRYPOINT ["python3", "/opt/program/serve.py"]`;
  }
}
