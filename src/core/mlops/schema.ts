/**
 * The JSON Schema of `mlops.yaml`. This object is what the linter validates against; `schemas/mlops.schema.json`
 * is the same schema as a file, for the editor's YAML support (package.json `yamlValidation`) and for other
 * tools, and a unit test keeps the two equal. After changing this object, write the file again with:
 *   node -e "process.stdout.write(JSON.stringify(require('./out/src/core/mlops/schema').mlopsSchema, null, 2) + '\n')" > schemas/mlops.schema.json
 */

const DNS_LABEL = '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$';
/** The guide's notation; the linter also parses every trigger and threshold for the exact column of a problem. */
const TRIGGER_PATTERN = '^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*(>=|<=|==|!=|>|<)\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h|d|%)?\\s*$';
const QUANTITY_PATTERN = '^\\d+(\\.\\d+)?\\s*(ms|s|m|h|d|%)?$';
const DURATION_PATTERN = '^\\d+(ms|s|m|h)$';

const threshold = (description: string, example: string): Record<string, unknown> => ({
  type: 'string',
  pattern: QUANTITY_PATTERN,
  description: `${description} (the guide: ${example}).`,
  examples: [example],
});

export const mlopsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://mlops-deploy.dev/schemas/mlops.schema.json',
  title: 'mlops.yaml',
  description: 'A model deployment: what is deployed, where, how it is rolled out, watched and rolled back (MLOps deployment guide).',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'name', 'target', 'model', 'image', 'rollback'],
  properties: {
    version: { const: 1, description: 'The version of this file format.' },
    name: { type: 'string', pattern: DNS_LABEL, description: 'The deployment name: a DNS-1123 label.' },
    target: { enum: ['fastapi', 'triton', 'sagemaker'], description: 'Where the model is served.' },
    model: {
      type: 'object',
      additionalProperties: false,
      required: ['framework', 'path'],
      properties: {
        framework: { enum: ['sklearn', 'pytorch', 'onnx', 'tensorflow', 'xgboost'] },
        path: { type: 'string', minLength: 1, description: 'The model file, relative to this file.' },
        repository: { type: 'string', minLength: 1, description: "Triton's model repository folder." },
      },
    },
    image: {
      type: 'object',
      additionalProperties: false,
      required: ['repository', 'tag'],
      properties: {
        repository: { type: 'string', pattern: '^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*$', description: 'The image, without tag.' },
        tag: { type: 'string', pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$', not: { const: 'latest' }, description: 'A fixed tag (not latest); CI deploys the commit’s tag.' },
        dockerfile: { type: 'string', minLength: 1 },
      },
    },
    kubernetes: {
      type: 'object',
      additionalProperties: false,
      required: ['namespace', 'manifests'],
      properties: {
        namespace: { type: 'string', pattern: DNS_LABEL },
        deployment: { type: 'string', pattern: DNS_LABEL, description: 'The Deployment the rollout updates.' },
        context: { type: 'string', minLength: 1, description: 'The kubeconfig context; the current one when absent.' },
        manifests: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Manifest files or folders, relative to this file.' },
      },
    },
    sagemaker: {
      type: 'object',
      additionalProperties: false,
      required: ['region', 'instanceType'],
      properties: {
        region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' },
        instanceType: { type: 'string', pattern: '^ml\\.[a-z0-9]+\\.[a-z0-9]+$' },
        initialInstanceCount: { type: 'integer', minimum: 1 },
        executionRoleArn: { type: 'string', pattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+$' },
        autoscaling: {
          type: 'object',
          additionalProperties: false,
          properties: {
            minInstances: { type: 'integer', minimum: 1 },
            maxInstances: { type: 'integer', minimum: 1 },
            invocationsPerInstance: { type: 'number', exclusiveMinimum: 0 },
          },
        },
        dataCapture: {
          type: 'object',
          additionalProperties: false,
          properties: {
            samplingPercentage: { type: 'integer', minimum: 1, maximum: 100 },
            destination: { type: 'string', pattern: '^s3://' },
          },
        },
      },
    },
    deploy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        canary: {
          type: 'object',
          additionalProperties: false,
          properties: {
            steps: {
              type: 'array',
              minItems: 1,
              items: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
              default: [10, 100],
              description: 'Percent of traffic on the new version at each step, increasing, ending at 100 (the guide: canary 10%, then full rollout).',
            },
            watch: { type: 'string', pattern: DURATION_PATTERN, default: '10m', description: 'How long the metrics are watched at each step.' },
          },
        },
      },
    },
    monitoring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        prometheus: { type: 'string', pattern: '^https?://', description: 'The Prometheus server the rollout queries.' },
        thresholds: {
          type: 'object',
          additionalProperties: false,
          description: "The guide's Monitoring Metrics alert thresholds.",
          properties: {
            latency_p50: threshold('Median latency', '100ms'),
            latency_p99: threshold('99th percentile latency', '500ms'),
            error_rate: threshold('Share of failed requests', '1%'),
            cpu_usage: threshold('CPU use, of the limit', '80%'),
            memory_usage: threshold('Memory use, of the limit', '85%'),
            model_staleness: threshold('Age of the served model', '24h'),
          },
        },
      },
    },
    rollback: {
      type: 'object',
      additionalProperties: false,
      required: ['triggers'],
      properties: {
        automatic: { type: 'boolean', default: true },
        triggers: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', pattern: TRIGGER_PATTERN },
          default: ['error_rate > 5%', 'latency_p99 > 2s', 'health_check_failures > 3'],
          description: "Any trigger rolls the new version back, in the guide's notation: <metric> <op> <value><unit>.",
        },
      },
    },
  },
  allOf: [
    { if: { properties: { target: { enum: ['fastapi', 'triton'] } }, required: ['target'] }, then: { required: ['kubernetes'] } },
    { if: { properties: { target: { const: 'sagemaker' } }, required: ['target'] }, then: { required: ['sagemaker'] } },
  ],
} as const;
