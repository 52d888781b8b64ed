/**
 * One process of the learner's program, as a deployment runs it: a fresh evaluation of the learner's
 * module (new module scope, new closures), with its own `kafkajs` module whose every client — the
 * `kafka` argument and any `new Kafka(...)` the program makes itself — lives in one cluster process,
 * and with the realm's timers pointed at that process. When a planned fault kills the process, all of
 * it stops for good: its clients leave, its timers never fire, its pending calls never answer, so none
 * of its code runs again. A module-level variable therefore does not survive a crash, as in Node.
 *
 * Timers are attributed to the most recently started process: a dead process runs no code, so it
 * cannot arm new ones, and the timers it armed while it ran stay its own.
 */
import type { SimCluster } from '../../broker/index.ts';
import { deepFreeze } from '../harden.ts';
import type { LearnerModuleFactory } from '../learner-module.ts';
import type { DriverContext } from './driver.ts';
import { BROKER_ADDRESSES } from './cluster-setup.ts';

export interface ProgramProcess {
  /** The cluster's id of the process. */
  id: number;
  /** What the learner's module exported, in this process. */
  exports: Record<string, unknown>;
  /** What the learner's function receives as `kafka`: a client of this process, its methods only. */
  kafka: object;
}

interface KafkaLike {
  producer(config?: unknown): unknown;
  consumer(config: unknown): unknown;
  admin(config?: unknown): unknown;
  logger(): unknown;
}

/**
 * Starts process `name` of the learner's program: evaluates its module anew, bound to that process.
 * Synchronous, so the process starts at a definite point of the run in every engine; throws what the
 * module's body throws.
 */
export function startProgramProcess(context: DriverContext, cluster: SimCluster, module: LearnerModuleFactory, name: string, console: unknown): ProgramProcess {
  const id = cluster.spawnProcess(name);
  context.realm.useTime(
    {
      now: () => cluster.now(),
      random: () => cluster.random(),
      setTimer: (delayMs, callback) => cluster.setProcessTimer(id, delayMs, callback),
      clearTimer: (timer) => cluster.clearProcessTimer(timer),
    },
    false,
  );
  const kafkajs = cluster.kafkajsFor(id);
  // Frozen whole: learner code holds it, and the harness builds the process's `kafka` argument from it.
  deepFreeze(kafkajs);
  const loaded = module.instantiate({ kafkajs, console });
  const real = new kafkajs.Kafka({ clientId: name, brokers: BROKER_ADDRESSES }) as unknown as KafkaLike;
  // The facade's Kafka behind a frozen object of its methods: the instance's own fields stay out of reach.
  const kafka = Object.freeze({
    producer: (config?: unknown) => real.producer(config),
    consumer: (config: unknown) => real.consumer(config),
    admin: (config?: unknown) => real.admin(config),
    logger: () => real.logger(),
  });
  const value = loaded.exports;
  const exports = (typeof value === 'object' && value !== null) || typeof value === 'function' ? (value as Record<string, unknown>) : {};
  return { id, exports, kafka };
}
