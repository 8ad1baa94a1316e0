import { join } from 'node:path';
import { fileAnchor, scalarValue } from '../model';
import { tritonRule, type DirectoryEntry } from '../rule';

/** Guide, Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference". */
export const MLO506 = tritonRule(
  {
    id: 'MLO506',
    defaultSeverity: 'error',
    title: "The model's folder must have a numeric version folder holding the model file.",
    guide: 'Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference"',
    needsFolder: true,
  },
  (context) => {
    const folder = context.folder!;
    const { root } = context.document;
    const versions = folder.entries.filter((entry) => entry.isDirectory && /^[0-9]+$/.test(entry.name)).map((entry) => entry.name);
    const anchor = fileAnchor(context.document);
    if (versions.length === 0) {
      context.report({
        ...anchor,
        message: `The folder "${folder.name}" has no version folder (such as 1/): Triton loads a model only from a numeric version folder beside config.pbtxt.`,
      });
      return;
    }
    // An ensemble runs other models and has no file of its own; its version folder may stay empty.
    if (scalarValue(root, 'platform') === 'ensemble') return;
    const defaultName = scalarValue(root, 'default_model_filename');
    const wanted = typeof defaultName === 'string' && defaultName !== '' ? defaultName : undefined;
    const holds = versions.some((version) => {
      const entries = folder.list(join(folder.path, version)) ?? [];
      return wanted ? entries.some((entry) => entry.name === wanted) : entries.some(isModelFile);
    });
    if (holds) return;
    const list = versions.map((v) => `${v}/`).join(', ');
    context.report({
      ...anchor,
      message: wanted
        ? `No version folder (${list}) holds "${wanted}", the default_model_filename: Triton finds no model to load.`
        : `The version folder${versions.length > 1 ? 's' : ''} ${list} hold${versions.length > 1 ? '' : 's'} no model file: Triton finds no model to load.`,
    });
  },
);

/** Anything but notes and hidden files may be a model: backends name their files differently (model.onnx, model.plan, model.savedmodel/, model.py…). */
function isModelFile(entry: DirectoryEntry): boolean {
  return !entry.name.startsWith('.') && !/^readme(\.|$)/i.test(entry.name) && !/\.md$/i.test(entry.name);
}
