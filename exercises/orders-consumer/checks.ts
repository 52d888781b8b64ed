/**
 * Hidden checks of orders-consumer: for each guarantee, the consumer runs with no fault, with a crash
 * just before it commits past the second order, and with a crash just after it committed past it. The
 * billing service's record of charges is graded: commit-then-process loses an order to the crash after
 * the commit (at-most-once); process-then-commit bills an order twice after the crash before the commit
 * (at-least-once); only an idempotent charge (or an offset stored with the charge) bills exactly once.
 */
import type { ExerciseChecks } from '../../src/grading/checks-types.ts';
import { scenarioRuns, type FaultScenario } from '../../src/grading/fault-scenarios.ts';
import { judgeDelivery } from '../../src/grading/judge-delivery.ts';

const SCENARIOS: FaultScenario[] = [
  { name: 'no fault', faults: () => [] },
  { name: 'consumer crash before commit', faults: (o) => [{ fault: 'crash-consumer-before-commit', on: { topic: 'orders', value: o[1] } }] },
  { name: 'consumer crash after commit', faults: (o) => [{ fault: 'crash-consumer-after-commit', on: { topic: 'orders', value: o[1] } }] },
  { name: 'crash before commit, then after commit', faults: (o) => [
    { fault: 'crash-consumer-before-commit', on: { topic: 'orders', value: o[0] } },
    { fault: 'crash-consumer-after-commit', on: { topic: 'orders', value: o[2] } },
  ] },
];

export const checks: ExerciseChecks = {
  driver: 'consumer',
  // A correct consumer makes two calls out per order (a charge and a commit): crash at every one of them.
  runs: () => scenarioRuns(SCENARIOS, { seedBase: 3000, crashPoints: { calls: 8 } }),
  judge: (run) => judgeDelivery(run, run.processed_orders, 'billing', undefined, 'orders'),
};
