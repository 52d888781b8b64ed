/**
 * Fires the planned faults. Record-triggered faults are claimed by the first produce request (or, for
 * consumer faults, the first delivery) that carries their nth matching record, then fire when that
 * request reaches the stage the fault is about: on the wire, after the append, on the response.
 */
import type { Engine, ProduceRequest, ProduceResponse } from './engine.ts';
import { HOP_MS } from './engine.ts';
import type { Partition } from './partition.ts';
import { matchesRecord, type Fault, type FaultPlan, type RecordMatch } from './faults.ts';
import { setting, triggerOf, type FaultTrigger } from './fault-registry.ts';
import type { FaultHit } from './types.ts';
import type { FaultEvent } from './trace.ts';

interface Armed {
  client: number;
  groupId: string;
  topic: string;
  partition: number;
  offset: number;
  value: string | null;
}

interface Entry {
  index: number;
  fault: Fault;
  /** When it fires, from the registry. */
  trigger: FaultTrigger;
  seen: number;
  claimedBy: number | null;
  armed: Armed | null;
  fired: boolean;
}

type SentStage = Extract<FaultTrigger, { on: 'record-sent' }>['stage'];
type CommitStage = Extract<FaultTrigger, { on: 'record-delivered' }>['stage'];

/** A call out of a process, as its call site describes it. */
export interface ProcessCall {
  /** What the call does, for reports: "charge order-3f1", "commit offsets orders/0 → 3". */
  label: string;
  /** The records or orders it concerns (so a diagnosis can tie a crash to an order). */
  values: readonly (string | null)[];
  /** How the call fails when a planned failure refuses it; absent when it cannot fail so. */
  failure?: string;
}

/** A call that started: which call of which process it is. */
export interface CallTicket {
  process: number;
  n: number;
  call: ProcessCall;
}

/** How a call's start went: go on, the process died, or the call failed before taking effect. */
export interface CallStart {
  ticket: CallTicket;
  fate: 'proceed' | 'crashed' | 'failed';
}

/** The state of a fault plan during a run. */
export class FaultRuntime {
  readonly hits: FaultHit[] = [];
  private readonly entries: Entry[];
  private readonly engine: Engine;
  private unclaimedProduce: number;
  private unclaimedConsume: number;
  /** Frozen processes (by process id): the virtual time each wakes up. */
  private readonly pausedUntil = new Map<number, number>();
  private readonly pauseListeners = new Map<number, ((forMs: number) => void)[]>();

  constructor(engine: Engine, plan: FaultPlan) {
    this.engine = engine;
    this.entries = plan.map((fault, index) => ({ index, fault, trigger: triggerOf(fault), seen: 0, claimedBy: null, armed: null, fired: false }));
    this.unclaimedProduce = this.entries.filter((e) => e.trigger.on === 'record-sent').length;
    this.unclaimedConsume = this.entries.filter((e) => e.trigger.on === 'record-delivered').length;
    for (const e of this.entries) this.scheduleTimed(e);
  }

  private scheduleTimed(e: Entry): void {
    const f = e.fault;
    if (e.trigger.on !== 'time') return;
    if (f.fault === 'restart-broker') {
      const downForMs = setting(f, 'downForMs');
      this.engine.clock.schedule(f.at, () => {
        if (!this.engine.alive[f.broker]) return;
        this.hit(e, { broker: f.broker, values: [], detail: `broker ${f.broker} restarts (down for ${downForMs} ms)` });
        this.engine.crashBroker(f.broker, 'planned restart');
        this.engine.clock.schedule(downForMs, () => this.engine.restartBroker(f.broker));
      });
    } else if (f.fault === 'shrink-isr' && f.at !== undefined && f.topic !== undefined) {
      const topic = f.topic;
      const forMs = setting(f, 'forMs');
      this.engine.clock.schedule(f.at, () => {
        const part = this.engine.partition(topic, setting(f, 'partition'));
        if (!part || part.leader < 0) return;
        const removed = this.engine.stallFollowers(part, forMs);
        this.hit(e, { broker: part.leader, topic, partition: part.index, values: [], detail: `followers ${removed.join(',')} fall out of the ISR for ${forMs} ms` });
      });
    }
  }

