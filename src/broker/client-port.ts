/**
 * The narrow port between the KafkaJS facade (kafkajs/*) and the engine: every operation a client
 * needs — clock and trace, its process, metadata, produce, fetch, groups, transactions — and nothing
 * else. The facade holds a `ClusterClientPort`, never the engine, so the engine's state (topics,
 * partitions, coordinators, the fault runtime) can change shape without touching the facade, and a
 * client cannot write cluster state except through a request. Requests are callback-based, as the
 * engine's are; the facade turns them into promises. Each callback is counted as a call out of the
 * cluster when it runs (Engine.outsideCalls), which tells runUntil when learner code may have work.
 */
import type { Engine, FetchResponse, ProduceRequest, ProduceResponse } from './engine.ts';
import type { ErrorType } from './error-codes.ts';
import type { CallStart, CallTicket, ProcessCall } from './fault-runtime.ts';
import type { OffsetCommit, TopicPartitionRef } from './groups.ts';
import type { InitResult, TxnOffset } from './transactions.ts';
import type { LeaveReason, UntimedTraceEvent } from './trace.ts';
import type { IsolationLevel, TopicSpec } from './types.ts';

// The shapes the facade exchanges with the cluster, re-exported so the facade imports the port only.
export type { FetchResponse, ProduceRequest, ProduceResponse } from './engine.ts';
export type { LogRecord } from './log.ts';
export type { TopicPartitionRef } from './groups.ts';
export type { ProcessCall } from './fault-runtime.ts';

/** What a client may know of a partition (a copy: changing it changes nothing). */
export interface PartitionInfo {
  partition: number;
  /** Broker id of the leader, -1 while offline. */
  leader: number;
  replicas: number[];
  isr: number[];
  highWatermark: number;
}

/** The kinds of client the engine registers. */
export type ClientKind = 'consumer' | 'producer' | 'admin';

/** Everything the KafkaJS facade asks of the cluster. */
export interface ClusterClientPort {
  // ---- clock, randomness, trace ----
  now(): number;
  /** The cluster's seeded random source, in [0, 1). */
  random(): number;
  /** Run `fn` after `delayMs` virtual milliseconds; returns an id for {@link cancel}. */
  schedule(delayMs: number, fn: () => void): number;
  cancel(timer: number): void;
  /** Record what a client did (a timeout, an ack, a delivery, a handler error…). */
  trace(event: UntimedTraceEvent): void;

  // ---- processes and clients ----
  spawnProcess(name: string): number;
  /** Register a client of `process`; `onCrash` runs when a planned fault kills the process. */
  registerClient(kind: ClientKind, clientId: string, onCrash: () => void, groupId: string | undefined, process: number): number;
  newRequestId(): number;
  /** Run `fn` now, or when `process` wakes if it is frozen; never once it died. */
  whenAwake(process: number, fn: () => void): void;
  onPause(process: number, listener: (forMs: number) => void): void;
  isPaused(process: number): boolean;
  /** A call out of `process` starts (counted; a planned crash or failure may strike). */
  beginCall(process: number, call: ProcessCall): CallStart;
  /** The call took effect: true ⇒ a planned crash struck before its answer arrived. */
  endCall(ticket: CallTicket): boolean;

  // ---- metadata ----
  topicNames(): string[];
  /** The partitions of `topic`, in order (empty for an unknown topic). */
  partitions(topic: string): PartitionInfo[];
  /** How many partitions `topic` has (0 for an unknown topic): cheaper than `partitions` on every send. */
  partitionCount(topic: string): number;
  /** The partition's leader, -1 while offline or unknown. */
  leaderOf(topic: string, partition: number): number;
  createTopic(spec: TopicSpec): ErrorType | null;
  offsetsOf(topic: string, partition: number): { earliest: number; latest: number };

  // ---- produce and fetch ----
  produce(req: ProduceRequest, respond: (r: ProduceResponse) => void): void;
  fetchRecords(client: number, topic: string, partition: number, offset: number, isolation: IsolationLevel, maxRecords: number, respond: (r: FetchResponse) => void): void;
  /** Run `fn` when any partition's readable end moves, or after `maxWaitMs`. */
  waitForData(maxWaitMs: number, fn: () => void): void;
  /** A consumer handed a record to the application (consumer faults arm on it). */
  delivered(client: number, groupId: string, topic: string, partition: number, offset: number, key: string | null, value: string | null): void;

  // ---- consumer groups ----
  joinGroup(groupId: string, client: number, clientId: string, topics: readonly string[]): string;
  leaveGroup(groupId: string, memberId: string, reason: LeaveReason, why?: string): void;
  assignment(groupId: string, memberId: string): { generation: number; partitions: readonly TopicPartitionRef[] };
  generation(groupId: string): number;
  groupLeader(groupId: string): string | null;
  committed(groupId: string, topic: string, partition: number): number | undefined;
  committedOffsets(groupId: string): { topic: string; partition: number; offset: number }[];
  commitOffsets(client: number, clientId: string, groupId: string, offsets: readonly OffsetCommit[], respond: () => void): void;

