import { MLO310 } from '../../../../../src/core/kubernetes/workspace/rules/MLO310';
import { DEPLOYMENT, DEPLOYMENT_IN_ML, SERVICE } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** SERVICE's lines, 0-based: `selector` on line 5 (key at 2–10), `port: 80` on 9 (value at 12–14), `targetPort: http` on 10 (value at 18–22). */
const NO_PORTS = DEPLOYMENT.replace('          ports:\n            - name: http\n              containerPort: 8080\n', '');

workspaceRuleTests(MLO310, {
  valid: [
    { name: 'a named targetPort the container declares', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE } },
    {
      name: "a native sidecar's port (an auth proxy in front of the model)",
      files: {
        'k8s/deploy.yaml': DEPLOYMENT.replace('      containers:\n', '      initContainers:\n        - name: proxy\n          image: oauth2-proxy:7.6.0\n          restartPolicy: Always\n          ports: [{name: proxy, containerPort: 4180}]\n      containers:\n'),
        'k8s/svc.yaml': SERVICE.replace('targetPort: http', 'targetPort: proxy'),
      },
    },
    { name: 'a numeric targetPort the container declares', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE.replace('targetPort: http', 'targetPort: 8080') } },
    { name: 'no targetPort: port 8080 itself', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE.replace('      port: 80\n      targetPort: http\n', '      port: 8080\n') } },
    { name: 'a numeric targetPort on containers that declare no ports: not judged', files: { 'k8s/deploy.yaml': NO_PORTS, 'k8s/svc.yaml': SERVICE.replace('targetPort: http', 'targetPort: 9000') } },
    {
      name: 'a Service without a selector (its Endpoints written by hand)',
      files: { 'k8s/svc.yaml': SERVICE.replace('  selector:\n    app: model-server\n', '') },
    },
    {
      name: 'an ExternalName Service',
      files: { 'k8s/svc.yaml': yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: feature-store', 'spec:', '  type: ExternalName', '  externalName: features.example.com', '  selector:', '    app: nothing') },
    },
    { name: 'both in namespace ml', files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML, 'k8s/svc.yaml': SERVICE.replace('  name: model-server\nspec', '  name: model-server\n  namespace: ml\nspec') } },
    {
      name: 'an Argo Rollout, and a second port served by a sidecar',
      files: {
        'k8s/rollout.yaml': DEPLOYMENT.replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout').concat(
          '        - name: metrics-sidecar\n          image: registry.example.com/exporter:0.3.1\n          ports:\n            - name: metrics\n              containerPort: 9090\n',
        ),
        'k8s/svc.yaml': SERVICE.concat('    - name: metrics\n      port: 9090\n      targetPort: metrics\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'the selector matches no pod labels',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE.replace('    app: model-server', '    app: model-server\n    version: v2') },
      findings: [{ path: 'k8s/svc.yaml', line: 5, character: 2, endCharacter: 10, messageIncludes: 'selects pods labelled app=model-server, version=v2, but no workload of the workspace in namespace "default" has them' }],
      fix: null,
      suggestions: [],
    },
    {
      name: 'no workload at all',
      files: { 'k8s/svc.yaml': SERVICE },
      findings: [{ path: 'k8s/svc.yaml', line: 5, character: 2 }],
    },
    {
      name: 'the workload is in another namespace',
      files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML, 'k8s/svc.yaml': SERVICE },
      findings: [{ path: 'k8s/svc.yaml', line: 5, character: 2 }],
    },
    {
      name: 'a named targetPort no container declares',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE.replace('targetPort: http', 'targetPort: grpc') },
      findings: [{ path: 'k8s/svc.yaml', line: 10, character: 18, endCharacter: 22, messageIncludes: 'to the port named "grpc", but the containers of Deployment "model-server" declare only http (8080)' }],
    },
    {
      name: 'a named targetPort on containers that declare no ports',
      files: { 'k8s/deploy.yaml': NO_PORTS, 'k8s/svc.yaml': SERVICE },
      findings: [{ path: 'k8s/svc.yaml', line: 10, character: 18, messageIncludes: 'declare no such port' }],
    },
    {
      name: 'a numeric targetPort no container declares',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE.replace('targetPort: http', 'targetPort: 8000') },
      findings: [{ path: 'k8s/svc.yaml', line: 10, character: 18, endCharacter: 22, messageIncludes: 'to port 8000' }],
    },
    {
      name: 'no targetPort: port 80 is not declared, reported on port',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE.replace('      targetPort: http\n', '') },
      findings: [{ path: 'k8s/svc.yaml', line: 9, character: 12, endCharacter: 14, messageIncludes: '(targetPort defaults to port)' }],
    },
  ],
});