  private hit(e: Entry, h: Omit<FaultHit, 'index' | 'fault' | 't'>): void {
    e.fired = true;
    const full: FaultHit = { index: e.index, fault: e.fault.fault, t: this.engine.now(), ...h };
    this.hits.push(full);
    const ev: Omit<FaultEvent, 't'> = { kind: 'fault', fault: e.fault.fault, detail: `${e.fault.fault}: ${h.detail}` };
    if (h.broker !== undefined) ev.broker = h.broker;
    if (h.topic !== undefined) ev.topic = h.topic;
    if (h.partition !== undefined) ev.partition = h.partition;
    if (h.requestId !== undefined) ev.requestId = h.requestId;
    if (h.clientId !== undefined) ev.clientId = h.clientId;
    if (h.values.length > 0) ev.values = h.values;
    this.engine.emit(ev);
  }

  /** Count the request's records against unclaimed produce faults; returns the entries it claims. */
  claimProduce(req: ProduceRequest): number[] | undefined {
    if (this.unclaimedProduce === 0) return undefined;
    let claimed: number[] | undefined;
    for (const e of this.entries) {
      if (e.claimedBy !== null || e.trigger.on !== 'record-sent') continue;
      const on: RecordMatch | undefined = 'on' in e.fault ? e.fault.on : undefined;
      if (!on) continue;
      const nth = on.nth ?? 1;
      for (let i = 0; i < req.values.length; i++) {
        if (!matchesRecord(on, req.topic, req.partition, req.keys[i] ?? null, req.values[i] ?? null)) continue;
        if (++e.seen === nth) {
          e.claimedBy = req.requestId;
          this.unclaimedProduce--;
          (claimed ??= []).push(e.index);
          break;
        }
      }
    }
    return claimed;
  }

  /** The unfired entry of `kind` that `req` claimed, if `kind` fires at `stage` (per the registry). */
  private claimed(req: ProduceRequest, stage: SentStage, kind: Fault['fault']): Entry | undefined {
    for (const e of this.entries) {
      if (!e.fired && e.claimedBy === req.requestId && e.fault.fault === kind && e.trigger.on === 'record-sent' && e.trigger.stage === stage) return e;
    }
    return undefined;
  }

  private base(req: ProduceRequest): Pick<FaultHit, 'topic' | 'partition' | 'values' | 'requestId' | 'clientId'> {
    return { topic: req.topic, partition: req.partition, values: req.values, requestId: req.requestId, clientId: req.clientId };
  }

  /** lose-request: the request never reaches the leader. */
  dropRequest(req: ProduceRequest): boolean {
    const e = this.claimed(req, 'request', 'lose-request');
    if (!e) return false;
    this.hit(e, { ...this.base(req), detail: 'the produce request was lost on the way to the leader' });
    this.engine.emit({ kind: 'drop', clientId: req.clientId, topic: req.topic, partition: req.partition, requestId: req.requestId, values: req.values, lost: 'request', detail: 'request lost' });
    return true;
  }

  /** request-timeout: the response comes back after the client stopped waiting. */
  responseDelay(req: ProduceRequest, r: ProduceResponse, delay: number): number {
    if (r.error !== null) return delay;
    const e = this.claimed(req, 'response-delay', 'request-timeout');
    if (!e) return delay;
    this.hit(e, { ...this.base(req), detail: `the leader wrote the records but answered after the client's ${req.requestTimeoutMs} ms request timeout` });
    return req.requestTimeoutMs + delay + HOP_MS;
  }

  /** lose-ack drops the response; restart-producer kills the producer as the response arrives. */
  dropResponse(req: ProduceRequest, r: ProduceResponse): boolean {
    const lost = this.claimed(req, 'response', 'lose-ack');
    if (lost) {
      const written = r.error === null ? 'the leader wrote the records' : `the leader answered ${r.error}`;
      this.hit(lost, { ...this.base(req), detail: `${written} but the response was lost` });
      this.engine.emit({ kind: 'drop', clientId: req.clientId, topic: req.topic, partition: req.partition, requestId: req.requestId, values: req.values, lost: 'response', detail: 'response lost' });
      return true;
    }
    const restart = this.claimed(req, 'response', 'restart-producer');
    if (restart) {
      this.hit(restart, { ...this.base(req), detail: 'the producer process died before it saw the response' });
      this.engine.crashClient(req.client, 'producer process died (planned restart)');
      return true;
    }
    return false;
  }

