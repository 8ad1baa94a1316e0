import { fieldsNamed, onFirstLine, scalarValue } from '../model';
import type { MessageNode } from '../parse';
import { tritonRule } from '../rule';

/** Guide, Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference". */
export const MLO505 = tritonRule(
  {
    id: 'MLO505',
    defaultSeverity: 'error',
    title: 'Every input and output must have a name, a data_type and dims.',
    guide: 'Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference"',
  },
  (context) => {
    if (context.broken) return;
    const { root, text } = context.document;
    for (const kind of ['input', 'output'] as const) {
      for (const field of fieldsNamed(root, kind)) {
        for (const tensor of field.values) {
          if (tensor.kind !== 'message') continue;
          const missing = missingParts(tensor);
          if (missing.length === 0) continue;
          const name = scalarValue(tensor, 'name');
          const which = typeof name === 'string' && name !== '' ? `The ${kind} "${name}"` : `An ${kind}`;
          // A tensor written alone (`input { … }`) is marked by its field name, one in a list by its brace.
          const start = field.list ? tensor.start : field.nameToken.start;
          context.report({
            ...onFirstLine(text, start, tensor.end),
            message: `${which} has no ${missing.join(', no ')}: Triton refuses a model whose ${kind}s do not all say their name, data type and shape.`,
          });
        }
      }
    }
  },
);

/** What a tensor lacks, as Triton sees it: an empty name, TYPE_INVALID and an empty dims list count as missing. */
function missingParts(tensor: MessageNode): string[] {
  const missing: string[] = [];
  const name = scalarValue(tensor, 'name');
  if (typeof name !== 'string' || name === '') missing.push('name');
  const dataType = scalarValue(tensor, 'data_type');
  if (dataType === undefined || dataType === 'TYPE_INVALID' || dataType === 0n) missing.push('data_type');
  const dims = fieldsNamed(tensor, 'dims').some((field) => field.values.length > 0);
  if (!dims) missing.push('dims');
  return missing;
}
