import { describe, expect, it } from 'vitest';
import { scenarioRuns, type FaultScenario } from '../../../src/grading/fault-scenarios.ts';
import { orderIdsFor } from '../../../src/grading/order-ids.ts';

const SCENARIOS: FaultScenario[] = [
  { name: 'no fault', faults: () => [] },
  { name: 'lost ack', faults: (o) => [{ fault: 'lose-ack', on: { value: o[1] } }] },
];

describe('scenarioRuns', () => {
  it('runs every scenario under every guarantee, seeds 100 apart per guarantee and 1 apart per scenario', () => {
    const runs = scenarioRuns(SCENARIOS, { seedBase: 1000 });
    expect(runs.map((r) => [r.guarantee, r.scenario, r.seed])).toEqual([
      ['at-most-once', 'no fault', 1000],
      ['at-most-once', 'lost ack', 1001],
      ['at-least-once', 'no fault', 1100],
      ['at-least-once', 'lost ack', 1101],
      ['exactly-once', 'no fault', 1200],
      ['exactly-once', 'lost ack', 1201],
    ]);
  });

  it('derives each run\'s orders from its seed and builds the fault plan from those orders', () => {
    const [, lostAck] = scenarioRuns(SCENARIOS, { seedBase: 7, guarantees: ['exactly-once'], ordersPerRun: 4 });
    expect(lostAck?.orders).toEqual(orderIdsFor(8, 4));
    expect(lostAck?.faults).toEqual([{ fault: 'lose-ack', on: { value: orderIdsFor(8, 4)[1] } }]);
  });
});
