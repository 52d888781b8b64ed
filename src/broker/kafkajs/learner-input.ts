/**
 * The facade's edge: every value learner code hands the simulated cluster passes through here and comes
 * out as fresh primitives in plain arrays and objects that the cluster owns.
 *
 * Why a copy and not a check: learner values can change under the cluster's feet. A getter answers
 * differently on each read, an `Array` subclass survives `map` through `Symbol.species` and keeps its
 * own `some`, an object's `toString` runs whenever it is printed, and the string `"0"` is not `===` 0
 * where the fault runtime looks for partition 0. So each field is read exactly once, lists are copied
 * by index into new arrays, and everything is turned into a string or a number before the cluster sees
 * it. What KafkaJS 2.2.4 accepts is accepted with the same meaning (a partition `"0"` is partition 0,
 * because KafkaJS checks `isNaN` and writes the value as an int32); what it refuses is refused with its
 * message, as a `KafkaJSNonRetriableError`.
 */
import { toText } from './bytes.ts';
import { KafkaJSNonRetriableError } from './errors.ts';
import type { HeadersLike, MessageLike, ProducerBatchLike, ProducerConfigLike, RetryOptionsLike } from './shapes.ts';

/** More entries than any course program sends in one call; a longer "list" is an attack on the loop. */
const MAX_LIST_LENGTH = 100_000;
/** Error text longer than this is cut: the trace is for reading, not for carrying data. */
const MAX_ERROR_TEXT = 2000;

/** A field of a learner object, read once; a throwing getter or a non-object gives undefined. */
function field(source: unknown, name: string): unknown {
  if ((typeof source !== 'object' && typeof source !== 'function') || source === null) return undefined;
  return (source as Record<string, unknown>)[name];
}

/** Text for an error message about a learner value, without running any of the learner's code. */
export function describeLearnerValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 60)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A copy of a learner's list into a fresh array, by index, converting each entry once. */
export function learnerList<T>(value: unknown, what: string, convert: (entry: unknown) => T): T[] {
  if (!Array.isArray(value)) throw new KafkaJSNonRetriableError(`Invalid ${what}: expected an array, received ${describeLearnerValue(value)}`);
  const length = Number((value as { length: unknown }).length);
  if (!Number.isInteger(length) || length < 0 || length > MAX_LIST_LENGTH) throw new KafkaJSNonRetriableError(`Invalid ${what}: an array of ${MAX_LIST_LENGTH} entries at most`);
  const copy: T[] = [];
  for (let i = 0; i < length; i++) copy.push(convert((value as unknown[])[i]));
  return copy;
}

/** A topic name: a non-empty string (KafkaJS refuses any falsy topic). */
export function learnerTopic(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new KafkaJSNonRetriableError(`Invalid topic ${describeLearnerValue(value)}`);
  return value;
}

/** A partition number. KafkaJS accepts anything `isNaN` says is a number, so `"0"` is partition 0. */
export function learnerPartition(value: unknown): number {
  const partition = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  // KafkaJS would send a fraction or a negative number and the broker would refuse it; refusing it
  // here gives the learner the same failure without a simulated round trip.
  if (!Number.isInteger(partition) || partition < 0) throw new KafkaJSNonRetriableError(`Invalid partition, expected a number received ${describeLearnerValue(value)}`);
  return partition;
}

/** An offset as KafkaJS's `Long.fromValue` reads it: a number, a decimal string or a bigint. */
export function learnerOffset(value: unknown, allowNegative = false): number {
  let offset = Number.NaN;
  if (typeof value === 'number') offset = value;
  else if (typeof value === 'bigint') offset = Number(value);
  else if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) offset = Number(value);
  if (!Number.isSafeInteger(offset)) throw new KafkaJSNonRetriableError(`Invalid offset, expected a long received ${describeLearnerValue(value)}`);
  if (offset < 0 && !allowNegative) throw new KafkaJSNonRetriableError('Offset must not be a negative number');
  return offset;
}

/** An optional number from configuration (acks, timeouts, counts); `undefined` when not given. */
export function learnerNumber(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  throw new KafkaJSNonRetriableError(`Invalid ${what}: expected a number, received ${describeLearnerValue(value)}`);
}

/** An optional string from configuration (transactionalId, groupId, clientId). */
export function learnerString(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new KafkaJSNonRetriableError(`Invalid ${what}: expected a string, received ${describeLearnerValue(value)}`);
}

