import { KNOWN_CUSTOM_RESOURCES, knownCustomResource } from '../crds';
import { apiGroupOf, isRecord, valueAt, workloadKindOf, workloadPaths } from '../objects';
import type { JsonPath, KubernetesObject } from '../parse';
import { perObject, type KubernetesRuleContext } from '../rule';
import { checkAgainstSchema, closest, missingMessage, type SchemaIssue } from '../schema/check';
import { loadSchemas } from '../schema/loader';
import {
  BUILT_IN_GROUPS,
  BUILT_IN_KINDS,
  NEWEST_KNOWN_MINOR,
  OLDEST_KNOWN_MINOR,
  builtInKind,
  builtInVersionsOf,
  minorOf,
  servingVersionsOf,
} from '../schema/versions';

export const MLO215 = perObject(
  {
    id: 'MLO215',
    defaultSeverity: 'error',
    title: 'Every object matches the Kubernetes schema of the configured version: known fields, right types, required fields set.',
    guide: 'Kubernetes Checklist: Deployment manifest applied',
  },
  (context) => {
    const { object } = context;
    const group = apiGroupOf(object.apiVersion);
    if (BUILT_IN_GROUPS.has(group) || isMisspeltBuiltIn(group, object.kind)) checkBuiltIn(context, configuredMinor(context.kubernetesVersion));
    else checkCustomResource(context);
  },
);

/**
 * Whether an unknown group is a built-in one mistyped: `app/v1` with a Deployment. A custom resource's group is a
 * domain name, but other tools' files that look like objects are not always (`skaffold/v4beta11` Config), so a
 * group without a dot counts as a mistake only for a built-in kind or beside a built-in group's name.
 */
function isMisspeltBuiltIn(group: string, kind: string): boolean {
  if (group.includes('.')) return false;
  return builtInVersionsOf(kind).length > 0 || closest(group, [...BUILT_IN_GROUPS].filter((name) => !name.includes('.'))) !== undefined;
}

/** The configured minor version, within the versions the table describes; the newest when none is configured. */
function configuredMinor(version: string | undefined): number {
  const minor = (version === undefined ? undefined : minorOf(version)) ?? NEWEST_KNOWN_MINOR;
  return Math.min(Math.max(minor, OLDEST_KNOWN_MINOR), NEWEST_KNOWN_MINOR);
}

function checkBuiltIn(context: KubernetesRuleContext, minor: number): void {
  const { apiVersion, kind } = context.object;
  const entry = builtInKind(apiVersion, kind);
  if (entry === undefined) {
    reportUnknownKind(context, minor);
    return;
  }
  if (!entry.optIn && entry.since !== undefined && minor < entry.since) {
    const instead = servingVersionsOf(kind, minor);
    context.report({
      path: ['apiVersion'],
      target: 'value',
      message:
        `Kubernetes serves ${kind} as \`${apiVersion}\` from 1.${entry.since} on, but these manifests are for 1.${minor}` +
        (instead.length > 0 ? `: use ${orList(instead)}.` : '.'),
    });
  }
  // A version that is no longer served is MLO214's to report; its objects are still checked against its schema.
  const check = loadSchemas().schemaCheckFor(apiVersion, kind);
  if (check === undefined) return;
  const issues = checkAgainstSchema(context.object, check, { unknownFields: 'all' });
  const workload = workloadKindOf(context.object);
  reportIssues(context, workload === undefined ? issues : withImagesRequired(issues, context.object, workloadPaths(workload).podSpec));
}

