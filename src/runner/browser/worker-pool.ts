/**
 * Fresh, single-use Workers with spares kept warm.
 *
 * Every sandbox call gets Workers of its own, terminated afterwards, so nothing the learner's code
 * did (a hardened realm, leaked timers, a hung loop) survives into the next call. Spawning, loading
 * the sandbox module and hardening its realm take tens of milliseconds of CPU, so spares are started
 * ahead of need and wait until they have said they are ready. They start one after another, never
 * all at once: on a two-core machine several Workers hardening together would take the CPU from the
 * editor and from a Check that is running.
 */

/** A Worker that has loaded its module and posted `{ type: 'ready' }`. */
export interface ReadyWorker {
  worker: Worker;
}

/** Starts Workers; in the page `() => new Worker(new URL(...), { type: 'module' })`. */
export type WorkerFactory = () => Worker;

/** A spare being started or ready; `ready` is set once it said so. */
interface Spare {
  promise: Promise<ReadyWorker>;
  ready: boolean;
}

/** Keeps `size` ready spares; `take()` hands out the oldest and starts a replacement. */
export class WorkerPool {
  readonly #spawn: WorkerFactory;
  readonly #size: number;
  readonly #spares: Spare[] = [];
  #disposed = false;

  /** @param size spares kept ready. @default 1 */
  constructor(spawn: WorkerFactory, size = 1) {
    this.#spawn = spawn;
    this.#size = Math.max(1, size);
  }

  /**
   * Starts the spares now (e.g. once the editor is up); idempotent. One starts at once; each of the
   * others once the one before it is ready.
   */
  warm(): void {
    this.#disposed = false;
    if (this.#spares.length >= this.#size) return;
    const starting = this.#spares.find((spare) => !spare.ready);
    if (starting !== undefined) return;
    const spare = this.#start();
    // The next starts once this one is ready, unless it was taken meanwhile: then its taker decides.
    spare.promise.then(() => {
      if (!this.#disposed && this.#spares.includes(spare)) this.warm();
    }, () => undefined);
  }

  /**
   * `warm()` in a task of its own, unless the pool is disposed by then: for a caller that took several
   * Workers and is done with them, but whose own caller still has work in this task (grading and
   * showing the result), which constructing a Worker would hold up by a few milliseconds.
   */
  warmAfterThisTask(): void {
    setTimeout(() => {
      if (!this.#disposed) this.warm();
    }, 0);
  }

  /** How many spares have said they are ready (a caller spreads its work over at most that many). */
  get readyCount(): number {
    return this.#spares.filter((spare) => spare.ready).length;
  }

  /**
   * A ready Worker for one call; the caller terminates it. A replacement starts in the background,
   * unless `replenish` is false: a caller that takes several Workers at once calls `warmAfterThisTask()`
   * when its work is done, so the replacements do not compete with that work for the CPU.
   */
  async take(options: { replenish?: boolean } = {}): Promise<ReadyWorker> {
    const spare = this.#spares.find((candidate) => candidate.ready) ?? this.#spares[0] ?? this.#start();
    const index = this.#spares.indexOf(spare);
    if (index >= 0) this.#spares.splice(index, 1);
    try {
      return await spare.promise;
    } finally {
      if (options.replenish !== false) this.warm();
    }
  }

  /** Terminates the spares (page teardown, tests). */
  async dispose(): Promise<void> {
    this.#disposed = true;
    const spares = this.#spares.splice(0);
    for (const spare of spares) (await spare.promise.catch(() => undefined))?.worker.terminate();
  }

  #start(): Spare {
    const worker = this.#spawn();
    const promise = new Promise<ReadyWorker>((resolve, reject) => {
      const onMessage = (event: MessageEvent): void => {
        if ((event.data as { type?: unknown } | null)?.type !== 'ready') return;
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        spare.ready = true;
        resolve({ worker });
      };
      const onError = (event: Event): void => {
        worker.terminate();
        const detail = (event as Partial<ErrorEvent>).message;
        reject(new Error(`the sandbox worker failed to start${detail ? `: ${detail}` : ''}`));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
    });
    const spare: Spare = { promise, ready: false };
    this.#spares.push(spare);
    // A spare that failed is dropped so the next take() tries a fresh one.
    promise.catch(() => {
      const index = this.#spares.indexOf(spare);
      if (index >= 0) this.#spares.splice(index, 1);
    });
    return spare;
  }
}
