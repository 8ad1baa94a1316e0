import type { PlannedFile } from './plan';

/**
 * What to do with each planned file, given what is on disk. `create`: nothing there. `identical`: the same text is
 * there, so nothing is written and nobody is asked. `overwrite` / `skip`: the policy decided. `conflict`: a different
 * file is there and the policy is `ask`, so the caller asks (the editor shows the diff; the CLI stops and names
 * `--force`).
 */
export type WriteAction = 'create' | 'overwrite' | 'skip' | 'identical' | 'conflict';
export type WritePolicy = 'ask' | 'skip' | 'overwrite';

export interface WriteDecision extends PlannedFile {
  action: WriteAction;
  /** The text on disk, for a diff; absent when there is no file. */
  existing?: string;
}

/**
 * Decides every write of a plan at once; pure, so the CLI and the editor share the policy and do only the I/O.
 * `existing` maps each planned path to the text on disk, or undefined when there is no file. Line endings do not
 * make a file different: git may have checked it out with CRLF.
 */
export function decideWrites(plan: readonly PlannedFile[], existing: ReadonlyMap<string, string | undefined>, policy: WritePolicy): WriteDecision[] {
  return plan.map((file) => {
    const current = existing.get(file.path);
    if (current === undefined) return { ...file, action: 'create' };
    if (normalizeEol(current) === normalizeEol(file.content)) return { ...file, action: 'identical', existing: current };
    const action: WriteAction = policy === 'ask' ? 'conflict' : policy;
    return { ...file, action, existing: current };
  });
}

function normalizeEol(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
