import { lastField, scalarValue } from '../model';
import { tritonRule } from '../rule';

/** Guide, Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference". */
export const MLO507 = tritonRule(
  {
    id: 'MLO507',
    defaultSeverity: 'info',
    title: 'A model that accepts batches should enable dynamic batching.',
    guide: 'Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference"',
  },
  (context) => {
    if (context.broken) return;
    const { root, text } = context.document;
    const maxBatchSize = scalarValue(root, 'max_batch_size');
    if (typeof maxBatchSize !== 'bigint' || maxBatchSize <= 0n) return;
    // The scheduler is one of three: a sequence batcher (stateful models) or an ensemble scheduler rules it out.
    if (['dynamic_batching', 'sequence_batching', 'ensemble_scheduling'].some((name) => lastField(root, name))) return;
    const field = lastField(root, 'max_batch_size')!;
    // The suggestion adds a line after the one max_batch_size ends on, indented as that line is.
    const lineBreak = text.indexOf('\n', field.end);
    const at = lineBreak < 0 ? text.length : text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
    const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', field.start - 1) + 1))![0];
    const insertAt = context.document.rangeOf(at, at);
    context.report({
      start: field.start,
      end: field.end,
      message: `max_batch_size is ${maxBatchSize} but dynamic batching is off: Triton runs each request as it comes, in batches of one, unless the clients batch themselves.`,
      suggestions: [
        {
          title: 'Enable dynamic batching',
          edits: [{ range: insertAt, newText: `${context.eol}${indent}dynamic_batching { }` }],
        },
      ],
    });
  },
);
