import { isRecord } from '../objects';
import { perObject } from '../rule';

/**
 * Whether a Secret's value is filled in by a tool rather than written here: empty, SOPS ciphertext (`ENC[…]`), or
 * a placeholder that is replaced at deploy time (envsubst's `${VAR}`, argocd-vault-plugin's `<path:…#key>`).
 */
function isPlaceholder(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const text = String(value).trim();
  return text === '' || /^ENC\[.*\]$/s.test(text) || /^\$\{[^}]*\}$/.test(text) || /^<[^<>]*>$/.test(text);
}

export const MLO212 = perObject(
  {
    id: 'MLO212',
    defaultSeverity: 'warning',
    title: 'No Secret with literal values is committed: keep them in a secret store (SealedSecret, ExternalSecret, SOPS).',
    guide: 'Security Checklist: Secrets in secure vault',
  },
  (context) => {
    const { object } = context;
    if (object.kind !== 'Secret' || object.apiVersion !== 'v1') return;
    // A file encrypted with SOPS keeps its metadata in a top-level `sops` key; its values are ciphertext.
    if (isRecord(object.sops)) return;
    const name = isRecord(object.metadata) && typeof object.metadata.name === 'string' ? `Secret "${object.metadata.name}"` : 'This Secret';
    for (const field of ['data', 'stringData'] as const) {
      const values = object[field];
      if (!isRecord(values)) continue;
      const literal = Object.keys(values).filter((key) => !isPlaceholder(values[key]));
      if (literal.length === 0) continue;
      const encoding = field === 'data' ? ' (base64 is an encoding, not encryption)' : '';
      context.report({
        path: [field],
        message: `${name} holds ${literal.length === 1 ? `the value of ${literal[0]}` : `${literal.length} values (${literal.join(', ')})`} in plain ${field}${encoding}: anyone who can read the repository can read ${literal.length === 1 ? 'it' : 'them'}. Commit a SealedSecret or an ExternalSecret instead, or encrypt the file with SOPS, and keep the values in a secret store.`,
      });
      return;
    }
  },
);
