import { flagsOf } from '../instructions';
import { labelEntries, labelSchema, stageLabels } from '../labels';
import { imageStages, stageLineage, type DockerfileModel, type Stage } from '../model';
import { atEnd } from '../rule';

/**
 * hadolint DL3049: every label of the configured `label-schema` is set on each image the file builds: the final
 * stage and, as in hadolint, every other stage that no stage uses (a `--target` such as `dev` or `test`), each
 * with the labels it inherits from the stages it builds on. Stages that only serve `COPY --from` or another
 * stage's `FROM` ship no image and are not judged.
 *
 * Under hadolint parity also the stages hadolint judges, found by running it: every stage but those a later
 * `COPY --from=<name>` names in the same case, each with the labels of every stage in its `FROM` chain, those
 * built on it included.
 */
export const DL3049 = atEnd(
  {
    id: 'DL3049',
    defaultSeverity: 'info',
    title: 'Every label of the configured label schema must be set on the image.',
    guide: 'hadolint DL3049',
  },
  (model, context) => {
    const schema = labelSchema(context);
    if (!schema) return;
    const images = imageStages(model);
    for (const stage of images) {
      const labels = stageLabels(model, stage);
      for (const [key, type] of Object.entries(schema)) {
        if (labels.has(key)) continue;
        context.report({
          range: stage.from.getInstructionRange(),
          message: `Label "${key}" is missing: the label schema requires it (${type}). Add LABEL ${key}=… to this stage or a stage it builds on.`,
        });
      }
    }
    if (context.settings.hadolintParity !== true) return;
    const copiedByName = namesCopiedFrom(model);
    for (const stage of model.stages) {
      if (images.includes(stage)) continue;
      const name = stage.from.getBuildStage();
      if (name && copiedByName.get(name)?.some((at) => at > stage.index)) continue;
      const keys = chainLabelKeys(model, stage);
      for (const key of Object.keys(schema)) {
        if (keys.has(key)) continue;
        context.report({
          range: stage.from.getInstructionRange(),
          message: `Label "${key}" is missing on this stage. Reported because hadolint reports it (hadolint parity is on): this linter judges only the stages that are built as images, and this one is used by another stage ${name ? `(hadolint skips only a stage that a later COPY --from=${name} names, in that case)` : '(hadolint skips only a stage that a later COPY --from names by its name)'}.`,
        });
      }
    }
  },
);

/** The stage names that `COPY --from=<name>` gives, as written, with the indexes of the stages that give them. */
function namesCopiedFrom(model: DockerfileModel): Map<string, number[]> {
  const names = new Map<string, number[]>();
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'COPY') continue;
      for (const flag of flagsOf(instruction)) {
        const value = flag.getName() === 'from' ? flag.getValue() : null;
        if (value) names.set(value, [...(names.get(value) ?? []), stage.index]);
      }
    }
  }
  return names;
}

/** The label keys of every stage in a stage's `FROM` chain: the stages it is built on and those built on it. */
function chainLabelKeys(model: DockerfileModel, stage: Stage): Set<string> {
  const chain = new Set<Stage>(stageLineage(model, stage));
  for (const other of model.stages) if (stageLineage(model, other).includes(stage)) chain.add(other);
  const keys = new Set<string>();
  for (const member of chain) for (const instruction of member.instructions) for (const entry of labelEntries(instruction)) keys.add(entry.key);
  return keys;
}
