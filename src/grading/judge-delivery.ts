/**
 * Judges one cluster run against the guarantee it asked for:
 * - at-most-once: no order twice; everything arrives when no fault fired; each missing order was hit by a fault;
 * - at-least-once: every order at least once;
 * - exactly-once: every order exactly once.
 * A stronger guarantee satisfies a weaker one by construction. Values that were never sent fail every
 * guarantee (they can only be made up).
 */
import type { RunObservation } from '../runner/sandbox-protocol.ts';
import type { Verdict } from './checks-types.ts';
import { faultsInWords, faultThatHit } from './diagnose.ts';
import { countOrders, listOrders } from './order-counts.ts';
import { firstAbortAt, orderHistory } from './order-history.ts';

/**
 * Judges `output` (the run's processed_orders, or its side effects) for `run.guarantee`. `what` names
 * the output in messages; `topic`, when the learner's code produces the output, lets the diagnosis
 * count the produce requests it made for an order.
 */
export function judgeDelivery(run: RunObservation, output: readonly string[] | null = run.processed_orders, what = 'the orders topic', topic?: string): Verdict {
  const guarantee = run.guarantee ?? 'at-least-once';
  const errorNote = run.error === undefined ? '' : ` (the code stopped with ${run.error.name}: ${run.error.message})`;
  if (output === null) return { passed: false, message: `${guarantee}: nothing could be read back from ${what}${errorNote}` };
  const counts = countOrders(run.orders, output);
  // With a trace (cluster runs) the diagnosis knows whether and how each order was sent; without one
  // (a plain script run) it can only go by the faults that fired.
  const traced = run.trace.length > 0;
  const sentAt = (order: string): number | null | undefined => (traced ? (orderHistory(order, run.trace).firstSentAt ?? null) : undefined);
  if (counts.unexpected.length > 0) {
    return { passed: false, message: `${guarantee}: ${listOrders(counts.unexpected)} reached ${what} but ${counts.unexpected.length === 1 ? 'was' : 'were'} never among this run's orders${errorNote}` };
  }
  const duplicate = counts.duplicated[0];
  if (duplicate !== undefined && guarantee !== 'at-least-once') {
    return { passed: false, message: `${guarantee}: ${duplicate.order} duplicated (${duplicate.count} copies) ${duplicateCause(run, duplicate.order, traced, topic)}${errorNote}` };
  }
  if (guarantee === 'at-most-once') {
    // Each missing order needs a fault of its own to explain it, not just the first.
    const unexplained = counts.missing.find((order) => faultThatHit(order, run.faultsHit, sentAt(order)) === undefined);
    if (unexplained !== undefined) {
      return { passed: false, message: `at-most-once: ${unexplained} never reached ${what} though no fault hit it (${lossContext(run, unexplained, traced)})${errorNote}` };
    }
  } else {
    const lost = counts.missing[0];
    if (lost !== undefined) {
      const cause = faultThatHit(lost, run.faultsHit, sentAt(lost));
      return { passed: false, message: `${guarantee}: ${lost} lost ${cause === undefined ? `(${lossContext(run, lost, traced)})` : `when ${cause}`}${errorNote}` };
    }
  }
  const firstLost = counts.missing[0];
  const summary =
    guarantee === 'at-most-once'
      ? `no order twice${firstLost === undefined ? '' : `; ${listOrders(counts.missing)} lost when ${faultThatHit(firstLost, run.faultsHit, sentAt(firstLost)) ?? 'a fault hit'}, which at-most-once allows`}`
      : guarantee === 'at-least-once'
        ? `every order arrived${counts.duplicated.length === 0 ? '' : `; ${listOrders(counts.duplicated.map((d) => d.order))} twice, which at-least-once allows`}`
        : 'every order exactly once';
  return { passed: true, message: `${guarantee}: ${summary}${errorNote}` };
}

/** Why an order arrived twice: the application produced it twice, or a retry after a fault wrote it again. */
function duplicateCause(run: RunObservation, order: string, traced: boolean, topic: string | undefined): string {
  const sent = traced ? orderHistory(order, run.trace) : undefined;
  const cause = faultThatHit(order, run.faultsHit, sent === undefined ? undefined : (sent.firstSentAt ?? null));
  const produced = traced && topic !== undefined ? orderHistory(order, run.trace, topic) : undefined;
  if (produced !== undefined && produced.requests > 1) {
    const requests = `the application produced it in ${produced.requests} separate requests`;
    // Only a fault on this very order explains a second request for it (a restart that reprocessed it).
    const named = faultThatHit(order, run.faultsHit, null);
    return named === undefined
      ? `because ${requests} — idempotence only removes the producer's own retries`
      : `because ${requests}, again after ${named} — idempotence only removes retries within one producer session`;
  }
  if (cause === undefined) return 'though no fault hit it — is it sent twice?';
  return produced?.retried === true ? `after the producer retried it when ${cause}` : `after ${cause}`;
}

/** What the trace says about an order that no fault explains. */
function lossContext(run: RunObservation, order: string, traced: boolean): string {
  if (!traced) return faultsInWords(run.faultsHit);
  const history = orderHistory(order, run.trace);
  if (history.firstSentAt === undefined) return 'it was never sent to the topic';
  const abortedAt = firstAbortAt(run.trace);
  if (abortedAt !== undefined) return `it was sent at t=${history.firstSentAt} ms, but its transaction was aborted at t=${abortedAt} ms and read_committed readers never see aborted records`;
  return `it was sent to the topic at t=${history.firstSentAt} ms; ${faultsInWords(run.faultsHit)}`;
}
