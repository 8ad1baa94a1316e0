import { argumentsOf, commandsOf, findFlag, stageCommands, type RunCommand } from '../commands';
import { copiesFromContext, copySources, type InstructionArgument } from '../instructions';
import { shippedStages, stageLineage, type Stage } from '../model';
import { atEnd } from '../rule';

/** The local archives ADD unpacks by itself: tar, uncompressed or compressed with gzip, bzip2 or xz. */
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;

function basename(path: string): string {
  return path.replace(/\/+$/, '').slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1);
}

/** `tar -xzf f`, `tar xzf f`, `tar --extract --file=f`. */
function extracts(command: RunCommand): boolean {
  if (command.program !== 'tar') return false;
  const first = argumentsOf(command.command)[0]?.value ?? '';
  return findFlag(command.command, 'x', 'extract', 'get') !== undefined || /^[A-Za-z]*x[A-Za-z]*$/.test(first);
}

/** hadolint DL3010. */
export const DL3010 = atEnd(
  {
    id: 'DL3010',
    defaultSeverity: 'info',
    title: 'Use ADD for extracting archives into an image.',
    guide: 'hadolint DL3010',
  },
  (model, context) => {
    const reported = new Set<string>();
    // In a builder stage whose files are only copied out, the archive's layer never reaches an image.
    const shipped = shippedStages(model);
    // Only a stage that unpacks with tar can be reported: most stages run no tar, and their COPYs need no look.
    const unpacking = (stage: Stage) => shipped.has(stage) && stageCommands(model, stage).some(extracts);
    for (const stage of model.stages) {
      if (!unpacking(stage)) continue;
      const own = new Set(stage.instructions);
      // A stage built on another sees the archives copied there.
      const copied: Array<{ name: string; source: InstructionArgument }> = [];
      for (const instruction of [...stageLineage(model, stage)].reverse().flatMap((s) => s.instructions)) {
        if (instruction.getKeyword() === 'COPY' && copiesFromContext(instruction)) {
          for (const source of copySources(instruction)) {
            // A glob or a variable could name anything; an archive is matched by its file name.
            if (TAR_ARCHIVE.test(source.value) && !/[*?[$]/.test(source.value)) copied.push({ name: basename(source.value), source });
          }
        }
        if (copied.length === 0 || instruction.getKeyword() !== 'RUN' || !own.has(instruction)) continue;
        for (const command of commandsOf(model, instruction)) {
          if (!extracts(command)) continue;
          const names = new Set(argumentsOf(command.command).map((w) => basename(w.value)));
          for (const archive of copied) {
            const key = `${archive.source.range.start.line}:${archive.source.range.start.character}`;
            if (!names.has(archive.name) || reported.has(key)) continue;
            reported.add(key);
            context.report({
              range: archive.source.range,
              message: `${archive.source.value} is copied and then unpacked with tar on line ${instruction.getRange().start.line + 1}, so the image keeps the archive in one layer as well as its contents in another. ADD ${archive.source.value} <destination>/ unpacks a local tar archive by itself, in one layer.`,
            });
          }
        }
      }
    }
  },
);
