/**
 * The fault plan: plain JSON that exercise checks and MDX props can spell out, e.g.
 *
 *   [{ fault: 'lose-ack', on: { topic: 'orders', nth: 2 } },
 *    { fault: 'crash-leader-before-replication', on: { value: 'order2' } },
 *    { fault: 'restart-broker', broker: 1, at: 40 }]
 *
 * Record-triggered faults name the record they hit (`on`), by value (an order id, since graders vary
 * ids per run), key, topic, partition and/or `nth` (the nth record sent that matches the rest, from 1).
 * Each fault fires once.
 */

/** Which record a fault hits. All given fields must match; `nth` counts matching records in send order. */
export interface RecordMatch {
  topic?: string;
  partition?: number;
  key?: string;
  value?: string;
  /** The nth (1-based) record sent that matches the other fields. @default 1 */
  nth?: number;
}

// Each interface is the typed shape of one kind; what it does, when it fires, its defaults and its
// validation are that kind's entry in FAULTS (fault-registry.ts), from which the docs are generated.

/** See `FAULTS['lose-request']`. */
export interface LoseRequestFault { fault: 'lose-request'; on: RecordMatch }
/** See `FAULTS['lose-ack']`. */
export interface LoseAckFault { fault: 'lose-ack'; on: RecordMatch }
/** See `FAULTS['request-timeout']`. */
export interface RequestTimeoutFault { fault: 'request-timeout'; on: RecordMatch }
/** See `FAULTS['crash-leader-before-replication']`. */
export interface CrashLeaderBeforeReplicationFault { fault: 'crash-leader-before-replication'; on: RecordMatch; restartAfterMs?: number }
/** See `FAULTS['restart-broker']`. */
export interface RestartBrokerFault { fault: 'restart-broker'; broker: number; at: number; downForMs?: number }
/** See `FAULTS['shrink-isr']`: either `on` a record, or `at` a time with `topic`. */
export interface ShrinkIsrFault { fault: 'shrink-isr'; on?: RecordMatch; at?: number; topic?: string; partition?: number; forMs?: number }
/** See `FAULTS['restart-producer']`. */
export interface RestartProducerFault { fault: 'restart-producer'; on: RecordMatch }
/** See `FAULTS['crash-consumer-before-commit']`. */
export interface CrashConsumerBeforeCommitFault { fault: 'crash-consumer-before-commit'; on: RecordMatch; groupId?: string }
/** See `FAULTS['crash-consumer-after-commit']`. */
export interface CrashConsumerAfterCommitFault { fault: 'crash-consumer-after-commit'; on: RecordMatch; groupId?: string }
/** See `FAULTS['zombie-producer']`. */
export interface ZombieProducerFault { fault: 'zombie-producer'; on: RecordMatch }
/** See `FAULTS['pause-instance']`. */
export interface PauseInstanceFault { fault: 'pause-instance'; on: RecordMatch; forMs?: number }
/** See `FAULTS['transaction-timeout']`. */
export interface TransactionTimeoutFault { fault: 'transaction-timeout'; on: RecordMatch }
/** See `FAULTS['crash-process']`. */
export interface CrashProcessFault { fault: 'crash-process'; call: number; when?: 'before' | 'after' }
/** See `FAULTS['fail-call']`. */
export interface FailCallFault { fault: 'fail-call'; call: number }

/** One planned fault. */
export type Fault =
  | LoseRequestFault
  | LoseAckFault
  | RequestTimeoutFault
  | CrashLeaderBeforeReplicationFault
  | RestartBrokerFault
  | ShrinkIsrFault
  | RestartProducerFault
  | CrashConsumerBeforeCommitFault
  | CrashConsumerAfterCommitFault
  | ZombieProducerFault
  | PauseInstanceFault
  | TransactionTimeoutFault
  | CrashProcessFault
  | FailCallFault;

/** A list of faults; order only matters for reports. */
export type FaultPlan = readonly Fault[];

/** A fault's kind, e.g. 'lose-ack'. */
export type FaultKind = Fault['fault'];

/** The fault of one kind. */
export type FaultOf<K extends FaultKind> = Extract<Fault, { fault: K }>;

/** True when the record satisfies every field of the match except `nth` (counted by the caller). */
export function matchesRecord(m: RecordMatch, topic: string, partition: number, key: string | null, value: string | null): boolean {
  return (
    (m.topic === undefined || m.topic === topic) &&
    (m.partition === undefined || m.partition === partition) &&
    (m.key === undefined || m.key === key) &&
    (m.value === undefined || m.value === value)
  );
}
