import type { Fix, TextEdit } from '../../findings';
import { indentStep, insertDocumentAfter, quoted, renderBlock, replaceEntry, type YamlBlock } from '../edits';
import { containersOf, isRecord, valueAt } from '../objects';
import type { JsonPath } from '../parse';
import { perContainer, type KubernetesRuleContext } from '../rule';

/**
 * Words of an env var's name that say its value is a credential. The name is split into words first (at `_`, `-`,
 * `.` and camelCase), so that TOKENIZERS_PARALLELISM, MAX_NEW_TOKENS or PASSTHROUGH are not mistaken for one.
 */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'PWD', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'CREDS']);

/** Word pairs that name a credential although neither word alone does. */
const SECRET_PAIRS = [
  ['API', 'KEY'],
  ['ACCESS', 'KEY'],
  ['PRIVATE', 'KEY'],
  ['ACCOUNT', 'KEY'],
  ['ENCRYPTION', 'KEY'],
  ['SIGNING', 'KEY'],
  ['MASTER', 'KEY'],
] as const;

/**
 * Last words that make the variable describe a credential rather than hold it: where it is (POSTGRES_PASSWORD_FILE,
 * SECRET_NAME, TOKEN_URL, AWS_SECRETS_MANAGER_REGION), how it is handled (TOKEN_TTL, PASSWORD_MIN_LENGTH,
 * SECRETS_BACKEND), or an identifier that is not secret by itself (AWS_ACCESS_KEY_ID is the user name of a key pair;
 * its secret half is AWS_SECRET_ACCESS_KEY).
 */
const DESCRIPTIVE_LAST_WORDS = new Set([
  'FILE', 'PATH', 'DIR', 'MOUNT', 'NAME', 'REF', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'ID',
  'TYPE', 'KIND', 'FORMAT', 'ALGORITHM', 'HEADER', 'PREFIX', 'ISSUER', 'AUDIENCE', 'SCOPE', 'SCOPES',
  'TTL', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'LIFETIME', 'TIMEOUT', 'LENGTH', 'LEN', 'LIMIT', 'SIZE', 'COUNT', 'VERSION',
  'BUDGET', 'HEADERS',
  'REGION', 'BACKEND', 'STORE', 'PROVIDER', 'MANAGER', 'ENGINE', 'MODE', 'NAMESPACE', 'ROLE', 'PROJECT', 'ARN',
]);

/** Words of counts and switches: MAX_TOKEN_LENGTH, HF_HUB_DISABLE_IMPLICIT_TOKEN, ENABLE_API_KEY_AUTH. */
const SETTING_WORDS = new Set(['MAX', 'MIN', 'NUM', 'ENABLE', 'ENABLED', 'DISABLE', 'DISABLED', 'USE', 'REQUIRE', 'REQUIRED', 'SKIP', 'ALLOW']);

/** The words of a variable name, upper-cased: `hfToken`, `HFToken` and `HF_TOKEN` all give HF, TOKEN. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toUpperCase());
}

/** Whether an env var's name says it holds a credential: a password, secret, token, API or access key, … */
export function looksSecret(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0 || (words.length === 1 && words[0] === 'PWD')) return false; // PWD alone is the shell's working directory.
  if (DESCRIPTIVE_LAST_WORDS.has(words[words.length - 1]) || words.some((word) => SETTING_WORDS.has(word))) return false;
  // PASS is a password at the end of a name (DB_PASS), and a verb elsewhere (PASS_THROUGH_HEADERS).
  if (words.some((word) => SECRET_WORDS.has(word)) || words[words.length - 1] === 'PASS') return true;
  return words.some((word, at) => SECRET_PAIRS.some(([first, second]) => word === first && words[at + 1] === second));
}

/**
 * Whether a literal value could be the credential itself. Not: an empty value; a switch (`true`, `0`); a file path
 * (GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/gcp/key.json names where the key is mounted); a reference that is
 * filled in elsewhere: Kubernetes' own `$(OTHER_VAR)`, envsubst's `${VAR}`, argocd-vault-plugin's `<path:…>`.
 */
