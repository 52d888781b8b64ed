/**
 * Hidden checks of orders-consumer: for each guarantee, the consumer runs with no fault, with a crash
 * just before it commits past the second order, and with a crash just after it committed past it. The
 * billing service's record of charges is graded: commit-then-process loses an order to the crash after
 * the commit (at-most-once); process-then-commit bills an order twice after the crash before the commit
 * (at-least-once); only an idempotent charge (or an offset stored with the charge) bills exactly once.
 */
import type { Verdict } from '../../src/grading/checks-types.ts';
import { defineChecks } from '../../src/grading/define-checks.ts';
import { chargesOf } from '../../src/grading/consumer-history.ts';
import { scenarioRuns, type FaultScenario } from '../../src/grading/fault-scenarios.ts';
import { judgeDelivery } from '../../src/grading/judge-delivery.ts';
import { countOrders } from '../../src/grading/order-counts.ts';
import type { RunObservation } from '../../src/shared/sandbox-protocol.ts';

const SCENARIOS: FaultScenario[] = [
  { name: 'no fault', faults: () => [] },
  { name: 'consumer crash before commit', faults: (o) => [{ fault: 'crash-consumer-before-commit', on: { topic: 'orders', value: o[1] } }] },
  { name: 'consumer crash after commit', faults: (o) => [{ fault: 'crash-consumer-after-commit', on: { topic: 'orders', value: o[1] } }] },
  { name: 'crash before commit, then after commit', faults: (o) => [
    { fault: 'crash-consumer-before-commit', on: { topic: 'orders', value: o[0] } },
    { fault: 'crash-consumer-after-commit', on: { topic: 'orders', value: o[2] } },
  ] },
];

function judge(run: RunObservation): Verdict {
  const verdict = judgeDelivery(run, { what: 'billing', consumesFrom: 'orders' });
  return verdict.passed ? verdict : { passed: false, message: `${verdict.message}${billedTwice(run)}` };
}

/**
 * Why the billing service billed a redelivered order again, from its own record of the charges: the
 * charges carried no idempotency key (a set kept in the consumer's memory dies with its process), or
 * keys that differ between the deliveries.
 */
function billedTwice(run: RunObservation): string {
  if (run.guarantee === 'at-least-once' || run.processed_orders === null) return '';
  const duplicate = countOrders(run.orders, run.processed_orders).duplicated[0];
  if (duplicate === undefined) return '';
  const charges = chargesOf(duplicate.order, run.trace).filter((charge) => !charge.ignored);
  if (charges.length < 2) return '';
  if (charges.every((charge) => charge.key === null && !charge.stored)) {
    return ' — both charges reached the billing service without an idempotency key, so it could not tell the redelivery from a new order (whatever the consumer remembered in memory died with its process): pass { idempotencyKey: orderId }, or store the offset with the charge';
  }
  const keys = [...new Set(charges.map((charge) => charge.key ?? '(none)'))];
  if (keys.length > 1) return ` — the charges carried different idempotency keys (${keys.join(', ')}): use a key that is the same on every delivery of the order, such as its id`;
  return '';
}

export const checks = defineChecks({
  driver: 'consumer',
  // A correct consumer makes two calls out per order (a charge and a commit): crash at every one of them.
  runs: () => scenarioRuns(SCENARIOS, { seedBase: 3000, crashPoints: { calls: 8 } }),
  judge,
});
