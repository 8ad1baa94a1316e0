import { hasVariable } from '../instructions';
import { labelEntries } from '../labels';
import { perInstruction } from '../rule';

/** Docker's reserved namespaces: labels under them are for Docker's own tools. */
const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Lower-case alphanumerics in groups joined by single periods or hyphens. */
const VALID_KEY = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** hadolint DL3048: label keys follow Docker's recommended format. */
export const DL3048 = perInstruction(
  {
    id: 'DL3048',
    defaultSeverity: 'style',
    title: 'Label keys must use lower-case alphanumerics, periods and hyphens, outside Docker\'s reserved namespaces.',
    guide: 'hadolint DL3048',
  },
  ['LABEL'],
  (instruction, context) => {
    for (const entry of labelEntries(instruction)) {
      const problem = keyProblem(entry.key);
      if (!problem) continue;
      const lower = entry.key.toLowerCase();
      const source = context.model.lines[entry.keyRange.start.line]?.slice(entry.keyRange.start.character, entry.keyRange.end.character);
      // Lower-casing keeps the label readable to people but renames it for tools that look it up: a suggestion.
      const renamable = entry.keyRange.start.line === entry.keyRange.end.line && source === entry.key && keyProblem(lower) === undefined;
      context.report({
        range: entry.keyRange,
        message: `Invalid label key "${entry.key}": ${problem}`,
        suggestions: renamable ? [{ title: `Rename the label to ${lower}`, edits: [{ range: entry.keyRange, newText: lower }] }] : undefined,
      });
    }
  },
);

/** What is wrong with a key, as a sentence, or undefined when it is valid (or a variable that cannot be judged). */
function keyProblem(key: string): string | undefined {
  if (hasVariable(key)) return undefined;
  if (key === '') return 'a label needs a key.';
  const reserved = RESERVED.find((prefix) => key.toLowerCase().startsWith(prefix));
  if (reserved) return `the ${reserved.slice(0, -1)}.* namespace is reserved for Docker; prefix your own labels with the reverse DNS name of a domain you own (org.opencontainers.image.* for the standard ones).`;
  if (VALID_KEY.test(key)) return undefined;
  if (/[A-Z]/.test(key)) return 'keys are lower case; use lower-case letters, digits, periods and hyphens (org.example.build-date).';
  if (/[^a-z0-9.-]/.test(key)) return `"${/[^a-z0-9.-]/.exec(key)?.[0]}" is not allowed; use only lower-case letters, digits, periods and hyphens (org.example.build-date).`;
  if (/[.-]{2}/.test(key)) return 'periods and hyphens may not follow each other; separate the parts with a single one.';
  return 'a key must begin and end with a letter or digit.';
}
