import type { Instruction } from 'dockerfile-ast';
import type { Fix } from '../../findings';
import { appendPositionAfterBody, commandsOf, isCall, nameAsWritten, operands, rangeOf, type RunCommand } from '../commands';
import { mountsOver } from '../instructions';
import { shippedStages, stageLineage, type DockerfileModel, type Stage } from '../model';
import { APT_GET_OPTIONS_WITH_VALUE, isAptGetInstall } from '../packages';
import { atEnd } from '../rule';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = ' && rm -rf /var/lib/apt/lists/*';
const APT = ['apt-get', 'apt'];

/** hadolint DL3009. */
export const DL3009 = atEnd(
  {
    id: 'DL3009',
    defaultSeverity: 'info',
    title: 'Delete the apt-get lists after installing something.',
    guide: 'hadolint DL3009',
  },
  (model, context) => {
    // Lists left in a builder stage stay there: only the files COPY --from picks reach the image.
    const shipped = shippedStages(model);
    let relying: Array<{ instruction: Instruction; stage: Stage }> | undefined;
    for (const stage of model.stages) {
      if (!shipped.has(stage)) continue;
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'RUN') continue;
        const commands = commandsOf(model, instruction);
        // apt-get update is what writes the lists; an install without it in the same RUN uses lists already there.
        const update = commands.find(isUpdate);
        if (!update) continue;
        if (commands.some(removesLists)) {
          // hadolint takes other things for removing the lists (parity is reported without a fix); it does not see
          // an update behind a wrapper (`sudo apt-get update`) at all.
          if (context.settings.hadolintParity === true && hadolintSees(update) && !commands.some(hadolintCleans)) {
            const remover = commands.find(removesLists)!;
            const how = isCall(remover, 'rm') ? `with ${remover.command.allWords.map((w) => w.value).join(' ')}` : 'with apt-get dist-clean (apt 2.7 and later)';
            context.report({
              range: rangeOf(update, update.command.words[0]),
              message: `This RUN removes the package lists that ${update.program} update writes ${how}, so they do not stay in the layer. Reported because hadolint reports it (hadolint parity is on): hadolint counts only a plain rm given -rf (whatever it removes) or /var/lib/apt/lists/*.`,
            });
          }
          continue;
        }
        // A cache mount on the lists keeps them out of the layer (and is there to keep them between builds).
        if (mountsOver(instruction, LISTS)) continue;
        const at = appendPositionAfterBody(instruction, model.ast.getEscapeCharacter());
        const edit: Fix | undefined = at && { title: 'Remove the apt lists at the end of this RUN', edits: [{ range: { start: at, end: at }, newText: CLEANUP }] };
        // A later RUN that installs without its own apt-get update relies on these lists: removing them breaks it.
        relying ??= runsRelyingOnLists(model);
        const line = instruction.getRange().start.line;
        const safe = edit && !relying.some((r) => r.instruction.getRange().start.line > line && stageLineage(model, r.stage).includes(stage));
        context.report({
          range: rangeOf(update, update.command.words[0]),
          message: `${update.program} update leaves the package lists in /var/lib/apt/lists, tens of megabytes that the image carries for nothing. End the same RUN with && rm -rf /var/lib/apt/lists/* (removing them in a later RUN does not shrink the image).`,
          fix: safe ? edit : undefined,
          suggestions: edit && !safe ? [edit] : undefined,
        });
      }
    }
  },
);

/** `apt-get update` or `apt update`, whatever the options. */
function isUpdate(command: RunCommand): boolean {
  return isCall(command, APT, 'update', APT_GET_OPTIONS_WITH_VALUE);
}

/** `apt-get install` or `apt install`. */
function isInstall(command: RunCommand): boolean {
  return isAptGetInstall(command) || isCall(command, 'apt', 'install', APT_GET_OPTIONS_WITH_VALUE);
}

/** Whether hadolint sees the command: it does not look behind `sudo`, `env` or a path (`/usr/bin/apt-get`). */
function hadolintSees(command: RunCommand): boolean {
  return nameAsWritten(command) === command.program;
}

/**
 * What hadolint 2.15.1 takes for removing the lists, found by running it: an `rm` that it sees (after `VAR=value`,
 * not behind `sudo` or `env`, not `/bin/rm`) with the word `-rf`, whatever it removes (`rm -rf /tmp/x` counts;
 * `-fr`, `-Rf`, `-rfv` and `-r -f` do not), or with the word `/var/lib/apt/lists/*`.
 */
function hadolintCleans(command: RunCommand): boolean {
  return nameAsWritten(command) === 'rm' && command.command.allWords.some((w) => w.value === '-rf' || w.value === `${LISTS}/*`);
}

/**
 * `rm` of the lists, of what is in them or of a folder above them (`rm -rf /var/lib/apt/lists/*`,
 * `rm -r /var/lib/apt/lists`, `rm -rf /var/lib/apt/lists/*_Packages`), or `apt-get dist-clean` (apt 2.7 and
 * later), which removes them too.
 */
function removesLists(command: RunCommand): boolean {
  if (isCall(command, APT, ['dist-clean', 'distclean'], APT_GET_OPTIONS_WITH_VALUE)) return true;
  if (!isCall(command, 'rm')) return false;
  return operands(command.command).some((word) => {
    const path = word.value.replace(/\/+\*?$/, '');
    return path === LISTS || path.startsWith(`${LISTS}/`) || LISTS.startsWith(`${path}/`);
  });
}

/**
 * The RUNs that run apt-get (or apt) install before any apt-get update of their own, with their stage: they install from
 * the lists an earlier RUN left behind.
 */
function runsRelyingOnLists(model: DockerfileModel): Array<{ instruction: Instruction; stage: Stage }> {
  const result: Array<{ instruction: Instruction; stage: Stage }> = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'RUN') continue;
      for (const command of commandsOf(model, instruction)) {
        if (isUpdate(command)) break;
        if (isInstall(command)) {
          result.push({ instruction, stage });
          break;
        }
      }
    }
  }
  return result;
}
