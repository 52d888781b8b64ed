/**
 * KafkaJS instrumentation events. The simulator emits none of them (the trace is the instrumentation),
 * but `on()` must be callable and return a remover, so learner code written for KafkaJS runs.
 *
 * Everything here is one object shared by every producer and consumer of every run in a realm, so it
 * is frozen: a writable one would let a submission leave a mark in one run and find it in the next.
 */

/** Producer event names, as KafkaJS spells them. */
export const PRODUCER_EVENTS = Object.freeze({
  CONNECT: 'producer.connect',
  DISCONNECT: 'producer.disconnect',
  REQUEST: 'producer.network.request',
  REQUEST_TIMEOUT: 'producer.network.request_timeout',
  REQUEST_QUEUE_SIZE: 'producer.network.request_queue_size',
} as const);

/** Consumer event names, as KafkaJS spells them. */
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

/** Accepts any listener and returns a remover; nothing is ever emitted. An arrow: no shared `prototype` object. */
export const noopOn = Object.freeze((_event: string, _listener: (event: never) => void): (() => void) => () => {});
