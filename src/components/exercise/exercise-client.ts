/**
 * The behaviour of every `<ExerciseEditor>` on a page. This module ships with the page, so it stays
 * small: Monaco, esbuild, the sandbox and the grader are all behind dynamic `import()`s, fetched
 * when the exercise approaches the viewport (compiler) or enters it (editor), or on first touch.
 *
 * The idea: the server-rendered textarea is the editor from the first paint; Monaco replaces it
 * when it arrives (never on touch devices); whichever is current sits behind `EditorSurface`, so
 * autosave, Run, Check and the test hooks do not care which one the learner has.
 */
import type { GradeReport } from '../../schemas/grade-report.ts';
import { debounce } from './debounce.ts';
import type { EditorSurface } from './editor-surface.ts';
import { PAGE_FILE_NAME, type ExerciseBackend, type ProgramRunReport } from '../../backend/exercise-backend.ts';
import { ExerciseStorage, browserStore, type SaveResult } from './exercise-storage.ts';
import { describeError, renderRun, renderSteps, renderVerdict, showProgress, type GradedBy } from './render-report.ts';
import { textareaEditor } from './textarea-editor.ts';

/** The hook tools drive an exercise through: `window.courseExercises[id]`, a contract tools rely on. */
export interface ExerciseHook {
  setCode(source: string): void;
  getCode(): string;
  run(): Promise<ProgramRunReport>;
  check(): Promise<GradeReport>;
}

declare global {
  interface Window {
    courseExercises?: Record<string, ExerciseHook>;
  }
}

type State = 'loading' | 'ready' | 'running' | 'done';

/** Where this build grades a Check: on the grading endpoint (serverless deploy) or in the page. */
const GRADED_BY: GradedBy = import.meta.env.PUBLIC_GRADING === 'server' ? 'server' : 'browser';

/** How long typing must pause before the code is saved and compiled ahead. */
const TYPING_PAUSE_MS = 400;

/** Mounts every exercise on the page that is not mounted yet. */
export function mountExercises(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-exercise]')) {
    if (root.dataset['mounted'] === 'true') continue;
    root.dataset['mounted'] = 'true';
    new ExerciseController(root);
  }
}

function part<T extends Element = HTMLElement>(root: HTMLElement, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`exercise ${root.dataset['exercise'] ?? '?'}: missing ${selector}`);
  return found;
}

/** Touch-first devices keep the textarea: Monaco's selection and keyboard handling work badly there. */
function prefersPlainEditor(): boolean {
  return globalThis.matchMedia?.('(pointer: coarse)').matches === true && globalThis.matchMedia?.('(any-pointer: fine)').matches !== true;
}

class ExerciseController {
  readonly #root: HTMLElement;
  readonly #id: string;
  readonly #storage: ExerciseStorage;
  readonly #starter: string;
  readonly #textarea: HTMLTextAreaElement;
  #surface: EditorSurface;
  #backend: Promise<ExerciseBackend> | undefined;
  #editorReady: Promise<void> | undefined;
  #ready: Promise<void> | undefined;
  #busy: Promise<unknown> = Promise.resolve();
  #diffShown = false;
  readonly #save: ReturnType<typeof debounce<[string]>>;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#id = root.dataset['exercise'] ?? '';
    this.#storage = new ExerciseStorage(this.#id, browserStore());
    this.#starter = part<HTMLTemplateElement>(root, 'template[data-starter]').content.textContent ?? '';
    this.#textarea = part<HTMLTextAreaElement>(root, '[data-textarea]');
    this.#surface = textareaEditor(this.#textarea, part(root, '[data-markers]'));

