/**
 * The fault registry: one entry per fault kind, holding everything about it — what it does (its
 * documentation), its fields with their defaults and checks, and when it fires. The validator
 * (validateFaultPlan), the runtime's dispatch (fault-runtime.ts asks `triggerOf(fault)`), the
 * defaults it applies (withDefaults) and the docs table (faultKindsMarkdown, in README) are all
 * derived from it; a kind is added here and nowhere else but its type in faults.ts, and the compiler
 * checks that every field of that type has a rule here, and no other.
 */
import type { Fault, FaultKind, FaultOf, FaultPlan, RecordMatch } from './faults.ts';

/**
 * When a fault fires:
 * - `record-sent`: claimed by the produce request that carries the nth matching record, it strikes at
 *   that request's `stage` — on the wire (`request`), on the leader's answer (`response-delay`, then
 *   `response`), or right after the leader appended it (`append`);
 * - `record-delivered`: armed when a consumer is handed the nth matching record, it strikes just
 *   before or just after that consumer commits past it;
 * - `time`: at a virtual time;
 * - `call`: at a process's nth call out (see processes.ts).
 */
export type FaultTrigger =
  | { on: 'record-sent'; stage: 'request' | 'response-delay' | 'response' | 'append' }
  | { on: 'record-delivered'; stage: 'before-commit' | 'after-commit' }
  | { on: 'time' }
  | { on: 'call' };

/** How one field of a fault is checked and documented. */
export interface FieldRule<V> {
  /** One phrase for the docs table. */
  doc: string;
  /** The message tail when the field is missing ("is required: …"); absent for an optional field. */
  required?: string;
  /** The value the runtime uses when the field is left out. */
  default?: V;
  /** Pushes one message per problem with a present value, each starting with `where`. */
  check: (value: unknown, where: string, errors: string[]) => void;
}

/** One fault kind's entry. */
export interface FaultSpec<F extends Fault> {
  /** What the fault does, for authors (the docs table) — Kafka's behaviour, in a sentence or three. */
  doc: string;
  /** Every field but `fault`, in the order the validator reports them. */
  fields: { [P in Exclude<keyof F, 'fault'>]-?: FieldRule<Exclude<F[P], undefined>> };
  /** When it fires: the one trigger, or every trigger it may have (the docs list them all). */
  fires: readonly [FaultTrigger, ...FaultTrigger[]];
  /** For a kind with several triggers: which one this fault has, by its fields. */
  pick?: (fault: F) => FaultTrigger;
  /** Rules across fields: one message per problem, each starting with `where` (the entry). */
  across?: (fault: Readonly<Record<string, unknown>>, where: string) => string[];
}

// ---- field rules ---------------------------------------------------------------------------------

const MATCH_FIELDS = new Set(['topic', 'partition', 'key', 'value', 'nth']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkMatch(on: unknown, where: string, errors: string[]): void {
  if (!isRecord(on)) {
    errors.push(`${where} must be an object such as { value: 'order2' } or { topic: 'orders', nth: 2 }`);
    return;
  }
  for (const k of Object.keys(on)) {
    if (!MATCH_FIELDS.has(k)) errors.push(`${where}.${k} is unknown; use topic, partition, key, value or nth`);
  }
  for (const k of ['topic', 'key', 'value'] as const) {
    if (on[k] !== undefined && typeof on[k] !== 'string') errors.push(`${where}.${k} must be a string`);
  }
  for (const k of ['partition', 'nth'] as const) {
    const v = on[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < (k === 'nth' ? 1 : 0))) {
      errors.push(`${where}.${k} must be an integer ${k === 'nth' ? '≥ 1' : '≥ 0'}`);
    }
  }
}

/** The record a fault hits (required unless the kind says otherwise). */
const record = (doc = 'the record it hits', required = true): FieldRule<RecordMatch> => ({
  doc,
  ...(required ? { required: "is required: which record it hits, e.g. { value: 'order2' }" } : {}),
  check: checkMatch,
});

/** A number ≥ 0: virtual milliseconds or a broker id. */
const nonNegative = (doc: string, options: { required?: boolean; default?: number } = {}): FieldRule<number> => ({
  doc,
  ...(options.required === true ? { required: 'is required (virtual milliseconds or a broker id)' } : {}),
  ...(options.default !== undefined ? { default: options.default } : {}),
  check: (v, where, errors) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) errors.push(`${where} must be a number ≥ 0`);
  },
});

const text = (doc: string): FieldRule<string> => ({
  doc,
  check: (v, where, errors) => {
    if (typeof v !== 'string') errors.push(`${where} must be a string`);
  },
});

const CALL_RULE = 'must be an integer ≥ 1 (which call out of the process)';
const callNumber: FieldRule<number> = {
  doc: 'which call out of the process, from 1',
  required: CALL_RULE,
  check: (v, where, errors) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) errors.push(`${where} ${CALL_RULE}`);
  },
};

