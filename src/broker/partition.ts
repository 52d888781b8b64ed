/**
 * One partition's replication state as the controller and its leader see it: replica set, leader and
 * leader epoch, ISR, the leader's view of each follower's log end, and the high watermark.
 */
import { ReplicaLog } from './log.ts';

/** An acks=all request waiting for the ISR to reach `end`. */
export interface PendingAck {
  end: number;
  respond: (error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' | 'NETWORK_EXCEPTION' | null) => void;
}

/**
 * A partition of a topic. Its replication state changes only through the methods below — the engine
 * decides *when* (a fetch answered, a broker crashed, an election), the partition keeps its own
 * invariants (the ISR sorted and without duplicates, the high watermark never moving backwards, an
 * acks=all request answered exactly once).
 */
export class Partition {
  readonly topic: string;
  readonly index: number;
  readonly replicas: readonly number[];
  readonly minIsr: number;
  /** brokerId → that replica's log (logs survive crashes, like disks). */
  readonly logs = new Map<number, ReplicaLog>();
  private leaderId: number;
  private epoch = 0;
  private inSync: number[];
  private highWatermark = 0;
  /** brokerId → log end offset the leader last heard from that follower. */
  private readonly followerLeo = new Map<number, number>();
  /** Followers kept out of the ISR by a shrink-isr fault until this time. */
  private readonly stalledUntil = new Map<number, number>();
  /** Followers with a fetch already scheduled (fetches coalesce). */
  private readonly fetching = new Set<number>();
  private pending: PendingAck[] = [];

  /** `inSync`: the replicas that start in the ISR (those alive at creation); the first one leads. */
  constructor(topic: string, index: number, replicas: readonly number[], minIsr: number, inSync: readonly number[] = replicas) {
    this.topic = topic;
    this.index = index;
    this.replicas = replicas;
    this.minIsr = minIsr;
    this.inSync = [...inSync];
    this.leaderId = this.inSync[0] ?? -1;
    for (const r of replicas) {
      this.logs.set(r, new ReplicaLog());
      this.followerLeo.set(r, 0);
    }
  }

  /** Broker id of the leader, -1 when offline. */
  get leader(): number {
    return this.leaderId;
  }

  get leaderEpoch(): number {
    return this.epoch;
  }

  /**
   * The in-sync replicas. Order matters (a clean election takes the first one alive): it starts in
   * replica order and is re-sorted when a follower rejoins, as it always was — changing it would
   * change which broker a seed elects.
   */
  get isr(): readonly number[] {
    return this.inSync;
  }

  get hw(): number {
    return this.highWatermark;
  }

  // ---- ISR ----

  /** Replace the ISR (an election, a broker back on an offline partition). */
  setIsr(brokers: readonly number[]): void {
    this.inSync = [...new Set(brokers)];
  }

  /** A caught-up follower rejoins the ISR (which is then sorted); false when it was in already. */
  addToIsr(b: number): boolean {
    if (this.inSync.includes(b)) return false;
    this.inSync = [...this.inSync, b].sort((x, y) => x - y);
    return true;
  }

  /** A replica leaves the ISR; false when it was not in it. */
  removeFromIsr(b: number): boolean {
    if (!this.inSync.includes(b)) return false;
    this.inSync = this.inSync.filter((x) => x !== b);
    return true;
  }

  // ---- leadership ----

  /** `b` leads from now on, in a new leader epoch; an unclean leader caps the HW at its log end. */
  takeLeadership(b: number): void {
    this.leaderId = b;
    this.epoch++;
    const log = this.log(b);
    if (this.highWatermark > log.leo) this.highWatermark = log.leo;
    for (const r of this.replicas) this.followerLeo.set(r, r === b ? log.leo : 0);
  }

  /** Nobody may lead. */
  goOffline(): void {
    this.leaderId = -1;
  }

  // ---- followers ----

  /** The leader heard `b`'s log end (a fetch, or a follower truncating). */
  noteFollowerLeo(b: number, leo: number): void {
    this.followerLeo.set(b, leo);
  }

  /** Keep the followers out of the ISR (shrink-isr) until `until`. */
  stallFollowers(until: number): void {
    for (const b of this.replicas) if (b !== this.leaderId) this.stalledUntil.set(b, until);
  }

  isStalled(b: number, now: number): boolean {
    const until = this.stalledUntil.get(b);
    return until !== undefined && until > now;
  }

  /** Claim the single in-flight fetch of follower `b`; false when one is already scheduled. */
  startFetch(b: number): boolean {
    if (this.fetching.has(b)) return false;
    this.fetching.add(b);
    return true;
  }

  /** Follower `b`'s fetch ran (or its broker died): another may be scheduled. */
  endFetch(b: number): void {
    this.fetching.delete(b);
  }

  // ---- acks=all requests ----

  /** An acks=all request waits until the HW reaches `end`. */
  awaitHw(ack: PendingAck): void {
    this.pending.push(ack);
  }

  /** Answer every waiting acks=all request with `error` (the leader died, the ISR fell below min). */
  failPending(error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' | 'NETWORK_EXCEPTION'): void {
    const pending = this.pending;
    this.pending = [];
    for (const pa of pending) pa.respond(error);
  }

  /** Answer the waiting acks=all requests the HW now covers. */
  private answerCovered(): void {
    if (this.pending.length === 0) return;
    const still: PendingAck[] = [];
    const covered: PendingAck[] = [];
    for (const pa of this.pending) (pa.end <= this.highWatermark ? covered : still).push(pa);
    this.pending = still;
    for (const pa of covered) pa.respond(null);
  }

  /** The log of broker `b` (a replica of this partition). */
  log(b: number): ReplicaLog {
    const l = this.logs.get(b);
    if (!l) throw new Error(`broker ${b} holds no replica of ${this.topic}-${this.index}`);
    return l;
  }

  /** The leader's log, or undefined while offline. */
  leaderLog(): ReplicaLog | undefined {
    return this.leaderId < 0 ? undefined : this.logs.get(this.leaderId);
  }

  /**
   * Recompute the high watermark: the smallest log end among the ISR. It never moves backwards, and
   * (Kafka 4.x with eligible leader replicas) it does not advance while |ISR| < min.insync.replicas.
   * Answers the acks=all requests it covers; returns true when it advanced.
   */
  recomputeHw(): boolean {
    const leaderLog = this.leaderLog();
    if (!leaderLog || this.inSync.length < this.minIsr) return false;
    let hw = leaderLog.leo;
    for (const b of this.inSync) {
      if (b === this.leaderId) continue;
      const leo = this.followerLeo.get(b) ?? 0;
      if (leo < hw) hw = leo;
    }
    if (hw > this.highWatermark) {
      this.highWatermark = hw;
      this.answerCovered();
      return true;
    }
    return false;
  }

  /** The last stable offset on the leader (read_committed consumers stop below it). */
  lso(): number {
    const l = this.leaderLog();
    return l ? l.lastStableOffset(this.highWatermark) : 0;
  }
}