function reportUnknownKind(context: KubernetesRuleContext, minor: number): void {
  const { apiVersion, kind } = context.object;
  const elsewhere = builtInVersionsOf(kind);
  if (elsewhere.length > 0) {
    const serving = servingVersionsOf(kind, minor);
    context.report({
      path: ['apiVersion'],
      target: 'value',
      message:
        serving.length > 0
          ? `Kubernetes has no ${kind} in \`${apiVersion}\`: 1.${minor} serves it as ${orList(serving)}.`
          : `Kubernetes has no ${kind} in \`${apiVersion}\`, and 1.${minor} serves it in no version (it was ${orList(elsewhere.map((e) => e.apiVersion))}).`,
    });
    return;
  }
  const group = apiGroupOf(apiVersion);
  if (!BUILT_IN_GROUPS.has(group)) {
    const meant = closest(group, [...BUILT_IN_GROUPS].filter((name) => !name.includes('.')));
    context.report({ path: ['apiVersion'], target: 'value', message: `Kubernetes has no API group \`${group}\` (did you mean \`${meant}\`?).` });
    return;
  }
  const sameVersion = BUILT_IN_KINDS.filter((entry) => entry.apiVersion === apiVersion).map((entry) => entry.kind);
  const suggestion = closest(kind, sameVersion) ?? closest(kind, [...new Set(BUILT_IN_KINDS.map((entry) => entry.kind))]);
  context.report({
    path: ['kind'],
    target: 'value',
    message: `Kubernetes has no kind \`${kind}\` in \`${apiVersion}\`${suggestion !== undefined ? ` (did you mean \`${suggestion}\`?)` : ''}.`,
  });
}

function checkCustomResource(context: KubernetesRuleContext): void {
  const { object } = context;
  const resource = knownCustomResource(object);
  if (resource === undefined) {
    reportMisspeltCustomKind(context);
    return;
  }
  const version = object.apiVersion.slice(object.apiVersion.indexOf('/') + 1);
  const schemas = loadSchemas();
  if (resource.schemaVersions.includes(version)) {
    const check = schemas.schemaCheckFor(object.apiVersion, object.kind);
    // The bundled schema may be older than the operator a cluster runs, so only near-misses of known fields count.
    if (check) reportIssues(context, checkAgainstSchema(object, check, { unknownFields: 'typos' }));
    return;
  }
  if (resource.podTemplate) {
    const template = valueAt(object, resource.podTemplate);
    if (template !== undefined && template !== null) {
      const issues = checkAgainstSchema(template, schemas.podTemplateCheck(), { unknownFields: 'all', at: resource.podTemplate });
      reportIssues(context, withImagesRequired(issues, object, [...resource.podTemplate, 'spec']));
    }
  }
}

/**
 * A custom resource this linter does not know is its operator's to validate, with one exception: a kind of a known
 * group that is a near-miss of a known kind (`ServiceMonitr`), which no operator serves.
 */
function reportMisspeltCustomKind(context: KubernetesRuleContext): void {
  const { apiVersion, kind } = context.object;
  const group = apiGroupOf(apiVersion);
  const sameGroup = KNOWN_CUSTOM_RESOURCES.filter((resource) => resource.group === group);
  const suggestion = closest(kind, sameGroup.map((resource) => resource.kind));
  if (suggestion === undefined) return;
  context.report({
    path: ['kind'],
    target: 'value',
    message: `${sameGroup[0].project} has no kind \`${kind}\` in \`${group}\` (did you mean \`${suggestion}\`?).`,
  });
}

/**
 * The OpenAPI schema leaves a container's image optional (a configuration tool may fill it in), but the API server
 * rejects a pod template whose container has none, so it counts as required here, with `name`.
 */
function withImagesRequired(issues: readonly SchemaIssue[], object: KubernetesObject, podSpec: JsonPath): SchemaIssue[] {
  const result = [...issues];
  for (const list of ['containers', 'initContainers']) {
    const containers = valueAt(object, [...podSpec, list]);
    if (!Array.isArray(containers)) continue;
    containers.forEach((container: unknown, index) => {
      // An image of the wrong type is a type error, already reported.
      if (!isRecord(container) || (container.image !== undefined && container.image !== null && container.image !== '')) return;
      const path = [...podSpec, list, index];
      const at = result.findIndex((issue) => issue.kind === 'required' && JSON.stringify(issue.path) === JSON.stringify(path));
      const missing = [...(at >= 0 ? (result[at].missing ?? []) : []), 'image'];
      const issue: SchemaIssue = { kind: 'required', path, target: 'key', missing, message: missingMessage(path, missing) };
      if (at >= 0) result[at] = issue;
      else result.push(issue);
    });
  }
  return result;
}

function reportIssues(context: KubernetesRuleContext, issues: readonly SchemaIssue[]): void {
  for (const issue of issues) {
    // An empty value (`template:` and nothing after it) has no text of its own; its key shows where it is.
    const target = issue.target === 'value' && valueAt(context.object, issue.path) === null ? 'key' : issue.target;
    context.report({ path: issue.path, target, message: issue.message });
  }
}

function orList(items: readonly string[]): string {
  const quoted = items.map((item) => `\`${item}\``);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted[0];
}
