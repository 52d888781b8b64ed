/**
 * The KafkaJS-compatible module bound to one cluster: what `import { Kafka } from 'kafkajs'` gives
 * learner code in the sandbox.
 */
import type { ClusterClientPort } from '../client-port.ts';
import { BufferShim } from './bytes.ts';
import { createAdmin } from './admin.ts';
import { createConsumer, type ConsumerConfigLike } from './consumer.ts';
import type { ClientContext } from './context.ts';
import {
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSNotImplemented,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
} from './errors.ts';
import { createProducer } from './producer.ts';
import type { LoggerLike, ProducerConfigLike, RetryOptionsLike } from './shapes.ts';
import { partitionForKey } from './partitioner.ts';
import { toText } from './bytes.ts';
import { learnerKafkaConfig } from './learner-input.ts';

/** KafkaJS log levels. */
export const logLevel = { NOTHING: 0, ERROR: 1, WARN: 2, INFO: 4, DEBUG: 5 } as const;

/** KafkaJS compression codes (the simulator does not compress). */
export const CompressionTypes = { None: 0, GZIP: 1, Snappy: 2, LZ4: 3, ZSTD: 4 } as const;

function defaultPartitioner() {
  let next = 0;
  return ({ partitionMetadata, message }: { topic: string; partitionMetadata: { partitionId: number }[]; message: { key?: unknown; partition?: number } }): number => {
    if (typeof message.partition === 'number') return message.partition;
    const key = toText(message.key);
    const n = partitionMetadata.length;
    return key !== null ? partitionForKey(key, n) : next++ % n;
  };
}

/** KafkaJS partitioners (Default = Java-compatible murmur2). */
export const Partitioners = {
  DefaultPartitioner: defaultPartitioner,
  LegacyPartitioner: defaultPartitioner,
  JavaCompatiblePartitioner: defaultPartitioner,
};

/** Configuration of `new Kafka(...)`; only clientId, requestTimeout and retry change behaviour. */
export interface KafkaConfigLike {
  brokers: string[] | (() => string[] | Promise<string[]>);
  clientId?: string;
  /** @default 30000 */
  requestTimeout?: number;
  retry?: RetryOptionsLike;
  logLevel?: number;
  connectionTimeout?: number;
  authenticationTimeout?: number;
  enforceRequestTimeout?: boolean;
  ssl?: unknown;
  sasl?: unknown;
}

function createLogger(namespace: string): LoggerLike {
  // Logs go nowhere: learner-visible output is the trace and the learner's own console.
  const self: LoggerLike = {
    info: () => {},
    error: () => {},
    warn: () => {},
    debug: () => {},
    namespace: (ns) => createLogger(`${namespace}.${ns}`),
    setLogLevel: () => {},
  };
  return self;
}

/**
 * Build the module for one cluster (through its client port). With `process`, every client made through it lives in that process
 * (the sandbox gives each run of the learner's program its own module); without, each `new Kafka(...)`
 * is a process of its own, named by its clientId.
 */
export function createKafkaJsModule(cluster: ClusterClientPort, process?: number) {
  class Kafka {
    // A true private field: learner code holds this object and must not reach the engine through it.
    readonly #ctx: ClientContext;
    constructor(learnerConfig: KafkaConfigLike) {
      const config = learnerKafkaConfig(learnerConfig);
      const clientId = config.clientId ?? 'kafkajs';
      this.#ctx = {
        cluster,
        process: process ?? cluster.spawnProcess(clientId),
        clientId,
        requestTimeout: config.requestTimeout ?? 30_000,
        retry: config.retry,
        logger: createLogger('kafkajs'),
      };
    }
    producer(config?: ProducerConfigLike) {
      return createProducer(this.#ctx, config);
    }
    consumer(config: ConsumerConfigLike) {
      return createConsumer(this.#ctx, config);
    }
    admin(_config?: { retry?: RetryOptionsLike }) {
      return createAdmin(this.#ctx);
    }
    logger(): LoggerLike {
      return this.#ctx.logger;
    }
  }
  return {
    Kafka,
    logLevel,
    CompressionTypes,
    Partitioners,
    KafkaJSError,
    KafkaJSNonRetriableError,
    KafkaJSProtocolError,
    KafkaJSNumberOfRetriesExceeded,
    KafkaJSConnectionError,
    KafkaJSRequestTimeoutError,
    KafkaJSNotImplemented,
    /** Buffer-compatible `from`/`isBuffer`/`alloc`; the sandbox installs it as globalThis.Buffer if absent. */
    Buffer: BufferShim,
  };
}

/** The KafkaJS-compatible module bound to a cluster (`cluster.kafkajs`). */
export type KafkaJsModule = ReturnType<typeof createKafkaJsModule>;
