import { copyArguments } from '../instructions';
import { stageLineage, type Stage } from '../model';
import { stateful } from '../rule';

/**
 * A destination Docker takes as absolute, or one given as a variable whose value is unknown. A Windows drive
 * counts with or without its separator: with the default escape character the parser reads `C:\app` as `C:app`.
 */
function isAbsoluteOrUnknown(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path) || path.startsWith('$');
}

/** Guide, Docker Best Practices: "WORKDIR /app" comes before "COPY requirements.txt .". */
export const DL3045 = stateful(
  {
    id: 'DL3045',
    defaultSeverity: 'warning',
    title: '`COPY` to a relative destination without `WORKDIR` set.',
    guide: 'Docker Best Practices: "WORKDIR /app" / "COPY requirements.txt ."',
  },
  () => ({ stages: 0, stage: undefined as Stage | undefined, hasWorkdir: false }),
  (state, instruction, context) => {
    switch (instruction.getKeyword()) {
      case 'FROM': {
        state.stage = context.model.stages[state.stages++];
        // A stage built on an earlier one (`FROM builder`) starts in that stage's WORKDIR.
        state.hasWorkdir = state.stage !== undefined && stageLineage(context.model, state.stage).slice(1).some((s) => s.instructions.some((i) => i.getKeyword() === 'WORKDIR'));
        return;
      }
      case 'WORKDIR':
        state.hasWorkdir = true;
        return;
      case 'COPY': {
        if (!state.stage || state.hasWorkdir) return;
        const args = copyArguments(instruction);
        const destination = args[args.length - 1];
        if (args.length < 2) return;
        // Docker removes the quotes of a shell-form argument: `"/app/"` is /app/.
        const path = destination.value.replace(/^(["'])(.*)\1$/, '$2');
        if (path === '' || isAbsoluteOrUnknown(path)) return;
        context.report({
          range: destination.range,
          message: `COPY to the relative path ${destination.value} with no WORKDIR set in this stage: it lands relative to whatever working directory the base image has, which can change with the image. Set WORKDIR first, or copy to an absolute path.`,
        });
        return;
      }
      default:
        return;
    }
  },
  undefined,
  { keywords: ['FROM', 'WORKDIR', 'COPY'] },
);
