/**
 * The differences from hadolint that docs/hadolint-differences.md explains, each as a test a difference must pass
 * to count as explained. The differential test matches every difference it finds against this list and fails when
 * one is left over, or when an entry names a heading the document does not have: a new difference is either fixed
 * or written down, never just absorbed by a lower agreement figure.
 *
 * Each test says, as narrowly as the documented reason allows, what makes the difference deliberate: the rule, who
 * reports it, and what the instruction or the file holds. They look at the file's text, not at its name, so a
 * difference that moves to another file of the corpus is still recognised, and one with another cause is not.
 */

export interface DifferenceFacts {
  rule: string;
  side: 'ours only' | 'hadolint only';
  /** The whole instruction that starts on the reported line, continuation lines and heredoc body included. */
  instruction: string;
  /** The whole file. */
  file: string;
}

export interface Explanation {
  /** The heading in docs/hadolint-differences.md that gives the reason, without the leading `### `. */
  heading: string;
  rule: string;
  side: DifferenceFacts['side'];
  /** What the instruction and the file show, beyond the rule and the side. */
  applies(facts: DifferenceFacts): boolean;
}

/** The stage names a file defines (`FROM … AS name`), as written. */
function stageNames(file: string): string[] {
  return [...file.matchAll(/^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]);
}

/** Whether `name` names a stage of the file only when case is ignored, which is how BuildKit compares them. */
function namesStageInOtherCase(file: string, name: string): boolean {
  const names = stageNames(file);
  return !names.includes(name) && names.some((stage) => stage.toLowerCase() === name.toLowerCase());
}

/** The image the instruction's stage is built from, following `FROM <earlier stage>`, lower-cased. */
function rootBase(file: string, instruction: string): string {
  const froms = [...file.slice(0, file.indexOf(instruction)).matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({ image: m[1].toLowerCase(), name: m[2]?.toLowerCase() }));
  let index = froms.length - 1;
  for (let hops = 0; index >= 0 && hops < froms.length; hops++) {
    const image = froms[index].image;
    const earlier = froms.slice(0, index).map((from) => from.name).lastIndexOf(image);
    if (earlier < 0) return image;
    index = earlier;
  }
  return '';
}

/** Images whose /bin/sh has `set -o pipefail`: BusyBox ash (Alpine), bash (Red Hat, SUSE, Amazon Linux). */
const SH_HAS_PIPEFAIL = /(^|[/:@_-])(alpine|ubi\d*|rhel\d*|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|opensuse|bci-[a-z-]+)([/:@._-]|\d|$)/;

