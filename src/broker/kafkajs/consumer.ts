/**
 * The KafkaJS consumer on the simulated cluster. `run()` starts a poll loop on the virtual clock:
 * check the group generation (rebalance ⇒ commit what is resolved, take the new assignment, start at
 * the committed offset or the reset policy), fetch, hand messages to eachMessage / eachBatch, resolve
 * offsets, auto-commit. It polls forever; hosts stop it with runUntil's limits or consumer.stop().
 *
 * KafkaJS defaults (differing from Java's): readUncommitted = false, i.e. read_committed (Java:
 * read_uncommitted); autoCommit = true committing after every processed batch unless
 * autoCommitInterval / autoCommitThreshold are set (Java: every 5000 ms, the previous poll's offsets);
 * fromBeginning = false ⇒ auto.offset.reset=latest (same as Java); sessionTimeout 30000 (Java 45000).
 */
import type { FetchResponse, LogRecord, TopicPartitionRef } from '../client-port.ts';
import { toBytes } from './bytes.ts';
import { callOut, laterFor, sleep, type ClientContext } from './context.ts';
import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, protocolError } from './errors.ts';
import { createHandlerGate } from './handler-gate.ts';
import { CONSUMER_EVENTS, createInstrumentation } from './instrumentation.ts';
import type { KafkaMessageLike, OffsetsLike } from './shapes.ts';
import { learnerCommitList, learnerConsumerConfig, learnerError, learnerOffset, learnerOffsets, learnerRunConfig, learnerSeek, learnerSubscription, learnerTopicPartitions } from './learner-input.ts';

/** consumer(config). */
export interface ConsumerConfigLike {
  groupId: string;
  /** @default false — read_committed (Java's default is read_uncommitted) */
  readUncommitted?: boolean;
  /** @default 30000 */
  sessionTimeout?: number;
  /** @default 3000 */
  heartbeatInterval?: number;
  /** How long a fetch waits for data. @default 5000 */
  maxWaitTimeInMs?: number;
  /** Records per fetch per partition (KafkaJS limits bytes; we count records). @default 500 */
  maxRecordsPerPartition?: number;
  [other: string]: unknown;
}

/** The batch given to eachBatch. */
export interface BatchLike {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: KafkaMessageLike[];
  isEmpty(): boolean;
  firstOffset(): string | null;
  lastOffset(): string;
  offsetLag(): string;
  offsetLagLow(): string;
}

/** run(config). */
/** How `run()` was asked to commit: KafkaJS's autoCommit options with their defaults applied. */
interface CommitPolicy {
  autoCommit: boolean;
  interval: number | null;
  threshold: number | null;
  autoResolve: boolean;
}

/** A fetch that returned records. */
type FetchedRecords = Extract<FetchResponse, { error: null }>;

/** What handing one batch to the learner's handler ended with. */
type HandOverOutcome = { failedAt: number | null } | 'consumer-gone';

