import { copyFrom, hasExpansion } from '../instructions';
import { stageOf } from '../model';
import { perInstruction } from '../rule';

/** Guide, Docker Best Practices: "COPY --from=builder /wheels /wheels" copies from the stage named `builder`. */
export const DL3022 = perInstruction(
  {
    id: 'DL3022',
    defaultSeverity: 'warning',
    title: '`COPY --from` should reference a previously defined `FROM` alias.',
    guide: 'Docker Best Practices: "COPY --from=builder /wheels /wheels"',
  },
  ['COPY'],
  (instruction, context) => {
    const from = copyFrom(instruction);
    const stage = stageOf(context.model, instruction);
    if (!from || !stage) return;
    const { value, range } = from;
    // A stage index (`--from=0`), an image (`nginx:1.27`, `ghcr.io/x/y`), or a build argument are not aliases.
    if (/^\d+$/.test(value) || /[/:@]/.test(value) || hasExpansion(value)) return;
    const name = value.toLowerCase();
    if (context.model.stages.some((s) => s.index <= stage.index && s.name === name)) {
      // hadolint compares stage names as written.
      if (context.settings.hadolintParity && !context.model.stages.some((s) => s.index <= stage.index && s.from.getBuildStage() === value)) {
        context.report({
          range,
          message: `COPY --from=${value} names a stage in another case, which Docker accepts (it compares stage names without regard to case). Reported because hadolint reports it (hadolint parity is on): hadolint compares them as written. Write the name as the stage defines it.`,
        });
      }
      return;
    }
    const later = context.model.stages.find((s) => s.index > stage.index && s.name === name);
    context.report({
      range,
      message: later
        ? `COPY --from=${value} names a stage defined later, on line ${later.from.getRange().start.line + 1}. Copy only from stages defined before: the classic builder looks only there and pulls an image called ${value} instead. Move that stage above this one.`
        : `No stage before this COPY is named ${value}, so Docker pulls an image called ${value} instead. Name the stage with FROM … AS ${value}, or correct the name.`,
    });
  },
);
