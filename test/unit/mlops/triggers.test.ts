import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fires, parseQuantity, parseTrigger } from '../../../src/core/mlops/triggers';

describe('parseTrigger', () => {
  it("reads the guide's three triggers", () => {
    assert.deepEqual(parseTrigger('error_rate > 5%'), { ok: true, value: { metric: 'error_rate', operator: '>', value: 5, unit: '%', base: 0.05 } });
    assert.deepEqual(parseTrigger('latency_p99 > 2s'), { ok: true, value: { metric: 'latency_p99', operator: '>', value: 2, unit: 's', base: 2 } });
    assert.deepEqual(parseTrigger('health_check_failures > 3'), { ok: true, value: { metric: 'health_check_failures', operator: '>', value: 3, unit: '', base: 3 } });
  });

  it('takes every operator, decimals, other units and no spaces', () => {
    assert.ok(parseTrigger('latency_p50>=150ms').ok);
    const parsed = parseTrigger('  model_staleness <= 1.5h ');
    assert.ok(parsed.ok);
    assert.equal(parsed.value.operator, '<=');
    assert.equal(parsed.value.base, 5400);
    for (const op of ['>', '>=', '<', '<=', '==', '!=']) assert.ok(parseTrigger(`restarts ${op} 1`).ok, op);
  });

  const errors: Array<[string, RegExp, number, number]> = [
    ['', /starts with a metric name.*the end/, 0, 1],
    ['> 5%', /starts with a metric name.*">"/, 0, 1],
    ['eror_rate > 5%', /Unknown metric "eror_rate"/, 0, 9],
    ['error_rate 5%', /Expected a comparison.*"5%"/, 11, 12],
    ['error_rate = 5%', /write == to compare/, 11, 12],
    ['error_rate >', /Expected a number.*the end/, 12, 13],
    ['error_rate > five', /Expected a number.*"five"/, 13, 14],
    ['error_rate > 5s', /error_rate is a percentage.*"s" does not fit/, 14, 15],
    ['error_rate > 5', /percentage.*without a unit/, 13, 14],
    ['latency_p99 > 2', /duration.*without a unit/, 14, 15],
    ['latency_p99 > 2%', /duration.*"%" does not fit/, 15, 16],
    ['health_check_failures > 3s', /plain number.*"s"/, 25, 26],
    ['error_rate > 150%', /more than 100%/, 13, 17],
    ['error_rate > 5% or latency_p99 > 2s', /Unexpected "or" after the value/, 16, 35],
  ];
  for (const [text, message, start, end] of errors) {
    it(`refuses ${JSON.stringify(text)} at columns ${start}-${end}`, () => {
      const parsed = parseTrigger(text);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.match(parsed.error.message, message);
      assert.deepEqual([parsed.error.start, parsed.error.end], [start, end]);
    });
  }
});

describe('parseQuantity', () => {
  it("reads the guide's thresholds in base units", () => {
    const base = (metric: string, text: string): number | undefined => {
      const parsed = parseQuantity(metric, text);
      return parsed.ok ? parsed.value.base : undefined;
    };
    assert.equal(base('latency_p50', '100ms'), 0.1);
    assert.equal(base('error_rate', '1%'), 0.01);
    assert.equal(base('model_staleness', '24h'), 86400);
    assert.equal(base('cpu_usage', '80 %'), undefined);
    assert.equal(base('memory_usage', '85'), undefined);
    assert.equal(base('nonsense', '1'), undefined);
  });
});

describe('fires', () => {
  it('compares an observed value in base units with the trigger', () => {
    const parsed = parseTrigger('error_rate > 5%');
    assert.ok(parsed.ok);
    assert.equal(fires(parsed.value, 0.06), true);
    assert.equal(fires(parsed.value, 0.05), false);
    const atMost = parseTrigger('latency_p99 <= 200ms');
    assert.ok(atMost.ok);
    assert.equal(fires(atMost.value, 0.2), true);
    assert.equal(fires(atMost.value, 0.3), false);
  });
});