  /** Faults that strike right after the leader appended the claimed request's records. */
  afterAppend(claims: number[], part: Partition, req: ProduceRequest): void {
    for (const i of claims) {
      const e = this.entries[i];
      if (!e || e.fired || e.trigger.on !== 'record-sent' || e.trigger.stage !== 'append') continue;
      const f = e.fault;
      if (f.fault === 'crash-leader-before-replication') {
        const leader = part.leader;
        const after = setting(f, 'restartAfterMs');
        this.hit(e, { ...this.base(req), broker: leader, detail: `leader ${leader} crashed after appending, before any follower fetched (back after ${after} ms)` });
        this.engine.crashBroker(leader, 'leader crash before replication');
        this.engine.clock.schedule(after, () => this.engine.restartBroker(leader));
      } else if (f.fault === 'shrink-isr') {
        const forMs = setting(f, 'forMs');
        const removed = this.engine.stallFollowers(part, forMs);
        this.hit(e, { ...this.base(req), broker: part.leader, detail: `followers ${removed.join(',') || '(none)'} fell out of the ISR for ${forMs} ms, below min.insync.replicas ${part.minIsr}` });
      } else if (f.fault === 'pause-instance') {
        const forMs = setting(f, 'forMs');
        const process = this.engine.clientProcess(req.client);
        this.hit(e, { ...this.base(req), detail: `the instance '${this.engine.processes.name(process)}' froze for ${forMs} ms right after this record was written (a long GC pause or a network partition), then woke up and carried on` });
        this.pause(process, forMs);
      } else if (f.fault === 'zombie-producer' || f.fault === 'transaction-timeout') {
        if (req.transactionalId === null) continue;
        const zombie = f.fault === 'zombie-producer';
        this.hit(e, {
          ...this.base(req),
          detail: zombie
            ? `another instance with transactional.id '${req.transactionalId}' called initTransactions: the open transaction is aborted and this producer fenced`
            : `the coordinator timed out the transaction of '${req.transactionalId}': aborted, producer fenced`,
        });
        this.engine.txns.bumpAndAbort(req.transactionalId, zombie ? 'zombie instance initialised' : 'transaction timeout');
      }
    }
  }

  /**
   * Freeze `process` (all its clients and timers) for `forMs`: what is due to it is held by
   * {@link whenAwake}; its pause listeners are told (a consumer arranges its session expiry).
   */
  private pause(process: number, forMs: number): void {
    const until = this.engine.now() + forMs;
    this.pausedUntil.set(process, Math.max(until, this.pausedUntil.get(process) ?? 0));
    for (const listener of this.pauseListeners.get(process) ?? []) listener(forMs);
    this.engine.clock.schedule(forMs, () => {
      if ((this.pausedUntil.get(process) ?? 0) > this.engine.now()) return;
      this.pausedUntil.delete(process);
      const name = this.engine.processes.name(process);
      this.engine.emit({ kind: 'fault', fault: 'pause-instance', clientId: name, detail: `pause-instance: '${name}' wakes up after ${forMs} ms and carries on with its calls in flight` });
    });
  }

  /** Whether `process` is frozen now. */
  isPaused(process: number): boolean {
    return (this.pausedUntil.get(process) ?? 0) > this.engine.now();
  }

  /** Tell `listener` (with the pause's length) whenever `process` freezes. */
  onPause(process: number, listener: (forMs: number) => void): void {
    const list = this.pauseListeners.get(process);
    if (list) list.push(listener);
    else this.pauseListeners.set(process, [listener]);
  }

  /**
   * Run `fn` — a response or a timer due to `process` — now, or when the process wakes up if it is
   * frozen; never once it died. Held callbacks run at wake-up in the order they were due (the clock
   * breaks ties by insertion order), the way a resumed process drains its socket and timer queues.
   */
  whenAwake(process: number, fn: () => void): void {
    if (!this.engine.processes.alive(process)) return;
    const until = this.pausedUntil.get(process);
    if (until === undefined || until <= this.engine.now()) fn();
    else this.engine.clock.schedule(until - this.engine.now(), () => this.whenAwake(process, fn));
  }

  /**
   * A process starts a call out (see processes.ts): the call is counted, and a planned crash may kill
   * the process before the call takes effect, or a planned failure refuse it (only when the call site
   * says how it can fail, in `call.failure`).
   */
  beginCall(process: number, call: ProcessCall): CallStart {
    const n = this.engine.processes.countCall(process);
    const ticket: CallTicket = { process, n, call };
    const crash = this.callFault('crash-process', n, 'before');
    if (crash !== undefined) {
      this.strike(crash, ticket, `the process '${this.engine.processes.name(process)}' died just before its call ${n} (${call.label}) took effect`);
      return { ticket, fate: 'crashed' };
    }
    if (call.failure !== undefined) {
      const fail = this.callFault('fail-call', n);
      if (fail !== undefined) {
        this.hit(fail, { values: call.values, clientId: this.engine.processes.name(process), detail: `call ${n} of '${this.engine.processes.name(process)}' (${call.label}) failed: ${call.failure}` });
        return { ticket, fate: 'failed' };
      }
    }
    return { ticket, fate: 'proceed' };
  }

