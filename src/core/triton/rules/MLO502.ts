import { tritonRule } from '../rule';

/** Guide, Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference". */
export const MLO502 = tritonRule(
  {
    id: 'MLO502',
    defaultSeverity: 'error',
    title: "Every field must be one of Triton's ModelConfig fields, with a value of its type.",
    guide: 'Deployment Options Comparison: "Triton Server | High | Very High | High | GPU inference"',
  },
  (context) => {
    for (const problem of context.document.problems) {
      if (problem.kind !== 'schema') continue;
      context.report({ start: problem.start, end: problem.end, message: `Triton refuses this model configuration: ${problem.message}` });
    }
  },
);
