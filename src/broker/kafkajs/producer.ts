/**
 * The KafkaJS producer on the simulated cluster: per-partition batches, retries with KafkaJS's
 * randomized exponential backoff, in-flight limits (so concurrent sends and retries really reorder),
 * the idempotent producer's (producerId, epoch, sequence) and transactions.
 *
 * Defaults are KafkaJS's, which differ from Java's and the console producer's: idempotent = false
 * (Java 3.0+: true), retries = 5 (Java: MAX_INT; idempotent KafkaJS: MAX_SAFE_INTEGER),
 * maxInFlightRequests unlimited (Java: 5), acks = -1 (same), transactionTimeout = 60000 (same).
 */
import type { ClusterClientPort, ProduceRequest, ProduceResponse } from '../client-port.ts';
import type { ErrorType } from '../error-codes.ts';
import { toText } from './bytes.ts';
import { KafkaJSError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSRequestTimeoutError, protocolError } from './errors.ts';
import { partitionForKey } from './partitioner.ts';
import { backoff, callOut, laterFor, never, sleep, type ClientContext, type RetryConfig, resolveRetry } from './context.ts';
import type { ProducerConfigLike, ProducerRecordLike, ProducerBatchLike, RecordMetadataLike, MessageLike, OffsetsLike } from './shapes.ts';
import { createInstrumentation, PRODUCER_EVENTS } from './instrumentation.ts';
import { learnerBatch, learnerOffsets, learnerOffsetsGroup, learnerPartition, learnerProducerConfig, learnerRecord } from './learner-input.ts';

interface PartitionBatch {
  topic: string;
  partition: number;
  keys: (string | null)[];
  values: (string | null)[];
  headers: (Record<string, string> | null)[] | null;
}

/** A transaction handle as KafkaJS returns it from producer.transaction(). */
export interface SimTransaction {
  send(record: ProducerRecordLike): Promise<RecordMetadataLike[]>;
  sendBatch(batch: ProducerBatchLike): Promise<RecordMetadataLike[]>;
  sendOffsets(offsets: OffsetsLike & { consumerGroupId?: string; consumer?: { groupIdForOffsets(): string } }): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  isActive(): boolean;
}

