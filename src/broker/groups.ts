/**
 * The group coordinator: members, generations, partition assignment (round robin over the sorted
 * partitions of the subscribed topics) and committed offsets (the next offset to read).
 *
 * Simplification: a member that dies leaves at once (Kafka notices after session.timeout.ms), and a
 * rebalance completes at once; members learn the new generation at their next poll.
 */
import type { Engine } from './engine.ts';
import { HOP_MS } from './engine.ts';
import type { TxnOffset } from './transactions.ts';
import type { LeaveReason } from './trace.ts';

/** A partition of a topic. */
export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

interface Member {
  memberId: string;
  client: number;
  clientId: string;
  topics: readonly string[];
}

interface Group {
  groupId: string;
  generation: number;
  members: Member[];
  assignment: Map<string, TopicPartitionRef[]>;
  committed: Map<string, number>;
}

/** An offset to commit: `offset` is the next offset to read. */
export interface OffsetCommit {
  topic: string;
  partition: number;
  offset: number;
}

/** Coordinates every consumer group of the cluster. */
export class GroupCoordinator {
  private readonly engine: Engine;
  private readonly groups = new Map<string, Group>();
  private nextMember = 1;

  constructor(engine: Engine) {
    this.engine = engine;
  }

  private group(groupId: string): Group {
    let g = this.groups.get(groupId);
    if (!g) {
      g = { groupId, generation: 0, members: [], assignment: new Map(), committed: new Map() };
      this.groups.set(groupId, g);
    }
    return g;
  }

  /** A member joins (or re-subscribes): the group rebalances. */
  join(groupId: string, client: number, clientId: string, topics: readonly string[]): string {
    const g = this.group(groupId);
    const memberId = `${clientId}-${this.nextMember++}`;
    g.members.push({ memberId, client, clientId, topics });
    this.rebalance(g, memberId, 'joined', `${memberId} joined`);
    return memberId;
  }

  /** The group's leader: its longest-standing member (Kafka keeps the leader while it stays). */
  leaderOf(groupId: string): string | null {
    return this.groups.get(groupId)?.members[0]?.memberId ?? null;
  }

  /** A member leaves (stop, disconnect or death): the group rebalances. `why` words the reason for people. */
  leave(groupId: string, memberId: string, reason: LeaveReason, why: string = reason): void {
    const g = this.groups.get(groupId);
    if (!g || !g.members.some((m) => m.memberId === memberId)) return;
    g.members = g.members.filter((m) => m.memberId !== memberId);
    this.rebalance(g, memberId, reason, `${memberId} left (${why})`);
  }

  private rebalance(g: Group, member: string, change: 'joined' | LeaveReason, why: string): void {
    g.generation++;
    g.assignment = new Map(g.members.map((m) => [m.memberId, []]));
    const topics = [...new Set(g.members.flatMap((m) => m.topics))].sort();
    let turn = 0;
    for (const topic of topics) {
      const n = this.engine.topics.get(topic)?.length ?? 0;
      const eligible = g.members.filter((m) => m.topics.includes(topic));
      for (let p = 0; p < n && eligible.length > 0; p++) {
        const m = eligible[turn++ % eligible.length] as Member;
        g.assignment.get(m.memberId)?.push({ topic, partition: p });
      }
    }
    const summary = g.members.map((m) => `${m.memberId}: ${(g.assignment.get(m.memberId) ?? []).map((a) => `${a.topic}-${a.partition}`).join(' ') || '—'}`).join('; ');
    const cause = change === 'joined' ? { change } : { change: 'left' as const, reason: change };
    this.engine.emit({ kind: 'rebalance', groupId: g.groupId, generation: g.generation, member, ...cause, detail: `generation ${g.generation}: ${why}. ${summary}` });
  }

  /** The member's current generation and partitions. */
  assignment(groupId: string, memberId: string): { generation: number; partitions: readonly TopicPartitionRef[] } {
    const g = this.group(groupId);
    return { generation: g.generation, partitions: g.assignment.get(memberId) ?? [] };
  }

  /** The generation now. */
  generation(groupId: string): number {
    return this.group(groupId).generation;
  }

  /** The committed offset (next to read), if any. */
  committed(groupId: string, topic: string, partition: number): number | undefined {
    return this.groups.get(groupId)?.committed.get(`${topic}\u0000${partition}`);
  }

  /** OffsetCommit from a consumer; planned consumer crashes strike just before or just after it. */
  commit(client: number, clientId: string, groupId: string, offsets: readonly OffsetCommit[], respond: () => void): void {
    if (this.engine.faults.beforeCommit(client, groupId, offsets)) return;
    this.engine.clock.schedule(HOP_MS, () => {
      const g = this.group(groupId);
      for (const o of offsets) {
        g.committed.set(`${o.topic}\u0000${o.partition}`, o.offset);
        this.engine.emit({ kind: 'commit', via: 'consumer', groupId, clientId, topic: o.topic, partition: o.partition, offset: o.offset });
      }
      this.engine.clock.schedule(HOP_MS, () => {
        if (!this.engine.clientAlive(client)) return;
        if (this.engine.faults.afterCommit(client, groupId, offsets)) return;
        respond();
      });
    });
  }

  /** Offsets committed by a transaction's commit. */
  applyOffsets(offsets: readonly TxnOffset[], transactionalId: string): void {
    for (const o of offsets) {
      this.group(o.groupId).committed.set(`${o.topic}\u0000${o.partition}`, o.offset);
      this.engine.emit({ kind: 'commit', via: 'transaction', groupId: o.groupId, topic: o.topic, partition: o.partition, offset: o.offset, transactionalId, detail: `transaction ${transactionalId}` });
    }
  }

  /** Committed offsets of a group, for admin.fetchOffsets. */
  committedOf(groupId: string): { topic: string; partition: number; offset: number }[] {
    const g = this.groups.get(groupId);
    if (!g) return [];
    return [...g.committed].map(([k, offset]) => {
      const [topic = '', p = '0'] = k.split('\u0000');
      return { topic, partition: Number(p), offset };
    });
  }
}
