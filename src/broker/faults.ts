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

/** The produce request carrying the record never reaches the leader: the client times out and may retry. */
export interface LoseRequestFault { fault: 'lose-request'; on: RecordMatch }
/** The leader writes the record but its response is lost: the client times out and may retry (duplicate). */
export interface LoseAckFault { fault: 'lose-ack'; on: RecordMatch }
/** The leader writes the record but answers only after the client's request timeout (ambiguous outcome). */
export interface RequestTimeoutFault { fault: 'request-timeout'; on: RecordMatch }
/**
 * The partition leader crashes right after appending the record (and after acks=1 answered),
 * before any follower fetched it. It restarts after `restartAfterMs` (as a follower, truncating).
 */
export interface CrashLeaderBeforeReplicationFault {
  fault: 'crash-leader-before-replication';
  on: RecordMatch;
  /** @default 100 */
  restartAfterMs?: number;
}
/** Broker `broker` crashes at virtual time `at` and comes back `downForMs` later. */
export interface RestartBrokerFault {
  fault: 'restart-broker';
  broker: number;
  at: number;
  /** @default 50 */
  downForMs?: number;
}
/**
 * The followers of the record's partition fall out of the ISR right after the leader appends it (or at
 * `at`, for `topic`/`partition`), leaving ISR = {leader} below min.insync.replicas, for `forMs`.
 */
export interface ShrinkIsrFault {
  fault: 'shrink-isr';
  on?: RecordMatch;
  at?: number;
  topic?: string;
  /** @default 0 */
  partition?: number;
  /** @default 100 */
  forMs?: number;
}
/** The producer process dies when the response for the record arrives (the response is lost with it). */
export interface RestartProducerFault { fault: 'restart-producer'; on: RecordMatch }
/** The consumer that processed the record dies just before it commits an offset past it. */
export interface CrashConsumerBeforeCommitFault { fault: 'crash-consumer-before-commit'; on: RecordMatch; groupId?: string }
/** The consumer dies right after a commit past the record succeeds (before it goes on). */
export interface CrashConsumerAfterCommitFault { fault: 'crash-consumer-after-commit'; on: RecordMatch; groupId?: string }
/**
 * When the record is sent inside a transaction, a second instance with the same transactional.id calls
 * initTransactions: the epoch is bumped, the open transaction aborted and the sender fenced.
 */
export interface ZombieProducerFault { fault: 'zombie-producer'; on: RecordMatch }
/**
 * The real zombie. Right after the leader appends the record (inside the sender's open transaction,
 * typically), the whole process that sent it freezes for `forMs` — a long GC pause, a network
 * partition: every client with the sender's clientId stops (its consumer neither heartbeats nor
 * fetches) and every response or timer due to it is held until it wakes. A consumer frozen longer than
 * its session timeout is evicted from its group, so its partitions move to another member (the host may
 * start a replacement instance of the same program). Then the process wakes up and carries on with the
 * calls it had in flight, e.g. commits its transaction. Only a replacement that reuses the same
 * transactional.id fences it (initTransactions bumped the epoch and aborted its open transaction);
 * with an id per instance, the frozen instance commits the order the replacement also processed.
 *
 * Offsets sent with sendOffsets are not fenced by the group generation: KafkaJS's TxnOffsetCommit
 * carries only the group id (no KIP-447 member id / generation), so a broker cannot tell a zombie's
 * offsets from the owner's; only the transactional.id epoch protects the output.
 */
export interface PauseInstanceFault {
  fault: 'pause-instance';
  on: RecordMatch;
  /** How long the process stays frozen; beyond KafkaJS's 30 s session timeout to lose its partitions. @default 40000 */
  forMs?: number;
}
/** The coordinator times out the transaction that carries the record: aborts it and fences its producer. */
export interface TransactionTimeoutFault { fault: 'transaction-timeout'; on: RecordMatch }
/**
 * A process dies at its `call`-th call out (a produce, an offset commit, a transaction step, a charge;
 * see processes.ts): `before` the call takes effect, or `after` it took effect and before its answer
 * reached the process. Everything in the process dies with it. The first process to make that many
 * calls is the one that dies.
 */
export interface CrashProcessFault {
  fault: 'crash-process';
  /** Which call out, from 1. */
  call: number;
  /** @default 'after' */
  when?: 'before' | 'after';
}
/**
 * A process's `call`-th call out fails before it takes effect, after the client's retries ran out: the
 * error reaches the application. An offset commit is refused because the group is rebalancing
 * (REBALANCE_IN_PROGRESS); a transaction step or a send exhausts its retries on a timeout. Calls that
 * cannot fail so (a charge, a send of a producer that retries forever) are left alone.
 */
export interface FailCallFault {
  fault: 'fail-call';
  /** Which call out, from 1. */
  call: number;
}

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

/** Every fault kind, for validation and documentation. */
export const FAULT_KINDS: readonly Fault['fault'][] = [
  'lose-request',
  'lose-ack',
  'request-timeout',
  'crash-leader-before-replication',
  'restart-broker',
  'shrink-isr',
  'restart-producer',
  'crash-consumer-before-commit',
  'crash-consumer-after-commit',
  'zombie-producer',
  'pause-instance',
  'transaction-timeout',
  'crash-process',
  'fail-call',
];

const MATCH_FIELDS = new Set(['topic', 'partition', 'key', 'value', 'nth']);

