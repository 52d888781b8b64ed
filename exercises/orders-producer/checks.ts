/**
 * Hidden checks of orders-producer: for each guarantee, the same fault scenarios, chosen so that every
 * wrong producer configuration of the truth table fails the guarantee it does not give (acks=0 loses a
 * lost request; acks=1 loses an acknowledged record on leader failover; retries without idempotence
 * duplicate after a lost ack; a second send duplicates even with idempotence; an aborted transaction
 * delivers nothing). Order ids change with every run's seed.
 */
import { defineChecks } from '../../src/grading/define-checks.ts';
import { judgeDelivery } from '../../src/grading/judge-delivery.ts';
import { orderIdsFor } from '../../src/grading/order-ids.ts';
import type { SandboxRun } from '../../src/shared/sandbox-protocol.ts';
import { GUARANTEES } from '../../src/schemas/guarantees.ts';

/** A fault scenario: its name in reports and its fault plan for the run's orders. */
interface Scenario {
  name: string;
  faults(orders: readonly string[]): unknown[];
}

const SCENARIOS: Scenario[] = [
  { name: 'no fault', faults: () => [] },
  { name: 'lost request', faults: (o) => [{ fault: 'lose-request', on: { topic: 'orders', value: o[1] } }] },
  { name: 'lost ack', faults: (o) => [{ fault: 'lose-ack', on: { topic: 'orders', value: o[1] } }] },
  { name: 'leader crash before replication', faults: (o) => [{ fault: 'crash-leader-before-replication', on: { topic: 'orders', value: o[1] } }] },
  { name: 'broker restart', faults: () => [{ fault: 'restart-broker', broker: 0, at: 4, downForMs: 50 }] },
  { name: 'ISR shrink', faults: (o) => [{ fault: 'shrink-isr', on: { topic: 'orders', value: o[2] }, forMs: 100 }] },
];

function runs(): SandboxRun[] {
  return GUARANTEES.flatMap((guarantee, g) =>
    SCENARIOS.map((scenario, s) => {
      const seed = 1000 + 100 * g + s;
      const orders = orderIdsFor(seed, 3);
      return { scenario: scenario.name, seed, guarantee, orders, faults: scenario.faults(orders) };
    }),
  );
}

export const checks = defineChecks({
  driver: 'producer',
  runs,
  judge: (run) => judgeDelivery(run, { producesTo: 'orders' }),
});