/** An optional flag: only `true` turns it on, as the facade has always read flags. */
export function learnerFlag(value: unknown): boolean | undefined {
  return value === undefined ? undefined : value === true;
}

/** Offset metadata: a string or null (KafkaJS refuses anything else). */
function learnerMetadata(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  throw new KafkaJSNonRetriableError(`Invalid offset metadata, expected string or null, received ${describeLearnerValue(value)}`);
}

/** Message headers with every value as text (the cluster stores text). */
function learnerHeaders(value: unknown): HeadersLike | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') throw new KafkaJSNonRetriableError(`Invalid headers: expected an object, received ${describeLearnerValue(value)}`);
  const copy: Record<string, string | string[]> = {};
  for (const name of Object.keys(value)) {
    const header = field(value, name);
    if (header === undefined) continue;
    copy[name] = Array.isArray(header) ? learnerList(header, `header ${name}`, (part) => toText(part) ?? '') : (toText(header) ?? '');
  }
  return copy;
}

/** One message to produce: key and value as text, partition as a number, headers as text. */
export function learnerMessage(value: unknown): MessageLike {
  if (typeof value !== 'object' || value === null) throw new KafkaJSNonRetriableError(`Invalid message: expected an object, received ${describeLearnerValue(value)}`);
  const key = toText(field(value, 'key'));
  const message: MessageLike = { key, value: toText(field(value, 'value')) };
  const partition = field(value, 'partition');
  if (partition !== undefined && partition !== null) message.partition = learnerPartition(partition);
  const headers = learnerHeaders(field(value, 'headers'));
  if (headers !== undefined) message.headers = headers;
  return message;
}

/** The options every send shares. */
function learnerSendOptions(value: unknown): ProducerBatchLike {
  const options: ProducerBatchLike = {};
  const acks = learnerNumber(field(value, 'acks'), 'acks');
  if (acks !== undefined) options.acks = acks;
  const timeout = learnerNumber(field(value, 'timeout'), 'timeout');
  if (timeout !== undefined) options.timeout = timeout;
  return options;
}

/** `producer.send(record)` as a batch of one topic. */
export function learnerRecord(value: unknown): ProducerBatchLike {
  if (typeof value !== 'object' || value === null) throw new KafkaJSNonRetriableError(`Invalid record: expected an object, received ${describeLearnerValue(value)}`);
  const batch = learnerSendOptions(value);
  const topic = learnerTopic(field(value, 'topic'));
  batch.topicMessages = [{ topic, messages: learnerList(field(value, 'messages'), `messages for topic ${topic}`, learnerMessage) }];
  return batch;
}

/** `producer.sendBatch(batch)`. */
export function learnerBatch(value: unknown): ProducerBatchLike {
  if (typeof value !== 'object' || value === null) throw new KafkaJSNonRetriableError(`Invalid batch: expected an object, received ${describeLearnerValue(value)}`);
  const batch = learnerSendOptions(value);
  const topicMessages = field(value, 'topicMessages');
  batch.topicMessages =
    topicMessages === undefined
      ? []
      : learnerList(topicMessages, 'topicMessages', (entry) => {
          const topic = learnerTopic(field(entry, 'topic'));
          return { topic, messages: learnerList(field(entry, 'messages'), `messages for topic ${topic}`, learnerMessage) };
        });
  return batch;
}

/** One offset to commit, as `consumer.commitOffsets` and `seek` take it. */
export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  offset: number;
}

/** The list `consumer.commitOffsets(list)` takes. */
export function learnerCommitList(value: unknown): TopicPartitionOffset[] {
  return learnerList(value ?? [], 'offsets to commit', (entry) => {
    const topic = learnerTopic(field(entry, 'topic'));
    const partition = learnerPartition(field(entry, 'partition'));
    const offset = learnerOffset(field(entry, 'offset'));
    learnerMetadata(field(entry, 'metadata'));
    return { topic, partition, offset };
  });
}

/** `consumer.seek({ topic, partition, offset })`; -1 and -2 (latest, earliest) are KafkaJS's special offsets. */
export function learnerSeek(value: unknown): TopicPartitionOffset {
  const topic = learnerTopic(field(value, 'topic'));
  const partition = learnerPartition(field(value, 'partition'));
  const offset = learnerOffset(field(value, 'offset'), true);
  if (offset < -2) throw new KafkaJSNonRetriableError('Offset must not be a negative number');
  return { topic, partition, offset };
}

