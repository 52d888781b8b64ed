/**
 * One running instance of the learner's program: the Kafka client it was given, with every consumer it
 * created remembered, so that when the instance "dies" (a planned fault killed one of its clients) the
 * harness can take the rest of it down too — a real process crash takes all of its clients with it, and
 * its consumers leave the group so the partitions move to the instance that replaces it.
 */
import { endConsumerWithProcess, type SimCluster } from '../../broker/index.ts';
import { BROKER_ADDRESSES } from './cluster-setup.ts';

interface Stoppable {
  disconnect(): Promise<void>;
}

interface KafkaLike {
  producer(config?: unknown): unknown;
  consumer(config: unknown): Stoppable;
  admin(config?: unknown): unknown;
  logger(): unknown;
}

export interface ProgramInstance {
  /** What the learner's function receives as `kafka`: the facade's Kafka, its methods only. */
  kafka: object;
  /** Disconnects every consumer the instance created (they leave the group). */
  stop(): void;
}

/** A Kafka client for the `n`th instance of the program, with client id `<name>-<n>`. */
export function createProgramInstance(cluster: SimCluster, name: string, n: number): ProgramInstance {
  const real = new cluster.kafkajs.Kafka({ clientId: `${name}-${n}`, brokers: BROKER_ADDRESSES }) as unknown as KafkaLike;
  // Each consumer's own disconnect, taken before the learner holds the consumer and could replace it.
  const disconnects: (() => Promise<void>)[] = [];
  const kafka = Object.freeze({
    producer: (config?: unknown) => real.producer(config),
    consumer: (config: unknown) => {
      const consumer = real.consumer(config);
      // Not consumer.disconnect(): that waits for a handler in flight, which a dead process never finishes.
      disconnects.push(async () => {
        endConsumerWithProcess(consumer);
      });
      return consumer;
    },
    admin: (config?: unknown) => real.admin(config),
    logger: () => real.logger(),
  });
  return {
    kafka,
    stop() {
      for (const disconnect of disconnects) {
        try {
          void Promise.resolve(disconnect()).catch(() => undefined);
        } catch {
          // A consumer that cannot disconnect is gone with its process anyway.
        }
      }
    },
  };
}
