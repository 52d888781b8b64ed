/**
 * The sandbox: a dedicated module Worker, used for one Run or Check and then terminated by the page.
 * It receives `{ type: 'run', request }`, runs each run through the harness and posts each
 * observation as soon as it is made (so a later run that hangs does not lose the earlier ones), then
 * `{ type: 'done' }`. No verdict is computed here; the grader runs on the page.
 *
 * Only the page may start a run, and only once: the listener is added before hardening, accepts only
 * a trusted event (one the browser delivered, never one made by `dispatchEvent`) and only the first
 * one. Hardening then removes every way to reach the page or this listener from learner code
 * (postMessage, dispatchEvent, EventTarget, MessageEvent, MessageChannel, … — everything outside the
 * allowlist), so learner code can neither forge a run nor post an observation of its own.
 *
 * The harness asks the host to evaluate the learner's wrapped module; a Worker can only turn text into
 * code without `eval` by importing it, so `evaluate` imports it as a blob module and returns the
 * Promise of its function (the harness awaits it). A module text already imported in this Worker is
 * reused: a Check's runs often ask for the same text.
 */
import { hardenRealm } from '../harden.ts';
import { runSandboxed } from '../harness.ts';
import type { SandboxHost, SandboxRequest } from '../../shared/sandbox-protocol.ts';
import { toBlobModule } from './blob-module.ts';
import { warmUp } from './warm-up.ts';
import type { WorkerToPage } from './worker-messages.ts';

// Hardening removes or freezes these globals: keep what the host needs first.
const post = globalThis.postMessage.bind(globalThis) as (message: WorkerToPage) => void;
const createObjectURL = URL.createObjectURL.bind(URL);
const BlobConstructor = Blob;

/**
 * A yield to the Worker's event loop (a macrotask), so every pending microtask of the learner's code
 * and of the simulated cluster runs before the cluster fires its next event — what `runUntil` needs.
 * A resolved promise alone lets only one microtask turn pass: a chain of awaits (a KafkaJS send) would
 * not reach the cluster before it went idle. `scheduler.yield()` does it without a message to
 * serialise (in a hardened Worker, measured at a third of a MessageChannel round trip); a browser
 * without it gets the channel. Both are taken before hardening and kept private.
 */
const taskScheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
const yieldToEventLoop: () => Promise<void> = taskScheduler?.yield?.bind(taskScheduler) ?? channelYield();

function channelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiters: (() => void)[] = [];
  channel.port1.onmessage = () => waiters.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiters.push(resolve);
      channel.port2.postMessage(null);
    });
}

/** A learner module imported from a blob URL: the function `wrapModule` defined, and that URL. */
interface ImportedModule {
  factory: unknown;
  url: string;
}

async function importModule(source: string): Promise<ImportedModule> {
  const url = createObjectURL(new BlobConstructor([toBlobModule(source)], { type: 'text/javascript' }));
  const module = (await import(/* @vite-ignore */ url)) as { default: unknown };
  return { factory: module.default, url };
}

/** A host that imports each module text once (a Check's runs often ask for the same text). */
function blobHost(): SandboxHost {
  const imported = new Map<string, Promise<ImportedModule>>();
  // Stack frames of the learner's code name its blob URL; the run's own module is the last imported.
  let learnerFileName = '';
  return {
    yieldToHost: yieldToEventLoop,
    evaluate: async (source) => {
      let module = imported.get(source);
      if (module === undefined) {
        module = importModule(source);
        imported.set(source, module);
      }
      const { factory, url } = await module;
      learnerFileName = url;
      return factory;
    },
    get learnerFileName() {
      return learnerFileName;
    },
  };
}

async function handle(request: SandboxRequest): Promise<void> {
  const host = blobHost();
  for (const run of request.runs) {
    const result = await runSandboxed({ ...request, runs: [run] }, host);
    if (result.sandboxError !== undefined) {
      post({ type: 'sandbox-error', message: result.sandboxError });
      return;
    }
    for (const observation of result.runs) post({ type: 'observation', observation });
  }
  post({ type: 'done' });
}

let started = false;
addEventListener('message', (event: MessageEvent) => {
  if (started || !event.isTrusted) return;
  const data = event.data as { type?: unknown; request?: SandboxRequest } | null;
  if (data === null || typeof data !== 'object' || data.type !== 'run' || data.request === undefined) return;
  started = true;
  // The page waits for "ready", so the warm-up is over; awaited anyway, as both would share the clock.
  warmedUp.then(() => handle(data.request!)).catch((error: unknown) => {
    post({ type: 'sandbox-error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  });
});

// Hardening freezes everything reachable from the global object, which takes a while; do it now,
// while this Worker waits as a spare, instead of on the learner's Check (the harness's own call
// then finds the realm already hardened). Then warm the harness up on our own programs (no learner
// code has been here yet), so the Check's runs find the cluster's code compiled.
hardenRealm();
const warmedUp = warmUp(blobHost()).catch(() => undefined);
void warmedUp.then(() => post({ type: 'ready' }));
