/**
 * The side effect outside Kafka that the consumer exercise processes orders into: a billing service.
 * Each `charge` bills the customer. Two ways to make that exactly-once, both real practice:
 * - an idempotency key: a charge that repeats an earlier key is ignored, as payment APIs do;
 * - storing the consumed offset with the charge, in the same billing-database transaction, and
 *   skipping what is below the stored offset after a restart.
 * The record of charges lives in this closure, out of the learner's reach. The service is a database
 * outside the learner's processes: it survives their crashes. Each process talks to it through its own
 * client (`forProcess`), whose calls count as the process's calls out: a planned crash can strike just
 * before a charge takes effect, or after it took effect and before the process heard back.
 */
import type { SimCluster } from '../../broker/index.ts';

/** Where a consumer is: the next offset to read of one partition. */
export interface StoredOffset {
  topic: string;
  partition: number;
  offset: string;
}

/** What the learner's code receives as `billing`. */
export interface BillingApi {
  charge(orderId: string, options?: { idempotencyKey?: string; storeOffset?: StoredOffset }): Promise<void>;
  storedOffset(topic: string, partition: number): Promise<string | null>;
}

export interface BillingService {
  /** The client a process of the learner's program is handed: frozen, its calls are the process's calls out. */
  forProcess(process: number): BillingApi;
  /** Orders the customer was billed for, in order (repeated keys left out). */
  charges(): string[];
  /** Every call to `charge`, in order, including the ones an idempotency key turned away. */
  calls(): string[];
}

/** How long a billing call takes on the virtual clock (a call to an outside service). */
const CALL_MS = 2;

function field(options: unknown, name: string): unknown {
  return typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[name] : undefined;
}

/** A billing service whose calls resolve on the cluster's virtual clock. */
export function createBilling(cluster: SimCluster): BillingService {
  const charges: string[] = [];
  const calls: string[] = [];
  const keys = new Set<string>();
  const offsets = new Map<string, string>();
  const callService = cluster.callService.bind(cluster);
  /** The charge itself, in the database: applied when the call takes effect. */
  const applyCharge = (process: number, order: string, key: unknown, store: unknown): void => {
    calls.push(order);
    const idempotencyKey = key === undefined || key === null ? null : String(key);
    const ignored = idempotencyKey !== null && keys.has(idempotencyKey);
    const offsetStored = store !== undefined && store !== null;
    cluster.record({ kind: 'charge', clientId: cluster.processName(process), value: order, idempotencyKey, ignored, offsetStored, detail: offsetStored ? 'charged, with the consumed offset stored' : 'charged' });
    if (ignored) return;
    if (idempotencyKey !== null) keys.add(idempotencyKey);
    charges.push(order);
    if (store !== undefined && store !== null) offsets.set(`${String(field(store, 'topic'))}:${Number(field(store, 'partition'))}`, String(field(store, 'offset')));
  };
  const forProcess = (process: number): BillingApi =>
    Object.freeze({
      charge(orderId: unknown, options?: unknown): Promise<void> {
        const order = String(orderId);
        // Read once: a getter on the learner's options object must not answer differently later.
        const key = field(options, 'idempotencyKey');
        const store = field(options, 'storeOffset');
        return callService(process, { label: `charge ${order}`, values: [order] }, CALL_MS, () => applyCharge(process, order, key, store));
      },
      storedOffset(topic: unknown, partition: unknown): Promise<string | null> {
        const where = `${String(topic)}:${Number(partition)}`;
        // A read changes nothing outside the process: not a crash point.
        return new Promise((resolve) => cluster.setProcessTimer(process, CALL_MS, () => resolve(offsets.get(where) ?? null)));
      },
    });
  return { forProcess, charges: () => [...charges], calls: () => [...calls] };
}
