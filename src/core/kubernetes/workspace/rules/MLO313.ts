import { apiGroupOf, isRecord, labelsOf, matchesLabelSelector, valueAt } from '../../objects';
import type { KubernetesObject } from '../../parse';
import { declaredPorts, describe, podMetadataPath, pushTo, servingWorkloads } from '../match';
import { workspaceRule, type IndexedObject } from '../rule';
import { namespaceOf, selectedByServiceSelector } from '../select';

const SCRAPE_ANNOTATION = 'prometheus.io/scrape';

export const MLO313 = workspaceRule(
  {
    id: 'MLO313',
    defaultSeverity: 'info',
    title: "A serving workload's metrics are scraped: a prometheus.io/scrape annotation, a ServiceMonitor or a PodMonitor.",
    guide: 'Kubernetes Checklist: Metrics being collected',
  },
  (context) => {
    const serving = servingWorkloads(context);
    if (serving.length === 0) return;
    const services = context.ofKind('Service').filter(({ object }) => apiGroupOf(object.apiVersion) === '');
    // The Services in front of each workload, found once per Service through the workload index.
    const fronting = new Map<IndexedObject, IndexedObject[]>();
    for (const service of services) {
      for (const workload of selectedByServiceSelector(context, namespaceOf(service.object), valueAt(service.object, ['spec', 'selector']))) {
        pushTo(fronting, workload.indexed, service);
      }
    }
    // What the ServiceMonitors and PodMonitors select, worked out once per monitor rather than once per workload.
    const monitored = new Set<IndexedObject>();
    const monitors = context.ofKind('ServiceMonitor', 'PodMonitor');
    // The label indexes are built only for a workspace that has monitors, as most have none.
    const serviceLabels = new Map(monitors.length === 0 ? [] : services.map((service) => [service, labelsOf(valueAt(service.object, ['metadata', 'labels']))]));
    const byServiceLabel = byLabel(monitors.length === 0 ? [] : services, (service) => serviceLabels.get(service) ?? {});
    const byPodLabel = byLabel(monitors.length === 0 ? [] : serving, (workload) => workload.podLabels);
    for (const monitor of monitors) {
      if (apiGroupOf(monitor.object.apiVersion) !== 'monitoring.coreos.com') continue;
      const selector = valueAt(monitor.object, ['spec', 'selector']);
      if (monitor.object.kind === 'PodMonitor') {
        for (const workload of candidates(byPodLabel, serving, selector)) {
          if (watches(monitor.object, workload.namespace, workload.podLabels)) monitored.add(workload.indexed);
        }
      } else {
        for (const service of candidates(byServiceLabel, services, selector)) {
          if (watches(monitor.object, namespaceOf(service.object), serviceLabels.get(service) ?? {})) monitored.add(service);
        }
      }
    }
    for (const workload of serving) {
      const { object } = workload.indexed;
      if (monitored.has(workload.indexed) || scrapeAnnotated(valueAt(object, [...podMetadataPath(workload), 'annotations']))) continue;
      const front = fronting.get(workload.indexed) ?? [];
      if (front.some((service) => monitored.has(service) || scrapeAnnotated(valueAt(service.object, ['metadata', 'annotations'])))) continue;
      const ports = [...new Set(declaredPorts(workload).map((port) => port.containerPort))];
      context.report(workload.indexed, {
        path: podMetadataPath(workload),
        message: `${describe(object)} serves on port ${ports.join(', ')}, but nothing collects its metrics: no prometheus.io/scrape annotation on its pods or on a Service for them, and no ServiceMonitor or PodMonitor selecting them. Latency, error rate and model staleness go unseen.`,
      });
    }
  },
);

/** Items by each of their `key=value` labels, so that a selector's `matchLabels` narrows the items to check. */
function byLabel<T>(items: readonly T[], labelsOfItem: (item: T) => Readonly<Record<string, string>>): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    for (const [key, value] of Object.entries(labelsOfItem(item))) {
      pushTo(index, `${key}=${value}`, item);
    }
  }
  return index;
}

/** The items that may match a LabelSelector: those with its rarest `matchLabels` label, or all when it has none. */
function candidates<T>(index: ReadonlyMap<string, T[]>, all: readonly T[], selector: unknown): readonly T[] {
  const matchLabels = valueAt(selector, ['matchLabels']);
  if (!isRecord(matchLabels)) return all;
  let smallest = all;
  for (const [key, value] of Object.entries(matchLabels)) {
    if (typeof value !== 'string') return [];
    const list = index.get(`${key}=${value}`) ?? [];
    if (list.length < smallest.length) smallest = list;
  }
  return smallest;
}

/** Prometheus' Kubernetes discovery configs conventionally keep targets annotated `prometheus.io/scrape: "true"`. */
function scrapeAnnotated(annotations: unknown): boolean {
  if (!isRecord(annotations)) return false;
  const value = annotations[SCRAPE_ANNOTATION];
  return value === true || value === 'true';
}

/**
 * Whether a ServiceMonitor or PodMonitor selects an object with these labels: its `selector`, in the namespaces its
 * `namespaceSelector` names (`any: true`, or `matchNames`), or else in its own.
 */
function watches(monitor: KubernetesObject, namespace: string, labels: Readonly<Record<string, string>>): boolean {
  if (!matchesLabelSelector(valueAt(monitor, ['spec', 'selector']), labels)) return false;
  const namespaces = valueAt(monitor, ['spec', 'namespaceSelector']);
  if (isRecord(namespaces) && namespaces.any === true) return true;
  if (isRecord(namespaces) && Array.isArray(namespaces.matchNames)) return namespaces.matchNames.includes(namespace);
  return namespaceOf(monitor) === namespace;
}
