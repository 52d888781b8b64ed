import { createCluster } from '../broker/index.ts';
import type { FaultPlan } from '../broker/faults.ts';
import type { TraceEvent } from '../broker/types.ts';
import { judgeRecords, totalsOf, type DeliveryTotals, type RecordOutcome } from './delivery-totals.ts';
import { produceValues } from './produce-run.ts';
import type { SimulatorSettings } from './simulator-options.ts';
import { describeEvent, eventsForValue } from './trace-text.ts';

/** One record's row in the simulator: its outcome and its events from the cluster's trace. */
export interface SimulatedRecord extends RecordOutcome {
  events: { t: number; text: string }[];
}

/** Everything the simulator shows after a run. */
export interface SimulationResult {
  settings: SimulatorSettings;
  records: SimulatedRecord[];
  totals: DeliveryTotals;
  /** One or two sentences on what happened and why. */
  summary: string;
  /** The cluster's whole trace, for the sequence diagram. */
  trace: readonly TraceEvent[];
}

export const SIMULATED_ORDERS: readonly string[] = ['order1', 'order2', 'order3', 'order4', 'order5'];
const TARGET = 'order3';

/** The simulator's fault, aimed at order3. */
export function simulatorFaultPlan(fault: SimulatorSettings['fault']): FaultPlan {
  return fault === 'none' ? [] : [{ fault, on: { topic: 'orders', value: TARGET } }];
}

/**
 * Sends five orders with the chosen settings to a fresh 3-broker cluster (RF 3, min.insync.replicas 2)
 * under the chosen fault, then reads `orders` back as a fresh consumer would. Deterministic: the same
 * settings always give the same timeline.
 */
export async function simulateDelivery(settings: SimulatorSettings, seed = 5): Promise<SimulationResult> {
  const cluster = createCluster({ seed, faults: simulatorFaultPlan(settings.fault) });
  cluster.createTopic({ topic: 'orders', replicationFactor: 3, minInsyncReplicas: 2 });
  const sends = await produceValues(cluster, { clientId: 'simulator', topic: 'orders', ...settings }, SIMULATED_ORDERS);
  const stored = cluster.readTopic('orders', { isolation: 'read_uncommitted' }).map((record) => record.value);
  const outcomes = judgeRecords(sends, stored);
  const records = outcomes.map((outcome) => {
    const events = eventsForValue(cluster.trace, outcome.value).map((event) => ({ t: event.t, text: describeEvent(event) }));
    return { ...outcome, events };
  });
  const totals = totalsOf(outcomes);
  return { settings, records, totals, summary: summarise(settings, records, totals), trace: cluster.trace };
}

/** Says what the run shows, naming the setting responsible. */
export function summarise(settings: SimulatorSettings, records: readonly RecordOutcome[], totals: DeliveryTotals): string {
  const refused = records.filter((r) => r.fate === 'refused');
  if (refused.length === records.length && refused[0]?.error) return `Every send was refused: ${refused[0].error}`;
  const lost = records.filter((r) => r.fate === 'lost' || r.fate === 'lost after ack').map((r) => `${r.value} (${r.fate})`);
  const duplicated = records.filter((r) => r.fate === 'duplicated').map((r) => `${r.value} ×${r.copies}`);
  const facts: string[] = [];
  if (lost.length > 0) facts.push(`Lost: ${lost.join(', ')}.`);
  if (duplicated.length > 0) facts.push(`Duplicated: ${duplicated.join(', ')}.`);
  if (refused.length > 0) facts.push(`Refused with an error the application can act on: ${refused.map((r) => r.value).join(', ')}.`);
  if (facts.length === 0) facts.push(`All ${totals.sent} orders stored exactly once.`);
  const why =
    lost.length > 0 && settings.acks === 0 ? ' With acks=0 the producer never hears back, so nothing is retried.'
    : lost.length > 0 && settings.acks === 1 ? ' With acks=1 the leader acknowledged before any follower had a copy.'
    : duplicated.length > 0 && !settings.idempotent ? ' The retry after the lost ack stored a second copy; with an idempotent producer the broker would have recognised the retry and dropped it.'
    : '';
  return facts.join(' ') + why;
}