export function looksLiteral(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '' || /^(?:true|false|yes|no|on|off|0|1)$/i.test(text)) return false;
  if (/\$\(|\$\{|^<[^<>]*>$/.test(text)) return false;
  // A path has at least two slashes or a file extension; a random token may start with a slash but rarely both.
  const isPath = /^(?:\/|\.{1,2}\/|~\/)[\w.@-]+(?:\/[\w.@-]*)*$/.test(text) && (/\/.*\//.test(text) || /\.[A-Za-z]{2,5}$/.test(text));
  return !isPath;
}

interface LiteralSecret {
  /** From the object's root to the env entry. */
  entryPath: JsonPath;
  name: string;
  value: string;
}

/** The env entries of one container whose name looks secret and whose value is a literal. */
function literalSecretsOf(container: Record<string, unknown>, path: JsonPath): LiteralSecret[] {
  const env = container.env;
  if (!Array.isArray(env)) return [];
  return env.flatMap((entry: unknown, index) => {
    // With valueFrom beside it, the API server rejects the entry; the schema rule says so.
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.valueFrom !== undefined) return [];
    if (!looksSecret(entry.name) || !looksLiteral(entry.value)) return [];
    return [{ entryPath: [...path, 'env', index], name: entry.name, value: String(entry.value) }];
  });
}

/**
 * Moves every literal credential of the object into one new Secret beside it, and has each variable read it through
 * `secretKeyRef`. The Secret still holds the values in the repository (MLO212 says so), but in one place that a
 * SealedSecret or ExternalSecret can replace without touching the workload. There is none when the object has no
 * name to derive the Secret's from, or two variables of the same name hold different values.
 */
function moveToSecret(context: KubernetesRuleContext, secrets: readonly LiteralSecret[]): Fix | undefined {
  const workloadName = valueAt(context.object, ['metadata', 'name']);
  if (typeof workloadName !== 'string' || workloadName === '') return undefined;
  const secretName = `${workloadName}-secrets`;
  const values = new Map<string, string>();
  for (const { name, value } of secrets) {
    if (values.has(name) && values.get(name) !== value) return undefined;
    values.set(name, value);
  }
  const edits: TextEdit[] = [];
  for (const { entryPath, name } of secrets) {
    const edit = replaceEntry(context, [...entryPath, 'value'], { valueFrom: { secretKeyRef: { name: secretName, key: name } } });
    if (edit === undefined) return undefined;
    edits.push(edit);
  }
  const namespace = valueAt(context.object, ['metadata', 'namespace']);
  const metadata: YamlBlock = typeof namespace === 'string' ? { name: secretName, namespace } : { name: secretName };
  const stringData: YamlBlock = Object.fromEntries([...values].map(([name, value]) => [name, quoted(value)]));
  const secret = renderBlock({ apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', stringData }, '', ' '.repeat(indentStep(context)));
  edits.push(insertDocumentAfter(context, secret));
  return { title: `Move ${[...values.keys()].join(', ')} into Secret "${secretName}" and read ${values.size > 1 ? 'them' : 'it'} with secretKeyRef`, edits };
}

export const MLO207 = perContainer(
  {
    id: 'MLO207',
    defaultSeverity: 'error',
    title: 'An env var that holds a credential reads it from a Secret, not from a literal value.',
    guide: 'Security Checklist: Secrets in secure vault',
  },
  { lists: ['containers', 'initContainers'] },
  (context) => {
    const { container, path } = context.entry;
    const secrets = literalSecretsOf(container, path);
    if (secrets.length === 0) return;
    const label = typeof container.name === 'string' ? `container "${container.name}"` : 'this container';
    // One suggestion moves all of the object's literal credentials at once, so it is the same on each finding.
    const everySecret = containersOf(context.object).flatMap((entry) => literalSecretsOf(entry.container, entry.path));
    const suggestion = moveToSecret(context, everySecret);
    for (const { entryPath, name } of secrets) {
      context.report({
        path: [...entryPath, 'value'],
        target: 'value',
        message: `${name} of ${label} is written here as a literal value: anyone who can read the manifest, the repository or \`kubectl get -o yaml\` can read it. Keep it in a Secret (or an external secret store) and use valueFrom.secretKeyRef.`,
        suggestions: suggestion ? [suggestion] : undefined,
      });
    }
  },
);
