/**
 * Hidden checks of orders-transactions: consume–transform–produce, graded on what a read_committed
 * reader of `processed_orders` sees — every order exactly once — with no fault, after the consumer
 * crashes before its offset is committed, after the producer process dies, after a lost ack inside the
 * transaction, when a zombie instance sharing the transactional.id is fenced, and when the running
 * instance freezes past its session timeout and wakes up as a zombie after a replacement took over.
 */
import type { Verdict } from '../../src/grading/checks-types.ts';
import { defineChecks } from '../../src/grading/define-checks.ts';
import { scenarioRuns, type FaultScenario } from '../../src/grading/fault-scenarios.ts';
import {
  committedOutsideTransaction,
  consumerGroups,
  offsetsCommittedInTransaction,
  stoppedAfterFence,
  transactionalIds,
  transactionOffsetGroups,
} from '../../src/grading/consumer-history.ts';
import { judgeDelivery } from '../../src/grading/judge-delivery.ts';
import { firstAbortAt } from '../../src/grading/order-history.ts';
import type { RunObservation } from '../../src/shared/sandbox-protocol.ts';

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
  const verdict = judgeDelivery(run, { what: 'processed_orders (read_committed)', producesTo: 'processed_orders', consumesFrom: 'orders' });
  return verdict.passed ? verdict : { passed: false, message: `${verdict.message}${advice(run, verdict.message)}` };
}

/**
 * What to change, in the terms of this exercise, for the failures the diagnosis alone does not spell
 * out. Each piece of advice is given only when the trace shows its cause in this program's run, most
 * basic cause first, so a program that already does one thing right is not told to do it.
 */
function advice(run: RunObservation, message: string): string {
  const duplicated = message.includes('duplicated');
  const lost = message.includes(' lost ');
  if (!duplicated && !lost) return '';
  const consumed = consumerGroups(run.trace);
  const wrongGroup = transactionOffsetGroups(run.trace).find((group) => consumed.length > 0 && !consumed.includes(group));
  if (wrongGroup !== undefined) {
    return ` — the transaction committed offsets for group '${wrongGroup}', but the consumer reads as group '${consumed.join("', '")}': a restarted instance resumes from its own group's offsets, so sendOffsets must name consumerGroupId '${consumed[0] ?? ''}'`;
  }
  const outside = committedOutsideTransaction(run.trace);
  // A restarted instance re-reads from the group's committed offset: without sendOffsets it re-sends what an earlier transaction already committed.
  if (duplicated && !offsetsCommittedInTransaction(run.trace)) {
    return ` — no consumed offset was committed inside a transaction: add it with transaction.sendOffsets({ consumerGroupId, topics }) before commit(), so the output and the progress commit together${outside ? ', and set autoCommit: false (the consumer\'s own commits record progress apart from the output)' : ''}`;
  }
  if (outside) {
    return ' — the consumer committed offsets itself (commitOffsets, or autoCommit left on), outside the transaction: its progress then commits apart from the output. Set autoCommit: false and commit offsets only with transaction.sendOffsets';
  }
  const ids = transactionalIds(run.trace);
  if (duplicated && ids.length > 1 && run.faultsHit.some((hit) => (hit as { fault?: unknown }).fault === 'pause-instance')) {
    return ` — the frozen instance woke up as a zombie and committed its transaction after the replacement had processed the same order: nothing fenced it, because the instances used different transactional.ids (${ids.join(', ')}). Give every instance the same transactional.id, so the replacement's initTransactions bumps the epoch and the zombie's commit fails with INVALID_PRODUCER_EPOCH (fenced)`;
  }
  if (lost && run.faultsHit.some((hit) => (hit as { fault?: unknown }).fault === 'fail-call') && firstAbortAt(run.trace) !== undefined) {
    return ' — after the call failed the transaction was aborted, which throws its output away, but the consumer had moved past the order and nothing processed it again: after abort(), rethrow the error from eachMessage, so KafkaJS delivers the message again';
  }
  if (message.includes('fenced the first') && !stoppedAfterFence(run.trace)) {
    return ' — a fenced producer (KafkaJS reports INVALID_PRODUCER_EPOCH; newer clients PRODUCER_FENCED) means another instance took over: stop this one so its partition moves to the new instance — inside eachMessage call `void consumer.disconnect()` without awaiting it, then return (awaiting it there deadlocks, as in KafkaJS 2.2.4)';
  }
  return '';
}

export const checks = defineChecks({
  driver: 'transactions',
  // A correct processor makes three calls out per order (send, sendOffsets, commit): crash or fail at every one.
  runs: () => scenarioRuns(SCENARIOS, { seedBase: 5000, guarantees: ['exactly-once'], crashPoints: { calls: 10 } }),
  judge,
});
