/**
 * The simulation engine: brokers, partitions, the produce and fetch paths, replication, ISR changes,
 * leader election and truncation, all as events on one virtual clock.
 *
 * The idea: clients talk to the engine through callback-based requests (no promises, no per-record
 * closures) that each cost one network hop per direction; the KafkaJS facade reaches them only through
 * the port in client-port.ts and wraps them into promises, and the bench calls them directly. A
 * partition's replication state changes only through Partition's own methods; the engine decides when. Coordinators for transactions and groups live beside it
 * (transactions.ts, groups.ts) and fault triggers in fault-runtime.ts.
 *
 * Simplifications, deliberate and documented: metadata is always fresh (a client sends to the current
 * leader, or gets LEADER_NOT_AVAILABLE); a crashed broker leaves every ISR at once (Kafka waits for the
 * broker's session to expire, replica.lag.time.max.ms = 30 s); one produce request carries one
 * partition's batch (KafkaJS groups batches per broker); the produce `timeout` is enforced by the
 * client's request timeout only.
 */
import { Scheduler } from './scheduler.ts';
import { createPrng } from './prng.ts';
import { ReplicaLog, type LogRecord, type RecordBatch } from './log.ts';
import { Partition } from './partition.ts';
import type { ErrorType } from './error-codes.ts';
import type { FaultHit, IsolationLevel, ReadRecord, TopicSpec, ClientCrash } from './types.ts';
import type { TraceEvent, UntimedTraceEvent } from './trace.ts';
import type { FaultPlan } from './faults.ts';
import { FaultRuntime } from './fault-runtime.ts';
import { TransactionCoordinator } from './transactions.ts';
import { GroupCoordinator } from './groups.ts';
import { ProcessTable } from './processes.ts';

/** One-way network latency between any two nodes, in virtual milliseconds. */
export const HOP_MS = 1;

/** A produce request for one partition. */
export interface ProduceRequest {
  /** The client handle from {@link Engine.registerClient}. */
  client: number;
  clientId: string;
  requestId: number;
  attempt: number;
  topic: string;
  partition: number;
  acks: number;
  /** The client's request timeout: a response later than this is one the client no longer waits for. */
  requestTimeoutMs: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  transactionalId: string | null;
  keys: readonly (string | null)[];
  values: readonly (string | null)[];
  headers: readonly (Readonly<Record<string, string>> | null)[] | null;
}

/** The leader's answer to a produce request. */
export type ProduceResponse =
  | { error: null; baseOffset: number; logAppendTime: number; logStartOffset: number; duplicate: boolean }
  | { error: ErrorType };

/** The leader's answer to a fetch. */
export type FetchResponse =
  | { error: null; records: LogRecord[]; next: number; highWatermark: number }
  | { error: ErrorType };

interface ClientEntry {
  kind: 'consumer' | 'producer' | 'admin';
  clientId: string;
  groupId?: string;
  /** The process the client lives in: it dies with it. */
  process: number;
  alive: boolean;
}

/** Engine options (resolved from ClusterOptions). */
export interface EngineOptions {
  seed: number;
  brokers: number;
  faults: FaultPlan;
  uncleanLeaderElection: boolean;
}

/** The simulated cluster's state and behaviour. */
export class Engine {
  readonly clock = new Scheduler();
  readonly random: () => number;
  readonly trace: TraceEvent[] = [];
  readonly brokerCount: number;
  readonly alive: boolean[];
  readonly unclean: boolean;
  readonly topics = new Map<string, Partition[]>();
  readonly faults: FaultRuntime;
  readonly txns: TransactionCoordinator;
  readonly groups: GroupCoordinator;
  readonly processes = new ProcessTable();
  private readonly clients = new Map<number, ClientEntry>();
  private nextClient = 1;
  private nextRequest = 1;
  private dataWaiters: (() => void)[] = [];
  private readonly crashListeners: ((e: ClientCrash) => void)[] = [];
  private callsOut = 0;

