/**
 * One replica's log of one partition. The idea: the log is a list of immutable record batches shared
 * by reference between replicas — a follower copies the leader's batch objects — so replication costs
 * one push per batch, and two replicas agree up to the first batch that is not the same object, which
 * is exactly where a follower truncates after a leader change (Kafka finds the same point with
 * leader epochs). The producer state (last 5 batches per producer id), open transactions and aborted
 * ranges are derived from the batches on append, so they survive failover like Kafka's snapshots.
 */

/** A batch of records, or a transaction marker (a control batch occupying one offset). */
export interface RecordBatch {
  readonly baseOffset: number;
  readonly count: number;
  readonly leaderEpoch: number;
  /** -1 when the producer is neither idempotent nor transactional. */
  readonly producerId: number;
  readonly producerEpoch: number;
  /** Sequence of the first record, -1 without idempotence. */
  readonly baseSequence: number;
  readonly transactional: boolean;
  readonly control: 'commit' | 'abort' | null;
  readonly keys: readonly (string | null)[];
  readonly values: readonly (string | null)[];
  readonly headers: readonly (Readonly<Record<string, string>> | null)[] | null;
  readonly timestamp: number;
}

/** Kafka keeps this many batches per producer id to answer retried batches with their offsets. */
export const RETAINED_BATCHES_PER_PRODUCER = 5;

/** What the log remembers about one producer id. */
export interface ProducerEntry {
  epoch: number;
  /** Newest last. */
  batches: { firstSeq: number; lastSeq: number; baseOffset: number; count: number }[];
}

/** A record read from a log. */
export interface LogRecord {
  offset: number;
  key: string | null;
  value: string | null;
  headers: Readonly<Record<string, string>> | null;
  timestamp: number;
}

/** The log of one partition on one broker. */
export class ReplicaLog {
  batches: RecordBatch[] = [];
  /** Log end offset: the next offset to be written. */
  leo = 0;
  producers = new Map<number, ProducerEntry>();
  /** producerId → first offset of its open transaction in this partition. */
  openTxns = new Map<number, number>();
  /** Ranges of aborted transactional data, for read_committed. */
  aborted: { producerId: number; first: number; last: number }[] = [];

  /** Append a batch whose baseOffset equals this log's end offset. */
  append(b: RecordBatch): void {
    this.batches.push(b);
    this.leo = b.baseOffset + b.count;
    this.track(b);
  }

  private track(b: RecordBatch): void {
    if (b.producerId < 0) return;
    if (b.control !== null) {
      // A marker written after an epoch bump (fencing, timeout) carries the new epoch: older batches
      // from this producer id are then rejected.
      const entry = this.producers.get(b.producerId);
      if (entry && b.producerEpoch > entry.epoch) this.producers.set(b.producerId, { epoch: b.producerEpoch, batches: [] });
      const first = this.openTxns.get(b.producerId);
      if (first !== undefined) {
        this.openTxns.delete(b.producerId);
        if (b.control === 'abort') this.aborted.push({ producerId: b.producerId, first, last: b.baseOffset });
      }
      return;
    }
    if (b.transactional && !this.openTxns.has(b.producerId)) this.openTxns.set(b.producerId, b.baseOffset);
    if (b.baseSequence < 0) return;
    let entry = this.producers.get(b.producerId);
    if (!entry || entry.epoch !== b.producerEpoch) {
      entry = { epoch: b.producerEpoch, batches: [] };
      this.producers.set(b.producerId, entry);
    }
    entry.batches.push({ firstSeq: b.baseSequence, lastSeq: b.baseSequence + b.count - 1, baseOffset: b.baseOffset, count: b.count });
    if (entry.batches.length > RETAINED_BATCHES_PER_PRODUCER) entry.batches.shift();
  }

  /** Drop every batch at or above `offset` (a batch boundary) and rebuild the derived state. */
  truncateTo(offset: number): number {
    const before = this.leo;
    if (offset >= this.leo) return 0;
    const kept = this.batches.filter((b) => b.baseOffset + b.count <= offset);
    this.batches = [];
    this.leo = 0;
    this.producers = new Map();
    this.openTxns = new Map();
    this.aborted = [];
    for (const b of kept) this.append(b);
    return before - this.leo;
  }

  /** Index of the first batch ending after `offset`. */
  batchIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.batches[mid] as RecordBatch;
      if (b.baseOffset + b.count <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Last stable offset given the high watermark: nothing at or above an open transaction's start. */
  lastStableOffset(hw: number): number {
    let lso = hw;
    for (const first of this.openTxns.values()) if (first < lso) lso = first;
    return lso;
  }

  private isAborted(producerId: number, offset: number): boolean {
    for (const a of this.aborted) if (a.producerId === producerId && offset >= a.first && offset <= a.last) return true;
    return false;
  }

  /**
   * Records from `from` below `upTo` (HW or LSO), skipping control markers and, when `committedOnly`,
   * aborted transactional data. `next` is where the following read starts (past skipped markers).
   */
  read(from: number, upTo: number, committedOnly: boolean, maxRecords: number, out: LogRecord[]): number {
    let next = from;
    for (let i = this.batchIndexAt(from); i < this.batches.length && out.length < maxRecords; i++) {
      const b = this.batches[i] as RecordBatch;
      if (b.baseOffset + b.count > upTo) break;
      next = b.baseOffset + b.count;
      if (b.control !== null) continue;
      if (committedOnly && b.transactional && this.isAborted(b.producerId, b.baseOffset)) continue;
      for (let j = Math.max(0, from - b.baseOffset); j < b.count; j++) {
        out.push({
          offset: b.baseOffset + j,
          key: b.keys[j] ?? null,
          value: b.values[j] ?? null,
          headers: b.headers?.[j] ?? null,
          timestamp: b.timestamp,
        });
      }
    }
    return next;
  }

  /** Offset of the first batch where this log and `other` differ (by batch identity). */
  divergenceWith(other: ReplicaLog): number {
    const n = Math.min(this.batches.length, other.batches.length);
    for (let i = 0; i < n; i++) {
      const b = this.batches[i] as RecordBatch;
      if (b !== other.batches[i]) return b.baseOffset;
    }
    return n < this.batches.length ? (this.batches[n] as RecordBatch).baseOffset : this.leo;
  }
}