export interface ConsumerRunConfigLike {
  /** @default true */
  autoCommit?: boolean;
  autoCommitInterval?: number | null;
  autoCommitThreshold?: number | null;
  /** @default true */
  eachBatchAutoResolve?: boolean;
  partitionsConsumedConcurrently?: number;
  eachMessage?: (payload: {
    topic: string;
    partition: number;
    message: KafkaMessageLike;
    heartbeat(): Promise<void>;
    pause(): () => void;
  }) => Promise<void>;
  eachBatch?: (payload: {
    batch: BatchLike;
    resolveOffset(offset: string): void;
    heartbeat(): Promise<void>;
    pause(): () => void;
    commitOffsetsIfNecessary(offsets?: OffsetsLike): Promise<void>;
    uncommittedOffsets(): { topics: { topic: string; partitions: { partition: number; offset: string }[] }[] };
    isRunning(): boolean;
    isStale(): boolean;
  }) => Promise<void>;
}

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** Create a consumer bound to the cluster. */
export function createConsumer(ctx: ClientContext, learnerConfig: ConsumerConfigLike) {
  const config = learnerConsumerConfig(learnerConfig);
  const cluster = ctx.cluster;
  if (typeof config?.groupId !== 'string' || config.groupId === '') {
    throw new KafkaJSNonRetriableError('Consumer groupId must be a non-empty string');
  }
  const groupId = config.groupId;
  const isolation = config.readUncommitted === true ? 'read_uncommitted' : 'read_committed';
  const maxWait = config.maxWaitTimeInMs ?? 5000;
  const maxRecords = config.maxRecordsPerPartition ?? 500;
  let alive = true;
  let running = false;
  let memberId: string | null = null;
  let generation = -1;
  let assigned: readonly TopicPartitionRef[] = [];
  const subscriptions: { topic: string; fromBeginning: boolean }[] = [];
  /** Next offset to fetch, per partition. */
  const positions = new Map<string, number>();
  // KafkaJS keeps a seek made before the partition is assigned (right after run()) and applies it to
  // the first fetch; a rebalance must not wipe it.
  const pendingSeeks = new Map<string, number>();
  // A seek while a fetch is in flight makes that fetch's records stale (KafkaJS drops them too).
  const soughtDuringFetch = new Set<string>();
  /** Next offset to commit (resolved = processed), per partition. */
  const resolved = new Map<string, number>();
  const committedByUs = new Map<string, number>();
  const paused = new Set<string>();
  let lastCommitAt = 0;
  let uncommittedCount = 0;
  const instrumentation = createInstrumentation(CONSUMER_EVENTS, () => cluster.now());
  const handlerGate = createHandlerGate();
  let stopping: Promise<void> | null = null;
  let joinedAt = 0;
  // KafkaJS retries a failing handler (retry.retries, default 5) before the consumer crashes and
  // restarts; the simulator keeps retrying, and reports each exhausted round as a CRASH event.
  const retriesBeforeCrash = ctx.retry.retries ?? 5;
  let failuresInARow = 0;

  const handle = cluster.registerClient(
    'consumer',
    ctx.clientId,
    () => {
      alive = false;
      running = false;
      // A dead consumer leaves the group, so its partitions move to the survivors.
      if (memberId !== null) cluster.leaveGroup(groupId, memberId, 'crashed');
    },
    groupId,
    ctx.process,
  );

  // While the process is frozen (pause-instance) nothing due to it runs: no fetch, no timer.
  const later = laterFor(ctx, () => alive);

  // A frozen consumer stops heartbeating: past its session timeout the coordinator evicts it and
  // hands its partitions to the other members. When it wakes it learns it was evicted and rejoins.
  const sessionTimeout = config.sessionTimeout ?? 30_000;
  let evicted = false;
  cluster.onPause(ctx.process, (forMs) => {
    if (forMs <= sessionTimeout || memberId === null) return;
    const member = memberId;
    cluster.schedule(sessionTimeout, () => {
      if (!alive || memberId !== member || !cluster.isPaused(ctx.process)) return;
      cluster.leaveGroup(groupId, member, 'session timeout', `session timeout: no heartbeat for ${sessionTimeout} ms`);
      memberId = null;
      generation = -1;
      assigned = [];
      evicted = true;
    });
  });

  /**
   * An offset commit: a call out of the process. A planned failure refuses it as a rebalance does
   * (REBALANCE_IN_PROGRESS): the offsets are not stored, and the consumer rejoins at its next poll,
   * resuming from the committed offsets — so what it processed since is delivered again.
   */
  function commit(offsets: { topic: string; partition: number; offset: number }[]): Promise<void> {
    if (offsets.length === 0) return Promise.resolve();
    const label = `commit offsets ${offsets.map((o) => `${o.topic}/${o.partition} → ${o.offset}`).join(', ')}`;
    const refused = (): Error => {
      generation = -1;
      cluster.trace({ kind: 'error', clientId: ctx.clientId, groupId, error: 'REBALANCE_IN_PROGRESS', detail: `${label} refused: the group is rebalancing; the consumer rejoins and resumes at the committed offsets` });
      return protocolError('REBALANCE_IN_PROGRESS');
    };
    return callOut(ctx, { label, values: [], failure: 'REBALANCE_IN_PROGRESS: the group rebalanced, the offsets were not stored' }, refused, () =>
      later<void>((done) => cluster.commitOffsets(handle, ctx.clientId, groupId, offsets, done)),
    ).then(() => {
      for (const o of offsets) committedByUs.set(key(o.topic, o.partition), o.offset);
      const topics = [...new Set(offsets.map((o) => o.topic))].map((topic) => ({
        topic,
        partitions: offsets.filter((o) => o.topic === topic).map((o) => ({ partition: o.partition, offset: String(o.offset) })),
      }));
      instrumentation.emit('COMMIT_OFFSETS', { groupId, memberId: memberId ?? '', groupGenerationId: generation, topics });
    });
  }

  /** The consumer's own commits (auto-commit, before a rebalance): a refused one is logged by KafkaJS, not thrown. */
  function commitQuietly(commitCall: Promise<void>): Promise<void> {
    return commitCall.catch(() => undefined);
  }

  /** Commit every resolved offset not yet committed (what KafkaJS's offset manager does). */
  function commitResolved(): Promise<void> {
    const out: { topic: string; partition: number; offset: number }[] = [];
    for (const tp of assigned) {
      const k = key(tp.topic, tp.partition);
      const r = resolved.get(k);
      if (r !== undefined && r !== committedByUs.get(k)) out.push({ topic: tp.topic, partition: tp.partition, offset: r });
    }
    lastCommitAt = cluster.now();
    uncommittedCount = 0;
    return commit(out);
  }

  function commitIfNecessary(autoCommit: boolean, interval: number | null, threshold: number | null): Promise<void> {
    if (!autoCommit) return Promise.resolve();
    const byInterval = interval !== null && cluster.now() - lastCommitAt >= interval;
    const byThreshold = threshold !== null && uncommittedCount >= threshold;
    if ((interval === null && threshold === null) || byInterval || byThreshold) return commitResolved();
    return Promise.resolve();
  }

  async function syncGeneration(autoCommit: boolean): Promise<void> {
    if (memberId === null) return;
    const now = cluster.assignment(groupId, memberId);
    if (now.generation === generation) return;
    // Before giving partitions up, commit what was processed (KafkaJS does this on rebalance).
    if (autoCommit && generation >= 0) await commitQuietly(commitResolved());
    const again = cluster.assignment(groupId, memberId);
    generation = again.generation;
    assigned = again.partitions;
    positions.clear();
    resolved.clear();
    for (const tp of assigned) {
      const k = key(tp.topic, tp.partition);
      const committed = cluster.committed(groupId, tp.topic, tp.partition);
      const sub = subscriptions.find((s) => s.topic === tp.topic);
      const reset = sub?.fromBeginning ? cluster.offsetsOf(tp.topic, tp.partition).earliest : cluster.offsetsOf(tp.topic, tp.partition).latest;
      const sought = pendingSeeks.get(k);
      pendingSeeks.delete(k);
      const start = sought ?? committed ?? reset;
      positions.set(k, start);
      if (sought !== undefined) resolved.set(k, sought);
      if (committed !== undefined) committedByUs.set(k, committed);
      else committedByUs.delete(k);
    }
    const memberAssignment: Record<string, number[]> = {};
    for (const tp of assigned) memberAssignment[tp.topic] = [...(memberAssignment[tp.topic] ?? []), tp.partition];
    const leaderId = cluster.groupLeader(groupId) ?? memberId;
    instrumentation.emit('GROUP_JOIN', { groupId, memberId, leaderId, isLeader: leaderId === memberId, memberAssignment, groupProtocol: 'RoundRobinAssigner', duration: cluster.now() - joinedAt });
  }

  function fetchOne(tp: TopicPartitionRef, offset: number): Promise<FetchResponse> {
    return later((done) => cluster.fetchRecords(handle, tp.topic, tp.partition, offset, isolation, maxRecords, done));
  }

  function toMessage(r: LogRecord): KafkaMessageLike {
    const headers: Record<string, Uint8Array> = {};
    if (r.headers) for (const [k, v] of Object.entries(r.headers)) headers[k] = toBytes(v) as Uint8Array;
    return { key: toBytes(r.key), value: toBytes(r.value), timestamp: String(r.timestamp), attributes: 0, offset: String(r.offset), headers };
  }

  function deliver(tp: TopicPartitionRef, r: LogRecord): void {
    cluster.trace({ kind: 'deliver', clientId: ctx.clientId, groupId, topic: tp.topic, partition: tp.partition, offset: r.offset, value: r.value });
    cluster.delivered(handle, groupId, tp.topic, tp.partition, r.offset, r.key, r.value);
  }

  /**
   * Hands one fetched batch of a partition to the learner's eachMessage or eachBatch. Returns the offset
   * whose handler threw (null when none did), or 'consumer-gone' when the consumer crashed meanwhile,
   * which ends the poll loop at once.
   */
  async function handOver(run: ConsumerRunConfigLike, tp: TopicPartitionRef, res: FetchedRecords, startGeneration: number, policy: CommitPolicy): Promise<HandOverOutcome> {
    if (run.eachMessage) return eachMessage(run.eachMessage, tp, res, startGeneration, policy);
    if (run.eachBatch) return eachBatch(run.eachBatch, tp, res, policy);
    return { failedAt: null };
  }

  async function eachMessage(handler: NonNullable<ConsumerRunConfigLike['eachMessage']>, tp: TopicPartitionRef, res: FetchedRecords, startGeneration: number, policy: CommitPolicy): Promise<HandOverOutcome> {
    const { autoCommit, interval, threshold } = policy;
    const k = key(tp.topic, tp.partition);
    for (const r of res.records) {
      if (!running || !alive || generation !== startGeneration) break;
      deliver(tp, r);
      try {
        await handlerGate.pass(() => handler({ topic: tp.topic, partition: tp.partition, message: toMessage(r), heartbeat: async () => {}, pause: () => pauseOne(tp) }));
      } catch (err) {
        const thrown = learnerError(err);
        cluster.trace({ kind: 'error', clientId: ctx.clientId, groupId, topic: tp.topic, partition: tp.partition, offset: r.offset, error: thrown.name, detail: `eachMessage threw: ${thrown.message}` });
        return { failedAt: r.offset };
      }
      if (!alive) return 'consumer-gone';
      resolved.set(k, r.offset + 1);
      uncommittedCount++;
      if (threshold !== null) await commitQuietly(commitIfNecessary(autoCommit, interval, threshold));
    }
    return { failedAt: null };
  }

  async function eachBatch(handler: NonNullable<ConsumerRunConfigLike['eachBatch']>, tp: TopicPartitionRef, res: FetchedRecords, policy: CommitPolicy): Promise<HandOverOutcome> {
    const { autoCommit, interval, threshold, autoResolve } = policy;
    const k = key(tp.topic, tp.partition);
    const messages = res.records.map(toMessage);
    for (const r of res.records) deliver(tp, r);
    const hw = res.highWatermark;
    const batch: BatchLike = {
      topic: tp.topic,
      partition: tp.partition,
      highWatermark: String(hw),
      messages,
      isEmpty: () => messages.length === 0,
      firstOffset: () => messages[0]?.offset ?? null,
      lastOffset: () => messages[messages.length - 1]?.offset ?? String(hw - 1),
      offsetLag: () => String(Math.max(0, hw - 1 - Number(messages[messages.length - 1]?.offset ?? hw - 1))),
      offsetLagLow: () => String(Math.max(0, hw - 1 - Number(messages[0]?.offset ?? hw - 1))),
    };
    try {
      await handlerGate.pass(() => handler({
        batch,
        resolveOffset: (o) => {
          resolved.set(k, learnerOffset(o) + 1);
          uncommittedCount++;
        },
        heartbeat: async () => {},
        pause: () => pauseOne(tp),
        commitOffsetsIfNecessary: async (o) => {
          if (o) await commit(learnerOffsets(o));
          else await commitIfNecessary(autoCommit, interval, threshold);
        },
        uncommittedOffsets: () => ({
          topics: [{ topic: tp.topic, partitions: [{ partition: tp.partition, offset: String(resolved.get(k) ?? positions.get(k) ?? 0) }] }],
        }),
        isRunning: () => running && alive,
        isStale: () => generation !== cluster.generation(groupId),
      }));
      if (!alive) return 'consumer-gone';
      if (autoResolve) resolved.set(k, res.next);
    } catch (err) {
      const thrown = learnerError(err);
      cluster.trace({ kind: 'error', clientId: ctx.clientId, groupId, topic: tp.topic, partition: tp.partition, error: thrown.name, detail: `eachBatch threw: ${thrown.message}` });
      return { failedAt: Number(messages[0]?.offset ?? res.next) };
    }
    return { failedAt: null };
  }

  async function loop(run: ConsumerRunConfigLike): Promise<void> {
    const policy: CommitPolicy = {
      autoCommit: run.autoCommit ?? true,
      interval: run.autoCommitInterval ?? null,
      threshold: run.autoCommitThreshold ?? null,
      autoResolve: run.eachBatchAutoResolve ?? true,
    };
    const { autoCommit, interval, threshold } = policy;
    while (running && alive) {
      if (evicted && memberId === null) {
        // KafkaJS's answer to UNKNOWN_MEMBER_ID: join the group again as a new member.
        evicted = false;
        joinedAt = cluster.now();
        memberId = cluster.joinGroup(groupId, handle, ctx.clientId, subscriptions.map((s) => s.topic));
      }
      await syncGeneration(autoCommit);
      if (!running || !alive) return;
      const mine = assigned.filter((tp) => !paused.has(key(tp.topic, tp.partition)));
      const startGeneration = generation;
      soughtDuringFetch.clear();
      const fetchStartedAt = cluster.now();
      const first = mine[0];
      const nodeId = first === undefined ? -1 : cluster.leaderOf(first.topic, first.partition);
      instrumentation.emit('FETCH_START', { nodeId });
      const results = await Promise.all(mine.map((tp) => fetchOne(tp, positions.get(key(tp.topic, tp.partition)) ?? 0)));
      if (!running || !alive) return;
      instrumentation.emit('FETCH', { numberOfBatches: results.filter((r) => r.error === null && r.records.length > 0).length, duration: cluster.now() - fetchStartedAt, nodeId });
      let gotAny = false;
      for (let i = 0; i < mine.length && running && alive; i++) {
        const tp = mine[i] as TopicPartitionRef;
        const res = results[i];
        const k = key(tp.topic, tp.partition);
        if (!res || res.error !== null || soughtDuringFetch.has(k)) continue;
        if (res.next > (positions.get(k) ?? 0)) positions.set(k, res.next);
        if (res.records.length === 0) {
          // Only control markers were skipped: the position moves past them, and so may the commit.
          if (!resolved.has(k) || (resolved.get(k) ?? 0) < res.next) resolved.set(k, res.next);
          continue;
        }
        gotAny = true;
        cluster.trace({ kind: 'fetch', clientId: ctx.clientId, groupId, topic: tp.topic, partition: tp.partition, offset: res.records[0]?.offset ?? 0, count: res.records.length });
        const batchEvent = batchProcessPayload(tp, res);
        const batchStartedAt = cluster.now();
        instrumentation.emit('START_BATCH_PROCESS', batchEvent);
        const outcome = await handOver(run, tp, res, startGeneration, policy);
        if (outcome === 'consumer-gone') return;
        const { failedAt } = outcome;
        // As in KafkaJS, a batch whose handler threw does not end: it is retried.
        if (failedAt === null) instrumentation.emit('END_BATCH_PROCESS', { ...batchEvent, duration: cluster.now() - batchStartedAt });
        failuresInARow = failedAt === null ? 0 : failuresInARow + 1;
        if (failedAt !== null && failuresInARow > retriesBeforeCrash) {
          failuresInARow = 0;
          const cause = new KafkaJSNonRetriableError(`${run.eachMessage ? 'eachMessage' : 'eachBatch'} kept failing on ${tp.topic}[${tp.partition}] at offset ${failedAt}`);
          instrumentation.emit('CRASH', { error: new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: retriesBeforeCrash, retryTime: 300 }), groupId, restart: true });
        }
        if (failedAt !== null) {
          // KafkaJS retries a failed message after a backoff, from the failed offset on.
          const resume = resolved.get(k) !== undefined ? Math.max(resolved.get(k) ?? 0, failedAt) : failedAt;
          positions.set(k, resume);
          await sleep(ctx, later, 300);
        } else if (generation !== startGeneration || !running) {
          positions.set(k, resolved.get(k) ?? positions.get(k) ?? 0);
        }
      }
      if (!running || !alive) return;
      await commitQuietly(commitIfNecessary(autoCommit, interval, threshold));
      if (!gotAny) await later<void>((done) => cluster.waitForData(maxWait, () => done()));
    }
  }

  /** What KafkaJS's START_BATCH_PROCESS / END_BATCH_PROCESS events say about a batch. */
  function batchProcessPayload(tp: TopicPartitionRef, res: FetchedRecords) {
    const first = res.records[0]?.offset ?? res.next;
    const last = res.records[res.records.length - 1]?.offset ?? res.next - 1;
    const hw = res.highWatermark;
    return {
      topic: tp.topic,
      partition: tp.partition,
      highWatermark: String(hw),
      offsetLag: String(Math.max(0, hw - 1 - last)),
      offsetLagLow: String(Math.max(0, hw - 1 - first)),
      batchSize: res.records.length,
      firstOffset: String(first),
      lastOffset: String(last),
    };
  }

  /**
   * stop() and disconnect(): no new message is handed over, but leaving the group waits for the
   * handler in flight, as in KafkaJS 2.2.4 (see handler-gate.ts). Concurrent calls share one stop.
   */
  function stopRunner(how: 'stop' | 'disconnect'): Promise<void> {
    const wasRunning = running;
    running = false;
    stopping ??= (async () => {
      if (handlerGate.busy) {
        cluster.trace({ kind: 'stop-wait', clientId: ctx.clientId, groupId, call: how, detail: `consumer.${how}() was called while this consumer's eachMessage/eachBatch handler was running: it waits for that handler to return` });
        await handlerGate.idle();
        cluster.trace({ kind: 'stop-resume', clientId: ctx.clientId, groupId, call: how, detail: `the handler returned: consumer.${how}() goes ahead` });
      }
      if (memberId !== null) cluster.leaveGroup(groupId, memberId, how === 'stop' ? 'stopped' : 'disconnected');
      memberId = null;
      generation = -1;
      if (wasRunning) instrumentation.emit('STOP', null);
    })().finally(() => {
      stopping = null;
    });
    return stopping;
  }

  function pauseOne(tp: TopicPartitionRef): () => void {
    const k = key(tp.topic, tp.partition);
    paused.add(k);
    return () => paused.delete(k);
  }

  const consumer = {
    connect: async (): Promise<void> => {
      instrumentation.emit('CONNECT', null);
    },
    subscribe: async (s: { topic?: string | RegExp; topics?: (string | RegExp)[]; fromBeginning?: boolean }): Promise<void> => {
      const { topics, fromBeginning } = learnerSubscription(s);
      for (const t of topics) {
        const names = typeof t === 'string' ? [t] : cluster.topicNames().filter(t);
        for (const topic of names) subscriptions.push({ topic, fromBeginning });
      }
    },
    run: async (learnerRun: ConsumerRunConfigLike = {}): Promise<void> => {
      const run = learnerRunConfig<ConsumerRunConfigLike>(learnerRun);
      if (running) throw new KafkaJSNonRetriableError('Consumer is already running');
      if (!alive) return new Promise<void>(() => {});
      running = true;
      joinedAt = cluster.now();
      memberId = cluster.joinGroup(groupId, handle, ctx.clientId, subscriptions.map((s) => s.topic));
      void loop(run);
    },
    stop: (): Promise<void> => stopRunner('stop'),
    disconnect: async (): Promise<void> => {
      await stopRunner('disconnect');
      instrumentation.emit('DISCONNECT', null);
    },
    commitOffsets: async (list: { topic: string; partition: number; offset: string; metadata?: string | null }[]): Promise<void> => commit(learnerCommitList(list)),
    seek: (target: { topic: string; partition: number; offset: string }): void => {
      const { topic, partition, offset } = learnerSeek(target);
      const k = key(topic, partition);
      if (!assigned.some((tp) => key(tp.topic, tp.partition) === k)) {
        pendingSeeks.set(k, offset);
        return;
      }
      positions.set(k, offset);
      resolved.set(k, offset);
      soughtDuringFetch.add(k);
    },
    pause: (topics: { topic: string; partitions?: number[] }[]): void => {
      for (const t of learnerTopicPartitions(topics)) for (const tp of assigned) if (tp.topic === t.topic && (!t.partitions || t.partitions.includes(tp.partition))) paused.add(key(tp.topic, tp.partition));
    },
    resume: (topics: { topic: string; partitions?: number[] }[]): void => {
      for (const t of learnerTopicPartitions(topics)) for (const tp of assigned) if (tp.topic === t.topic && (!t.partitions || t.partitions.includes(tp.partition))) paused.delete(key(tp.topic, tp.partition));
    },
    paused: (): { topic: string; partitions: number[] }[] => {
      const by = new Map<string, number[]>();
      for (const tp of assigned) if (paused.has(key(tp.topic, tp.partition))) by.set(tp.topic, [...(by.get(tp.topic) ?? []), tp.partition]);
      return [...by].map(([topic, partitions]) => ({ topic, partitions }));
    },
    describeGroup: async () => ({ groupId, members: [], protocol: 'RoundRobinAssigner', protocolType: 'consumer', state: running ? ('Stable' as const) : ('Empty' as const) }),
    /** Used by transaction.sendOffsets({ consumer }) (the Confluent client's variant). */
    groupIdForOffsets: (): string => groupId,
    events: CONSUMER_EVENTS,
    on: instrumentation.on,
    logger: () => ctx.logger,
  };
  return consumer;
}

/** The simulated consumer's type. */
export type SimConsumer = ReturnType<typeof createConsumer>;