/** The result of {@link validateFaultPlan}: the plan typed, or every problem found. */
export type FaultPlanValidation = { ok: true; plan: FaultPlan } | { ok: false; errors: string[] };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkMatch(where: string, on: unknown, errors: string[]): void {
  if (!isRecord(on)) {
    errors.push(`${where}.on must be an object such as { value: 'order2' } or { topic: 'orders', nth: 2 }`);
    return;
  }
  for (const k of Object.keys(on)) {
    if (!MATCH_FIELDS.has(k)) errors.push(`${where}.on.${k} is unknown; use topic, partition, key, value or nth`);
  }
  for (const k of ['topic', 'key', 'value'] as const) {
    if (on[k] !== undefined && typeof on[k] !== 'string') errors.push(`${where}.on.${k} must be a string`);
  }
  for (const k of ['partition', 'nth'] as const) {
    const v = on[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < (k === 'nth' ? 1 : 0))) {
      errors.push(`${where}.on.${k} must be an integer ${k === 'nth' ? '≥ 1' : '≥ 0'}`);
    }
  }
}

function checkNonNegative(where: string, f: Record<string, unknown>, key: string, required: boolean, errors: string[]): void {
  const v = f[key];
  if (v === undefined) {
    if (required) errors.push(`${where}.${key} is required (virtual milliseconds or a broker id)`);
    return;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) errors.push(`${where}.${key} must be a number ≥ 0`);
}

const ALLOWED_KEYS: Record<Fault['fault'], readonly string[]> = {
  'lose-request': ['on'],
  'lose-ack': ['on'],
  'request-timeout': ['on'],
  'crash-leader-before-replication': ['on', 'restartAfterMs'],
  'restart-broker': ['broker', 'at', 'downForMs'],
  'shrink-isr': ['on', 'at', 'topic', 'partition', 'forMs'],
  'restart-producer': ['on'],
  'crash-consumer-before-commit': ['on', 'groupId'],
  'crash-consumer-after-commit': ['on', 'groupId'],
  'zombie-producer': ['on'],
  'pause-instance': ['on', 'forMs'],
  'transaction-timeout': ['on'],
  'crash-process': ['call', 'when'],
  'fail-call': ['call'],
};

/**
 * Check a fault plan written by an author (or received over postMessage) without zod, with messages
 * that say which entry and field is wrong and what to write instead.
 */
export function validateFaultPlan(plan: unknown): FaultPlanValidation {
  const errors: string[] = [];
  if (!Array.isArray(plan)) return { ok: false, errors: ['the fault plan must be an array of faults'] };
  plan.forEach((f: unknown, i) => {
    const where = `faults[${i}]`;
    if (!isRecord(f)) {
      errors.push(`${where} must be an object like { fault: 'lose-ack', on: { value: 'order1' } }`);
      return;
    }
    const kind = f['fault'];
    if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
      errors.push(`${where}.fault must be one of ${FAULT_KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
      return;
    }
    const allowed = ALLOWED_KEYS[kind as Fault['fault']];
    for (const k of Object.keys(f)) {
      if (k !== 'fault' && !allowed.includes(k)) errors.push(`${where}.${k} does not apply to '${kind}' (allowed: ${allowed.join(', ')})`);
    }
    if (kind === 'restart-broker') {
      checkNonNegative(where, f, 'broker', true, errors);
      checkNonNegative(where, f, 'at', true, errors);
      checkNonNegative(where, f, 'downForMs', false, errors);
    } else if (kind === 'shrink-isr') {
      const hasOn = f['on'] !== undefined;
      const hasAt = f['at'] !== undefined;
      if (hasOn === hasAt) errors.push(`${where} needs exactly one of on (a record) or at (a time, with topic)`);
      if (hasOn) checkMatch(where, f['on'], errors);
      if (hasAt) {
        checkNonNegative(where, f, 'at', true, errors);
        if (typeof f['topic'] !== 'string') errors.push(`${where}.topic is required with at`);
      }
      checkNonNegative(where, f, 'partition', false, errors);
      checkNonNegative(where, f, 'forMs', false, errors);
    } else if (kind === 'crash-process' || kind === 'fail-call') {
      const call = f['call'];
      if (typeof call !== 'number' || !Number.isInteger(call) || call < 1) errors.push(`${where}.call must be an integer ≥ 1 (which call out of the process)`);
      const when = f['when'];
      if (when !== undefined && when !== 'before' && when !== 'after') errors.push(`${where}.when must be 'before' or 'after'`);
    } else {
      if (f['on'] === undefined) errors.push(`${where}.on is required: which record it hits, e.g. { value: 'order2' }`);
      else checkMatch(where, f['on'], errors);
      if (kind === 'crash-leader-before-replication') checkNonNegative(where, f, 'restartAfterMs', false, errors);
      if (kind === 'pause-instance') checkNonNegative(where, f, 'forMs', false, errors);
      if (f['groupId'] !== undefined && typeof f['groupId'] !== 'string') errors.push(`${where}.groupId must be a string`);
    }
  });
  return errors.length === 0 ? { ok: true, plan: plan as FaultPlan } : { ok: false, errors };
}

/** True when the record satisfies every field of the match except `nth` (counted by the caller). */
export function matchesRecord(m: RecordMatch, topic: string, partition: number, key: string | null, value: string | null): boolean {
  return (
    (m.topic === undefined || m.topic === topic) &&
    (m.partition === undefined || m.partition === partition) &&
    (m.key === undefined || m.key === key) &&
    (m.value === undefined || m.value === value)
  );
}