  constructor(o: EngineOptions) {
    this.random = createPrng(o.seed);
    this.brokerCount = o.brokers;
    this.alive = Array.from({ length: o.brokers }, () => true);
    this.unclean = o.uncleanLeaderElection;
    this.txns = new TransactionCoordinator(this);
    this.groups = new GroupCoordinator(this);
    this.faults = new FaultRuntime(this, o.faults);
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * How many times the cluster has called code outside it: a client's callback, a timer or listener a
   * host or the facade gave it. Only such a call can queue a promise continuation, so a step that made
   * none leaves nothing for the learner's code to do (runUntil then needs no yield to the host).
   */
  outsideCalls(): number {
    return this.callsOut;
  }

  /**
   * `fn`, counted by {@link outsideCalls} each time the cluster calls it: wrap every callback that comes
   * from outside (an arrow, so the port and the cluster face can pass it around unbound).
   */
  readonly outside = <A extends unknown[]>(fn: (...args: A) => void): ((...args: A) => void) => {
    return (...args: A) => {
      this.callsOut++;
      fn(...args);
    };
  };

  /** Record a trace event at the current time. */
  emit(ev: UntimedTraceEvent): void {
    this.trace.push({ t: this.clock.now(), ...ev } as TraceEvent);
  }

  // ---- clients -------------------------------------------------------------------------------

  /** Start a process (see processes.ts); its clients, timers and calls die with it. */
  spawnProcess(name: string, crashPoints = true): number {
    return this.processes.spawn(name, crashPoints);
  }

  /**
   * Register a client instance of process `process`; `onCrash` is called when a planned fault kills the
   * process (and so the client).
   */
  registerClient(kind: ClientEntry['kind'], clientId: string, onCrash: () => void, groupId: string | undefined, process: number): number {
    const id = this.nextClient++;
    const entry: ClientEntry = { kind, clientId, process, alive: true };
    if (groupId !== undefined) entry.groupId = groupId;
    this.clients.set(id, entry);
    this.processes.onKill(process, () => {
      entry.alive = false;
      onCrash();
    });
    return id;
  }

  /** Whether a client instance is still running. */
  clientAlive(id: number): boolean {
    return this.clients.get(id)?.alive ?? false;
  }

  /** The process a client lives in (0 for an unknown client). */
  clientProcess(id: number): number {
    return this.clients.get(id)?.process ?? 0;
  }

  /** A fresh request id (one per produce request, shared by its retries). */
  newRequestId(): number {
    return this.nextRequest++;
  }

  /** A planned fault killed a client: the whole process it lives in dies. */
  crashClient(id: number, detail: string): void {
    const c = this.clients.get(id);
    if (c) this.crashProcess(c.process, detail);
  }

  /**
   * Kill a process (planned fault): one crash event, then every client of it stops, then the host's
   * listeners are told (a supervisor may start a replacement).
   */
  crashProcess(process: number, detail: string): void {
    if (!this.processes.alive(process)) return;
    const name = this.processes.name(process);
    const groupIds = [...this.clients.values()].filter((c) => c.process === process && c.groupId !== undefined).map((c) => c.groupId as string);
    this.emit({ kind: 'crash', clientId: name, ...(groupIds[0] !== undefined ? { groupId: groupIds[0] } : {}), detail });
    this.processes.kill(process);
    const note: ClientCrash = { process: name, t: this.now() };
    if (groupIds[0] !== undefined) note.groupId = groupIds[0];
    for (const l of this.crashListeners) l(note);
  }

  onClientCrash(listener: (e: ClientCrash) => void): void {
    this.crashListeners.push(listener);
  }

  // ---- topics --------------------------------------------------------------------------------

  /** Create a topic; returns an error type instead of throwing, for the admin API. */
  createTopic(spec: TopicSpec): ErrorType | null {
    if (this.topics.has(spec.topic)) return 'TOPIC_ALREADY_EXISTS';
    const n = spec.numPartitions ?? 1;
    const rf = spec.replicationFactor ?? Math.min(3, this.brokerCount);
    if (rf < 1 || rf > this.brokerCount || !Number.isInteger(rf)) return 'INVALID_REPLICATION_FACTOR';
    const minIsr = Math.min(spec.minInsyncReplicas ?? 2, rf);
    const parts: Partition[] = [];
    for (let p = 0; p < n; p++) {
      // Leaders rotate over brokers, as Kafka's default assignment spreads them.
      const replicas = Array.from({ length: rf }, (_, i) => (p + i) % this.brokerCount);
      // A replica on a broker that is down at creation starts outside the ISR.
      parts.push(new Partition(spec.topic, p, replicas, minIsr, replicas.filter((b) => this.alive[b])));
    }
    this.topics.set(spec.topic, parts);
    return null;
  }

  /** The names of every topic, in creation order. */
  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  /** The partitions of `topic`, in order (none for an unknown topic). */
  partitionsOf(topic: string): readonly Partition[] {
    return this.topics.get(topic) ?? [];
  }

  /** The partition, or undefined. */
  partition(topic: string, p: number): Partition | undefined {
    return this.topics.get(topic)?.[p];
  }

  // ---- produce path --------------------------------------------------------------------------

  /** Send a produce request to the partition's current leader; `respond` runs on the client's side. */
  produce(req: ProduceRequest, respond: (r: ProduceResponse) => void): void {
    const claims = req.attempt === 1 ? this.faults.claimProduce(req) : undefined;
    this.emit({
      kind: req.attempt === 1 ? 'send' : 'retry',
      clientId: req.clientId,
      topic: req.topic,
      partition: req.partition,
      requestId: req.requestId,
      acks: req.acks,
      producerId: req.producerId,
      sequence: req.baseSequence,
      count: req.values.length,
      value: req.values[0] ?? null,
      values: req.values,
    });
    if (this.faults.dropRequest(req)) return;
    const part = this.partition(req.topic, req.partition);
    const leader = part ? part.leader : -1;
    this.clock.schedule(HOP_MS, () => {
      const answer = (r: ProduceResponse, delay = HOP_MS): void => {
        if (req.acks === 0) return;
        this.clock.schedule(this.faults.responseDelay(req, r, delay), () => {
          if (this.faults.dropResponse(req, r)) return;
          if (!this.clientAlive(req.client)) return;
          respond(r);
        });
      };
      if (!part) return answer({ error: 'UNKNOWN_TOPIC_OR_PARTITION' });
      if (leader < 0 || !this.alive[leader]) return answer({ error: leader < 0 ? 'LEADER_NOT_AVAILABLE' : 'NETWORK_EXCEPTION' });
      if (part.leader !== leader) return answer({ error: 'NOT_LEADER_OR_FOLLOWER' });
      this.appendAsLeader(part, req, claims, answer);
    });
  }

  private appendAsLeader(
    part: Partition,
    req: ProduceRequest,
    claims: number[] | undefined,
    answer: (r: ProduceResponse) => void,
  ): void {
    const log = part.log(part.leader);
    if (req.acks === -1 && part.isr.length < part.minIsr) {
      this.emit({ kind: 'error', broker: part.leader, topic: part.topic, partition: part.index, requestId: req.requestId, error: 'NOT_ENOUGH_REPLICAS', detail: `ISR ${part.isr.length} < min.insync.replicas ${part.minIsr}` });
      return answer({ error: 'NOT_ENOUGH_REPLICAS' });
    }
    if (req.producerId >= 0) {
      if (req.transactionalId !== null && !this.txns.producerCurrent(req.producerId, req.producerEpoch)) {
        // Since KIP-588 (Kafka 2.7) a fenced producer's produce request is answered INVALID_PRODUCER_EPOCH.
        this.emit({ kind: 'fence', broker: part.leader, topic: part.topic, partition: part.index, producerId: req.producerId, producerEpoch: req.producerEpoch, requestId: req.requestId, error: 'INVALID_PRODUCER_EPOCH' });
        return answer({ error: 'INVALID_PRODUCER_EPOCH' });
      }
      const check = this.checkSequence(log, req);
      if (check !== null && check !== 'ok') {
        if (typeof check === 'number') {
          this.emit({ kind: 'dedupe', broker: part.leader, topic: part.topic, partition: part.index, offset: check, count: req.values.length, producerId: req.producerId, sequence: req.baseSequence, requestId: req.requestId, value: req.values[0] ?? null });
          return answer({ error: null, baseOffset: check, logAppendTime: -1, logStartOffset: 0, duplicate: true });
        }
        this.emit({ kind: 'error', broker: part.leader, topic: part.topic, partition: part.index, producerId: req.producerId, sequence: req.baseSequence, requestId: req.requestId, error: check });
        return answer({ error: check });
      }
    }
    const batch: RecordBatch = {
      baseOffset: log.leo,
      count: req.values.length,
      leaderEpoch: part.leaderEpoch,
      producerId: req.producerId,
      producerEpoch: req.producerEpoch,
      baseSequence: req.baseSequence,
      transactional: req.transactionalId !== null,
      control: null,
      keys: req.keys,
      values: req.values,
      headers: req.headers,
      timestamp: this.now(),
    };
    log.append(batch);
    this.emit({ kind: 'append', broker: part.leader, topic: part.topic, partition: part.index, offset: batch.baseOffset, count: batch.count, producerId: req.producerId, sequence: req.baseSequence, requestId: req.requestId, value: req.values[0] ?? null, values: req.values });
    const ok: ProduceResponse = { error: null, baseOffset: batch.baseOffset, logAppendTime: -1, logStartOffset: 0, duplicate: false };
    if (req.acks === 1) answer(ok);
    else if (req.acks === -1) {
      part.awaitHw({
        end: batch.baseOffset + batch.count,
        respond: (error) => answer(error === null ? ok : { error }),
      });
    }
    this.afterLeaderAppend(part);
    if (claims) this.faults.afterAppend(claims, part, req);
  }

  /** 'ok' to append, a number to answer a duplicate with its original offset, or an error. */
  private checkSequence(log: ReplicaLog, req: ProduceRequest): 'ok' | number | ErrorType | null {
    if (req.baseSequence < 0) return null;
    const entry = log.producers.get(req.producerId);
    const lastSeq = req.baseSequence + req.values.length - 1;
    if (!entry) return req.baseSequence === 0 ? 'ok' : 'OUT_OF_ORDER_SEQUENCE_NUMBER';
    if (req.producerEpoch < entry.epoch) return 'INVALID_PRODUCER_EPOCH';
    if (req.producerEpoch > entry.epoch) return req.baseSequence === 0 ? 'ok' : 'OUT_OF_ORDER_SEQUENCE_NUMBER';
    for (const b of entry.batches) if (b.firstSeq === req.baseSequence && b.lastSeq === lastSeq) return b.baseOffset;
    const last = entry.batches[entry.batches.length - 1];
    const expected = last ? last.lastSeq + 1 : 0;
    return req.baseSequence === expected ? 'ok' : 'OUT_OF_ORDER_SEQUENCE_NUMBER';
  }

  /** Append a transaction marker on the partition's leader (the coordinator's write). */
  appendMarker(part: Partition, producerId: number, producerEpoch: number, kind: 'commit' | 'abort', transactionalId: string): boolean {
    if (part.leader < 0 || !this.alive[part.leader]) return false;
    const log = part.log(part.leader);
    if (!log.openTxns.has(producerId)) return true;
    const marker: RecordBatch = {
      baseOffset: log.leo,
      count: 1,
      leaderEpoch: part.leaderEpoch,
      producerId,
      producerEpoch,
      baseSequence: -1,
      transactional: true,
      control: kind,
      keys: [null],
      values: [null],
      headers: null,
      timestamp: this.now(),
    };
    log.append(marker);
    this.emit({ kind: 'marker', broker: part.leader, topic: part.topic, partition: part.index, offset: marker.baseOffset, producerId, producerEpoch, transactionalId, detail: kind, control: kind });
    this.afterLeaderAppend(part);
    this.notifyData();
    return true;
  }

  /** After any leader append: followers fetch, and a single-replica ISR moves the HW at once. */
  private afterLeaderAppend(part: Partition): void {
    for (const b of part.replicas) if (b !== part.leader) this.scheduleFollowerFetch(part, b);
    this.advanceHw(part);
  }

  // ---- replication ---------------------------------------------------------------------------

  private scheduleFollowerFetch(part: Partition, follower: number): void {
    if (!this.alive[follower] || part.isStalled(follower, this.now())) return;
    if (!part.startFetch(follower)) return;
    this.clock.schedule(HOP_MS, () => this.followerFetch(part, follower));
  }

  private followerFetch(part: Partition, follower: number): void {
    part.endFetch(follower);
    const leader = part.leader;
    if (leader < 0 || leader === follower || !this.alive[leader] || !this.alive[follower]) return;
    if (part.isStalled(follower, this.now())) return;
    const src = part.log(leader);
    const dst = part.log(follower);
    if (dst.leo < src.leo) {
      const from = dst.leo;
      for (let i = src.batchIndexAt(from); i < src.batches.length; i++) dst.append(src.batches[i] as RecordBatch);
      this.emit({ kind: 'replicate', broker: follower, topic: part.topic, partition: part.index, offset: from, count: dst.leo - from });
    }
    const reached = dst.leo;
    const epoch = part.leaderEpoch;
    // The leader learns the follower's position with the next fetch, one hop later.
    this.clock.schedule(HOP_MS, () => {
      if (part.leader !== leader || part.leaderEpoch !== epoch || !this.alive[leader]) return;
      part.noteFollowerLeo(follower, reached);
      const leaderLeo = part.log(leader).leo;
      if (this.alive[follower] && reached >= leaderLeo && part.addToIsr(follower)) {
        this.emit({ kind: 'isr-expand', broker: follower, topic: part.topic, partition: part.index, detail: `ISR ${part.isr.join(',')}`, isr: [...part.isr] });
      }
      this.advanceHw(part);
      if (reached < leaderLeo) this.scheduleFollowerFetch(part, follower);
    });
  }

  /** Recompute the HW (the partition answers the acks=all requests it covers); readers waiting are told. */
  advanceHw(part: Partition): void {
    if (!part.recomputeHw()) return;
    this.notifyData();
  }

  /** Remove followers from the ISR (shrink-isr fault) for `forMs`; pending acks=all fail after append. */
  stallFollowers(part: Partition, forMs: number): number[] {
    const until = this.now() + forMs;
    const removed = part.isr.filter((b) => b !== part.leader);
    part.stallFollowers(until);
    if (removed.length > 0) {
      part.setIsr(part.isr.filter((b) => b === part.leader));
      this.emit({ kind: 'isr-shrink', broker: part.leader, topic: part.topic, partition: part.index, detail: `ISR ${part.isr.join(',')} (min.insync.replicas ${part.minIsr})`, isr: [...part.isr] });
      this.failPendingBelowMinIsr(part);
    }
    this.clock.schedule(forMs, () => {
      for (const b of part.replicas) if (b !== part.leader) this.scheduleFollowerFetch(part, b);
    });
    return removed;
  }

  private failPendingBelowMinIsr(part: Partition): void {
    if (part.isr.length >= part.minIsr) {
      this.advanceHw(part);
      return;
    }
    part.failPending('NOT_ENOUGH_REPLICAS_AFTER_APPEND');
  }

  // ---- brokers -------------------------------------------------------------------------------

  /** Crash a broker: it stops answering, leaves every ISR, and partitions it led elect a new leader. */
  crashBroker(b: number, detail: string): void {
    if (!this.alive[b]) return;
    this.alive[b] = false;
    this.emit({ kind: 'crash', broker: b, detail });
    for (const parts of this.topics.values()) {
      for (const part of parts) {
        if (!part.replicas.includes(b)) continue;
        part.endFetch(b);
        if (part.leader === b) {
          part.failPending('NETWORK_EXCEPTION');
          this.elect(part, b);
        } else if (part.removeFromIsr(b)) {
          this.emit({ kind: 'isr-shrink', broker: part.leader, topic: part.topic, partition: part.index, detail: `ISR ${part.isr.join(',')}`, isr: [...part.isr] });
          this.failPendingBelowMinIsr(part);
        }
      }
    }
  }

  /** Restart a crashed broker: its replicas rejoin as followers (truncating), or lead an offline partition. */
  restartBroker(b: number): void {
    if (this.alive[b]) return;
    this.alive[b] = true;
    this.emit({ kind: 'restart', broker: b });
    for (const parts of this.topics.values()) {
      for (const part of parts) {
        if (!part.replicas.includes(b)) continue;
        if (part.leader < 0) {
          // Offline partition: the returning broker may lead if it is the last ISR member (clean) or unclean is on.
          if (part.isr.includes(b) || this.unclean) {
            const clean = part.isr.includes(b);
            part.setIsr([...part.isr.filter((x) => x === b || this.alive[x]), b]);
            this.becomeLeader(part, b, clean ? 'last in-sync replica back' : 'unclean election', !clean);
          }
          continue;
        }
        this.becomeFollower(part, b);
        this.scheduleFollowerFetch(part, b);
      }
    }
  }

  private becomeFollower(part: Partition, b: number): void {
    const mine = part.log(b);
    const leaderLog = part.log(part.leader);
    const cut = mine.divergenceWith(leaderLog);
    const dropped = mine.truncateTo(Math.min(cut, mine.leo));
    if (dropped > 0) this.emit({ kind: 'truncate', broker: b, topic: part.topic, partition: part.index, offset: cut, count: dropped, detail: 'follower truncates to the leader' });
    part.noteFollowerLeo(b, mine.leo);
  }

  private elect(part: Partition, failed: number): void {
    part.removeFromIsr(failed);
    const clean = part.isr.find((x) => this.alive[x]);
    if (clean !== undefined) return this.becomeLeader(part, clean, 'clean election from the ISR', false);
    if (this.unclean) {
      const any = part.replicas.find((x) => this.alive[x]);
      if (any !== undefined) {
        part.setIsr([any]);
        return this.becomeLeader(part, any, 'unclean election: an out-of-sync replica leads, acknowledged records can be lost', true);
      }
    }
    // Nobody may lead: the partition is offline. The failed broker stays the ISR's last member.
    if (part.isr.length === 0) part.setIsr([failed]);
    part.goOffline();
    this.emit({ kind: 'elect', topic: part.topic, partition: part.index, broker: -1, unclean: false, detail: 'partition offline: no in-sync replica alive' });
  }

  private becomeLeader(part: Partition, b: number, detail: string, unclean: boolean): void {
    // An unclean leader may have less than the old HW: what it lacks is lost (the partition caps it).
    part.takeLeadership(b);
    this.emit({ kind: 'elect', broker: b, topic: part.topic, partition: part.index, unclean, detail: `${detail} (leader epoch ${part.leaderEpoch})` });
    for (const r of part.replicas) {
      if (r === b || !this.alive[r]) continue;
      this.becomeFollower(part, r);
      this.scheduleFollowerFetch(part, r);
    }
    this.advanceHw(part);
  }

  // ---- fetch path ----------------------------------------------------------------------------

  /**
   * A fetch from the partition leader: records from `offset` below the HW (read_uncommitted) or the
   * LSO (read_committed), control markers and (read_committed) aborted data skipped.
   */
  fetchFrom(
    client: number,
    topic: string,
    p: number,
    offset: number,
    isolation: IsolationLevel,
    maxRecords: number,
    respond: (r: FetchResponse) => void,
  ): void {
    const part = this.partition(topic, p);
    this.clock.schedule(HOP_MS, () => {
      let r: FetchResponse;
      if (!part) r = { error: 'UNKNOWN_TOPIC_OR_PARTITION' };
      else if (part.leader < 0) r = { error: 'LEADER_NOT_AVAILABLE' };
      else {
        const log = part.log(part.leader);
        if (offset > log.leo) r = { error: 'OFFSET_OUT_OF_RANGE' };
        else {
          const upTo = isolation === 'read_committed' ? part.lso() : part.hw;
          const records: LogRecord[] = [];
          const next = offset >= upTo ? offset : log.read(offset, upTo, isolation === 'read_committed', maxRecords, records);
          r = { error: null, records, next, highWatermark: part.hw };
        }
      }
      this.clock.schedule(HOP_MS, () => {
        if (this.clientAlive(client)) respond(r);
      });
    });
  }

  /** Run `fn` (one hop later) when any partition's readable end moves, or after `maxWaitMs`. */
  waitForData(maxWaitMs: number, fn: () => void): void {
    let done = false;
    const fire = (): void => {
      if (done) return;
      done = true;
      this.clock.cancel(timer);
      fn();
    };
    const timer = this.clock.schedule(maxWaitMs, fire);
    this.dataWaiters.push(() => this.clock.schedule(HOP_MS, fire));
  }

  private notifyData(): void {
    if (this.dataWaiters.length === 0) return;
    const waiters = this.dataWaiters;
    this.dataWaiters = [];
    for (const w of waiters) w();
  }

  /** Earliest and next offsets a new reader would use ('earliest' / 'latest'). */
  offsetsOf(topic: string, p: number): { earliest: number; latest: number } {
    const part = this.partition(topic, p);
    return { earliest: 0, latest: part ? part.hw : 0 };
  }

  /** What a fresh consumer reading every partition from the beginning would get now. */
  readTopic(topic: string, isolation: IsolationLevel): ReadRecord[] {
    const parts = this.topics.get(topic);
    if (!parts) return [];
    const out: ReadRecord[] = [];
    for (const part of parts) {
      const log = part.leaderLog();
      if (!log) continue;
      const upTo = isolation === 'read_committed' ? part.lso() : part.hw;
      const recs: LogRecord[] = [];
      log.read(0, upTo, isolation === 'read_committed', Number.MAX_SAFE_INTEGER, recs);
      for (const r of recs) out.push({ partition: part.index, offset: r.offset, key: r.key, value: r.value });
    }
    return out;
  }

  /** Which planned faults fired. */
  faultsHit(): FaultHit[] {
    return this.faults.hits.map((h) => ({ ...h }));
  }
}