/** Create a producer bound to the cluster. */
export function createProducer(ctx: ClientContext, learnerConfig: ProducerConfigLike = {}) {
  const config = learnerProducerConfig(learnerConfig);
  const cluster = ctx.cluster;
  const transactionalId = config.transactionalId ?? null;
  // KafkaJS: a transactional producer is idempotent.
  const idempotent = config.idempotent === true || transactionalId !== null;
  const retry: RetryConfig = resolveRetry({ ...ctx.retry, ...config.retry }, idempotent);
  if (idempotent && retry.retries < 1) throw new KafkaJSNonRetriableError('An idempotent producer needs retries ≥ 1 to keep its guarantee');
  const maxInFlight = config.maxInFlightRequests ?? null;
  const transactionTimeout = config.transactionTimeout ?? 60_000;
  let alive = true;
  const handle = cluster.registerClient(
    'producer',
    ctx.clientId,
    () => {
      alive = false;
    },
    undefined,
    ctx.process,
  );
  let producerId = -1;
  let producerEpoch = -1;
  const sequences = new Map<string, number>();
  let inFlight = 0;
  const waitingForSlot: (() => void)[] = [];
  let roundRobin = 0;
  let txnActive = false;
  let initializing: Promise<void> | null = null;
  /** Partitions added to the current transaction (AddPartitionsToTxn). */
  const partitionsInTxn = new Set<string>();
  const instrumentation = createInstrumentation(PRODUCER_EVENTS, () => cluster.now());

  /** A promise on the virtual clock; never settles once the process died, and waits while it is frozen. */
  const later = laterFor(ctx, () => alive);

  /** What the application sees when its retries ran out on a call a planned failure refused. */
  const retriesRanOut = (): Error => new KafkaJSNumberOfRetriesExceeded(protocolError('REQUEST_TIMED_OUT'), { retryCount: retry.retries, retryTime: retry.maxRetryTime });

  function ensureProducerId(): Promise<void> {
    if (!idempotent || producerId >= 0) return Promise.resolve();
    initializing ??= later<void>((done) =>
      cluster.initProducerId(transactionalId, transactionTimeout, (r) => {
        if (r.error === null) {
          producerId = r.producerId;
          producerEpoch = r.epoch;
          sequences.clear();
        }
        done();
      }),
    );
    return initializing;
  }

  function choosePartition(topic: string, m: MessageLike): number {
    const n = cluster.partitionCount(topic);
    if (n === 0) throw protocolError('UNKNOWN_TOPIC_OR_PARTITION');
    if (config.createPartitioner) {
      return learnerPartition(config.createPartitioner()({ topic, partitionMetadata: partitionMetadata(cluster, topic), message: m }));
    }
    if (typeof m.partition === 'number') return m.partition;
    const key = toText(m.key);
    if (key !== null) return partitionForKey(key, n);
    return roundRobin++ % n;
  }

  function split(topic: string, messages: readonly MessageLike[]): PartitionBatch[] {
    const byPartition = new Map<number, PartitionBatch>();
    for (const m of messages) {
      const p = choosePartition(topic, m);
      let b = byPartition.get(p);
      if (!b) {
        b = { topic, partition: p, keys: [], values: [], headers: null };
        byPartition.set(p, b);
      }
      b.keys.push(toText(m.key));
      b.values.push(toText(m.value));
      if (m.headers) {
        b.headers ??= b.values.slice(0, -1).map(() => null);
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.map((x) => toText(x) ?? '').join(',') : (toText(v) ?? '');
        b.headers.push(h);
      } else if (b.headers) b.headers.push(null);
    }
    return [...byPartition.values()];
  }

  async function acquireSlot(): Promise<void> {
    if (maxInFlight === null || maxInFlight <= 0 || inFlight < maxInFlight) {
      inFlight++;
      return;
    }
    await new Promise<void>((r) => waitingForSlot.push(r));
    inFlight++;
  }

  function releaseSlot(): void {
    inFlight--;
    waitingForSlot.shift()?.();
  }

  /** One attempt: send, then wait for the response or the request timeout. */
  function attemptOnce(req: ProduceRequest): Promise<ProduceResponse | 'timeout' | 'sent'> {
    return later((done) => {
      let settled = false;
      const timer = cluster.schedule(ctx.requestTimeout, () => {
        if (settled) return;
        settled = true;
        cluster.trace({ kind: 'timeout', clientId: ctx.clientId, topic: req.topic, partition: req.partition, requestId: req.requestId, detail: `no response within ${ctx.requestTimeout} ms` });
        done('timeout');
      });
      cluster.produce(req, (r) => {
        if (settled) return;
        settled = true;
        cluster.cancel(timer);
        done(r);
      });
      // acks=0: "sent" once written to the socket; no response will come.
      if (req.acks === 0) {
        settled = true;
        cluster.cancel(timer);
        done('sent');
      }
    });
  }

  async function sendPartition(b: PartitionBatch, acks: number): Promise<RecordMetadataLike> {
    let baseSequence = -1;
    if (idempotent) {
      const k = `${b.topic}\u0000${b.partition}`;
      baseSequence = sequences.get(k) ?? 0;
      sequences.set(k, baseSequence + b.values.length);
    }
    const requestId = cluster.newRequestId();
    let retryTime = backoff(cluster, retry, retry.initialRetryTime);
    for (let attempt = 1; ; attempt++) {
      // Like KafkaJS, AddPartitionsToTxn only for a partition new to the transaction: a fenced
      // producer's later sends to it reach the broker's produce path.
      const partitionKey = `${b.topic}\u0000${b.partition}`;
      if (transactionalId !== null && !partitionsInTxn.has(partitionKey)) {
        const err = cluster.addPartitionToTxn(transactionalId, producerId, producerEpoch, b.topic, b.partition);
        if (err) throw protocolError(err);
        partitionsInTxn.add(partitionKey);
      }
      await acquireSlot();
      const req: ProduceRequest = {
        client: handle,
        clientId: ctx.clientId,
        requestId,
        attempt,
        topic: b.topic,
        partition: b.partition,
        acks,
        requestTimeoutMs: ctx.requestTimeout,
        producerId,
        producerEpoch,
        baseSequence,
        transactionalId,
        keys: b.keys,
        values: b.values,
        headers: b.headers,
      };
      let r: Awaited<ReturnType<typeof attemptOnce>>;
      try {
        r = await attemptOnce(req);
      } finally {
        releaseSlot();
      }
      if (r === 'sent') return metadata(b, -1);
      let error: KafkaJSError;
      if (r === 'timeout') {
        const sentAt = cluster.now() - ctx.requestTimeout;
        error = new KafkaJSRequestTimeoutError(`Request timed out after ${ctx.requestTimeout}ms`, { correlationId: requestId, createdAt: sentAt, sentAt, pendingDuration: ctx.requestTimeout });
      }
      else if (r.error === null) {
        cluster.trace({ kind: 'ack', clientId: ctx.clientId, topic: b.topic, partition: b.partition, offset: r.baseOffset, count: b.values.length, requestId, acks, value: b.values[0] ?? null, values: b.values });
        return metadata(b, r.baseOffset);
      } else error = protocolError(r.error);
      cluster.trace({ kind: 'error', clientId: ctx.clientId, topic: b.topic, partition: b.partition, requestId, error: 'type' in error ? String((error as { type: string }).type) : error.name });
      if (!error.retriable) throw error;
      if (attempt > retry.retries) throw new KafkaJSNumberOfRetriesExceeded(error, { retryCount: attempt - 1, retryTime });
      await sleep(ctx, later, retryTime);
      retryTime = Math.min(backoff(cluster, retry, retryTime) * retry.multiplier, retry.maxRetryTime);
    }
  }

  // KafkaJS refuses to send before connect() and after disconnect(), with exactly this message.
  let connected = false;
  const disconnectedMessage = 'The producer is disconnected';

  async function sendBatchInternal(batch: ProducerBatchLike, inTransaction: boolean): Promise<RecordMetadataLike[]> {
    const acks = batch.acks ?? -1;
    if (idempotent && acks !== -1) {
      throw new KafkaJSNonRetriableError(`An idempotent producer must send with acks: -1 (all); acks ${acks} would break its guarantee`);
    }
    if (transactionalId !== null && !inTransaction) {
      throw new KafkaJSNonRetriableError('A transactional producer can only send inside a transaction: call producer.transaction() first');
    }
    if (!connected) throw new KafkaJSError(disconnectedMessage);
    if (!alive) return never();
    await ensureProducerId();
    const batches: PartitionBatch[] = [];
    for (const tm of batch.topicMessages ?? []) batches.push(...split(tm.topic, tm.messages));
    const values = batches.flatMap((b) => b.values);
    const label = `${inTransaction ? 'send in a transaction' : 'send'} ${values.map((v) => v ?? 'null').join(', ')}`;
    // Only a producer whose retries can run out sees a send fail so: an idempotent KafkaJS producer retries forever.
    const canFail = inTransaction || retry.retries < Number.MAX_SAFE_INTEGER;
    return callOut(ctx, { label, values, failure: 'the retries ran out on REQUEST_TIMED_OUT; nothing was written' }, canFail ? sendFailed(inTransaction) : undefined, () =>
      Promise.all(batches.map((b) => sendPartition(b, acks))),
    );
  }

  /** The error of a send a planned failure refused; inside a transaction it also fails the transaction. */
  function sendFailed(inTransaction: boolean): () => Error {
    return () => {
      if (inTransaction) currentTxnFailed?.();
      return retriesRanOut();
    };
  }

  /** Marks the open transaction failed (set while one is open). */
  let currentTxnFailed: (() => void) | undefined;

  function transaction(): Promise<SimTransaction> {
    if (transactionalId === null) {
      return Promise.reject(new KafkaJSNonRetriableError('Transactions need a transactionalId in the producer config'));
    }
    if (!connected) return Promise.reject(new KafkaJSError(disconnectedMessage));
    if (txnActive) return Promise.reject(new KafkaJSNonRetriableError('There is already an ongoing transaction for this producer'));
    const tid = transactionalId;
    return ensureProducerId().then(() => {
      txnActive = true;
      partitionsInTxn.clear();
      let ended = false;
      // After a call of the transaction failed, only abort() is allowed, as with Java's abortable errors.
      let failed = false;
      currentTxnFailed = () => {
        failed = true;
      };
      const guard = (what: string): void => {
        if (ended) throw new KafkaJSNonRetriableError(`Cannot ${what}: the transaction has already ended`);
        if (failed && what !== 'abort') throw new KafkaJSNonRetriableError(`Cannot ${what}: an earlier call of this transaction failed; abort it and process the message again`);
      };
      const failTxn = (): Error => {
        failed = true;
        return retriesRanOut();
      };
      const endTxn = (commit: boolean): Promise<void> =>
        later<ErrorType | null>((done) => cluster.endTxn(tid, producerId, producerEpoch, commit, done)).then((err) => {
          if (err === 'COORDINATOR_NOT_AVAILABLE') {
            return sleep(ctx, later, retry.initialRetryTime).then(() => endTxn(commit));
          }
          if (err !== 'INVALID_PRODUCER_EPOCH') {
            ended = true;
            txnActive = false;
            currentTxnFailed = undefined;
          }
          if (err) throw protocolError(err);
          return undefined;
        });
      const end = (commit: boolean): Promise<void> => {
        guard(commit ? 'commit' : 'abort');
        const label = commit ? 'commit transaction' : 'abort transaction';
        // A commit can fail on the way (the coordinator timed out, the retries ran out): nothing is committed.
        return callOut(ctx, { label, values: [], failure: 'the retries ran out on REQUEST_TIMED_OUT; the transaction was not committed' }, commit ? failTxn : undefined, () => endTxn(commit));
      };
      const tx: SimTransaction = {
        send: async (record) => {
          guard('send');
          return sendBatchInternal(learnerRecord(record), true);
        },
        sendBatch: async (b) => {
          guard('send');
          return sendBatchInternal(learnerBatch(b), true);
        },
        sendOffsets: async (o) => {
          guard('send offsets');
          const groupId = learnerOffsetsGroup(o);
          if (groupId === undefined) return Promise.reject(new KafkaJSNonRetriableError('sendOffsets needs consumerGroupId (or consumer)'));
          const offsets = learnerOffsets(o).map((p) => ({ groupId, ...p }));
          if (cluster.crashesBeforeTxnOffsets(groupId, offsets)) return never<void>();
          const label = `sendOffsets ${offsets.map((o) => `${o.topic}/${o.partition} → ${o.offset}`).join(', ')} for group '${groupId}'`;
          // Like KafkaJS, TxnOffsetCommit names the group only (no KIP-447 member id or generation), so a
          // zombie's offsets are not fenced by the group; only the transactional.id's epoch fences it.
          // (The Java client since KIP-447 sends the consumer's group metadata and gets fenced here too.)
          return callOut(ctx, { label, values: [], failure: 'the retries ran out on REQUEST_TIMED_OUT; the offsets did not join the transaction' }, failTxn, () =>
            later<ErrorType | null>((done) => cluster.addOffsetsToTxn(tid, producerId, producerEpoch, offsets, done)),
          ).then((err) => {
            if (err) throw protocolError(err);
          });
        },
        commit: () => end(true),
        abort: () => end(false),
        isActive: () => !ended,
      };
      return tx;
    });
  }

  return {
    connect: async (): Promise<void> => {
      await ensureProducerId();
      connected = true;
      instrumentation.emit('CONNECT', null);
    },
    disconnect: async (): Promise<void> => {
      connected = false;
      instrumentation.emit('DISCONNECT', null);
    },
    isIdempotent: (): boolean => idempotent,
    send: async (record: ProducerRecordLike): Promise<RecordMetadataLike[]> => sendBatchInternal(learnerRecord(record), false),
    sendBatch: async (batch: ProducerBatchLike): Promise<RecordMetadataLike[]> => sendBatchInternal(learnerBatch(batch), false),
    transaction,
    events: PRODUCER_EVENTS,
    on: instrumentation.on,
    logger: () => ctx.logger,
  };
}

/** The simulated producer's type. */
export type SimProducer = ReturnType<typeof createProducer>;

function metadata(b: PartitionBatch, baseOffset: number): RecordMetadataLike {
  return { topicName: b.topic, partition: b.partition, errorCode: 0, baseOffset: String(baseOffset), logAppendTime: '-1', logStartOffset: '0' };
}

function partitionMetadata(cluster: ClusterClientPort, topic: string) {
  return cluster.partitions(topic).map((p) => ({
    partitionErrorCode: 0,
    partitionId: p.partition,
    leader: p.leader,
    replicas: p.replicas,
    isr: p.isr,
  }));
}
