/**
 * Judges one cluster run against the guarantee it asked for:
 * - at-most-once: no order twice; everything arrives when no fault fired; each missing order was hit by a fault;
 * - at-least-once: every order at least once;
 * - exactly-once: every order exactly once.
 * A stronger guarantee satisfies a weaker one by construction. Values that were never sent fail every
 * guarantee (they can only be made up).
 */
import type { RunObservation } from '../shared/sandbox-protocol.ts';
import type { Verdict } from './checks-types.ts';
import { anythingDelivered, commitsOwnOffset, firstClientError, leftBeforeDelivery, wasDelivered } from './consumer-history.ts';
import { faultsInWords, faultThatHit } from './diagnose.ts';
import { countOrders, listOrders } from './order-counts.ts';
import { firstAbortAt, orderHistory } from './order-history.ts';

/** How `judgeDelivery` reads a run; every field is optional. */
export interface JudgeDeliveryOptions {
  /** The orders to judge: the run's processed_orders, or its side effects; null when nothing could be read back. @default run.processed_orders */
  output?: readonly string[] | null;
  /** Names the output in messages ("nothing reached billing"). @default 'the orders topic' */
  what?: string;
  /** The topic the learner's code produces the output to: the diagnosis then counts the produce requests it made for an order. */
  producesTo?: string;
  /**
   * The topic the learner's code consumes the orders from (the harness filled it): the diagnosis then
   * tells an order the consumer never received from one it received and dropped.
   */
  consumesFrom?: string;
}

/**
 * Judges a run's output for `run.guarantee`, e.g.
 * `judgeDelivery(run, { what: 'billing', consumesFrom: 'orders' })`.
 */
export function judgeDelivery(run: RunObservation, options: JudgeDeliveryOptions = {}): Verdict {
  const { what = 'the orders topic', producesTo: topic, consumesFrom: consumes } = options;
  const output = options.output === undefined ? run.processed_orders : options.output;
  const verdict = judgeOutput(run, output, what, topic, consumes);
  // When the code stopped before anything of this run arrived, the error is the news, not the first missing order.
  const stoppedEarly = run.error !== undefined && (output === null || !run.orders.some((order) => output.includes(order)));
  if (verdict.passed || !stoppedEarly) return verdict;
  return { passed: false, message: `${run.guarantee ?? 'at-least-once'}: nothing reached ${what}: the code stopped with ${stopped(run)}` };
}

/** "TypeError: not a function (line 3)" */
function stopped(run: RunObservation): string {
  const error = run.error;
  if (error === undefined) return '';
  const where = error.line === undefined ? '' : ` (line ${error.line})`;
  return `${error.name === '' || error.message.startsWith(error.name) ? '' : `${error.name}: `}${error.message}${where}`;
}

function judgeOutput(run: RunObservation, output: readonly string[] | null, what: string, topic: string | undefined, consumes: string | undefined): Verdict {
  const guarantee = run.guarantee ?? 'at-least-once';
  const errorNote = run.error === undefined ? '' : ` (the code stopped with ${stopped(run)})`;
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
      return { passed: false, message: `at-most-once: ${unexplained} never reached ${what} though no fault hit it (${lossContext(run, unexplained, traced, topic, consumes)})${errorNote}` };
    }
  } else {
    const lost = counts.missing[0];
    if (lost !== undefined) {
      const cause = faultThatHit(lost, run.faultsHit, sentAt(lost));
      return { passed: false, message: `${guarantee}: ${lost} lost ${cause === undefined ? `(${lossContext(run, lost, traced, topic, consumes)})` : `when ${cause}`}${errorNote}` };
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
  const ownOffset = traced && commitsOwnOffset(run.trace) ? OWN_OFFSET : '';
  if (produced !== undefined && produced.requests > 1) {
    const requests = `the application produced it in ${produced.requests} separate requests`;
    // Only a fault on this very order explains a second request for it (a restart that reprocessed it).
    const named = faultThatHit(order, run.faultsHit, null);
    if (ownOffset !== '') return `because ${requests}${named === undefined ? '' : `, again after ${named}`}${ownOffset}`;
    return named === undefined
      ? `because ${requests} — idempotence only removes the producer's own retries`
      : `because ${requests}, again after ${named} — idempotence only removes retries within one producer session`;
  }
  if (cause === undefined) return ownOffset === '' ? 'though no fault hit it — is it sent twice?' : `though no fault hit it${ownOffset}`;
  return produced?.retried === true ? `after the producer retried it when ${cause}` : `after ${cause}${ownOffset}`;
}

const OWN_OFFSET =
  ' — the offsets committed were those of the messages just processed, but a committed offset is the next one to read: commit Number(message.offset) + 1, or the restarted consumer reads the last message again';

/** What the trace says about an order that no fault explains. */
function lossContext(run: RunObservation, order: string, traced: boolean, topic: string | undefined, consumes: string | undefined): string {
  if (!traced) return faultsInWords(run.faultsHit);
  // The order was in the input topic (the harness wrote it there): what did the learner's consumer do with it?
  if (consumes !== undefined) {
    const error = firstClientError(run.trace);
    const threw = error === undefined ? '' : `; ${error}`;
    if (!wasDelivered(order, run.trace)) {
      if (anythingDelivered(run.trace)) return `your consumer never received it${threw}`;
      const left = leftBeforeDelivery(run.trace);
      if (left !== undefined) {
        return `your consumer joined its group, then ${left.how === 'stopped' ? 'was stopped' : 'disconnected'} at t=${left.t} ms before any order reached it — consumer.run() resolves as soon as the consumer starts, so code after it (a finally that disconnects) runs at once: leave the consumer running${threw}`;
      }
      return `your consumer never received any order — subscribe to '${consumes}' with fromBeginning: true and run it${threw}`;
    }
    if (topic === undefined || orderHistory(order, run.trace, topic).firstSentAt === undefined) {
      return `your consumer received it but ${topic === undefined ? 'never processed it' : `never sent it to ${topic}`}${threw}`;
    }
  }
  const history = orderHistory(order, run.trace, topic);
  if (history.firstSentAt === undefined) return 'it was never sent to the topic';
  const abortedAt = firstAbortAt(run.trace);
  if (abortedAt !== undefined) return `it was sent at t=${history.firstSentAt} ms, but its transaction was aborted at t=${abortedAt} ms and read_committed readers never see aborted records`;
  return `it was sent to the topic at t=${history.firstSentAt} ms; ${faultsInWords(run.faultsHit)}`;
}
