/**
 * How long MLO215 takes: loading the schemas on first use, and checking 1,000 typical objects (the generated
 * workloads, Services, HPAs, PDBs, NetworkPolicies and custom resources of the Kubernetes corpus) against them.
 * The documents are parsed once; the rule runs alone on them, as the linter calls it. It is a measurement, not a
 * test: it exits 0 whatever the numbers are, and prints what MLO215 reported on the corpus, which is written to be
 * valid, so that a false positive shows up here.
 *
 *     node out-k8s2/test/bench/schema-bench.js [--documents 1000]
 */
import { performance } from 'node:perf_hooks';
import { parseManifestFile } from '../../src/core/kubernetes/parse';
import type { KubernetesRuleContext } from '../../src/core/kubernetes/rule';
import { MLO215 } from '../../src/core/kubernetes/rules/MLO215';
import { loadSchemas } from '../../src/core/kubernetes/schema/loader';
import { generateLargeManifest } from '../diff/kubernetes-corpus';
import { percentile } from './common';

const PASSES = 7;

interface Pass {
  wallMs: number;
  /** On a shared machine the wall clock also counts waiting for a core; CPU time does not. */
  cpuMs: number;
  messages: string[];
}

function main(): void {
  const at = process.argv.indexOf('--documents');
  const documents = at >= 0 ? Number(process.argv[at + 1]) : 1000;
  const text = generateLargeManifest(documents);
  const lines = text.split('\n');
  const contexts = parseManifestFile(text).documents.flatMap((document) => (document.object ? [{ document, object: document.object }] : []));

  const runPass = (): Pass => {
    const messages: string[] = [];
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const { document, object } of contexts) {
      const context: KubernetesRuleContext = {
        document,
        object,
        lines,
        eol: '\n',
        locate: document.locate,
        report: (report) => messages.push(`${document.locate(report.path).range.start.line + 1}: ${report.message}`),
      };
      MLO215.check(context);
    }
    const used = process.cpuUsage(cpu);
    return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, messages };
  };

  let started = performance.now();
  loadSchemas();
  const loadMs = performance.now() - started;
  const first = runPass();
  const passes = Array.from({ length: PASSES }, runPass);
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  const wallMs = median(passes.map((pass) => pass.wallMs));
  const cpuMs = median(passes.map((pass) => pass.cpuMs));

  const kinds = new Map<string, number>();
  for (const { object } of contexts) kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
  const n = contexts.length;
  console.log(`MLO215 on ${n} objects (${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')})`);
  console.log(`  loading the schema module:              ${loadMs.toFixed(1)} ms`);
  console.log(`  first pass (loads each kind's schema):  ${first.wallMs.toFixed(1)} ms, CPU ${first.cpuMs.toFixed(1)} ms`);
  console.log(`  later passes, median of ${PASSES}:            ${wallMs.toFixed(1)} ms, CPU ${cpuMs.toFixed(1)} ms (${((1000 * cpuMs) / n).toFixed(1)} µs of CPU per object)`);
  console.log(`  findings on the corpus (expected none): ${first.messages.length}`);
  for (const message of first.messages.slice(0, 10)) console.log(`    ${message}`);
}

main();
