/**
 * What the cluster drivers share: a fresh simulated cluster per run, bound to the realm's clock, with
 * the prototypes of its objects frozen so learner code cannot patch the methods the harness reads
 * results through. Learner code never receives the cluster's own `kafkajs` module: each process of
 * the program gets one of its own, frozen whole (program-process.ts).
 */
import { createCluster, type SimCluster } from '../../broker/index.ts';
import { deepFreezePrototypes } from '../freeze-prototypes.ts';
import type { DriverContext } from './driver.ts';
import type { SandboxRun } from '../../shared/sandbox-protocol.ts';

/** The brokers a learner's `new Kafka({ brokers })` is given. */
export const BROKER_ADDRESSES = ['broker-0:9092', 'broker-1:9092', 'broker-2:9092'];

/** Creates the run's cluster with an `orders` topic (RF 3, min.insync.replicas 2) and points the realm's clock at it. */
export function setUpCluster(context: DriverContext, run: SandboxRun, topics: readonly string[] = ['orders']): SimCluster {
  const cluster = createCluster({ seed: run.seed, faults: run.faults as never });
  context.realm.useTime(cluster);
  for (const topic of topics) cluster.createTopic({ topic, numPartitions: 1, replicationFactor: 3, minInsyncReplicas: 2 });
  deepFreezePrototypes(cluster);
  return cluster;
}
