/** The fault registry is the one place a kind is described: the validator, the runtime and README follow it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster, FAULT_KINDS, FAULTS, faultKindsMarkdown, validateFaultPlan, type FaultKind } from '../../../src/broker/index.ts';

describe('the fault registry', () => {
  it("README's fault table is the one generated from the registry", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = /<!-- fault-kinds:start[^>]*-->\n([\s\S]*?)\n<!-- fault-kinds:end -->/.exec(readme)?.[1];
    expect(table, 'README.md: replace the table between the fault-kinds markers with this one').toBe(faultKindsMarkdown());
  });

  it('lists every kind once, and the validator knows exactly the fields each entry declares', () => {
    expect(new Set(FAULT_KINDS).size).toBe(FAULT_KINDS.length);
    for (const kind of FAULT_KINDS) {
      const r = validateFaultPlan([{ fault: kind, bogus: 1 }]);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors[0]).toBe(`faults[0].bogus does not apply to '${kind}' (allowed: ${Object.keys(FAULTS[kind as FaultKind].fields).join(', ')})`);
    }
  });

  it('a kind that can fire in several ways says which way a given fault fires', () => {
    for (const kind of FAULT_KINDS) {
      const spec: { fires: readonly unknown[]; pick?: unknown } = FAULTS[kind];
      if (spec.fires.length > 1) expect(typeof spec.pick, kind).toBe('function');
    }
  });

  it('shrink-isr takes a time instead of a record, and then needs a topic', () => {
    expect(validateFaultPlan([{ fault: 'shrink-isr', at: 5, topic: 'orders' }]).ok).toBe(true);
    expect(validateFaultPlan([{ fault: 'shrink-isr', at: 5 }])).toEqual({ ok: false, errors: ['faults[0].topic is required with at'] });
    expect(validateFaultPlan([{ fault: 'shrink-isr' }])).toEqual({ ok: false, errors: ['faults[0] needs exactly one of on (a record) or at (a time, with topic)'] });
  });

  it('the runtime applies the registry default when a field is left out', () => {
    const cluster = createCluster({ seed: 1, faults: [{ fault: 'restart-broker', broker: 1, at: 5 }] });
    while (cluster.step()) { /* run the plan */ }
    const restart = cluster.trace.find((e) => e.kind === 'restart');
    expect(restart?.t).toBe(5 + (FAULTS['restart-broker'].fields.downForMs.default ?? -1));
  });
});
