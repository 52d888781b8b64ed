/**
 * Fresh, single-use Workers with one spare kept warm.
 *
 * Every Run and Check gets a Worker of its own, terminated afterwards, so nothing the learner's code
 * did (a hardened realm, leaked timers, a hung loop) survives into the next run. Spawning and loading
 * the sandbox module takes tens of milliseconds, so one spare is always started ahead of need and
 * waits until it has said it is ready.
 */

/** A Worker that has loaded its module and posted `{ type: 'ready' }`. */
export interface ReadyWorker {
  worker: Worker;
}

/** Starts Workers; in the page `() => new Worker(new URL(...), { type: 'module' })`. */
export type WorkerFactory = () => Worker;

/** Keeps one ready spare; `take()` hands it out and starts the next. */
export class WorkerPool {
  readonly #spawn: WorkerFactory;
  #spare: Promise<ReadyWorker> | undefined;

  constructor(spawn: WorkerFactory) {
    this.#spawn = spawn;
  }

  /** Starts the spare now (e.g. when the exercise approaches the viewport); idempotent. */
  warm(): void {
    this.#spare ??= this.#start();
  }

  /** A ready Worker for one run; the caller terminates it. A new spare starts in the background. */
  async take(): Promise<ReadyWorker> {
    const spare = this.#spare ?? this.#start();
    this.#spare = undefined;
    try {
      return await spare;
    } finally {
      this.warm();
    }
  }

  /** Terminates the spare (page teardown, tests). */
  async dispose(): Promise<void> {
    const spare = this.#spare;
    this.#spare = undefined;
    if (spare) (await spare.catch(() => undefined))?.worker.terminate();
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
      if (this.#spare === ready) this.#spare = undefined;
    });
    return ready;
  }
}
