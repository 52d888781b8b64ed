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

/** A partition of a topic. */
export class Partition {
  readonly topic: string;
  readonly index: number;
  readonly replicas: readonly number[];
  readonly minIsr: number;
  /** Broker id of the leader, -1 when offline. */
  leader: number;
  leaderEpoch = 0;
  isr: number[];
  /** brokerId → that replica's log (logs survive crashes, like disks). */
  readonly logs = new Map<number, ReplicaLog>();
  /** brokerId → log end offset the leader last heard from that follower. */
  readonly followerLeo = new Map<number, number>();
  /** Followers kept out of the ISR by a shrink-isr fault until this time. */
  readonly stalledUntil = new Map<number, number>();
  /** Followers with a fetch already scheduled (fetches coalesce). */
  readonly fetching = new Set<number>();
  hw = 0;
  pending: PendingAck[] = [];

  constructor(topic: string, index: number, replicas: readonly number[], minIsr: number) {
    this.topic = topic;
    this.index = index;
    this.replicas = replicas;
    this.minIsr = minIsr;
    this.leader = replicas[0] ?? -1;
    this.isr = [...replicas];
    for (const r of replicas) {
      this.logs.set(r, new ReplicaLog());
      this.followerLeo.set(r, 0);
    }
  }

  /** The log of broker `b` (a replica of this partition). */
  log(b: number): ReplicaLog {
    const l = this.logs.get(b);
    if (!l) throw new Error(`broker ${b} holds no replica of ${this.topic}-${this.index}`);
    return l;
  }

  /** The leader's log, or undefined while offline. */
  leaderLog(): ReplicaLog | undefined {
    return this.leader < 0 ? undefined : this.logs.get(this.leader);
  }

  /**
   * Recompute the high watermark: the smallest log end among the ISR. It never moves backwards, and
   * (Kafka 4.x with eligible leader replicas) it does not advance while |ISR| < min.insync.replicas.
   * Returns true when it advanced.
   */
  recomputeHw(): boolean {
    const leaderLog = this.leaderLog();
    if (!leaderLog || this.isr.length < this.minIsr) return false;
    let hw = leaderLog.leo;
    for (const b of this.isr) {
      if (b === this.leader) continue;
      const leo = this.followerLeo.get(b) ?? 0;
      if (leo < hw) hw = leo;
    }
    if (hw > this.hw) {
      this.hw = hw;
      return true;
    }
    return false;
  }

  /** The last stable offset on the leader (read_committed consumers stop below it). */
  lso(): number {
    const l = this.leaderLog();
    return l ? l.lastStableOffset(this.hw) : 0;
  }
}
