import { lastField } from '../model';
import { tritonRule } from '../rule';

/** Guide, Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference". */
export const MLO503 = tritonRule(
  {
    id: 'MLO503',
    defaultSeverity: 'error',
    title: "The model's name must be the name of its folder.",
    guide: 'Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference"',
    needsFolder: true,
  },
  (context) => {
    const folder = context.folder!;
    const field = lastField(context.document.root, 'name');
    const value = field?.values[field.values.length - 1];
    if (!field || value?.kind !== 'scalar' || typeof value.value !== 'string' || value.value === folder.name) return;
    const quoted = JSON.stringify(folder.name);
    context.report({
      start: value.start,
      end: value.end,
      message: `The model is named "${value.value}" but its folder is "${folder.name}": Triton refuses to load a model whose name differs from its folder's.`,
      fix: { title: `Set name to ${quoted}`, edits: [{ range: context.document.rangeOf(value.start, value.end), newText: quoted }] },
    });
  },
);
