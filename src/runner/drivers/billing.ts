/**
 * The side effect outside Kafka that the consumer exercises process orders into: a billing service.
 * Each `charge` bills the customer; a charge that repeats an earlier `idempotencyKey` is ignored, as
 * payment APIs with idempotency keys do. That is one way to exactly-once processing with a side effect
 * Kafka cannot roll back. The record of charges lives in this closure, out of the learner's reach.
 */
import type { SimCluster } from '../../broker/index.ts';

/** What the learner's code receives as `billing`. */
export interface BillingApi {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

export interface BillingService {
  /** Frozen, handed to the learner. */
  api: BillingApi;
  /** Orders the customer was billed for, in order (repeated keys left out). */
  charges(): string[];
  /** Every call to `charge`, in order, including the ones an idempotency key turned away. */
  calls(): string[];
}

/** How long a charge takes on the virtual clock (a call to an outside service). */
const CHARGE_MS = 2;

/** A billing service whose calls resolve on the cluster's virtual clock. */
export function createBilling(cluster: SimCluster): BillingService {
  const charges: string[] = [];
  const calls: string[] = [];
  const keys = new Set<string>();
  const setTimer = cluster.setTimer.bind(cluster);
  const api: BillingApi = Object.freeze({
    charge(orderId: unknown, options?: unknown): Promise<void> {
      const order = String(orderId);
      const key = typeof options === 'object' && options !== null ? (options as { idempotencyKey?: unknown }).idempotencyKey : undefined;
      calls.push(order);
      // The charge takes effect when the call is made; the answer comes back a little later.
      if (key === undefined || key === null || !keys.has(String(key))) {
        if (key !== undefined && key !== null) keys.add(String(key));
        charges.push(order);
      }
      return new Promise<void>((resolve) => setTimer(CHARGE_MS, () => resolve()));
    },
  });
  return { api, charges: () => [...charges], calls: () => [...calls] };
}
