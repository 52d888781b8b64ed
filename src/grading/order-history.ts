/**
 * What the cluster's trace says happened to one order: how many produce requests the application
 * made for it, whether the producer retried it, and whether a transaction was aborted. The judge uses
 * it to tell an application's resend from a retry after a fault, and a loss caused by a fault from an
 * order that was never sent. The trace comes out of the sandbox, so it is read through `readTrace`.
 */

import { readTrace, valuesOf, type TraceEvent } from '../broker/index.ts';

/** One order's history in a run. */
export interface OrderHistory {
  /** Distinct produce requests the application made for it (a retry is not a new request). */
  requests: number;
  /** Virtual time of its first produce request; undefined when it was never sent. */
  firstSentAt: number | undefined;
  /** Whether the producer retried a request carrying it. */
  retried: boolean;
}

function carries(event: TraceEvent, order: string): boolean {
  return valuesOf(event).includes(order);
}

/** The history of `order` in `trace`, in `topic` when given (the topic the learner's code writes). */
export function orderHistory(order: string, trace: readonly unknown[], topic?: string): OrderHistory {
  const requests = new Set<number>();
  let firstSentAt: number | undefined;
  let retried = false;
  for (const event of readTrace(trace)) {
    if (event.kind !== 'send' && event.kind !== 'retry') continue;
    if (!carries(event, order) || (topic !== undefined && event.topic !== topic)) continue;
    if (event.kind === 'send') {
      requests.add(event.requestId);
      firstSentAt ??= event.t;
    } else retried = true;
  }
  return { requests: requests.size, firstSentAt, retried };
}

/** The virtual time of the first aborted transaction in `trace`, if any. */
export function firstAbortAt(trace: readonly unknown[]): number | undefined {
  return readTrace(trace).find((event) => event.kind === 'abort')?.t;
}
