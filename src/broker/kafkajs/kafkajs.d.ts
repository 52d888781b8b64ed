/**
 * The learner-facing types of the simulated cluster's KafkaJS module, for the in-page editor (Monaco)
 * and for type-checking exercises. Self-contained: no Node types. A message value is a string or
 * bytes (`Buffer.from(...)` works: the sandbox provides a Buffer-compatible `from`). The global
 * `Buffer` declaration is kept apart (BUFFER_GLOBAL_DECLARATION in buffer-global.ts) so that this file,
 * part of the project's type-check, does not replace Node's Buffer type in Node code.
 * test/unit/broker/kafkajs-compat.ts checks these against the real kafkajs 2.2.4 types, both ways.
 */

declare module 'kafkajs' {
  /** Bytes as the simulator hands them out: a Uint8Array whose toString() decodes UTF-8. */
  export interface Bytes extends Uint8Array {
    toString(encoding?: string): string;
  }

  /** The Buffer-compatible helper (`Buffer.from('order1')`). */
  export interface BufferConstructorLike {
    from(value: string | ArrayLike<number> | ArrayBuffer, encoding?: string): Bytes;
    isBuffer(x: unknown): x is Bytes;
    alloc(size: number): Bytes;
    byteLength(s: string): number;
  }

  export interface RetryOptions {
    maxRetryTime?: number;
    /** @default 300 */
    initialRetryTime?: number;
    factor?: number;
    multiplier?: number;
    /** @default 5 (idempotent producer: Number.MAX_SAFE_INTEGER) */
    retries?: number;
    restartOnFailure?: (e: Error) => Promise<boolean>;
  }

  export interface KafkaConfig {
    brokers: string[] | (() => string[] | Promise<string[]>);
    clientId?: string;
    /** @default 30000 */
    requestTimeout?: number;
    retry?: RetryOptions;
    logLevel?: number;
    connectionTimeout?: number;
  }

  export interface IHeaders {
    [key: string]: Uint8Array | string | (Uint8Array | string)[] | undefined;
  }

  export interface Message {
    key?: Uint8Array | string | null;
    value: Uint8Array | string | null;
    partition?: number;
    headers?: IHeaders;
    timestamp?: string;
  }

  export type PartitionMetadata = {
    partitionErrorCode: number;
    partitionId: number;
    leader: number;
    replicas: number[];
    isr: number[];
    offlineReplicas?: number[];
  };

  export interface PartitionerArgs {
    topic: string;
    partitionMetadata: PartitionMetadata[];
    message: Message;
  }

  export type ICustomPartitioner = () => (args: PartitionerArgs) => number;

  export interface ProducerConfig {
    createPartitioner?: ICustomPartitioner;
    retry?: RetryOptions;
    metadataMaxAge?: number;
    allowAutoTopicCreation?: boolean;
    /** @default false (Java's producer: true since 3.0). Requires acks: -1. */
    idempotent?: boolean;
    transactionalId?: string;
    /** @default 60000 */
    transactionTimeout?: number;
    /** @default unlimited (Java: 5) */
    maxInFlightRequests?: number;
  }

  export interface ProducerRecord {
    topic: string;
    messages: Message[];
    /** -1 = all in-sync replicas, 1 = leader only, 0 = no acknowledgement. @default -1 */
    acks?: number;
    /** @default 30000 */
    timeout?: number;
    compression?: number;
  }

  export interface TopicMessages {
    topic: string;
    messages: Message[];
  }

  export interface ProducerBatch {
    acks?: number;
    timeout?: number;
    compression?: number;
    topicMessages?: TopicMessages[];
  }

  export type RecordMetadata = {
    topicName: string;
    partition: number;
    errorCode: number;
    offset?: string;
    timestamp?: string;
    baseOffset?: string;
    logAppendTime?: string;
    logStartOffset?: string;
  };

  export interface PartitionOffset {
    partition: number;
    offset: string;
  }

