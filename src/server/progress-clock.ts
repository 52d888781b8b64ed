/**
 * A clock for the QuickJS time limit that keeps moving even when the platform's clock does not.
 *
 * Cloudflare Workers freeze `Date.now()` while JavaScript runs without I/O (a Spectre mitigation), so
 * a deadline read from it alone would never pass during a learner's `while (true) {}` and the isolate
 * would be killed at the platform's CPU limit instead of answering `timeout`. QuickJS calls its
 * interrupt handler, and so this clock, every few thousand bytecodes (about every 0.1 ms measured in
 * workerd), so advancing at least `minStepMs` per call bounds the run in bytecodes too. Where the real
 * clock moves (locally, Node) it wins and the limit is plain wall-clock time.
 */

/** Returns a `now()` that is the real clock, but at least `minStepMs` later than its previous reading. */
export function createProgressClock(realNow: () => number, minStepMs = 0.05): () => number {
  let last = -Infinity;
  return () => {
    last = Math.max(realNow(), last + minStepMs);
    return last;
  };
}