    const saved = this.#storage.loadCode();
    if (saved !== undefined) this.#textarea.value = saved;
    // When typing pauses: save, and compile ahead with a compiler already loading or loaded (never
    // starting one), so a Run or Check pressed next goes straight to the sandbox.
    this.#save = debounce((source: string) => {
      this.#warnIfFailed(this.#storage.saveCode(source));
      void this.#backend?.then((backend) => backend.prepare?.(source)).catch(() => undefined);
    }, TYPING_PAUSE_MS);
    this.#listen(this.#surface);
    showProgress(root, this.#storage.loadStepsDone());
    this.#updateSolutionButton();

    addEventListener('pagehide', () => this.#save.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#save.flush();
    });
    this.#bindButtons();
    this.#loadWhenNear();

    const hooks = (window.courseExercises ??= {});
    hooks[this.#id] = {
      setCode: (source) => this.#surface.setCode(source),
      getCode: () => this.#surface.getCode(),
      run: () => this.#run(),
      check: () => this.#check(),
    };
  }

  #setState(state: State): void {
    this.#root.dataset['state'] = state;
  }

  #status(text: string): void {
    part(this.#root, '[data-live-status]').textContent = text;
  }

  #warnIfFailed(result: SaveResult): void {
    const warning = part(this.#root, '[data-storage-warning]');
    warning.hidden = result.ok;
    if (!result.ok) warning.textContent = `Your code could not be saved in this browser (${result.reason}). Copy it somewhere before leaving the page.`;
  }

  #listen(surface: EditorSurface): void {
    surface.onChange((source) => this.#save(source));
    surface.onRunShortcut(() => void this.#run());
  }

  /** Compiler and sandbox: fetched when the exercise is within a few screens, or on first touch. */
  #loadBackend(): Promise<ExerciseBackend> {
    this.#backend ??= (async () => {
      // A literal test of the build-time constant, so each build bundles only its own backend: the
      // serverless build never emits the chunks that hold the hidden checks and the solutions.
      const backend =
        import.meta.env.PUBLIC_GRADING === 'server'
          ? (await import('../../backend/server-backend.ts')).createServerBackend(this.#id)
          : (await import('../../backend/browser-backend.ts')).createBrowserBackend(this.#id);
      await backend.warm();
      return backend;
    })();
    return this.#backend;
  }

  /** Monaco (desktop only): fetched when the exercise scrolls into view, or on first touch. */
  #loadEditor(): Promise<void> {
    this.#editorReady ??= (async () => {
      if (prefersPlainEditor()) return;
      const host = part<HTMLElement>(this.#root, '[data-monaco]');
      try {
        const { createMonacoEditor } = await import('./monaco-editor.ts');
        const monaco = await createMonacoEditor(host, this.#id, this.#textarea.value, {
          ariaLabel: `Code for ${this.#root.querySelector('header > :first-child')?.textContent ?? this.#id}`,
        });
        this.#save.flush();
        host.hidden = false;
        this.#textarea.hidden = true;
        part<HTMLLabelElement>(this.#root, `label[for="${this.#textarea.id}"]`).hidden = true;
        // Keep the textarea in step, so a form submit or a copy of the page still has the code.
        monaco.onChange((source) => {
          this.#textarea.value = source;
        });
        this.#listen(monaco);
        this.#surface = monaco;
      } catch (error) {
        // The textarea stays; the learner can still run and check.
        console.warn('Monaco failed to load; keeping the plain editor', error);
      }
    })();
    return this.#editorReady;
  }

  /**
   * Ready = an editor and a compiler: state goes loading → ready once both are there. The editor
   * says so on its own (`data-editor="ready"` once the learner can type in it); the compiler starts
   * beside it (its wasm compiles off the main thread) and the sandbox's spare Workers only once the
   * compiler is up (see the browser engine's `warm`), so their hardening does not delay the editor.
   */
  #whenReady(): Promise<void> {
    const editor = this.#loadEditor().then(() => {
      this.#root.dataset['editor'] = 'ready';
    });
    this.#ready ??= Promise.all([editor, this.#loadBackend()]).then(
      () => {
        if (this.#root.dataset['state'] === 'loading') this.#setState('ready');
      },
      (error: unknown) => {
        this.#ready = undefined;
        this.#backend = undefined;
        this.#status(`Could not load the compiler: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      },
    );
    return this.#ready;
  }

  #loadWhenNear(): void {
    const start = (): void => void this.#whenReady().catch(() => undefined);
    this.#root.addEventListener('pointerdown', start, { once: true });
    this.#root.addEventListener('focusin', start, { once: true });
    // On a touch phone the compiler (14 MB of WebAssembly, ~3.8 MB gzip) waits for the learner's first touch of
    // the exercise: a phone on mobile data should not pay for it, nor its slow CPU stall the page,
    // just because the exercise scrolled past. Touch also keeps the textarea (no Monaco to fetch).
    if (prefersPlainEditor()) return;
    if (!('IntersectionObserver' in globalThis)) return start();
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.disconnect();
        // Fetch (not yet run) the editor's code while the learner scrolls towards it; the compiler
        // and the sandbox follow once the editor is up.
        if (!prefersPlainEditor()) void import('./monaco-editor.ts').catch(() => undefined);
      },
      { rootMargin: '1200px 0px' },
    );
    const visible = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        visible.disconnect();
        start();
      },
      { rootMargin: '200px 0px' },
    );
    near.observe(this.#root);
    visible.observe(this.#root);
  }

  #bindButtons(): void {
    const button = (action: string): HTMLButtonElement => part(this.#root, `button[data-action="${action}"]`);
    button('run').addEventListener('click', () => void this.#run());
    button('check').addEventListener('click', () => void this.#check());
    button('reset').addEventListener('click', () => this.#reset());
    button('solution').addEventListener('click', () => void this.#toggleSolution());
  }

  /** Runs `task` after any Run/Check in progress, with state running → done. */
  #exclusive<T>(label: string, task: (backend: ExerciseBackend, source: string) => Promise<T>): Promise<T> {
    const next = this.#busy.catch(() => undefined).then(async () => {
      await this.#whenReady();
      const backend = await this.#loadBackend();
      this.#save.flush();
      this.#setState('running');
      this.#status(`${label}…`);
      try {
        return await task(backend, this.#surface.getCode());
      } finally {
        this.#setState('done');
      }
    });
    this.#busy = next;
    return next;
  }

  #run(): Promise<ProgramRunReport> {
    return this.#exclusive('Running', async (backend, source) => {
      const report = await backend.run(source).catch((error: unknown): ProgramRunReport => ({
        exercise: this.#id, file: PAGE_FILE_NAME, console: [], trace: [], processed_orders: null,
        error: { kind: 'sandbox', message: error instanceof Error ? error.message : String(error) },
      }));
      this.#showCompileMarkers(report.error);
      renderRun(part(this.#root, '[data-console]'), part(this.#root, '[data-timeline]'), report);
      this.#reveal('.output');
      this.#status(report.error ? describeError(report.error) : 'Run finished.');
      return report;
    });
  }

  #check(): Promise<GradeReport> {
    return this.#exclusive('Checking', async (backend, source) => {
      const report = await backend.check(source).catch((error: unknown): GradeReport => ({
        exercise: this.#id, file: PAGE_FILE_NAME, passed: false, steps: [], guarantees: [],
        error: { kind: 'sandbox', message: error instanceof Error ? error.message : String(error) },
      }));
      this.#showCompileMarkers(report.error);
      const verdict = part(this.#root, '[data-testid="verdict"]');
      renderVerdict(part(verdict, '[data-verdict-summary]'), part(verdict, '[data-verdict-details]'), report, {
        gradedBy: GRADED_BY,
        headingLevel: Number(this.#root.dataset['headingLevel'] ?? 3) + 1,
        traceOf: backend.traceOf,
      });
      verdict.dataset['gradedBy'] = GRADED_BY;
      const done = renderSteps(this.#root, report);
      verdict.dataset['passed'] = String(report.passed);
      this.#warnIfFailed(this.#storage.recordCheck(report.passed, done));
      this.#updateSolutionButton();
      this.#status(report.passed ? 'Check passed.' : 'Check finished: not passed yet.');
      this.#reveal('[data-testid="verdict"]');
      return report;
    });
  }

  /**
   * Brings a result into view: within the results column on a wide screen, below the buttons on a
   * phone. Only its top edge is needed, so the code stays on screen where it can. Scrolling needs the
   * layout of the result just rendered: asked for at once it forces that layout before the frame
   * (measured at about 9 ms a Check), so it waits for the frame, which lays the page out anyway.
   */
  #reveal(selector: string): void {
    const element = part(this.#root, selector);
    requestAnimationFrame(() => element.scrollIntoView?.({ block: 'nearest' }));
  }

  #showCompileMarkers(error: GradeReport['error']): void {
    this.#surface.setMarkers(
      error?.kind === 'compile' || (error?.line !== undefined && error.kind !== 'sandbox')
        ? [{ line: error.line ?? 1, column: error.column ?? 1, message: error.message, source: 'compile' }]
        : [],
    );
  }

  #reset(): void {
    if (this.#surface.getCode() === this.#starter) return;
    if (!confirm('Replace your code with the starter code? Your current code will be lost.')) return;
    this.#surface.setCode(this.#starter);
    this.#surface.setMarkers([]);
    this.#save.flush();
    this.#warnIfFailed(this.#storage.clearCode());
  }

  #updateSolutionButton(): void {
    // Server grading keeps the solutions on the server, so there is nothing to show beside the code.
    part<HTMLButtonElement>(this.#root, 'button[data-action="solution"]').hidden = GRADED_BY === 'server' || !this.#storage.hasAttempted();
  }

  /** The solution beside the learner's code (a diff), only after an honest attempt; never over it. */
  async #toggleSolution(): Promise<void> {
    const button = part<HTMLButtonElement>(this.#root, 'button[data-action="solution"]');
    const host = part<HTMLElement>(this.#root, '[data-diff]');
    if (this.#diffShown) {
      this.#surface.hideDiff();
      host.hidden = true;
      this.#diffShown = false;
      button.textContent = 'Show solution';
      return;
    }
    const solution = await (await this.#loadBackend()).solution();
    host.hidden = false;
    this.#surface.showDiff(solution, host);
    this.#diffShown = true;
    button.textContent = 'Hide solution';
  }
}
