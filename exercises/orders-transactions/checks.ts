/**
 * Hidden checks of orders-transactions: consume–transform–produce, graded on what a read_committed
 * reader of `processed_orders` sees — every order exactly once — with no fault, after the consumer
 * crashes before its offset is committed, after the producer process dies, after a lost ack inside the
 * transaction, when a zombie instance sharing the transactional.id is fenced, and when the running
 * instance freezes past its session timeout and wakes up as a zombie after a replacement took over.
 */
import type { ExerciseChecks, Verdict } from '../../src/grading/checks-types.ts';
import { scenarioRuns, type FaultScenario } from '../../src/grading/fault-scenarios.ts';
import { offsetsCommittedInTransaction } from '../../src/grading/consumer-history.ts';
import { judgeDelivery } from '../../src/grading/judge-delivery.ts';
import type { RunObservation } from '../../src/runner/sandbox-protocol.ts';

const SCENARIOS: FaultScenario[] = [
  { name: 'no fault', faults: () => [] },
  { name: 'consumer crash before commit', faults: (o) => [{ fault: 'crash-consumer-before-commit', on: { topic: 'orders', value: o[1] } }] },
  { name: 'producer restart', faults: (o) => [{ fault: 'restart-producer', on: { topic: 'processed_orders', value: o[1] } }] },
  { name: 'lost ack', faults: (o) => [{ fault: 'lose-ack', on: { topic: 'processed_orders', value: o[1] } }] },
  { name: 'zombie producer', faults: (o) => [{ fault: 'zombie-producer', on: { topic: 'processed_orders', value: o[1] } }] },
  // The real zombie: the instance freezes mid-transaction past its session timeout, a replacement
  // takes its partition and reprocesses the order, then the frozen one wakes and tries to commit.
  // Only a transactional.id shared by every instance fences it.
  { name: 'paused instance', faults: (o) => [{ fault: 'pause-instance', on: { topic: 'processed_orders', value: o[1] }, forMs: 40_000 }] },
];

function judge(run: RunObservation): Verdict {
  const verdict = judgeDelivery(run, run.processed_orders, 'processed_orders (read_committed)', 'processed_orders', 'orders');
  return verdict.passed ? verdict : { passed: false, message: `${verdict.message}${advice(run, verdict.message)}` };
}

/** What to change, in the terms of this exercise, for the failures the diagnosis alone does not spell out. */
function advice(run: RunObservation, message: string): string {
  // A restarted instance re-reads from the group's committed offset: without sendOffsets it re-sends what an earlier transaction already committed.
  if (message.includes('duplicated') && !offsetsCommittedInTransaction(run.trace)) {
    return ' — no consumed offset was committed inside a transaction: add it with transaction.sendOffsets({ consumerGroupId, topics }) before commit(), so the output and the progress commit together';
  }
  if (message.includes('duplicated') && run.faultsHit.some((hit) => (hit as { fault?: unknown }).fault === 'pause-instance')) {
    return ' — the frozen instance woke up as a zombie and committed its transaction after the replacement had processed the same order: nothing fenced it. Give every instance the same transactional.id, so the replacement\'s initTransactions bumps the epoch and the zombie\'s commit fails with INVALID_PRODUCER_EPOCH (fenced)';
  }
  if (message.includes('fenced the first')) {
    return ' — a fenced producer (KafkaJS reports INVALID_PRODUCER_EPOCH; newer clients PRODUCER_FENCED) means another instance took over: stop this one so its partition moves to the new instance — inside eachMessage call `void consumer.disconnect()` without awaiting it, then return (awaiting it there deadlocks, as in KafkaJS 2.2.4)';
  }
  return '';
}

export const checks: ExerciseChecks = {
  driver: 'transactions',
  runs: () => scenarioRuns(SCENARIOS, { seedBase: 5000, guarantees: ['exactly-once'] }),
  judge,
};