  /** The call took effect and its answer is about to reach the process: true ⇒ a planned crash struck first. */
  endCall(ticket: CallTicket): boolean {
    const crash = this.callFault('crash-process', ticket.n, 'after');
    if (crash === undefined || !this.engine.processes.alive(ticket.process)) return false;
    this.strike(crash, ticket, `the process '${this.engine.processes.name(ticket.process)}' died right after its call ${ticket.n} (${ticket.call.label}) took effect, before the answer arrived`);
    return true;
  }

  private callFault(kind: 'crash-process' | 'fail-call', n: number, when?: 'before' | 'after'): Entry | undefined {
    return this.entries.find((e) => {
      const f = e.fault;
      if (e.fired || f.fault !== kind || f.call !== n) return false;
      return f.fault !== 'crash-process' || setting(f, 'when') === when;
    });
  }

  private strike(e: Entry, ticket: CallTicket, detail: string): void {
    this.hit(e, { values: ticket.call.values, clientId: this.engine.processes.name(ticket.process), detail });
    this.engine.crashProcess(ticket.process, `process crash at call ${ticket.n} (${ticket.call.label})`);
  }

  /** A consumer delivered a record: arm consumer faults whose nth matching delivery this is. */
  noteDelivered(client: number, groupId: string, topic: string, partition: number, offset: number, key: string | null, value: string | null): void {
    if (this.unclaimedConsume === 0) return;
    for (const e of this.entries) {
      const f = e.fault;
      if (e.armed || e.trigger.on !== 'record-delivered' || (f.fault !== 'crash-consumer-before-commit' && f.fault !== 'crash-consumer-after-commit')) continue;
      if (f.groupId !== undefined && f.groupId !== groupId) continue;
      if (!matchesRecord(f.on, topic, partition, key, value)) continue;
      if (++e.seen === (f.on.nth ?? 1)) {
        e.armed = { client, groupId, topic, partition, offset, value };
        this.unclaimedConsume--;
      }
    }
  }

  private armedFor(client: number | null, groupId: string, offsets: readonly { topic: string; partition: number; offset: number }[], stage: CommitStage): Entry | undefined {
    for (const e of this.entries) {
      const a = e.armed;
      if (e.fired || !a || e.trigger.on !== 'record-delivered' || e.trigger.stage !== stage) continue;
      // A transaction's sendOffsets names only the group: it hits the consumer that armed the fault. A
      // commit through another client of the same process is that process committing: it is hit too.
      if (client === null ? a.groupId !== groupId : this.engine.clientProcess(a.client) !== this.engine.clientProcess(client)) continue;
      if (offsets.some((o) => o.topic === a.topic && o.partition === a.partition && o.offset > a.offset)) return e;
    }
    return undefined;
  }

  /** Before a commit (or sendOffsets) past an armed record: true ⇒ the consumer died instead. */
  beforeCommit(client: number | null, groupId: string, offsets: readonly { topic: string; partition: number; offset: number }[]): boolean {
    const e = this.armedFor(client, groupId, offsets, 'before-commit');
    if (!e || !e.armed) return false;
    this.hit(e, { topic: e.armed.topic, partition: e.armed.partition, values: [e.armed.value], detail: `the consumer died after processing offset ${e.armed.offset}, before committing it` });
    this.engine.crashClient(e.armed.client, 'consumer crash before commit');
    return true;
  }

  /** After a commit past an armed record: true ⇒ the consumer died right after it. */
  afterCommit(client: number | null, groupId: string, offsets: readonly { topic: string; partition: number; offset: number }[]): boolean {
    const e = this.armedFor(client, groupId, offsets, 'after-commit');
    if (!e || !e.armed) return false;
    this.hit(e, { topic: e.armed.topic, partition: e.armed.partition, values: [e.armed.value], detail: `the consumer died right after committing past offset ${e.armed.offset}` });
    this.engine.crashClient(e.armed.client, 'consumer crash after commit');
    return true;
  }
}
