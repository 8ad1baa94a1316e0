import { join } from 'node:path';
import type { Fix } from '../../findings';
import { fileAnchor, lastField, scalarValue } from '../model';
import { tritonRule, type TritonRuleContext } from '../rule';

/** Guide, Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference". */
export const MLO504 = tritonRule(
  {
    id: 'MLO504',
    defaultSeverity: 'error',
    title: 'A model configuration must set platform or backend.',
    guide: 'Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference"',
  },
  (context) => {
    if (context.broken) return;
    const { root } = context.document;
    const platform = scalarValue(root, 'platform');
    const backend = scalarValue(root, 'backend');
    if ((typeof platform === 'string' && platform !== '') || (typeof backend === 'string' && backend !== '')) return;
    const suggestion = backendFromFolder(context);
    context.report({
      ...fileAnchor(context.document),
      message: 'Neither platform nor backend is set: Triton does not know which backend runs the model (for example backend: "onnxruntime", "pytorch", "tensorrt", "python", or platform: "ensemble").',
      suggestions: suggestion ? [suggestion] : undefined,
    });
  },
);

/** The backend that serves each of Triton's default model file names. */
const BACKENDS: Readonly<Record<string, string>> = {
  'model.onnx': 'onnxruntime',
  'model.plan': 'tensorrt',
  'model.pt': 'pytorch',
  'model.savedmodel': 'tensorflow',
  'model.graphdef': 'tensorflow',
  'model.py': 'python',
  'model.xml': 'openvino',
};

/**
 * Where the model's folder can be read and a version folder holds a file with one of Triton's default names, a
 * suggestion to set the backend that serves it, on the line after `name` (or first in the file).
 */
function backendFromFolder(context: TritonRuleContext): Fix | undefined {
  const folder = context.folder;
  if (!folder) return undefined;
  const versions = folder.entries.filter((entry) => entry.isDirectory && /^[0-9]+$/.test(entry.name));
  for (const version of versions) {
    const file = (folder.list(join(folder.path, version.name)) ?? []).find((entry) => entry.name in BACKENDS);
    if (!file) continue;
    const backend = BACKENDS[file.name];
    const { text } = context.document;
    const name = lastField(context.document.root, 'name');
    let at = 0;
    let newText = `backend: "${backend}"${context.eol}`;
    if (name) {
      const lineBreak = text.indexOf('\n', name.end);
      at = lineBreak < 0 ? text.length : text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
      newText = `${context.eol}backend: "${backend}"`;
    }
    const position = context.document.rangeOf(at, at);
    return { title: `Set backend: "${backend}" (${version.name}/${file.name})`, edits: [{ range: position, newText }] };
  }
  return undefined;
}
