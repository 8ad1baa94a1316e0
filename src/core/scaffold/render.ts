/**
 * The one template renderer of the scaffolder: `{{name}}`, `{{a.b}}`, `{{#if x}}…{{else}}…{{/if}}`,
 * `{{#unless x}}…{{/unless}}` and `{{#each list}}…{{/each}}` (inside, `{{this}}` is the item and the item's fields
 * are names; `{{@index}}` counts from 0, `{{@last}}` is true on the last item).
 *
 * Why not mustache, eta or handlebars: the templates are Dockerfiles, YAML, Python and GitHub workflows, and two of
 * those already use double braces for their own purposes: GitHub Actions expressions (`${{ github.sha }}`) and
 * Prometheus alert templates (`{{ $labels.pod }}`). Mustache and handlebars would expand or escape them, and every
 * one would need an escape in the template; eta's `<%` syntax avoids that but evaluates JavaScript, which a folder
 * of user templates should not be able to run. Here a tag is `{{` followed *directly* by a name, `#`, `/`, `@` or
 * `else` (no space), so `{{ $value }}` and `${{ secrets.TOKEN }}` pass through untouched. A name the view lacks is
 * an error rather than an empty string, so a typo in a template fails its test instead of writing a broken file.
 * Nothing is HTML-escaped: none of the outputs is HTML. The whole renderer is this one small file.
 *
 * Block tags alone on their line (`{{#if gpu}}`, `{{/if}}`, `{{else}}`) take their whole line with them, as
 * mustache's standalone tags do, so that conditional YAML keeps its indentation.
 */

export type TemplateValue = string | number | boolean | undefined | null | readonly TemplateValue[] | { readonly [key: string]: TemplateValue };
export type TemplateView = { readonly [key: string]: TemplateValue };

/** A template that cannot be rendered: bad syntax or an unknown name, with the 1-based line it is on. */
export class TemplateError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly templatePath?: string,
  ) {
    super(`${templatePath ?? 'template'}:${line}: ${detail}`);
    this.name = 'TemplateError';
  }
}

type Node =
  | { type: 'text'; text: string }
  | { type: 'value'; name: string; line: number }
  | { type: 'block'; kind: 'if' | 'unless' | 'each'; name: string; line: number; body: Node[]; otherwise: Node[] };

const TAG = /\{\{(#(?:if|unless|each) [A-Za-z_@][\w.@]*|\/(?:if|unless|each)|else|@?[A-Za-z_][\w.]*)\}\}/g;

export function renderTemplate(template: string, view: TemplateView): string {
  return renderNodes(parseTemplate(template), [view]);
}

/** Parses a template once; tags are checked for balance here, names when rendering. */
export function parseTemplate(template: string): Node[] {
  const text = removeStandaloneLines(template);
  const root: Node[] = [];
  const stack: Array<{ node: Extract<Node, { type: 'block' }>; inElse: boolean }> = [];
  const target = (): Node[] => {
    const top = stack[stack.length - 1];
    return top ? (top.inElse ? top.node.otherwise : top.node.body) : root;
  };
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const at = match.index ?? 0;
    const line = lineAt(text, at);
    if (at > last) target().push({ type: 'text', text: text.slice(last, at) });
    last = at + match[0].length;
    const tag = match[1];
    if (tag.startsWith('#')) {
      const [keyword, name] = tag.slice(1).split(' ');
      const node: Extract<Node, { type: 'block' }> = { type: 'block', kind: keyword as 'if' | 'unless' | 'each', name, line, body: [], otherwise: [] };
      target().push(node);
      stack.push({ node, inElse: false });
    } else if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open) throw new TemplateError(`{{${tag}}} closes no block`, line);
      if (open.node.kind !== tag.slice(1)) throw new TemplateError(`{{${tag}}} closes {{#${open.node.kind} ${open.node.name}}} from line ${open.node.line}`, line);
    } else if (tag === 'else') {
      const open = stack[stack.length - 1];
      if (!open || open.inElse) throw new TemplateError('{{else}} outside an {{#if}}, {{#unless}} or {{#each}} block', line);
      open.inElse = true;
    } else {
      target().push({ type: 'value', name: tag, line });
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1].node;
    throw new TemplateError(`{{#${open.kind} ${open.name}}} is never closed`, open.line);
  }
  if (last < text.length) root.push({ type: 'text', text: text.slice(last) });
  return root;
}

/** A block tag alone on its line (only blanks around it) takes the line, its break included. */
function removeStandaloneLines(text: string): string {
  return text.replace(/^[ \t]*(\{\{(?:#(?:if|unless|each) [A-Za-z_@][\w.@]*|\/(?:if|unless|each)|else)\}\})[ \t]*(?:\r?\n|$)/gm, '$1');
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function renderNodes(nodes: readonly Node[], scopes: readonly TemplateView[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'value') {
      const value = lookup(node.name, scopes, node.line);
      if (value !== null && typeof value === 'object') throw new TemplateError(`{{${node.name}}} is a list or an object, not text`, node.line);
      out += value === undefined || value === null ? '' : String(value);
    } else if (node.kind === 'each') {
      const list = lookup(node.name, scopes, node.line);
      if (!Array.isArray(list)) throw new TemplateError(`{{#each ${node.name}}} needs a list`, node.line);
      if (list.length === 0) out += renderNodes(node.otherwise, scopes);
      list.forEach((item: TemplateValue, index: number) => {
        const fields = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as TemplateView) : {};
        const scope: TemplateView = { ...fields, this: item, '@index': index, '@first': index === 0, '@last': index === list.length - 1 };
        out += renderNodes(node.body, [...scopes, scope]);
      });
    } else {
      const truthy = isTruthy(lookup(node.name, scopes, node.line));
      out += renderNodes(truthy === (node.kind === 'if') ? node.body : node.otherwise, scopes);
    }
  }
  return out;
}

/** Empty lists and empty strings are false, as in handlebars; so are 0, null and undefined. */
function isTruthy(value: TemplateValue): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** A dotted name, looked up from the innermost scope out; its first part must exist somewhere. */
function lookup(name: string, scopes: readonly TemplateView[], line: number): TemplateValue {
  const [first, ...rest] = name.split('.');
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (!Object.prototype.hasOwnProperty.call(scopes[i], first)) continue;
    let value: TemplateValue = scopes[i][first];
    for (const part of rest) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, part)) {
        throw new TemplateError(`{{${name}}}: "${part}" is not a field here`, line);
      }
      value = (value as TemplateView)[part];
    }
    return value;
  }
  throw new TemplateError(`unknown name "${first}" in {{${name}}}`, line);
}
