import { argumentsOf } from '../instructions';
import { perInstruction } from '../rule';

const MAX_PORT = 65535;

/** hadolint DL3011. */
export const DL3011 = perInstruction(
  {
    id: 'DL3011',
    defaultSeverity: 'error',
    title: 'Valid UNIX ports range from 0 to 65535.',
    guide: 'hadolint DL3011',
  },
  ['EXPOSE'],
  (instruction, context) => {
    for (const argument of argumentsOf(instruction)) {
      const value = argument.getValue().replace(/^(["'])(.*)\1$/, '$2');
      // `8000`, `8000/tcp`, `8000-8010/udp`; a variable (`$PORT`) is checked when it is set, by Docker.
      const match = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(value);
      if (!match) continue;
      const bad = [match[1], match[2]].filter((n): n is string => n !== undefined && Number(n) > MAX_PORT);
      if (bad.length === 0) continue;
      context.report({
        range: argument.getRange(),
        message: `EXPOSE ${value}: ${bad.join(' and ')} ${bad.length > 1 ? 'are not ports' : 'is not a port'}. Ports range from 0 to 65535; docker build rejects the instruction.`,
      });
    }
  },
);
