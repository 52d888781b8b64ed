/**
 * Test helpers: create a cluster with an `orders` topic and drive learner-style async code to its end.
 */
import { createCluster, runUntil, type ClusterOptions, type SimCluster } from '../../../src/broker/index.ts';

export const yieldToHost = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A cluster with topic `orders` (1 partition, RF 3, min.insync.replicas 2 unless given). */
export function clusterWithOrders(options: Partial<ClusterOptions> & { partitions?: number; minIsr?: number; rf?: number } = {}): SimCluster {
  const { partitions = 1, minIsr = 2, rf = 3, ...rest } = options;
  const cluster = createCluster({ seed: 1, ...rest });
  cluster.createTopic({ topic: 'orders', numPartitions: partitions, replicationFactor: rf, minInsyncReplicas: minIsr });
  return cluster;
}

/** Run `program` against the cluster until it settles, then let the cluster run `settleMs` more. */
export async function drive<T>(cluster: SimCluster, program: () => Promise<T>, limits: { maxVirtualMs?: number } = {}): Promise<{ result?: T; error?: unknown; status: string }> {
  let finished = false;
  const out: { result?: T; error?: unknown; status: string } = { status: '' };
  program().then(
    (r) => {
      out.result = r;
      finished = true;
    },
    (e: unknown) => {
      out.error = e;
      finished = true;
    },
  );
  out.status = await runUntil(cluster, () => finished, yieldToHost, { maxVirtualMs: limits.maxVirtualMs ?? 300_000 });
  return out;
}

/** Advance the cluster by `ms` virtual milliseconds (replication, restarts, timers). */
export async function settle(cluster: SimCluster, ms = 1000): Promise<void> {
  await runUntil(cluster, () => false, yieldToHost, { maxVirtualMs: ms });
}

/** Values of a topic as a fresh read_committed consumer sees them. */
export function values(cluster: SimCluster, isolation: 'read_committed' | 'read_uncommitted' = 'read_committed'): (string | null)[] {
  return cluster.readTopic('orders', { isolation }).map((r) => r.value);
}
