import type { Fix } from '../../findings';
import { flagValue, operands, stageCommands } from '../commands';
import { argumentsOf } from '../instructions';
import { stageLineage, type DockerfileModel, type Stage } from '../model';
import { stateful } from '../rule';

/**
 * hadolint DL3066: USER names a numeric uid. A name resolves only through the image's /etc/passwd, so the host,
 * volume permissions and Kubernetes (`runAsNonRoot` refuses to start a container whose user is a name, because it
 * cannot tell whether it is root) cannot see who the process runs as. `root` is reported too, as hadolint does:
 * Kubernetes cannot check a name, even that one, and `USER 0` says the same without /etc/passwd (DL3002 is about
 * running as root at all). A user given as a variable is not judged: it is usually a numeric build argument.
 * Under hadolint parity it is, as hadolint judges it: unless a variable of the USER is a build argument declared
 * before it, in any stage (found by running hadolint 2.15.1; an ENV does not count for it).
 */
export const DL3066 = stateful(
  {
    id: 'DL3066',
    defaultSeverity: 'info',
    title: 'USER should name a numeric user id: a name may not be resolvable by the host system.',
    guide: 'hadolint DL3066',
  },
  () => ({ stage: undefined as Stage | undefined, buildArguments: new Set<string>() }),
  (state, instruction, context) => {
    const model = context.model;
    if (instruction.getKeyword() === 'FROM') state.stage = model.stages.find((s) => s.from === instruction);
    // The build arguments declared so far, in any stage: hadolint does not judge a USER that names one of them.
    if (instruction.getKeyword() === 'ARG') for (const argument of argumentsOf(instruction)) state.buildArguments.add(argument.getValue().split('=')[0]);
    if (instruction.getKeyword() !== 'USER') return;
    const argument = argumentsOf(instruction)[0];
    if (!argument) return;
    const value = argument.getValue();
    const user = value.split(':')[0];
    if (user === '' || /^\d+$/.test(user)) return;
    const start = argument.getRange().start;
    const range = { start, end: { line: start.line, character: start.character + user.length } };
    if (user.includes('$')) {
      const names = [...value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
      if (context.settings.hadolintParity === true && !names.some((name) => state.buildArguments.has(name))) {
        context.report({
          range,
          message: `USER ${user} gives the user as a variable. Reported because hadolint reports it (hadolint parity is on): this linter does not judge a variable, which is almost always a numeric build argument (ARG APP_UID=10001) whose value is known only at build time.`,
        });
      }
      return;
    }
    const uid = user === 'root' ? '0' : state.stage && uidOf(model, state.stage, user);
    const suggestion: Fix | undefined = uid ? { title: `Use the numeric uid ${uid}`, edits: [{ range, newText: uid }] } : undefined;
    const advice = !uid
      ? `Create the user with a fixed uid (useradd --uid 10001 ${user}) and use USER 10001.`
      : user === 'root'
        ? 'Use USER 0, the uid of root.'
        : `Use USER ${uid}, the uid this Dockerfile gives ${user}.`;
    context.report({
      range,
      message: `USER ${user} is a name, not a uid: the host and Kubernetes (runAsNonRoot) cannot resolve it to tell who the process runs as. ${advice}`,
      suggestions: suggestion ? [suggestion] : undefined,
    });
  },
  undefined,
  { keywords: ['FROM', 'ARG', 'USER'] },
);

/** Options of useradd and adduser that take a value. */
const VALUE_OPTIONS = [
  'b', 'c', 'd', 'e', 'f', 'g', 'G', 'h', 'k', 'K', 'p', 'P', 'R', 's', 'u', 'Z', 'base-dir', 'comment', 'home-dir', 'home',
  'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password', 'shell', 'uid', 'root', 'prefix', 'selinux-user',
  'gecos', 'ingroup', 'firstuid', 'lastuid', 'conf',
];

/** The uid a `useradd`/`adduser` in the stage (or a stage it builds on) gives the user, when it gives one. */
function uidOf(model: DockerfileModel, stage: Stage, user: string): string | undefined {
  for (const ancestor of stageLineage(model, stage)) {
    for (const command of stageCommands(model, ancestor)) {
      if (command.program !== 'useradd' && command.program !== 'adduser') continue;
      // useradd takes the name last; adduser (Debian's and BusyBox's) first, before an optional group.
      const names = operands(command.command, VALUE_OPTIONS);
      const name = command.program === 'useradd' ? names[names.length - 1] : names[0];
      if (name?.value !== user) continue;
      const uid = flagValue(command.command, 'u', 'uid');
      if (uid && /^\d+$/.test(uid)) return uid;
    }
  }
  return undefined;
}