  export interface TopicOffsets {
    topic: string;
    partitions: PartitionOffset[];
  }

  export interface Offsets {
    topics: TopicOffsets[];
  }

  export type Logger = {
    info: (message: string, extra?: object) => void;
    error: (message: string, extra?: object) => void;
    warn: (message: string, extra?: object) => void;
    debug: (message: string, extra?: object) => void;
    namespace: (namespace: string, logLevel?: number) => Logger;
    setLogLevel: (logLevel: number) => void;
  };

  type Sender = {
    send(record: ProducerRecord): Promise<RecordMetadata[]>;
    sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
  };

  export type Transaction = Sender & {
    /** Commit consumed offsets with the transaction (next offset to read). `consumer` is the Confluent client's variant. */
    sendOffsets(offsets: Offsets & { consumerGroupId: string }): Promise<void>;
    commit(): Promise<void>;
    abort(): Promise<void>;
    isActive(): boolean;
  };

  export interface InstrumentationEvent<T> {
    id: string;
    type: string;
    /** Virtual time in ms (the simulator's clock, like records' timestamps). */
    timestamp: number;
    payload: T;
  }
  export type RemoveInstrumentationEventListener<T> = () => void;
  type ValueOf<T> = T[keyof T];
  export type ConnectEvent = InstrumentationEvent<null>;
  export type DisconnectEvent = InstrumentationEvent<null>;
  /** Declared for compatibility; the simulator has no sockets and never fires these. */
  export type RequestEvent = InstrumentationEvent<{ apiKey: number; apiName: string; apiVersion: number; broker: string; clientId: string; correlationId: number; createdAt: number; duration: number; pendingDuration: number; sentAt: number; size: number }>;
  export type RequestTimeoutEvent = InstrumentationEvent<{ apiKey: number; apiName: string; apiVersion: number; broker: string; clientId: string; correlationId: number; createdAt: number; pendingDuration: number; sentAt: number }>;
  export type RequestQueueSizeEvent = InstrumentationEvent<{ broker: string; clientId: string; queueSize: number }>;

  export type ProducerEvents = {
    CONNECT: 'producer.connect';
    DISCONNECT: 'producer.disconnect';
    REQUEST: 'producer.network.request';
    REQUEST_TIMEOUT: 'producer.network.request_timeout';
    REQUEST_QUEUE_SIZE: 'producer.network.request_queue_size';
  };