const sent = (stage: Extract<FaultTrigger, { on: 'record-sent' }>['stage']): FaultTrigger => ({ on: 'record-sent', stage });
const AT_TIME: FaultTrigger = { on: 'time' };
const AT_CALL: FaultTrigger = { on: 'call' };

/** KafkaJS's session timeout is 30 s: a pause beyond it loses the consumer's partitions. */
const DEFAULT_PAUSE_MS = 40_000;

// ---- the registry --------------------------------------------------------------------------------

/** Every fault kind, in the order the docs list them. */
export const FAULTS: { readonly [K in FaultKind]: FaultSpec<FaultOf<K>> } = {
  'lose-request': {
    doc: 'The produce request carrying the record never reaches the leader: the client times out and may retry.',
    fields: { on: record() },
    fires: [sent('request')],
  },
  'lose-ack': {
    doc: 'The leader writes the record but its response is lost: the client times out and may retry (a duplicate without idempotence).',
    fields: { on: record() },
    fires: [sent('response')],
  },
  'request-timeout': {
    doc: "The leader writes the record but answers only after the client's request timeout (an ambiguous outcome).",
    fields: { on: record() },
    fires: [sent('response-delay')],
  },
  'crash-leader-before-replication': {
    doc: 'The partition leader crashes right after appending the record (after acks=1 answered), before any follower fetched it; it comes back as a follower and truncates.',
    fields: { on: record(), restartAfterMs: nonNegative('how long the leader stays down', { default: 100 }) },
    fires: [sent('append')],
  },
  'restart-broker': {
    doc: 'Broker `broker` crashes at virtual time `at` and comes back `downForMs` later.',
    fields: {
      broker: nonNegative('the broker id', { required: true }),
      at: nonNegative('virtual time of the crash', { required: true }),
      downForMs: nonNegative('how long it stays down', { default: 50 }),
    },
    fires: [AT_TIME],
  },
  'shrink-isr': {
    doc: "The followers of the partition fall out of the ISR right after the leader appends the record (or at `at`, for `topic`/`partition`), leaving ISR = {leader}, below min.insync.replicas, for `forMs`.",
    fields: {
      on: record('the record it hits (or give `at`)', false),
      at: nonNegative('virtual time (instead of `on`)'),
      topic: text('the topic, with `at`'),
      partition: nonNegative('the partition, with `at`', { default: 0 }),
      forMs: nonNegative('how long the followers stay out', { default: 100 }),
    },
    fires: [sent('append'), AT_TIME],
    pick: (f) => (f.at !== undefined ? AT_TIME : sent('append')),
    across: (f, where) => {
      const hasOn = f['on'] !== undefined;
      const hasAt = f['at'] !== undefined;
      const errors: string[] = [];
      if (hasOn === hasAt) errors.push(`${where} needs exactly one of on (a record) or at (a time, with topic)`);
      if (hasAt && typeof f['topic'] !== 'string') errors.push(`${where}.topic is required with at`);
      return errors;
    },
  },
  'restart-producer': {
    doc: 'The producer process dies when the response for the record arrives (the response is lost with it).',
    fields: { on: record() },
    fires: [sent('response')],
  },
  'crash-consumer-before-commit': {
    doc: 'The consumer that processed the record dies just before it commits an offset past it.',
    fields: { on: record(), groupId: text("only a consumer of this group (default: any)") },
    fires: [{ on: 'record-delivered', stage: 'before-commit' }],
  },
  'crash-consumer-after-commit': {
    doc: 'The consumer dies right after a commit past the record succeeds, before it goes on.',
    fields: { on: record(), groupId: text("only a consumer of this group (default: any)") },
    fires: [{ on: 'record-delivered', stage: 'after-commit' }],
  },
  'zombie-producer': {
    doc: 'When the record is sent inside a transaction, a second instance with the same transactional.id calls initTransactions: the epoch is bumped, the open transaction aborted and the sender fenced.',
    fields: { on: record() },
    fires: [sent('append')],
  },
  'pause-instance': {
    doc:
      'The real zombie. Right after the leader appends the record, the whole process that sent it freezes for `forMs` (a long GC pause, a network partition): its clients neither heartbeat nor fetch, and every response or timer due to it waits until it wakes. ' +
      'A consumer frozen beyond its session timeout is evicted, so its partitions move to another member; then the process wakes and carries on with its calls in flight, e.g. commits its transaction. ' +
      'Only a replacement that reuses the same transactional.id fences it. Offsets sent with sendOffsets are not fenced by the group generation: KafkaJS sends no member id or generation with TxnOffsetCommit (no KIP-447).',
    fields: { on: record(), forMs: nonNegative('how long the process stays frozen', { default: DEFAULT_PAUSE_MS }) },
    fires: [sent('append')],
  },
  'transaction-timeout': {
    doc: 'The coordinator times out the transaction that carries the record: it aborts it and fences its producer.',
    fields: { on: record() },
    fires: [sent('append')],
  },
  'crash-process': {
    doc: 'A process dies at its `call`-th call out (a send, an offset commit, a transaction step, a charge): `before` the call takes effect, or `after` it took effect and before its answer arrived. Everything in the process dies with it; the first process to make that many calls is the one.',
    fields: {
      call: callNumber,
      when: {
        doc: "'before' or 'after' the call takes effect",
        default: 'after',
        check: (v, where, errors) => {
          if (v !== 'before' && v !== 'after') errors.push(`${where} must be 'before' or 'after'`);
        },
      },
    },
    fires: [AT_CALL],
  },
  'fail-call': {
    doc: "A process's `call`-th call out fails before it takes effect, after the client's retries ran out: an offset commit is refused (REBALANCE_IN_PROGRESS), a transaction step or a send exhausts its retries. Calls that cannot fail so (a charge, a send that retries forever) are left alone.",
    fields: { call: callNumber },
    fires: [AT_CALL],
  },
};

