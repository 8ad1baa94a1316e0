import { copyFrom } from '../instructions';
import { stageOf } from '../model';
import { perInstruction } from '../rule';

/** Guide, Docker Best Practices: "COPY --from=builder /wheels /wheels" copies from another stage. */
export const DL3023 = perInstruction(
  {
    id: 'DL3023',
    defaultSeverity: 'error',
    title: '`COPY --from` cannot reference its own `FROM` alias.',
    guide: 'Docker Best Practices: "COPY --from=builder /wheels /wheels"',
  },
  ['COPY'],
  (instruction, context) => {
    const from = copyFrom(instruction);
    const stage = stageOf(context.model, instruction);
    if (!from || !stage) return;
    const { value, range } = from;
    const name = value.toLowerCase();
    // The stage's own index (`COPY --from=1` in the second stage) refers to it just as its name does.
    const isSelf = (stage.name !== undefined && name === stage.name) || name === String(stage.index);
    if (!isSelf) return;
    context.report({
      range,
      message: `COPY --from=${value} names the stage this COPY is in: a stage cannot copy from itself, and the build fails. Copy from an earlier stage, or copy from the build context without --from.`,
    });
  },
);
