/**
 * The sandbox: a dedicated module Worker, used for one Run or Check and then terminated by the page.
 * It receives `{ type: 'run', request }`, runs each run through the harness and posts each
 * observation as soon as it is made (so a later run that hangs does not lose the earlier ones), then
 * `{ type: 'done' }`. No verdict is computed here; the grader runs on the page.
 *
 * The harness evaluates the learner's module synchronously (`SandboxHost.evaluate`), but a Worker can
 * only turn text into code without `eval` by importing it, which is asynchronous. So each run goes
 * through the harness twice: a first pass only records the wrapped module text the driver asks for
 * (its `evaluate` throws before any learner code runs), the Worker imports each as a blob module, and
 * the second, real pass gets those functions back synchronously. Drivers are deterministic (seeded),
 * so both passes ask for the same text.
 */
import { hardenRealm } from '../harden.ts';
import { runSandboxed } from '../harness.ts';
import type { SandboxHost, SandboxRequest } from '../sandbox-protocol.ts';
import { toBlobModule } from './blob-module.ts';
import type { WorkerToPage } from './worker-messages.ts';

// Hardening removes or freezes these globals: keep what the host needs first.
const post = globalThis.postMessage.bind(globalThis) as (message: WorkerToPage) => void;
const createObjectURL = URL.createObjectURL.bind(URL);
const BlobConstructor = Blob;

const RECORDING = 'kdc:recording-pass';

/**
 * A yield to the Worker's event loop (a macrotask), so every pending microtask of the learner's code
 * and of the simulated cluster runs before the cluster fires its next event — what `runUntil` needs.
 * A resolved promise alone lets only one microtask turn pass: a chain of awaits (a KafkaJS send) would
 * not reach the cluster before it went idle. The channel is made before hardening and kept private.
 */
const yieldChannel = new MessageChannel();
const yieldWaiters: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yieldWaiters.shift()?.();
const yieldToEventLoop = (): Promise<void> =>
  new Promise<void>((resolve) => {
    yieldWaiters.push(resolve);
    yieldChannel.port2.postMessage(null);
  });

/** A learner module imported from a blob URL: the function `wrapModule` defined, and that URL. */
interface PreparedModule {
  factory: unknown;
  url: string;
}

/** First pass: the wrapped module texts the driver asks to evaluate for `run`, in order. */
async function recordWantedModules(request: SandboxRequest): Promise<string[]> {
  const wanted: string[] = [];
  const recorder: SandboxHost = {
    yieldToHost: () => Promise.resolve(),
    evaluate: (source) => {
      wanted.push(source);
      throw new Error(RECORDING);
    },
    learnerFileName: '',
  };
  await runSandboxed(request, recorder);
  return wanted;
}

async function importModule(source: string): Promise<PreparedModule> {
  const url = createObjectURL(new BlobConstructor([toBlobModule(source)], { type: 'text/javascript' }));
  const module = (await import(/* @vite-ignore */ url)) as { default: unknown };
  return { factory: module.default, url };
}

async function handle(request: SandboxRequest): Promise<void> {
  const singles = request.runs.map((run): SandboxRequest => ({ ...request, runs: [run] }));
  // Record every run's modules first, then import them all at once: the imports overlap.
  const wanted: string[][] = [];
  for (const single of singles) wanted.push(await recordWantedModules(single));
  const unique = [...new Set(wanted.flat())];
  const imported = await Promise.all(unique.map(importModule));
  const modules = new Map(unique.map((source, index) => [source, imported[index]!]));
  for (const [index, single] of singles.entries()) {
    // Stack frames of the learner's code name its blob URL; with one module per run that is the one.
    const first = wanted[index]?.[0];
    const learnerFileName = first === undefined ? '' : (modules.get(first)?.url ?? '');
    const host: SandboxHost = {
      yieldToHost: yieldToEventLoop,
      evaluate: (source) => {
        const prepared = modules.get(source);
        if (prepared === undefined) throw new Error('the sandbox could not prepare this module (the driver asked for different code on its second pass)');
        return prepared.factory;
      },
      learnerFileName,
    };
    const result = await runSandboxed(single, host);
    if (result.sandboxError !== undefined) {
      post({ type: 'sandbox-error', message: result.sandboxError });
      return;
    }
    for (const observation of result.runs) post({ type: 'observation', observation });
  }
  post({ type: 'done' });
}

addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: unknown; request?: SandboxRequest };
  if (data.type !== 'run' || data.request === undefined) return;
  handle(data.request).catch((error: unknown) => {
    post({ type: 'sandbox-error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  });
});

// Hardening freezes everything reachable from the global object, which takes a while; do it now,
// while this Worker waits as a spare, instead of on the learner's Check (the harness's own call
// then finds the realm already hardened).
hardenRealm();
post({ type: 'ready' });
