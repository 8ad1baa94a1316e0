/**
 * A generated deployment built into an image on a private Docker Engine: scaffolded from the package's templates,
 * with a tiny scikit-learn model trained by the project's own tests/training.py, and the image built with the
 * package index given as a build argument. Shared by the Docker tests and the load benchmark.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scaffoldContext, type ScaffoldContext, type Target } from '../../src/core/scaffold/context';
import { loadPackageTemplates } from '../../src/core/scaffold/load';
import { planScaffold } from '../../src/core/scaffold/plan';
import { baseImages, buildImage, importBaseImage, installDockerParts, startDockerEngine, tempFolder, type DockerEngine, type DockerParts } from './engine';
import { pythonEnvironment, startPackageIndex, type PackageIndex } from './python';

export interface ScaffoldedImage {
  context: ScaffoldContext;
  /** The generated project. */
  dir: string;
  /** The folder holding the trained model file, to mount where the image expects it. */
  modelDir: string;
  /** The host's virtual environment with the project's requirements-dev.txt. */
  python: string;
  parts: DockerParts;
  engine: DockerEngine;
  index: PackageIndex;
  tag: string;
  imageId: string;
  buildLog: string;
  buildSeconds: number;
  /** Predicts `rows` with the trained model itself, in the host's environment: what the service must answer. */
  expected(rows: number[][]): number[][];
  /** Removes the image, stops the engine and the index, deletes the project. */
  cleanup(): Promise<void>;
}

/** Moto's server for the SageMaker deploy script's test: pinned, as everything the tests install. */
export const MOTO_REQUIREMENT = 'moto[server]==5.2.5';

export async function buildScaffoldedImage(target: Target, answers: Partial<ScaffoldContext> = {}): Promise<ScaffoldedImage> {
  const parts = installDockerParts();
  const context = scaffoldContext({ target, name: 'iris-model', framework: 'sklearn', ...answers });
  const dir = tempFolder(`docker-${target}-`);
  for (const file of planScaffold(context, loadPackageTemplates())) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  const python = pythonEnvironment(join(dir, 'requirements-dev.txt'), target === 'sagemaker' ? [MOTO_REQUIREMENT] : []);
  const modelFile = join(dir, context.modelPath);
  mkdirSync(dirname(modelFile), { recursive: true });
  // The container's user (uid 10001) reads the mounted model: the folder must be open to others.
  chmodSync(dirname(modelFile), 0o755);
  const predict = (rows: number[][] | null): number[][] =>
    JSON.parse(
      execFileSync(python, ['-c', TRAIN_AND_PREDICT, modelFile, String(context.inputSize), JSON.stringify(rows)], { cwd: dir, encoding: 'utf8' }),
    ) as number[][];
  predict(null);
  const expected = (rows: number[][]): number[][] => predict(rows);

  const index = await startPackageIndex(python, join(dir, 'requirements.txt'));
  let engine: DockerEngine | undefined;
  const tag = `mlops-deploy-test/${target}:${process.pid}`;
  try {
    engine = await startDockerEngine();
    for (const base of baseImages(readFileSync(join(dir, 'Dockerfile'), 'utf8'))) await importBaseImage(engine.docker, parts.baseImage, base);
    const started = performance.now();
    const { imageId, log } = await buildImage(engine.docker, dir, tag, { PIP_INDEX_URL: index.url });
    const buildSeconds = (performance.now() - started) / 1000;
    const running = engine;
    const cleanup = async (): Promise<void> => {
      // Its untagged parent layers stay in the engine's data folder: the next run's build reuses them.
      await running.docker.getImage(tag).remove({ force: true, noprune: true }).catch(() => undefined);
      await running.stop();
      await index.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { context, dir, modelDir: dirname(modelFile), python, parts, engine, index, tag, imageId, buildLog: log, buildSeconds, expected, cleanup };
  } catch (error) {
    await engine?.stop();
    await index.close();
    throw error;
  }
}

/**
 * Whether the wheel stage took its wheels from the test's index: it fetched files from it, or the step was a
 * cache hit, which the legacy builder only allows for the same command run with the same build arguments (the
 * index's URL among them).
 */
export function wheelsCameFromIndex(image: ScaffoldedImage): boolean {
  return image.index.served() > 0 || /^Step \d+\/\d+ : RUN pip wheel [^\n]*\n ---> Using cache$/m.test(image.buildLog);
}

/**
 * Whether the built image records the package index setting anywhere Docker keeps build arguments and settings:
 * its configuration (environment, labels) and the history of its layers (the commands, with the arguments a
 * RUN step saw). The builder stage's history is not the image's: only the final stage's is.
 */
export async function indexSettingInImage(image: ScaffoldedImage): Promise<boolean> {
  const handle = image.engine.docker.getImage(image.tag);
  const recorded = JSON.stringify({ config: (await handle.inspect()).Config, history: await handle.history() });
  return recorded.includes(image.index.url) || recorded.includes('PIP_INDEX_URL');
}

/**
 * Trains the model with the generated tests/training.py when no rows are given (argv: model file, input size,
 * rows as JSON), else loads the saved file as the service does and prints its predictions for the rows.
 */
const TRAIN_AND_PREDICT = `
import json, sys
from pathlib import Path
import joblib, numpy as np
path, size, rows = Path(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
if rows is None:
    from tests.training import train_model
    train_model(path, size)
    print("null")
else:
    print(json.dumps(np.asarray(joblib.load(path).predict(np.asarray(rows, dtype=np.float64)), dtype=np.float64).reshape(len(rows), -1).tolist()))
`;
