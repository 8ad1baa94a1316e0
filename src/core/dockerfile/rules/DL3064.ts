import type { Property, PropertyInstruction } from 'dockerfile-ast';
import { perInstruction } from '../rule';

/**
 * Words that mean the variable holds a secret wherever they stand in a part of its name, as hadolint finds them:
 * `HF_TOKEN`, and also `AUTHTOKEN`, `GITHUB_TOKENS`, `MYSQL_ROOTPASSWORD`, `clientSecret`.
 */
const SECRET_WORDS = /token|password|passwd|passphrase|secret|credential|apikey|privatekey|accesskey|secretkey/;

/** Words that mean a secret only as a whole part: `DB_PASS`, `GIT_CREDS`, not `BYPASS` or `PASSTHROUGH`. */
const SECRET_PARTS = new Set(['pass', 'creds']);

/**
 * Parts where a secret word is only part of another word: the tokenizers of NLP models (`TOKENIZERS_PARALLELISM`,
 * which Hugging Face images set, `TOKENIZER_PATH`). hadolint reports them; they hold no secret.
 */
const NOT_SECRET = /tokeni[sz]/;

/** What hadolint 2.15 looks for, anywhere in the name and whatever the value (found by running it on names). */
const HADOLINT_WORDS = /token|password|secret|private|api_key|aws_access_key_id/i;

/** Two-part names that mean the same (`API_KEY`, `privateKey`, `AWS_ACCESS_KEY_ID`). */
const SECRET_PAIRS = new Set(['api key', 'private key', 'access key', 'secret key']);

/** A last part that makes the variable a pointer to a secret, not the secret (`POSTGRES_PASSWORD_FILE`). */
const POINTER_PARTS = new Set(['file', 'files', 'path', 'dir']);

/**
 * hadolint DL3064: ARG and ENV names that look like secrets. An ARG fires with or without a default: its value
 * comes from `--build-arg` and is kept in the image's history either way. Not reported: names ending in
 * `_FILE`/`_PATH`/`_DIR`, and values that are an absolute path (`GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcp.json`),
 * which say where a secret is rather than hold it, and an ENV set to an empty string, which clears one.
 */
export const DL3064 = perInstruction(
  {
    id: 'DL3064',
    defaultSeverity: 'warning',
    title: 'Potentially sensitive data should not be used in ARG or ENV.',
    guide: 'Security Checklist: "Secrets in secure vault"',
  },
  ['ARG', 'ENV'],
  (instruction, context) => {
    const keyword = instruction.getKeyword();
    const parity = context.settings.hadolintParity === true;
    for (const property of (instruction as PropertyInstruction).getProperties()) {
      if (!looksSecret(property.getName()) || pointsToSecret(keyword, property)) {
        const word = parity ? HADOLINT_WORDS.exec(property.getName())?.[0] : undefined;
        if (word) {
          context.report({
            range: property.getNameRange(),
            message: `${keyword} ${property.getName()} is reported because hadolint reports it (hadolint parity is on): its name contains "${word}". ${whyNotSecret(keyword, property)}; if it holds none, ignore it with # hadolint ignore=DL3064.`,
          });
        }
        continue;
      }
      context.report({
        range: property.getNameRange(),
        message: `${keyword} ${property.getName()} looks like a secret: ${keyword === 'ARG' ? 'build arguments' : 'ENV values'} are kept in the image's metadata and history, where anyone who can pull the image reads them. Pass it with RUN --mount=type=secret,id=… at build time, or from a secret store at run time.`,
      });
    }
  },
);

/** Splits `AWS_SECRET_ACCESS_KEY`, `clientSecret`, `api-key` into lower-case parts. */
function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.toLowerCase());
}

function looksSecret(name: string): boolean {
  const parts = nameParts(name);
  if (parts.length === 0 || POINTER_PARTS.has(parts[parts.length - 1])) return false;
  return parts.some((part, i) => (SECRET_WORDS.test(part) && !NOT_SECRET.test(part)) || SECRET_PARTS.has(part) || SECRET_PAIRS.has(`${part} ${parts[i + 1]}`));
}

/** Why this linter alone would not report the variable, for the message of a finding made for hadolint parity. */
function whyNotSecret(keyword: string, property: Property): string {
  const value = property.getValue();
  if (keyword === 'ENV' && value === '') return 'Its value is empty, which clears a secret rather than setting one';
  if (value?.startsWith('/')) return 'Its value is a path, which says where a secret is rather than holding one';
  if (POINTER_PARTS.has(nameParts(property.getName()).pop() ?? '')) return 'Its name says it points to a file or folder rather than holding a secret';
  return 'It does not look like a secret to this linter';
}

function pointsToSecret(keyword: string, property: Property): boolean {
  const value = property.getValue();
  if (value === null) return false;
  if (value.startsWith('/')) return true;
  return keyword === 'ENV' && value === '';
}