export const EXPLAINED: readonly Explanation[] = [
  {
    heading: 'DL3002: a builder stage that a later stage copies from (corpus: mix-019)',
    rule: 'DL3002',
    side: 'hadolint only',
    applies: ({ instruction, file }) => {
      // The root USER is in a stage that a later stage copies from, and that is not the last stage.
      const stages = file.split(/^(?=\s*FROM\s)/im);
      const own = stages.find((stage) => stage.includes(instruction));
      const name = own && /^\s*FROM\s+\S+\s+AS\s+(\S+)/i.exec(own)?.[1];
      return Boolean(name) && own !== stages[stages.length - 1] && new RegExp(`--from=${name}\\b`, 'i').test(file);
    },
  },
  {
    heading: 'DL3006: a stage named in a different case (corpus: case-191)',
    rule: 'DL3006',
    side: 'hadolint only',
    applies: ({ instruction, file }) => {
      const image = /^\s*FROM\s+(?:--\S+\s+)*(\S+)/i.exec(instruction)?.[1] ?? '';
      return namesStageInOtherCase(file, image);
    },
  },
  {
    heading: 'DL3008: `package/release` (corpus: case-003)',
    rule: 'DL3008',
    side: 'ours only',
    // A word of the apt-get install command (up to the next ;, && or |) is `name/release` with no `=version`.
    applies: ({ instruction }) => {
      const args = /apt-get\s+(?:\S+\s+)*?install\b([^;&|]*)/.exec(instruction.replace(/\\\n/g, ' '))?.[1] ?? '';
      return args.split(/\s+/).some((word) => /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9.-]+$/.test(word));
    },
  },
  {
    heading: 'DL3009: `sudo apt-get update` (corpus: case-077, mix-092)',
    rule: 'DL3009',
    side: 'ours only',
    applies: ({ instruction }) => /\bsudo\s+apt-get\s+update\b/.test(instruction),
  },
  {
    heading: 'DL3016: `@latest` (corpus: case-065, mix-004, mix-033, mix-085)',
    rule: 'DL3016',
    side: 'ours only',
    applies: ({ instruction }) => /\bnpm\s+(install|i)\b.*@latest\b/.test(instruction),
  },
  {
    heading: 'Pragmas (corpus: DL3007 case-221; DL3013 case-179, case-180, case-181): handled in suppress.ts, not in rules',
    rule: 'DL3013',
    side: 'hadolint only',
    // A pragma for the rule that hadolint does not apply: in lower case, or with a blank or comment line between.
    applies: ({ instruction, file }) => {
      // The comment and blank lines right above the instruction.
      const above = file.slice(0, file.indexOf(instruction)).split('\n').slice(0, -1);
      let first = above.length;
      while (first > 0 && /^\s*(#.*)?$/.test(above[first - 1])) first--;
      const lines = above.slice(first);
      const pragma = lines.findIndex((line) => /^\s*#\s*hadolint\s+ignore=[^\n]*\bDL3013\b/i.test(line));
      if (pragma < 0) return false;
      return /\bdl3013\b/.test(lines[pragma]) || pragma < lines.length - 1;
    },
  },
  {
    heading: 'Pragmas (corpus: DL3007 case-221; DL3013 case-179, case-180, case-181): handled in suppress.ts, not in rules',
    rule: 'DL3007',
    side: 'hadolint only',
    // `# hadolint stage ignore=DL3007` right before the FROM it is about: hadolint starts one line later.
    applies: ({ instruction, file }) => /^\s*FROM\s/i.test(instruction) && new RegExp(`#\\s*hadolint\\s+stage\\s+ignore=[^\\n]*\\bDL3007\\b[^\\n]*\\n\\s*${escape(instruction.trim())}`).test(file),
  },
  {
    heading: 'Stage names are compared without regard to case (DL3022, DL3023, DL3024)',
    rule: 'DL3022',
    side: 'hadolint only',
    applies: ({ instruction, file }) => {
      const from = /--from=(\S+)/.exec(instruction)?.[1] ?? '';
      return namesStageInOtherCase(file, from);
    },
  },
  {
    heading: 'Stage names are compared without regard to case (DL3022, DL3023, DL3024)',
    rule: 'DL3023',
    side: 'ours only',
    // The COPY names its own stage: by its name in another case, or by its index.
    applies: ({ instruction, file }) => {
      const from = /--from=(\S+)/.exec(instruction)?.[1] ?? '';
      const stages = file.split(/^(?=\s*FROM\s)/im).filter((stage) => /^\s*FROM\s/i.test(stage));
      const index = stages.findIndex((stage) => stage.includes(instruction));
      const own = /^\s*FROM\s+\S+\s+AS\s+(\S+)/i.exec(stages[index] ?? '')?.[1];
      return from === String(index) || (own !== undefined && own !== from && own.toLowerCase() === from.toLowerCase());
    },
  },
  {
    heading: 'Stage names are compared without regard to case (DL3022, DL3023, DL3024)',
    rule: 'DL3024',
    side: 'ours only',
    applies: ({ instruction, file }) => {
      const name = /^\s*FROM\s+\S+\s+AS\s+(\S+)/i.exec(instruction)?.[1] ?? '';
      const names = stageNames(file);
      return names.filter((n) => n === name).length === 1 && names.filter((n) => n.toLowerCase() === name.toLowerCase()).length > 1;
    },
  },
  {
    heading: 'DL3028: a gem right after a flag that takes no value',
    rule: 'DL3028',
    side: 'ours only',
    applies: ({ instruction }) => /\bgem\s+install\s+(--no-document|--no-doc|--force|-N)\s+[a-z][\w-]*(\s|$)/.test(instruction),
  },
  {
    heading: 'DL3064: secret-looking ARG/ENV names',
    rule: 'DL3064',
    side: 'hadolint only',
    // Only names we keep out on purpose: tokenizer settings and pointers to a mounted secret file.
    applies: ({ instruction }) => {
      const names = [...instruction.matchAll(/(?:^|\s)([A-Za-z_][\w.-]*)=("[^"]*"|\S*)/g)].map((m) => ({ name: m[1], value: m[2] }));
      const secretLooking = names.filter(({ name }) => /token|password|passwd|secret|private|api_?key/i.test(name));
      return secretLooking.length > 0 && secretLooking.every(({ name, value }) => /tokeni[sz]/i.test(name) || /_(file|path|dir)$/i.test(name) || value.startsWith('/') || (/^\s*ENV\s/i.test(instruction) && value === '""'));
    },
  },
  {
    heading: 'DL4006: pipefail set inside the script, by a shell that has it',
    rule: 'DL4006',
    side: 'hadolint only',
    applies: ({ instruction, file }) => {
      const setsPipefail = /\bset\s+-[a-z]*o\s+pipefail\b/.test(instruction);
      const byBash = /^\s*RUN\s+<<-?\s*["']?\w+["']?\s+bash\b/i.test(instruction);
      return setsPipefail && (byBash || SH_HAS_PIPEFAIL.test(rootBase(file, instruction)));
    },
  },
  {
    heading: 'DL4006: `# hadolint shell=powershell` pragma',
    rule: 'DL4006',
    side: 'hadolint only',
    applies: ({ file }) => /#\s*hadolint\s+shell=(powershell|pwsh|cmd)\b/i.test(file),
  },
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The entries that explain a difference; empty when none does. */
export function explain(facts: DifferenceFacts): Explanation[] {
  return EXPLAINED.filter((entry) => entry.rule === facts.rule && entry.side === facts.side && entry.applies(facts));
}

/** Headings the entries name that the document does not have. */
export function missingHeadings(document: string): string[] {
  const headings = new Set([...document.matchAll(/^### (.+)$/gm)].map((m) => m[1].trim()));
  return [...new Set(EXPLAINED.map((entry) => entry.heading))].filter((heading) => !headings.has(heading));
}
