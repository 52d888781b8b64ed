/**
 * The transaction coordinator: producer ids and epochs, transaction state per transactional.id,
 * markers on commit/abort, offsets sent to the transaction, timeouts and zombie fencing.
 *
 * Simplification: the coordinator is always reachable (Kafka places it on the leader of a
 * __transaction_state partition); its requests still cost a network hop each way.
 */
import type { Engine } from './engine.ts';
import { HOP_MS } from './engine.ts';
import type { ErrorType } from './error-codes.ts';
import type { Partition } from './partition.ts';

/** An offset commit carried by a transaction. */
export interface TxnOffset {
  groupId: string;
  topic: string;
  partition: number;
  offset: number;
}

interface TxnState {
  transactionalId: string;
  producerId: number;
  epoch: number;
  ongoing: boolean;
  partitions: Set<Partition>;
  offsets: TxnOffset[];
  timeoutMs: number;
  timer: number | null;
}

/** Result of InitProducerId. */
export type InitResult = { error: null; producerId: number; epoch: number } | { error: ErrorType };

/** Coordinates every transactional.id of the cluster. */
export class TransactionCoordinator {
  private readonly engine: Engine;
  private readonly byId = new Map<string, TxnState>();
  /** Current epoch of each transactional producer id. */
  private readonly epochs = new Map<number, number>();
  private nextProducerId = 1000;

  constructor(engine: Engine) {
    this.engine = engine;
  }

  /**
   * InitProducerId. Without a transactional.id: a fresh producer id, epoch 0 (a restarted idempotent
   * producer is a new producer to the brokers). With one: completes (aborts) any open transaction of
   * that id and bumps the epoch, fencing the previous instance.
   */
  initProducerId(transactionalId: string | null, timeoutMs: number, respond: (r: InitResult) => void): void {
    this.engine.clock.schedule(HOP_MS, () => {
      let r: InitResult;
      if (transactionalId === null) r = { error: null, producerId: this.nextProducerId++, epoch: 0 };
      else {
        const t = this.byId.get(transactionalId);
        if (!t) {
          const fresh: TxnState = { transactionalId, producerId: this.nextProducerId++, epoch: 0, ongoing: false, partitions: new Set(), offsets: [], timeoutMs, timer: null };
          this.byId.set(transactionalId, fresh);
          this.epochs.set(fresh.producerId, 0);
          r = { error: null, producerId: fresh.producerId, epoch: 0 };
        } else {
          this.bumpAndAbort(transactionalId, 'a new instance called initTransactions');
          t.timeoutMs = timeoutMs;
          r = { error: null, producerId: t.producerId, epoch: t.epoch };
        }
      }
      this.engine.clock.schedule(HOP_MS, () => respond(r));
    });
  }

  /** Whether (producerId, epoch) is the current incarnation (non-transactional ids always are). */
  producerCurrent(producerId: number, epoch: number): boolean {
    const cur = this.epochs.get(producerId);
    return cur === undefined || cur === epoch;
  }

  private check(transactionalId: string, producerId: number, epoch: number): TxnState | ErrorType {
    const t = this.byId.get(transactionalId);
    if (!t || t.producerId !== producerId) return 'INVALID_TXN_STATE';
    // The coordinator's verdict is PRODUCER_FENCED, but brokers rewrite it to INVALID_PRODUCER_EPOCH for
    // the request versions older clients send (EndTxn < v2, AddPartitionsToTxn < v2, TxnOffsetCommit <
    // v3, KIP-588); KafkaJS 2.2.4 sends those, and does not even know PRODUCER_FENCED's code.
    if (epoch !== t.epoch) return 'INVALID_PRODUCER_EPOCH';
    return t;
  }

  private begin(t: TxnState): void {
    if (t.ongoing) return;
    t.ongoing = true;
    this.engine.emit({ kind: 'txn-begin', transactionalId: t.transactionalId, producerId: t.producerId, producerEpoch: t.epoch });
    const epoch = t.epoch;
    t.timer = this.engine.clock.schedule(t.timeoutMs, () => {
      if (t.ongoing && t.epoch === epoch) this.bumpAndAbort(t.transactionalId, `transaction timeout (${t.timeoutMs} ms)`);
    });
  }

  /** AddPartitionsToTxn, done by the client before it produces to a partition (synchronous here). */
  addPartition(transactionalId: string, producerId: number, epoch: number, part: Partition): ErrorType | null {
    const t = this.check(transactionalId, producerId, epoch);
    if (typeof t === 'string') return t;
    this.begin(t);
    t.partitions.add(part);
    return null;
  }

  /** AddOffsetsToTxn + TxnOffsetCommit: offsets become the group's committed offsets only on commit. */
  addOffsets(transactionalId: string, producerId: number, epoch: number, offsets: readonly TxnOffset[], respond: (e: ErrorType | null) => void): void {
    this.engine.clock.schedule(HOP_MS, () => {
      const t = this.check(transactionalId, producerId, epoch);
      let err: ErrorType | null = null;
      if (typeof t === 'string') err = t;
      else {
        this.begin(t);
        t.offsets.push(...offsets);
      }
      this.engine.clock.schedule(HOP_MS, () => respond(err));
    });
  }

  /** EndTxn: write commit/abort markers on every partition of the transaction, apply offsets on commit. */
  endTxn(transactionalId: string, producerId: number, epoch: number, commit: boolean, respond: (e: ErrorType | null) => void): void {
    this.engine.clock.schedule(HOP_MS, () => {
      const t = this.check(transactionalId, producerId, epoch);
      let err: ErrorType | null = null;
      if (typeof t === 'string') {
        err = t;
        if (err === 'INVALID_PRODUCER_EPOCH') this.engine.emit({ kind: 'fence', transactionalId, producerId, producerEpoch: epoch, error: err, detail: commit ? 'commit refused' : 'abort refused' });
      } else if ([...t.partitions].some((p) => p.leader < 0)) err = 'COORDINATOR_NOT_AVAILABLE';
      else this.complete(t, commit ? 'commit' : 'abort', commit ? 'committed by the producer' : 'aborted by the producer');
      this.engine.clock.schedule(HOP_MS, () => respond(err));
    });
  }

  private complete(t: TxnState, kind: 'commit' | 'abort', why: string): void {
    if (t.timer !== null) this.engine.clock.cancel(t.timer);
    t.timer = null;
    for (const part of t.partitions) this.engine.appendMarker(part, t.producerId, t.epoch, kind, t.transactionalId);
    if (kind === 'commit' && t.offsets.length > 0) this.engine.groups.applyOffsets(t.offsets, t.transactionalId);
    this.engine.emit({ kind: kind === 'commit' ? 'txn-commit' : 'abort', transactionalId: t.transactionalId, producerId: t.producerId, producerEpoch: t.epoch, detail: why });
    t.ongoing = false;
    t.partitions = new Set();
    t.offsets = [];
  }

  /** Bump the epoch (fencing the current instance) and abort its open transaction, if any. */
  bumpAndAbort(transactionalId: string, why: string): void {
    const t = this.byId.get(transactionalId);
    if (!t) return;
    t.epoch++;
    this.epochs.set(t.producerId, t.epoch);
    this.engine.emit({ kind: 'fence', transactionalId, producerId: t.producerId, producerEpoch: t.epoch, detail: `epoch bumped to ${t.epoch}: ${why}` });
    if (t.ongoing) this.complete(t, 'abort', why);
  }
}
