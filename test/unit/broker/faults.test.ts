/** The fault plan's validation speaks to authors: which entry, which field, what to write. */
import { describe, expect, it } from 'vitest';
import { createCluster, validateFaultPlan } from '../../../src/broker/index.ts';

describe('validateFaultPlan', () => {
  it('accepts the plan format shown in the docs', () => {
    const plan = [
      { fault: 'lose-ack', on: { topic: 'orders', nth: 2 } },
      { fault: 'crash-leader-before-replication', on: { value: 'order2' } },
      { fault: 'restart-broker', broker: 1, at: 40 },
      { fault: 'shrink-isr', topic: 'orders', at: 5, forMs: 100 },
      { fault: 'crash-consumer-before-commit', on: { value: 'order3' }, groupId: 'billing' },
    ];
    expect(validateFaultPlan(plan)).toEqual({ ok: true, plan });
  });
  it('names the entry and field that is wrong', () => {
    const r = validateFaultPlan([{ fault: 'lose-ack' }, { fault: 'explode' }, { fault: 'restart-broker', broker: 1 }, { fault: 'lose-ack', on: { nth: 0, colour: 'red' } }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      "faults[0].on is required: which record it hits, e.g. { value: 'order2' }",
      expect.stringContaining('faults[1].fault must be one of lose-request'),
      'faults[2].at is required (virtual milliseconds or a broker id)',
      'faults[3].on.colour is unknown; use topic, partition, key, value or nth',
      'faults[3].on.nth must be an integer ≥ 1',
    ]);
  });
  it('createCluster refuses an invalid plan with every problem listed', () => {
    expect(() => createCluster({ seed: 1, faults: [{ fault: 'nope' }] as never })).toThrow(/invalid fault plan:\n- faults\[0\]\.fault/);
  });
  it('a plan survives a JSON round trip (postMessage, MDX props)', () => {
    const plan = [{ fault: 'lose-request', on: { value: 'order1' } }];
    expect(validateFaultPlan(JSON.parse(JSON.stringify(plan))).ok).toBe(true);
  });
});