/** `{ topics: [{ topic, partitions: [{ partition, offset }] }] }`, as sendOffsets and commitOffsetsIfNecessary take it. */
export function learnerOffsets(value: unknown): TopicPartitionOffset[] {
  const out: TopicPartitionOffset[] = [];
  for (const entry of learnerList(field(value, 'topics'), 'topics', (t) => ({ topic: field(t, 'topic'), partitions: field(t, 'partitions') }))) {
    const topic = learnerTopic(entry.topic);
    for (const p of learnerList(entry.partitions, `partitions of topic ${topic}`, (p) => ({ partition: field(p, 'partition'), offset: field(p, 'offset') }))) {
      out.push({ topic, partition: learnerPartition(p.partition), offset: learnerOffset(p.offset) });
    }
  }
  return out;
}

/** `[{ topic, partitions? }]`, as pause and resume take it; `partitions: undefined` means all of them. */
export function learnerTopicPartitions(value: unknown): { topic: string; partitions: number[] | undefined }[] {
  return learnerList(value ?? [], 'topic partitions', (entry) => {
    const topic = learnerTopic(field(entry, 'topic'));
    const partitions = field(entry, 'partitions');
    return { topic, partitions: partitions === undefined ? undefined : learnerList(partitions, `partitions of topic ${topic}`, learnerPartition) };
  });
}

/** `subscribe({ topic | topics, fromBeginning })`: names as strings, patterns as a test the cluster calls. */
export function learnerSubscription(value: unknown): { topics: (string | ((name: string) => boolean))[]; fromBeginning: boolean } {
  const topics = field(value, 'topics');
  const topic = field(value, 'topic');
  const list = topics !== undefined ? learnerList(topics, 'topics', (t) => t) : topic !== undefined ? [topic] : [];
  return {
    topics: list.map((t) => {
      if (typeof t === 'string') return t;
      if (t instanceof RegExp) {
        // A copy the learner cannot reach: its lastIndex or an own `test` cannot change what matches.
        const pattern = new RegExp(t.source, t.flags.replace(/[gy]/g, ''));
        return (name: string) => pattern.test(name);
      }
      throw new KafkaJSNonRetriableError(`Invalid topic ${describeLearnerValue(t)}`);
    }),
    fromBeginning: field(value, 'fromBeginning') === true,
  };
}

/** Text from a learner value for the trace, never running code that could throw past us. */
function traceText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'symbol') text = value.description ?? 'Symbol()';
  else {
    try {
      text = String(value);
    } catch {
      text = describeLearnerValue(value);
    }
  }
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
}

/** A thrown learner value as the trace records it: a name and a message, both strings. */
export function learnerError(thrown: unknown): { name: string; message: string } {
  if (!(thrown instanceof Error)) return { name: 'Error', message: traceText(thrown) };
  let name: unknown;
  let message: unknown;
  try {
    name = thrown.name;
    message = thrown.message;
  } catch {
    return { name: 'Error', message: 'an error whose fields cannot be read' };
  }
  return { name: typeof name === 'string' ? traceText(name) : 'Error', message: traceText(message) };
}

/** The group a transaction's offsets belong to: `consumerGroupId`, or what `consumer.groupIdForOffsets()` says. */
export function learnerOffsetsGroup(value: unknown): string | undefined {
  const groupId = learnerString(field(value, 'consumerGroupId'), 'consumerGroupId');
  if (groupId !== undefined) return groupId;
  const consumer = field(value, 'consumer');
  const ask = field(consumer, 'groupIdForOffsets');
  return typeof ask === 'function' ? learnerString(ask.call(consumer), 'consumer group id') : undefined;
}

/** KafkaJS retry options, numbers only (restartOnFailure is the learner's callback and stays one). */
export function learnerRetry(value: unknown): RetryOptionsLike {
  const retry: RetryOptionsLike = {};
  for (const name of ['maxRetryTime', 'initialRetryTime', 'factor', 'multiplier', 'retries'] as const) {
    const n = learnerNumber(field(value, name), `retry.${name}`);
    if (n !== undefined) retry[name] = n;
  }
  const restart = field(value, 'restartOnFailure');
  if (typeof restart === 'function') retry.restartOnFailure = restart as NonNullable<RetryOptionsLike['restartOnFailure']>;
  return retry;
}

