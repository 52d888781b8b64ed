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

/** Judges `output` (the run's processed_orders, or its side effects) for `run.guarantee`. */
export function judgeDelivery(run: RunObservation, output: readonly string[] | null = run.processed_orders, what = 'the orders topic'): Verdict {
  const guarantee = run.guarantee ?? 'at-least-once';
  const errorNote = run.error === undefined ? '' : ` (the code stopped with ${run.error.name}: ${run.error.message})`;
  if (output === null) return { passed: false, message: `${guarantee}: nothing could be read back from ${what}${errorNote}` };
  const counts = countOrders(run.orders, output);
  const why = (order: string, otherwise: string): string => faultThatHit(order, run.faultsHit) ?? otherwise;
  if (counts.unexpected.length > 0) {
    return { passed: false, message: `${guarantee}: ${listOrders(counts.unexpected)} reached ${what} but ${counts.unexpected.length === 1 ? 'was' : 'were'} never among this run's orders${errorNote}` };
  }
  const duplicate = counts.duplicated[0];
  if (duplicate !== undefined && guarantee !== 'at-least-once') {
    const cause = why(duplicate.order, 'though no fault hit it — is it sent twice?');
    return { passed: false, message: `${guarantee}: ${duplicate.order} duplicated (${duplicate.count} copies) ${cause.startsWith('though') ? cause : `after ${cause}`}${errorNote}` };
  }
  const lost = counts.missing[0];
  if (lost !== undefined) {
    const cause = faultThatHit(lost, run.faultsHit);
    if (guarantee === 'at-most-once') {
      if (cause === undefined) {
        return { passed: false, message: `at-most-once: ${lost} never reached ${what} though no fault hit it (${faultsInWords(run.faultsHit)})${errorNote}` };
      }
    } else {
      return { passed: false, message: `${guarantee}: ${lost} lost ${cause === undefined ? `(${faultsInWords(run.faultsHit)})` : `when ${cause}`}${errorNote}` };
    }
  }
  const summary =
    guarantee === 'at-most-once'
      ? `no order twice${counts.missing.length === 0 ? '' : `; ${listOrders(counts.missing)} lost to the fault, which at-most-once allows`}`
      : guarantee === 'at-least-once'
        ? `every order arrived${counts.duplicated.length === 0 ? '' : `; ${listOrders(counts.duplicated.map((d) => d.order))} twice, which at-least-once allows`}`
        : 'every order exactly once';
  return { passed: true, message: `${guarantee}: ${summary}${errorNote}` };
}
