/**
 * KafkaJS instrumentation events: `client.on(client.events.X, listener)` returns a remover, and the
 * listener receives `{ id, type, timestamp, payload }` as KafkaJS 2.2.4 builds it. The consumer fires
 * CONNECT, DISCONNECT, STOP, GROUP_JOIN, COMMIT_OFFSETS, CRASH, FETCH_START, FETCH,
 * START_BATCH_PROCESS and END_BATCH_PROCESS; the producer CONNECT and DISCONNECT. The network-level
 * events (REQUEST, REQUEST_TIMEOUT, REQUEST_QUEUE_SIZE) and HEARTBEAT, REBALANCING and
 * RECEIVED_UNSUBSCRIBED_TOPICS are accepted and never fired: the simulator has no sockets, no
 * heartbeat thread, and members learn a rebalance at their next poll.
 *
 * Differences from KafkaJS, on purpose: `timestamp` is the virtual clock (ms since the cluster
 * started, like the records' timestamps), not Date.now(); ids count per client, so a run's events do
 * not depend on earlier runs; and a listener that throws is ignored (KafkaJS lets a synchronous throw
 * escape into its own code) so that learner code cannot break the cluster.
 */
import { KafkaJSNonRetriableError } from './errors.ts';

/** Producer event names, as KafkaJS spells them. Frozen: the object is shared by every run. */
export const PRODUCER_EVENTS = Object.freeze({
  CONNECT: 'producer.connect',
  DISCONNECT: 'producer.disconnect',
  REQUEST: 'producer.network.request',
  REQUEST_TIMEOUT: 'producer.network.request_timeout',
  REQUEST_QUEUE_SIZE: 'producer.network.request_queue_size',
} as const);

/** Consumer event names, as KafkaJS spells them. Frozen: the object is shared by every run. */
export const CONSUMER_EVENTS = Object.freeze({
  HEARTBEAT: 'consumer.heartbeat',
  COMMIT_OFFSETS: 'consumer.commit_offsets',
  GROUP_JOIN: 'consumer.group_join',
  FETCH_START: 'consumer.fetch_start',
  FETCH: 'consumer.fetch',
  START_BATCH_PROCESS: 'consumer.start_batch_process',
  END_BATCH_PROCESS: 'consumer.end_batch_process',
  CONNECT: 'consumer.connect',
  DISCONNECT: 'consumer.disconnect',
  STOP: 'consumer.stop',
  CRASH: 'consumer.crash',
  REBALANCING: 'consumer.rebalancing',
  RECEIVED_UNSUBSCRIBED_TOPICS: 'consumer.received_unsubscribed_topics',
  REQUEST: 'consumer.network.request',
  REQUEST_TIMEOUT: 'consumer.network.request_timeout',
  REQUEST_QUEUE_SIZE: 'consumer.network.request_queue_size',
} as const);

/** What a listener receives (KafkaJS's InstrumentationEvent). */
export interface InstrumentationEventLike<T> {
  id: string;
  type: string;
  timestamp: number;
  payload: T;
}

/** One client's listeners, keyed by event name (`consumer.crash`, …). */
export interface Instrumentation<Names extends Record<string, string>> {
  /** KafkaJS's `on`: refuses an unknown event name, returns the function that removes the listener. */
  on(eventName: Names[keyof Names], listener: (event: InstrumentationEventLike<any>) => void): () => void;
  /** Tell every listener of `key` (an event's key, `CRASH`), now on the virtual clock. */
  emit(key: keyof Names & string, payload: unknown): void;
}

/** Listeners for one client, with names from `names` and time from `now`. */
export function createInstrumentation<Names extends Readonly<Record<string, string>>>(names: Names, now: () => number): Instrumentation<Names> {
  const known = new Set<string>(Object.values(names));
  const listeners = new Map<string, ((event: InstrumentationEventLike<unknown>) => void)[]>();
  let nextId = 0;
  return {
    on(eventName, listener) {
      if (!known.has(eventName)) throw new KafkaJSNonRetriableError(`Event name should be one of ${Object.keys(names).join(', ')}`);
      if (typeof listener !== 'function') throw new KafkaJSNonRetriableError('The listener must be a function');
      const entry = (event: InstrumentationEventLike<unknown>): void => listener(event);
      listeners.set(eventName, [...(listeners.get(eventName) ?? []), entry]);
      return () => {
        listeners.set(eventName, (listeners.get(eventName) ?? []).filter((l) => l !== entry));
      };
    },
    emit(key, payload) {
      const type = names[key] as string;
      // A copy: a listener that removes itself or adds another does not disturb this round.
      const round = [...(listeners.get(type) ?? [])];
      if (round.length === 0) return;
      const event: InstrumentationEventLike<unknown> = { id: String(nextId++), type, timestamp: now(), payload };
      for (const listener of round) {
        try {
          const result: unknown = listener(event);
          // An async listener's rejection is dropped too, as KafkaJS does (it only logs it).
          if (typeof (result as { catch?: unknown } | undefined)?.catch === 'function') (result as Promise<unknown>).catch(() => undefined);
        } catch {
          // A throwing listener is the learner's bug, not the cluster's: the next listener still runs.
        }
      }
    },
  };
}