  export type Producer = Sender & {
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    isIdempotent(): boolean;
    readonly events: ProducerEvents;
    /** CONNECT and DISCONNECT fire; the network events never do. Returns the listener's remover. */
    on(eventName: ProducerEvents['CONNECT'], listener: (event: ConnectEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ProducerEvents['DISCONNECT'], listener: (event: DisconnectEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ProducerEvents['REQUEST'], listener: (event: RequestEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ProducerEvents['REQUEST_QUEUE_SIZE'], listener: (event: RequestQueueSizeEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ProducerEvents['REQUEST_TIMEOUT'], listener: (event: RequestTimeoutEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ValueOf<ProducerEvents>, listener: (event: InstrumentationEvent<any>) => void): RemoveInstrumentationEventListener<typeof eventName>;
    transaction(): Promise<Transaction>;
    logger(): Logger;
  };

  export interface ConsumerConfig {
    groupId: string;
    /** @default false — read_committed (Java's default is read_uncommitted) */
    readUncommitted?: boolean;
    /** @default 30000 */
    sessionTimeout?: number;
    /** @default 3000 */
    heartbeatInterval?: number;
    /** @default 5000 */
    maxWaitTimeInMs?: number;
    rebalanceTimeout?: number;
    retry?: RetryOptions;
  }

  interface MessageSetEntry {
    key: Bytes | null;
    value: Bytes | null;
    timestamp: string;
    attributes: number;
    offset: string;
    size: number;
    headers?: never;
  }

  interface RecordBatchEntry {
    key: Bytes | null;
    value: Bytes | null;
    timestamp: string;
    attributes: number;
    /** The record's offset, as a string. */
    offset: string;
    headers: IHeaders;
    size?: never;
  }

  /** A consumed record (the simulator always returns the RecordBatchEntry form, with headers). */
  export type KafkaMessage = MessageSetEntry | RecordBatchEntry;

  export type Batch = {
    topic: string;
    partition: number;
    highWatermark: string;
    messages: KafkaMessage[];
    isEmpty(): boolean;
    firstOffset(): string | null;
    lastOffset(): string;
    offsetLag(): string;
    offsetLagLow(): string;
  };

  export interface EachMessagePayload {
    topic: string;
    partition: number;
    message: KafkaMessage;
    heartbeat(): Promise<void>;
    pause(): () => void;
  }

  export interface OffsetsByTopicPartition {
    topics: TopicOffsets[];
  }

  export interface EachBatchPayload {
    batch: Batch;
    resolveOffset(offset: string): void;
    heartbeat(): Promise<void>;
    pause(): () => void;
    commitOffsetsIfNecessary(offsets?: Offsets): Promise<void>;
    uncommittedOffsets(): OffsetsByTopicPartition;
    isRunning(): boolean;
    isStale(): boolean;
  }

  export type EachMessageHandler = (payload: EachMessagePayload) => Promise<void>;
  export type EachBatchHandler = (payload: EachBatchPayload) => Promise<void>;

  export type ConsumerRunConfig = {
    /** @default true — KafkaJS commits resolved offsets after each batch unless an interval or threshold is set */
    autoCommit?: boolean;
    autoCommitInterval?: number | null;
    autoCommitThreshold?: number | null;
    /** @default true */
    eachBatchAutoResolve?: boolean;
    partitionsConsumedConcurrently?: number;
    eachBatch?: EachBatchHandler;
    eachMessage?: EachMessageHandler;
  };

  export type ConsumerSubscribeTopic = { topic: string | RegExp; fromBeginning?: boolean };
  export type ConsumerSubscribeTopics = { topics: (string | RegExp)[]; fromBeginning?: boolean };

  export type TopicPartitionOffset = { topic: string; partition: number; offset: string };
  export type TopicPartitionOffsetAndMetadata = TopicPartitionOffset & { metadata?: string | null };

  export type Consumer = {
    connect(): Promise<void>;
    /**
     * Stops the consumer, leaves the group and closes. Waits for the eachMessage/eachBatch call in
     * flight to return: inside that handler, `await consumer.disconnect()` never resolves (KafkaJS
     * 2.2.4). There, call `void consumer.disconnect()` and return.
     */
    disconnect(): Promise<void>;
    /** `fromBeginning` applies only when the group has no committed offset (auto.offset.reset). @default false (latest) */
    subscribe(subscription: ConsumerSubscribeTopics | ConsumerSubscribeTopic): Promise<void>;
    /** Stops consuming and leaves the group; like disconnect(), waits for the handler in flight. */
    stop(): Promise<void>;
    run(config?: ConsumerRunConfig): Promise<void>;
    /** `offset` is the next offset to read (last processed + 1), as a string. */
    commitOffsets(topicPartitions: Array<TopicPartitionOffsetAndMetadata>): Promise<void>;
    seek(topicPartitionOffset: TopicPartitionOffset): void;
    pause(topics: Array<{ topic: string; partitions?: number[] }>): void;
    paused(): { topic: string; partitions: number[] }[];
    resume(topics: Array<{ topic: string; partitions?: number[] }>): void;
    readonly events: ConsumerEvents;
    /**
     * Fired: CONNECT, DISCONNECT, STOP, GROUP_JOIN, COMMIT_OFFSETS, CRASH (a handler that kept failing),
     * FETCH_START, FETCH, START_BATCH_PROCESS, END_BATCH_PROCESS. Never fired: HEARTBEAT, REBALANCING,
     * RECEIVED_UNSUBSCRIBED_TOPICS and the network events. Returns the listener's remover.
     */
    on(eventName: ConsumerEvents['HEARTBEAT'], listener: (event: ConsumerHeartbeatEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['COMMIT_OFFSETS'], listener: (event: ConsumerCommitOffsetsEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['GROUP_JOIN'], listener: (event: ConsumerGroupJoinEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['FETCH_START'], listener: (event: ConsumerFetchStartEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['FETCH'], listener: (event: ConsumerFetchEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['START_BATCH_PROCESS'], listener: (event: ConsumerStartBatchProcessEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['END_BATCH_PROCESS'], listener: (event: ConsumerEndBatchProcessEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['CONNECT'], listener: (event: ConnectEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['DISCONNECT'], listener: (event: DisconnectEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['STOP'], listener: (event: InstrumentationEvent<null>) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['CRASH'], listener: (event: ConsumerCrashEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['REBALANCING'], listener: (event: ConsumerRebalancingEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['RECEIVED_UNSUBSCRIBED_TOPICS'], listener: (event: ConsumerReceivedUnsubcribedTopicsEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['REQUEST'], listener: (event: RequestEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['REQUEST_TIMEOUT'], listener: (event: RequestTimeoutEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ConsumerEvents['REQUEST_QUEUE_SIZE'], listener: (event: RequestQueueSizeEvent) => void): RemoveInstrumentationEventListener<typeof eventName>;
    on(eventName: ValueOf<ConsumerEvents>, listener: (event: InstrumentationEvent<any>) => void): RemoveInstrumentationEventListener<typeof eventName>;
    logger(): Logger;
  };

  export type ConsumerEvents = {
    HEARTBEAT: 'consumer.heartbeat';
    COMMIT_OFFSETS: 'consumer.commit_offsets';
    GROUP_JOIN: 'consumer.group_join';
    FETCH_START: 'consumer.fetch_start';
    FETCH: 'consumer.fetch';
    START_BATCH_PROCESS: 'consumer.start_batch_process';
    END_BATCH_PROCESS: 'consumer.end_batch_process';
    CONNECT: 'consumer.connect';
    DISCONNECT: 'consumer.disconnect';
    STOP: 'consumer.stop';
    CRASH: 'consumer.crash';
    REBALANCING: 'consumer.rebalancing';
    RECEIVED_UNSUBSCRIBED_TOPICS: 'consumer.received_unsubscribed_topics';
    REQUEST: 'consumer.network.request';
    REQUEST_TIMEOUT: 'consumer.network.request_timeout';
    REQUEST_QUEUE_SIZE: 'consumer.network.request_queue_size';
  };
  export type ConsumerHeartbeatEvent = InstrumentationEvent<{ groupId: string; memberId: string; groupGenerationId: number }>;
  export type ConsumerCommitOffsetsEvent = InstrumentationEvent<{ groupId: string; memberId: string; groupGenerationId: number; topics: TopicOffsets[] }>;
  export interface IMemberAssignment {
    [key: string]: number[];
  }
  export type ConsumerGroupJoinEvent = InstrumentationEvent<{ duration: number; groupId: string; isLeader: boolean; leaderId: string; groupProtocol: string; memberId: string; memberAssignment: IMemberAssignment }>;
  export type ConsumerFetchStartEvent = InstrumentationEvent<{ nodeId: number }>;
  export type ConsumerFetchEvent = InstrumentationEvent<{ numberOfBatches: number; duration: number; nodeId: number }>;
  interface IBatchProcessEvent {
    topic: string;
    partition: number;
    highWatermark: string;
    offsetLag: string;
    offsetLagLow: string;
    batchSize: number;
    firstOffset: string;
    lastOffset: string;
  }
  export type ConsumerStartBatchProcessEvent = InstrumentationEvent<IBatchProcessEvent>;
  export type ConsumerEndBatchProcessEvent = InstrumentationEvent<IBatchProcessEvent & { duration: number }>;
  export type ConsumerCrashEvent = InstrumentationEvent<{ error: Error; groupId: string; restart: boolean }>;
  export type ConsumerRebalancingEvent = InstrumentationEvent<{ groupId: string; memberId: string }>;
  export type ConsumerReceivedUnsubcribedTopicsEvent = InstrumentationEvent<{ groupId: string; generationId: number; memberId: string; assignedTopics: string[]; topicsSubscribed: string[]; topicsNotSubscribed: string[] }>;

  export interface ITopicConfig {
    topic: string;
    numPartitions?: number;
    replicationFactor?: number;
    replicaAssignment?: object[];
    configEntries?: { name: string; value: string }[];
  }

  export type Admin = {
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    listTopics(): Promise<string[]>;
    createTopics(options: { validateOnly?: boolean; waitForLeaders?: boolean; timeout?: number; topics: ITopicConfig[] }): Promise<boolean>;
    fetchOffsets(options: { groupId: string; topics?: string[] }): Promise<Array<TopicOffsets & { partitions: Array<PartitionOffset & { metadata: string | null }> }>>;
    fetchTopicOffsets(topic: string): Promise<Array<PartitionOffset & { high: string; low: string }>>;
    logger(): Logger;
  };

  export class Kafka {
    constructor(config: KafkaConfig);
    producer(config?: ProducerConfig): Producer;
    consumer(config: ConsumerConfig): Consumer;
    admin(config?: { retry?: RetryOptions }): Admin;
    logger(): Logger;
  }

  export const logLevel: { readonly NOTHING: 0; readonly ERROR: 1; readonly WARN: 2; readonly INFO: 4; readonly DEBUG: 5 };
  export type logLevel = 0 | 1 | 2 | 4 | 5;
  export const CompressionTypes: { readonly None: 0; readonly GZIP: 1; readonly Snappy: 2; readonly LZ4: 3; readonly ZSTD: 4 };
  export type CompressionTypes = 0 | 1 | 2 | 3 | 4;
  export const Partitioners: {
    DefaultPartitioner: ICustomPartitioner;
    LegacyPartitioner: ICustomPartitioner;
    JavaCompatiblePartitioner: ICustomPartitioner;
  };

  export class KafkaJSError extends Error {
    readonly message: Error['message'];
    readonly name: string;
    readonly retriable: boolean;
    readonly helpUrl?: string;
    readonly cause?: Error;
    constructor(e: Error | string, metadata?: { retriable?: boolean; cause?: Error });
  }
  export class KafkaJSNonRetriableError extends KafkaJSError {
    constructor(e: Error | string);
  }
  /** A broker's error: `type` such as 'NOT_ENOUGH_REPLICAS', 'INVALID_PRODUCER_EPOCH' (a fenced producer); `code` Kafka's number. */
  export class KafkaJSProtocolError extends KafkaJSError {
    readonly code: number;
    readonly type: string;
    constructor(e: Error | string);
  }
  export class KafkaJSNumberOfRetriesExceeded extends KafkaJSNonRetriableError {
    readonly stack: string;
    readonly retryCount: number;
    readonly retryTime: number;
    constructor(e: Error | string, metadata?: { retryCount: number; retryTime: number });
  }
  export class KafkaJSConnectionError extends KafkaJSError {
    readonly broker: string;
    constructor(e: Error | string, metadata?: { broker?: string });
  }
  /** No answer within the request timeout; the times are virtual milliseconds. */
  export class KafkaJSRequestTimeoutError extends KafkaJSError {
    readonly broker: string;
    readonly correlationId: number;
    readonly createdAt: number;
    readonly sentAt: number;
    readonly pendingDuration: number;
    constructor(e: Error | string, metadata?: { broker?: string; correlationId?: number; createdAt?: number; sentAt?: number; pendingDuration?: number });
  }
  export class KafkaJSNotImplemented extends KafkaJSNonRetriableError {}

  /** Buffer-compatible helpers, also installed as the global `Buffer` when the host has none. */
  export const Buffer: BufferConstructorLike;
}
