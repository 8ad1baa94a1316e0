import type { Fix } from '../findings';
import type { RuleMeta } from '../rules/rule';
import type { TritonConfigDocument } from './parse';

/** One entry of a folder listing. */
export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
}

/** Lists a folder's entries, or returns undefined when it cannot be read. */
export type ListDirectory = (dir: string) => DirectoryEntry[] | undefined;

/** The model's folder, as the rules that look beyond the file's text see it. */
export interface ModelFolder {
  /** The folder's path and its own name: Triton names the model after it. */
  path: string;
  name: string;
  entries: readonly DirectoryEntry[];
  list: ListDirectory;
}

/** What a Triton rule hands to `report`: UTF-16 offsets into the text, which the engine turns into a range. */
export interface TritonReport {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  suggestions?: Fix[];
}

export interface TritonRuleContext {
  readonly document: TritonConfigDocument;
  /** Whether the text has a syntax error: rules about what is missing stay quiet then, as the rest is a guess. */
  readonly broken: boolean;
  /** The model's folder; undefined when the file's path or a folder listing is not available (virtual files). */
  readonly folder?: ModelFolder;
  /** The file's line break (`\n` or `\r\n`), so that inserted lines match the others. */
  readonly eol: string;
  report(report: TritonReport): void;
}

export interface TritonRule extends Omit<RuleMeta, 'kind'> {
  kind: 'triton';
  /** Whether the rule reads the model's folder, and so runs only where a listing is available. */
  needsFolder?: boolean;
  check(context: TritonRuleContext): void;
}

export function tritonRule(meta: Omit<TritonRule, 'kind' | 'check'>, check: (context: TritonRuleContext) => void): TritonRule {
  return { ...meta, kind: 'triton', check };
}
