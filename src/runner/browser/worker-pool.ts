/**
 * Fresh, single-use Workers with one spare kept warm.
 *
 * Every sandbox call gets a Worker of its own, terminated afterwards, so nothing the learner's code
 * did (a hardened realm, leaked timers, a hung loop) survives into the next call. Spawning and loading
 * the sandbox module takes tens of milliseconds, so spares are started ahead of need and wait until
 * they have said they are ready. A Check makes one call per guarantee (plus the step run), so the
 * page keeps as many spares as a Check uses.
 */

/** A Worker that has loaded its module and posted `{ type: 'ready' }`. */
export interface ReadyWorker {
  worker: Worker;
}

/** Starts Workers; in the page `() => new Worker(new URL(...), { type: 'module' })`. */
export type WorkerFactory = () => Worker;

/** Keeps `size` ready spares; `take()` hands out the oldest and starts a replacement. */
export class WorkerPool {
  readonly #spawn: WorkerFactory;
  readonly #size: number;
  readonly #spares: Promise<ReadyWorker>[] = [];

  /** @param size spares kept ready. @default 1 */
  constructor(spawn: WorkerFactory, size = 1) {
    this.#spawn = spawn;
    this.#size = Math.max(1, size);
  }

  /** Starts the spares now (e.g. when the exercise approaches the viewport); idempotent. */
  warm(): void {
    while (this.#spares.length < this.#size) this.#spares.push(this.#start());
  }

  /**
   * A ready Worker for one call; the caller terminates it. A replacement starts in the background,
   * unless `replenish` is false: a caller that takes several Workers at once calls `warm()` when its
   * work is done, so the replacements do not compete with that work for the CPU.
   */
  async take(options: { replenish?: boolean } = {}): Promise<ReadyWorker> {
    const spare = this.#spares.shift() ?? this.#start();
    try {
      return await spare;
    } finally {
      if (options.replenish !== false) this.warm();
    }
  }

  /** Terminates the spares (page teardown, tests). */
  async dispose(): Promise<void> {
    const spares = this.#spares.splice(0);
    for (const spare of spares) (await spare.catch(() => undefined))?.worker.terminate();
  }

  #start(): Promise<ReadyWorker> {
    const worker = this.#spawn();
    const ready = new Promise<ReadyWorker>((resolve, reject) => {
      const onMessage = (event: MessageEvent): void => {
        if ((event.data as { type?: unknown } | null)?.type !== 'ready') return;
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
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
    // A spare that failed is dropped so the next take() tries a fresh one.
    ready.catch(() => {
      const index = this.#spares.indexOf(ready);
      if (index >= 0) this.#spares.splice(index, 1);
    });
    return ready;
  }
}
