/**
 * The side effect outside Kafka that the consumer exercise processes orders into: a billing service.
 * Each `charge` bills the customer. Two ways to make that exactly-once, both real practice:
 * - an idempotency key: a charge that repeats an earlier key is ignored, as payment APIs do;
 * - storing the consumed offset with the charge, in the same billing-database transaction, and
 *   skipping what is below the stored offset after a restart.
 * The record of charges lives in this closure, out of the learner's reach.
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
  /** Frozen, handed to the learner. */
  api: BillingApi;
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
  const setTimer = cluster.setTimer.bind(cluster);
  const answer = <T>(value: T): Promise<T> => new Promise<T>((resolve) => setTimer(CALL_MS, () => resolve(value)));
  const api: BillingApi = Object.freeze({
    charge(orderId: unknown, options?: unknown): Promise<void> {
      const order = String(orderId);
      const key = field(options, 'idempotencyKey');
      const store = field(options, 'storeOffset');
      calls.push(order);
      // The charge (and the offset stored with it) takes effect when the call is made; the answer comes later.
      if (key === undefined || key === null || !keys.has(String(key))) {
        if (key !== undefined && key !== null) keys.add(String(key));
        charges.push(order);
        if (store !== undefined && store !== null) offsets.set(`${String(field(store, 'topic'))}:${Number(field(store, 'partition'))}`, String(field(store, 'offset')));
      }
      return answer(undefined);
    },
    storedOffset(topic: unknown, partition: unknown): Promise<string | null> {
      return answer(offsets.get(`${String(topic)}:${Number(partition)}`) ?? null);
    },
  });
  return { api, charges: () => [...charges], calls: () => [...calls] };
}
