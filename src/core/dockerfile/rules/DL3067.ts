import { copyDestination, copySources, flagNamed } from '../instructions';
import { rootImage, stageNamed, stageOf } from '../model';
import { perInstruction } from '../rule';

/** `/`, `/.`, `/*` and the like: the whole file system of the source. */
const WHOLE_FILESYSTEM = /^\/+(?:\.|\*)?\/*$/;

/** `/`, `//`, `/.`: the root of the image being built. */
const ROOT = /^\/+\.?\/*$/;

/**
 * hadolint DL3067: `COPY --from=<stage or image> / /` lays a whole file system over the image's root: the
 * builder's compilers, caches and package databases land in the image, which is then that stage with extra steps.
 * As in hadolint, a copy into a folder (`COPY --from=arm64 / /sysroot/`) is not reported: nesting a whole file
 * system under a path is a deliberate layout (a cross-compilation sysroot, a chroot). Not reported either when the
 * source stage starts FROM scratch: such a stage holds only the files put into it (the usual way to export build
 * artefacts), so copying its root is deliberate.
 */
export const DL3067 = perInstruction(
  {
    id: 'DL3067',
    defaultSeverity: 'warning',
    title: 'Do not copy an entire file system from another stage.',
    guide: 'Docker Best Practices: "COPY --from=builder /wheels /wheels"',
  },
  ['COPY'],
  (instruction, context) => {
    const from = flagNamed(instruction, 'from')?.getValue();
    if (!from) return;
    const model = context.model;
    const stage = stageOf(model, instruction);
    const source = stageNamed(model, from, stage ? stage.index : model.stages.length, { byIndex: true });
    if (source && rootImage(model, source) === 'scratch') {
      // hadolint reports exactly `COPY --from=<stage> / /`, whatever the stage starts from (found by running it).
      if (context.settings.hadolintParity !== true || copyDestination(instruction) !== '/') return;
      for (const word of copySources(instruction).filter((w) => w.value === '/')) {
        context.report({
          range: word.range,
          message: `COPY --from=${from} / / copies the whole of that stage into this image's root. Reported because hadolint reports it (hadolint parity is on): this linter alone does not, because that stage starts FROM scratch and holds only the files put into it, so copying its root is the documented way to export build artefacts.`,
        });
      }
      return;
    }
    const destination = copyDestination(instruction);
    if (!destination || !ROOT.test(destination)) return;
    for (const word of copySources(instruction)) {
      if (!WHOLE_FILESYSTEM.test(word.value)) continue;
      context.report({
        range: word.range,
        message: `COPY --from=${from} ${word.value} copies the entire file system of ${source ? 'that stage' : 'that image'}: its compilers, caches and package databases end up in this image. Copy only the paths the application needs (COPY --from=${from} /wheels /wheels).`,
      });
    }
  },
);
