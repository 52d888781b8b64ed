/**
 * Hidden checks of orders-consumer: for each guarantee, the consumer runs with no fault, with a crash
 * just before it commits past the second order, and with a crash just after it committed past it. The
 * billing service's record of charges is graded: commit-then-process loses an order to the crash after
 * the commit (at-most-once); process-then-commit bills an order twice after the crash before the commit
 * (at-least-once); only an idempotent charge (or an offset stored with the charge) bills exactly once.
 */
import type { ExerciseChecks } from '../../src/grading/checks-types.ts';
import { judgeDelivery } from '../../src/grading/judge-delivery.ts';
import { orderIdsFor } from '../../src/grading/order-ids.ts';
import type { SandboxRun } from '../../src/runner/sandbox-protocol.ts';
import { GUARANTEES } from '../../src/schemas/guarantees.ts';

interface Scenario {
  name: string;
  faults(orders: readonly string[]): unknown[];
}

const SCENARIOS: Scenario[] = [
  { name: 'no fault', faults: () => [] },
  { name: 'consumer crash before commit', faults: (o) => [{ fault: 'crash-consumer-before-commit', on: { topic: 'orders', value: o[1] } }] },
  { name: 'consumer crash after commit', faults: (o) => [{ fault: 'crash-consumer-after-commit', on: { topic: 'orders', value: o[1] } }] },
  { name: 'crash before commit, then after commit', faults: (o) => [
    { fault: 'crash-consumer-before-commit', on: { topic: 'orders', value: o[0] } },
    { fault: 'crash-consumer-after-commit', on: { topic: 'orders', value: o[2] } },
  ] },
];

function runs(): SandboxRun[] {
  return GUARANTEES.flatMap((guarantee, g) =>
    SCENARIOS.map((scenario, s) => {
      const seed = 3000 + 100 * g + s;
      const orders = orderIdsFor(seed, 3);
      return { scenario: scenario.name, seed, guarantee, orders, faults: scenario.faults(orders) };
    }),
  );
}

export const checks: ExerciseChecks = {
  driver: 'consumer',
  runs,
  judge: (run) => judgeDelivery(run, run.processed_orders, 'billing', undefined, 'orders'),
};
