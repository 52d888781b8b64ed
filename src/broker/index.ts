/**
 * The simulated Kafka cluster: pure TypeScript, deterministic (virtual clock, seeded randomness), with
 * a KafkaJS-compatible module bound to each cluster (`cluster.kafkajs`).
 *
 *   const cluster = createCluster({ seed: 1, faults: [{ fault: 'lose-ack', on: { value: 'order2' } }] });
 *   cluster.createTopic({ topic: 'orders', numPartitions: 1 });
 *   const { Kafka } = cluster.kafkajs;
 *   … learner code …
 *   await runUntil(cluster, () => finished, () => new Promise((r) => setImmediate(r)));
 *   cluster.readTopic('orders', { isolation: 'read_committed' });
 */
export { createCluster } from './cluster.ts';
export { runUntil, type RunLimits } from './run-until.ts';
export type {
  ClusterOptions,
  SimCluster,
  ReadRecord,
  FaultHit,
  ClientCrash,
  IsolationLevel,
  TopicSpec,
} from './types.ts';
export {
  readTrace,
  isTraceEvent,
  valuesOf,
  requestOf,
  TRACE_KINDS,
  type TraceEvent,
  type TraceKind,
  type TraceEventOf,
  type UntimedTraceEvent,
  type LeaveReason,
} from './trace.ts';
export type { Fault, FaultKind, FaultOf, FaultPlan, RecordMatch } from './faults.ts';
export {
  validateFaultPlan,
  FAULTS,
  FAULT_KINDS,
  faultKindsMarkdown,
  type FaultPlanValidation,
  type FaultSpec,
  type FaultTrigger,
} from './fault-registry.ts';
export type { KafkaJsModule } from './kafkajs/module.ts';
export type { ProcessCall } from './fault-runtime.ts';
export { ERRORS, type ErrorType } from './error-codes.ts';
