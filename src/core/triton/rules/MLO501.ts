import { tritonRule } from '../rule';

/** Guide, Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference". */
export const MLO501 = tritonRule(
  {
    id: 'MLO501',
    defaultSeverity: 'error',
    title: 'config.pbtxt must be valid protobuf text format.',
    guide: 'Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference"',
  },
  (context) => {
    // The parser keeps only the first syntax error: what follows it is read on a guess, as Triton stops there.
    for (const problem of context.document.problems) {
      if (problem.kind !== 'syntax') continue;
      context.report({ start: problem.start, end: problem.end, message: `Triton cannot read this file: ${problem.message}` });
    }
  },
);