  // ---- transactions ----
  initProducerId(transactionalId: string | null, timeoutMs: number, respond: (r: InitResult) => void): void;
  /** AddPartitionsToTxn (synchronous); UNKNOWN_TOPIC_OR_PARTITION for a partition that does not exist. */
  addPartitionToTxn(transactionalId: string, producerId: number, epoch: number, topic: string, partition: number): ErrorType | null;
  /** sendOffsets: true ⇒ a planned consumer crash struck instead (the call never answers). */
  crashesBeforeTxnOffsets(groupId: string, offsets: readonly OffsetCommit[]): boolean;
  addOffsetsToTxn(transactionalId: string, producerId: number, epoch: number, offsets: readonly TxnOffset[], respond: (e: ErrorType | null) => void): void;
  endTxn(transactionalId: string, producerId: number, epoch: number, commit: boolean, respond: (e: ErrorType | null) => void): void;
}

/** The port onto `engine`: each operation delegates to the part of the engine that owns it. */
export function clusterClientPort(engine: Engine): ClusterClientPort {
  // `outside` wraps every callback the facade hands in: each resolves a promise of the learner's.
  const { clock, faults, groups, txns, outside } = engine;
  return {
    now: () => engine.now(),
    random: () => engine.random(),
    schedule: (delayMs, fn) => clock.schedule(delayMs, outside(fn)),
    cancel: (timer) => clock.cancel(timer),
    trace: (event) => engine.emit(event),

    spawnProcess: (name) => engine.spawnProcess(name),
    registerClient: (kind, clientId, onCrash, groupId, process) => engine.registerClient(kind, clientId, outside(onCrash), groupId, process),
    newRequestId: () => engine.newRequestId(),
    whenAwake: (process, fn) => faults.whenAwake(process, outside(fn)),
    onPause: (process, listener) => faults.onPause(process, outside(listener)),
    isPaused: (process) => faults.isPaused(process),
    beginCall: (process, call) => faults.beginCall(process, call),
    endCall: (ticket) => faults.endCall(ticket),

    topicNames: () => engine.topicNames(),
    partitions: (topic) =>
      engine.partitionsOf(topic).map((p) => ({ partition: p.index, leader: p.leader, replicas: [...p.replicas], isr: [...p.isr], highWatermark: p.hw })),
    partitionCount: (topic) => engine.partitionsOf(topic).length,
    leaderOf: (topic, partition) => engine.partition(topic, partition)?.leader ?? -1,
    createTopic: (spec) => engine.createTopic(spec),
    offsetsOf: (topic, partition) => engine.offsetsOf(topic, partition),

    produce: (req, respond) => engine.produce(req, outside(respond)),
    fetchRecords: (client, topic, partition, offset, isolation, maxRecords, respond) => engine.fetchFrom(client, topic, partition, offset, isolation, maxRecords, outside(respond)),
    waitForData: (maxWaitMs, fn) => engine.waitForData(maxWaitMs, outside(fn)),
    delivered: (client, groupId, topic, partition, offset, key, value) => faults.noteDelivered(client, groupId, topic, partition, offset, key, value),

    joinGroup: (groupId, client, clientId, topics) => groups.join(groupId, client, clientId, topics),
    leaveGroup: (groupId, memberId, reason, why) => groups.leave(groupId, memberId, reason, why),
    assignment: (groupId, memberId) => groups.assignment(groupId, memberId),
    generation: (groupId) => groups.generation(groupId),
    groupLeader: (groupId) => groups.leaderOf(groupId),
    committed: (groupId, topic, partition) => groups.committed(groupId, topic, partition),
    committedOffsets: (groupId) => groups.committedOf(groupId),
    commitOffsets: (client, clientId, groupId, offsets, respond) => groups.commit(client, clientId, groupId, offsets, outside(respond)),

    initProducerId: (transactionalId, timeoutMs, respond) => txns.initProducerId(transactionalId, timeoutMs, outside(respond)),
    addPartitionToTxn: (transactionalId, producerId, epoch, topic, partition) => {
      const part = engine.partition(topic, partition);
      return part ? txns.addPartition(transactionalId, producerId, epoch, part) : 'UNKNOWN_TOPIC_OR_PARTITION';
    },
    crashesBeforeTxnOffsets: (groupId, offsets) => faults.beforeCommit(null, groupId, offsets),
    addOffsetsToTxn: (transactionalId, producerId, epoch, offsets, respond) => txns.addOffsets(transactionalId, producerId, epoch, offsets, outside(respond)),
    endTxn: (transactionalId, producerId, epoch, commit, respond) => txns.endTxn(transactionalId, producerId, epoch, commit, outside(respond)),
  };
}
