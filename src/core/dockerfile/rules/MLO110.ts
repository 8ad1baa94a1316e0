import { copiesFromContext, copySources } from '../instructions';
import { perInstruction } from '../rule';

/** The ignore file a fix creates: what an ML service's build context should never carry into an image. */
export const DOCKERIGNORE_TEMPLATE = `# Keep the build context small and free of secrets (see MLO110, MLO111).
.git
.gitignore
.dockerignore
Dockerfile*
**/__pycache__
**/*.py[cod]
.venv
venv
.env
.env.*
!.env.example
**/*.pem
**/*.key
**/id_rsa*
**/credentials*.json
.aws
.ssh
.kube
.netrc
.npmrc
.pypirc
.git-credentials
.docker/config.json
kubeconfig
.mypy_cache
.pytest_cache
.ipynb_checkpoints
**/.DS_Store
mlruns
wandb
`;

/** Guide, Docker Best Practices: "COPY --chown=appuser:appuser . ." copies the whole context; a .dockerignore decides what that is. */
export const MLO110 = perInstruction(
  {
    id: 'MLO110',
    defaultSeverity: 'warning',
    title: 'Copying the whole build context needs a .dockerignore beside the Dockerfile.',
    guide: 'Docker Best Practices: "# Copy application" / "COPY --chown=appuser:appuser . ."',
  },
  ['COPY', 'ADD'],
  (instruction, context) => {
    // Only a caller that looked at the file system knows; without that fact the rule stays silent.
    if (context.facts.hasDockerignore !== false || !copiesFromContext(instruction)) return;
    const whole = copySources(instruction).find((s) => s.value === '.' || s.value === './');
    if (!whole) return;
    context.report({
      range: whole.range,
      message: `${instruction.getKeyword()} ${whole.value} copies the whole build context and there is no .dockerignore: .git, virtualenvs, data, notebooks' checkpoints and secrets such as .env go into the image.`,
      fix: { title: 'Create a .dockerignore', edits: [], files: [{ relativePath: '.dockerignore', content: DOCKERIGNORE_TEMPLATE }] },
    });
  },
);