/** `kafka.producer(config)`. */
export function learnerProducerConfig(value: unknown): ProducerConfigLike {
  const config: ProducerConfigLike = {};
  const partitioner = field(value, 'createPartitioner');
  if (typeof partitioner === 'function') config.createPartitioner = partitioner as NonNullable<ProducerConfigLike['createPartitioner']>;
  const retry = field(value, 'retry');
  if (retry !== undefined) config.retry = learnerRetry(retry);
  const idempotent = learnerFlag(field(value, 'idempotent'));
  if (idempotent !== undefined) config.idempotent = idempotent;
  const transactionalId = learnerString(field(value, 'transactionalId'), 'transactionalId');
  if (transactionalId !== undefined) config.transactionalId = transactionalId;
  for (const name of ['metadataMaxAge', 'transactionTimeout', 'maxInFlightRequests'] as const) {
    const n = learnerNumber(field(value, name), name);
    if (n !== undefined) config[name] = n;
  }
  return config;
}

/** `kafka.consumer(config)`: the fields the simulator reads; the group id stays for the caller to check. */
export function learnerConsumerConfig(value: unknown): { groupId: unknown; readUncommitted?: boolean; sessionTimeout?: number; heartbeatInterval?: number; maxWaitTimeInMs?: number; maxRecordsPerPartition?: number } {
  const groupId = field(value, 'groupId');
  const config: ReturnType<typeof learnerConsumerConfig> = { groupId };
  const readUncommitted = learnerFlag(field(value, 'readUncommitted'));
  if (readUncommitted !== undefined) config.readUncommitted = readUncommitted;
  for (const name of ['sessionTimeout', 'heartbeatInterval', 'maxWaitTimeInMs', 'maxRecordsPerPartition'] as const) {
    const n = learnerNumber(field(value, name), name);
    if (n !== undefined) config[name] = n;
  }
  return config;
}

/** `consumer.run(config)`: the commit policy as numbers and flags, the handlers as they are. */
export function learnerRunConfig<Run extends { eachMessage?: unknown; eachBatch?: unknown }>(value: unknown): Run {
  const run: Record<string, unknown> = {};
  for (const name of ['eachMessage', 'eachBatch'] as const) {
    const handler = field(value, name);
    if (typeof handler === 'function') run[name] = handler;
  }
  for (const name of ['autoCommit', 'eachBatchAutoResolve'] as const) {
    const flag = field(value, name);
    if (flag !== undefined) run[name] = Boolean(flag);
  }
  for (const name of ['autoCommitInterval', 'autoCommitThreshold', 'partitionsConsumedConcurrently'] as const) {
    const n = learnerNumber(field(value, name), name);
    if (n !== undefined) run[name] = n;
  }
  return run as Run;
}

/** `new Kafka(config)`: what the simulator reads of it. */
export function learnerKafkaConfig(value: unknown): { clientId: string | undefined; requestTimeout: number | undefined; retry: RetryOptionsLike } {
  const retry = field(value, 'retry');
  return {
    clientId: learnerString(field(value, 'clientId'), 'clientId'),
    requestTimeout: learnerNumber(field(value, 'requestTimeout'), 'requestTimeout'),
    retry: retry === undefined ? {} : learnerRetry(retry),
  };
}

/** One topic of `admin.createTopics({ topics })`: the name, the sizes and `min.insync.replicas`. */
export function learnerTopicConfig(value: unknown): { topic: string; numPartitions: number | undefined; replicationFactor: number | undefined; minInsyncReplicas: string | undefined } {
  const topic = learnerTopic(field(value, 'topic'));
  const numPartitions = learnerNumber(field(value, 'numPartitions'), 'numPartitions');
  const replicationFactor = learnerNumber(field(value, 'replicationFactor'), 'replicationFactor');
  const entries = field(value, 'configEntries');
  let minInsyncReplicas: string | undefined;
  if (entries !== undefined) {
    for (const entry of learnerList(entries, 'configEntries', (e) => ({ name: field(e, 'name'), value: field(e, 'value') }))) {
      if (entry.name === 'min.insync.replicas' && minInsyncReplicas === undefined) minInsyncReplicas = learnerString(entry.value, 'min.insync.replicas');
    }
  }
  return { topic, numPartitions, replicationFactor, minInsyncReplicas };
}
