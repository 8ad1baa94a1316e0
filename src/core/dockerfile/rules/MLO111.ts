import { copiesFromContext, copySources } from '../instructions';
import { perInstruction } from '../rule';

/** File names that hold credentials; a match on any path segment counts (`config/.aws/credentials`). */
const SECRET_PATTERNS: Array<{ test: RegExp; what: string }> = [
  { test: /^\.env(\.(?!example$|sample$|template$|dist$)[\w.-]+)?$/i, what: 'an environment file with secrets' },
  { test: /\.(pem|key)$/i, what: 'a private key or certificate key' },
  { test: /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/i, what: 'an SSH private key' },
  { test: /^credentials.*\.json$/i, what: 'a cloud credentials file' },
  { test: /^\.aws$/i, what: 'AWS credentials' },
  { test: /^(kubeconfig|\.kube)$/i, what: 'a kubeconfig with cluster credentials' },
  { test: /^\.ssh$/i, what: 'SSH keys' },
  { test: /^\.netrc$/i, what: 'a .netrc with passwords' },
  { test: /^\.git-credentials$/i, what: 'stored git credentials' },
  { test: /^\.(npmrc|pypirc)$/i, what: 'a package registry config that may hold a token' },
];

/** `.docker/config.json` holds registry logins; the rest of a `.docker/` folder is usually build scripts. */
const DOCKER_CONFIG = { what: 'Docker registry credentials' };

/** Credential files a glob segment is tried on: `.env*` counts because it would pick up `.env`. */
const SAMPLE_NAMES = ['.env', '.env.production', 'id_rsa', 'server.key', 'server.pem', 'credentials.json'];

/** What credentials a path segment names, or for a glob segment (`.env*`) would pick up. */
function secretIn(segment: string): { what: string } | undefined {
  if (!/[*?[]/.test(segment)) return SECRET_PATTERNS.find((p) => p.test.test(segment));
  // The glob is made once for the segment, not once for each pattern.
  const glob = new RegExp(`^${segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  const picked = SAMPLE_NAMES.filter((name) => glob.test(name));
  return picked.length === 0 ? undefined : SECRET_PATTERNS.find((p) => picked.some((name) => p.test.test(name)));
}

/** Guide, Security Checklist: "Secrets in secure vault". */
export const MLO111 = perInstruction(
  {
    id: 'MLO111',
    defaultSeverity: 'error',
    title: 'Do not copy credential files (.env, keys, cloud credentials, kubeconfig, .netrc) into the image.',
    guide: 'Security Checklist: "□ Secrets in secure vault"',
  },
  ['COPY', 'ADD'],
  (instruction, context) => {
    if (!copiesFromContext(instruction)) return;
    for (const source of copySources(instruction)) {
      const path = source.value.replace(/\/+$/, '');
      const segments = path.split('/');
      const hit =
        (/(^|\/)\.docker(\/config\.json)?$/.test(path) ? DOCKER_CONFIG : undefined) ??
        segments.map(secretIn).find((p) => p !== undefined);
      if (!hit) continue;
      context.report({
        range: source.range,
        message: `${source.value} looks like ${hit.what}: anyone who can pull the image can read it from its layers, even if a later step deletes it. Pass secrets at run time (Kubernetes Secret, a vault) or at build time with RUN --mount=type=secret.`,
      });
    }
  },
);
