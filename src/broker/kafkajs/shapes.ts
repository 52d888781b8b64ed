/**
 * The argument and result shapes of the KafkaJS API as the facade accepts them: structurally the same
 * as KafkaJS's own types (test/unit/broker/kafkajs-types.test.ts checks assignability both ways), but
 * without Node's Buffer — a value is a string or any bytes with toString().
 */

/** Bytes as learners pass them: a Buffer, our Bytes, any Uint8Array. */
export type BytesLike = Uint8Array;

/** Message headers. */
export interface HeadersLike {
  [key: string]: BytesLike | string | (BytesLike | string)[] | undefined;
}

/** A message to send. */
export interface MessageLike {
  key?: BytesLike | string | null;
  value: BytesLike | string | null;
  partition?: number;
  headers?: HeadersLike;
  timestamp?: string;
}

/** KafkaJS retry options. */
export interface RetryOptionsLike {
  maxRetryTime?: number;
  initialRetryTime?: number;
  factor?: number;
  multiplier?: number;
  retries?: number;
  restartOnFailure?: (e: Error) => Promise<boolean>;
}

/** The metadata a custom partitioner receives. */
export interface PartitionMetadataLike {
  partitionErrorCode: number;
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
}

/** A custom partitioner factory. */
export type PartitionerFactoryLike = () => (args: { topic: string; partitionMetadata: PartitionMetadataLike[]; message: MessageLike }) => number;

/** producer(config). */
export interface ProducerConfigLike {
  createPartitioner?: PartitionerFactoryLike;
  retry?: RetryOptionsLike;
  metadataMaxAge?: number;
  allowAutoTopicCreation?: boolean;
  /** @default false (Java's producer defaults to true since 3.0) */
  idempotent?: boolean;
  transactionalId?: string;
  /** @default 60000 */
  transactionTimeout?: number;
  /** @default unlimited (Java: 5) */
  maxInFlightRequests?: number;
}

/** send(record). */
export interface ProducerRecordLike {
  topic: string;
  messages: MessageLike[];
  /** -1 (all), 1 or 0. @default -1 */
  acks?: number;
  timeout?: number;
  compression?: number;
}

/** sendBatch(batch). */
export interface ProducerBatchLike {
  acks?: number;
  timeout?: number;
  compression?: number;
  topicMessages?: { topic: string; messages: MessageLike[] }[];
}

/** What send resolves to, one per partition written. */
export interface RecordMetadataLike {
  topicName: string;
  partition: number;
  errorCode: number;
  offset?: string;
  timestamp?: string;
  baseOffset?: string;
  logAppendTime?: string;
  logStartOffset?: string;
}

/** Offsets for sendOffsets. */
export interface OffsetsLike {
  topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
}

/** KafkaJS's logger. */
export interface LoggerLike {
  info: (message: string, extra?: object) => void;
  error: (message: string, extra?: object) => void;
  warn: (message: string, extra?: object) => void;
  debug: (message: string, extra?: object) => void;
  namespace: (namespace: string, logLevel?: number) => LoggerLike;
  setLogLevel: (logLevel: number) => void;
}

/** A consumed message. */
export interface KafkaMessageLike {
  key: BytesLike | null;
  value: BytesLike | null;
  timestamp: string;
  attributes: number;
  offset: string;
  headers: HeadersLike;
  size?: never;
}