/** Every fault kind. */
export const FAULT_KINDS = Object.keys(FAULTS) as readonly FaultKind[];

/** The entry of `fault`'s kind, typed for it. */
export function specOf<F extends Fault>(fault: F): FaultSpec<F> {
  return FAULTS[fault.fault] as unknown as FaultSpec<F>;
}

/** When `fault` fires. */
export function triggerOf(fault: Fault): FaultTrigger {
  const spec = specOf(fault);
  return spec.pick?.(fault) ?? spec.fires[0];
}

/** The fields of `F` that have a default in the registry (the only ones {@link setting} reads). */
type Setting<F extends Fault> = Exclude<keyof F, 'fault'>;

/**
 * A field of `fault`, or its registry default when it was left out: the runtime reads defaults only
 * through here, so each is written once (in FAULTS).
 */
export function setting<F extends Fault, K extends Setting<F>>(fault: F, key: K): Exclude<F[K], undefined> {
  const value = fault[key];
  if (value !== undefined) return value as Exclude<F[K], undefined>;
  const fallback = specOf(fault).fields[key].default;
  if (fallback === undefined) throw new Error(`fault '${fault.fault}' has no default for ${String(key)}`);
  return fallback;
}

// ---- derived: the validator ----------------------------------------------------------------------

/** The result of {@link validateFaultPlan}: the plan typed, or every problem found. */
export type FaultPlanValidation = { ok: true; plan: FaultPlan } | { ok: false; errors: string[] };

/**
 * Check a fault plan written by an author (or received over postMessage) without zod, with messages
 * that say which entry and field is wrong and what to write instead. Every rule comes from FAULTS.
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
    if (typeof kind !== 'string' || !Object.hasOwn(FAULTS, kind)) {
      errors.push(`${where}.fault must be one of ${FAULT_KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
      return;
    }
    const spec = FAULTS[kind as FaultKind] as unknown as FaultSpec<Fault>;
    const rules = Object.entries(spec.fields) as [string, FieldRule<unknown>][];
    const allowed = rules.map(([key]) => key);
    for (const k of Object.keys(f)) {
      if (k !== 'fault' && !allowed.includes(k)) errors.push(`${where}.${k} does not apply to '${kind}' (allowed: ${allowed.join(', ')})`);
    }
    errors.push(...(spec.across?.(f, where) ?? []));
    for (const [key, rule] of rules) {
      const value = f[key];
      if (value === undefined) {
        if (rule.required !== undefined) errors.push(`${where}.${key} ${rule.required}`);
      } else rule.check(value, `${where}.${key}`, errors);
    }
  });
  return errors.length === 0 ? { ok: true, plan: plan as FaultPlan } : { ok: false, errors };
}

// ---- derived: the docs ---------------------------------------------------------------------------

const TRIGGER_WORDS: Record<string, string> = {
  'record-sent/request': 'on the produce request carrying the record',
  'record-sent/response-delay': "on the leader's answer to that request",
  'record-sent/response': "on the leader's answer to that request",
  'record-sent/append': 'right after the leader appends the record',
  'record-delivered/before-commit': 'when the consumer that got the record commits past it',
  'record-delivered/after-commit': 'when the consumer that got the record commits past it',
  time: 'at a virtual time',
  call: "at a process's nth call out",
};

function whenWords(kind: FaultKind): string {
  return [...new Set(FAULTS[kind].fires.map((t) => TRIGGER_WORDS['stage' in t ? `${t.on}/${t.stage}` : t.on]))].join(', or ');
}

const cell = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The fault kinds as a Markdown table (README's "Fault kinds"), generated from FAULTS. */
export function faultKindsMarkdown(): string {
  const rows = FAULT_KINDS.map((kind) => {
    const fields = (Object.entries(FAULTS[kind].fields) as [string, FieldRule<unknown>][])
      .map(([key, rule]) => `\`${key}\`${rule.required !== undefined ? '' : '?'}: ${rule.doc}${rule.default !== undefined ? ` (default ${JSON.stringify(rule.default)})` : ''}`)
      .join('; ');
    return `| \`${kind}\` | ${cell(fields)} | ${cell(whenWords(kind))} | ${cell(FAULTS[kind].doc)} |`;
  });
  return ['| Fault | Fields | Fires | What it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
