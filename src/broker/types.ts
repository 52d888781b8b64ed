/**
 * The cluster's public data shapes: options, trace events, records read back, fault hits.
 * Everything here is plain JSON so it can cross postMessage and appear in MDX props.
 */
import type { FaultKind, FaultPlan } from './faults.ts';
import type { KafkaJsModule } from './kafkajs/module.ts';
import type { ProcessCall } from './fault-runtime.ts';
import type { TraceEvent, UntimedTraceEvent } from './trace.ts';

/** Options of {@link createCluster}. */
export interface ClusterOptions {
  /** Seeds the cluster's random source: same seed + same client calls ⇒ identical trace. */
  seed: number;
  /** Number of brokers, ids 0..n-1. @default 3 */
  brokers?: number;
  /** Faults to inject, see {@link FaultPlan}. @default [] */
  faults?: FaultPlan;
  /**
   * Let an out-of-sync replica become leader when no ISR member is alive (data loss).
   * @default false (Kafka's default since 0.11)
   */
  uncleanLeaderElection?: boolean;
}

export type { TraceEvent, TraceKind, UntimedTraceEvent } from './trace.ts';

/** A record as a fresh consumer reading from the beginning would see it. */
export interface ReadRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
}

/** A planned fault that fired. */
export interface FaultHit {
  /** Index of the fault in the plan. */
  index: number;
  /** The fault's kind, e.g. 'lose-ack'. */
  fault: FaultKind;
  /** Virtual time it fired. */
  t: number;
  broker?: number;
  topic?: string;
  partition?: number;
  /** Values of the records it hit (e.g. the order ids in a lost request). */
  values: readonly (string | null)[];
  requestId?: number;
  clientId?: string;
  /** One sentence for a learner: what the fault did. */
  detail: string;
}

/** A process died on a planned fault; the host may restart the learner's program. */
export interface ClientCrash {
  /** The process's name (the trace's crash event carries it as clientId). */
  process: string;
  /** The group of a consumer that died with it, if any. */
  groupId?: string;
  t: number;
}

/** Which records a reader sees. */
export type IsolationLevel = 'read_committed' | 'read_uncommitted';

/** The simulated cluster: clock, randomness, topics, faults, trace, and a KafkaJS module bound to it. */
export interface SimCluster {
  /** Virtual milliseconds since creation. */
  now(): number;
  /** Fire the next scheduled event, advancing the clock; false when nothing is scheduled. */
  step(): boolean;
  /**
   * How many times the cluster has called code outside it (a client's callback, a timer, a listener).
   * A step that leaves this unchanged ran cluster code only, and queued no promise continuation.
   */
  outsideCalls(): number;
  /** Virtual time of the next scheduled event. */
  nextEventAt(): number | undefined;
  /** A virtual timer; the sandbox maps learner setTimeout/setInterval onto these. */
  setTimer(delayMs: number, fn: () => void): number;
  clearTimer(id: number): void;
  /** The seeded random source, in [0, 1). */
  random(): number;
  /** Every event so far. */
  readonly trace: readonly TraceEvent[];
  /** Create a topic at once (harness setup). Defaults: 1 partition, RF = min(3, brokers), min.insync.replicas 2 (capped at RF). */
  createTopic(spec: TopicSpec): void;
  /** What a fresh consumer reading from the beginning would get now: partitions in order, then offsets. */
  readTopic(topic: string, opts: { isolation: IsolationLevel }): ReadRecord[];
  /** Which planned faults fired, when, and what they hit. */
  faultsHit(): FaultHit[];
  /** The KafkaJS-compatible module bound to this cluster. */
  readonly kafkajs: KafkaJsModule;
  /** Told when a planned fault kills a process. */
  onClientCrash(listener: (e: ClientCrash) => void): void;
  /**
   * Starts a process of a program (see processes.ts): what a planned crash kills as a whole. With
   * `crashPoints: false` the plan's call-numbered faults leave it alone (a harness's own client).
   */
  spawnProcess(name: string, options?: { crashPoints?: boolean }): number;
  /** A KafkaJS-compatible module whose every client lives in `process`. */
  kafkajsFor(process: number): KafkaJsModule;
  processAlive(process: number): boolean;
  /** How many calls out `process` has made so far. */
  processCalls(process: number): number;
  /** A timer of `process`: held while the process is frozen, never fired once it died. */
  setProcessTimer(process: number, delayMs: number, fn: () => void): number;
  clearProcessTimer(id: number): void;
  /**
   * A call of `process` to a service outside the cluster (the billing database): counted as a call out
   * and subject to the plan's crash points. `effect` runs when the call takes effect; its value answers
   * `latencyMs` later, unless the process died meanwhile.
   */
  callService<T>(process: number, call: ProcessCall, latencyMs: number, effect: () => T): Promise<T>;
  /** The name of `process` (as trace events show it). */
  processName(process: number): string;
  /** Records an event of a service outside the cluster (the billing service) in the trace. */
  record(event: UntimedTraceEvent): void;
}

/** A topic to create. */
export interface TopicSpec {
  topic: string;
  /** @default 1 */
  numPartitions?: number;
  /** @default min(3, brokers) */
  replicationFactor?: number;
  /** @default min(2, replicationFactor) */
  minInsyncReplicas?: number;
}
