/**
 * The virtual clock: a binary heap of events ordered by (time, insertion order). Insertion order breaks
 * ties so that two events scheduled for the same millisecond always fire in the order they were
 * scheduled — that is what makes a run reproducible.
 */

interface ScheduledEvent {
  at: number;
  seq: number;
  id: number;
  fn: (() => void) | null;
}

/** A virtual clock with timers; nothing here reads the system clock. */
export class Scheduler {
  private heap: ScheduledEvent[] = [];
  private byId = new Map<number, ScheduledEvent>();
  private seq = 0;
  private time = 0;

  /** Current virtual time in milliseconds. */
  now(): number {
    return this.time;
  }

  /** Schedule `fn` after `delayMs` (≥ 0) virtual milliseconds; returns an id for {@link cancel}. */
  schedule(delayMs: number, fn: () => void): number {
    const d = delayMs > 0 && Number.isFinite(delayMs) ? delayMs : 0;
    const ev: ScheduledEvent = { at: this.time + d, seq: this.seq, id: ++this.seq, fn };
    this.byId.set(ev.id, ev);
    this.push(ev);
    return ev.id;
  }

  /** Cancel a scheduled event; unknown or fired ids are ignored. */
  cancel(id: number): void {
    const ev = this.byId.get(id);
    if (ev) {
      ev.fn = null;
      this.byId.delete(id);
    }
  }

  /** Time of the next live event, or undefined. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Fire the next live event; false when none is scheduled. */
  step(): boolean {
    this.dropCancelled();
    const ev = this.pop();
    if (!ev) return false;
    this.time = ev.at;
    this.byId.delete(ev.id);
    const fn = ev.fn;
    ev.fn = null;
    if (fn) fn();
    return true;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]?.fn === null) this.pop();
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(ev: ScheduledEvent): void {
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as ScheduledEvent;
      if (!this.less(ev, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = ev;
  }

  private pop(): ScheduledEvent | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const lc = h[l] as ScheduledEvent;
      const rc = h[r];
      const c = rc !== undefined && this.less(rc, lc) ? r : l;
      const child = h[c] as ScheduledEvent;
      if (!this.less(child, last)) break;
      h[i] = child;
      i = c;
    }
    h[i] = last;
    return top;
  }
}
