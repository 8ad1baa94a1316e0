import { commandsOf, rangeOf } from '../commands';
import { perInstruction } from '../rule';

/** Commands that act on a running system or a terminal session, neither of which a build step has. */
const POINTLESS: Record<string, string> = {
  ssh: 'opens a remote session, which a build cannot answer',
  vim: 'is an interactive editor, which a build cannot drive',
  shutdown: 'stops a machine, and a build step is not one',
  service: 'starts or stops a service for this build step only: nothing keeps running into the image or the container',
  ps: 'lists the processes of this build step only',
  free: 'shows the memory of the build machine, not of the container that will run',
  top: 'is an interactive process monitor, which a build cannot drive',
  kill: 'signals processes of this build step only',
  mount: 'mounts for this build step only, and needs privileges a build does not have',
  ifconfig: 'shows or changes the network of the build step only',
};

/** hadolint DL3001. */
export const DL3001 = perInstruction(
  {
    id: 'DL3001',
    defaultSeverity: 'info',
    title: 'For some bash commands it makes no sense running them in a Docker container like ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.',
    guide: 'hadolint DL3001',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      const why = Object.prototype.hasOwnProperty.call(POINTLESS, command.program) ? POINTLESS[command.program] : undefined;
      if (!why) continue;
      // `command -v ssh` asks whether ssh is installed; it does not run it.
      const all = command.command.allWords.map((w) => w.value);
      const program = command.command.allWords.length - command.command.words.length;
      if (all.slice(0, program).includes('command') && all.slice(0, program).some((w) => /^-[vV]+$/.test(w))) continue;
      const word = command.command.words[0];
      context.report({
        range: rangeOf(command, word),
        message: `${word.value} ${why}. Remove it from the RUN; do such work when the container runs, or outside it.`,
      });
    }
  },
  { programs: Object.keys(POINTLESS) },
);
