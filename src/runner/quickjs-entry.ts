/**
 * The harness bundle's entry for QuickJS. Evaluated once per sandbox context, before hardening, it
 * keeps QuickJS's own `eval` (hardening removes the global one) to evaluate learner modules, and
 * exposes `__kxRun` for the host: it runs each run separately and reports each observation as soon
 * as it is made, so a run that hits the time limit does not lose the runs before it.
 *
 * The host's functions arrive as globals, and learner code shares this global object: so they are
 * taken into this closure and deleted from it here, before any learner code exists, and `__kxRun`
 * removes itself on its one call. Otherwise a submission could report forged observations, or start
 * the harness again on code of its choosing.
 */
import { runSandboxed } from './harness.ts';
import type { SandboxHost, SandboxRequest } from '../shared/sandbox-protocol.ts';

/** Host functions the QuickJS engine installs as globals before evaluating this bundle. */
interface QuickJSHostGlobals {
  __kxYield?: () => Promise<void>;
  __kxReport?: (observationJson: string) => void;
}

/** The global the host calls, once. */
const RUN_FUNCTION = '__kxRun';

// Indirect eval: the learner's module is evaluated in the global scope, never in this closure's.
const nativeEval = globalThis.eval;

/** The file name QuickJS gives code evaluated with `eval`. */
const EVAL_FILE_NAME = '<input>';

const hostGlobals = globalThis as unknown as QuickJSHostGlobals;
const yieldToHost = hostGlobals.__kxYield;
const report = hostGlobals.__kxReport;
delete hostGlobals.__kxYield;
delete hostGlobals.__kxReport;

let started = false;

async function run(requestJson: string): Promise<string> {
  // One request per context: a second call can only come from learner code.
  if (started) throw new Error('the harness runs once per sandbox');
  started = true;
  delete (globalThis as Record<string, unknown>)[RUN_FUNCTION];
  if (typeof yieldToHost !== 'function' || typeof report !== 'function') return JSON.stringify({ sandboxError: 'the host functions were not installed' });
  const request = JSON.parse(requestJson) as SandboxRequest;
  const host: SandboxHost = {
    yieldToHost: () => yieldToHost(),
    evaluate: (source) => nativeEval(source),
    learnerFileName: EVAL_FILE_NAME,
  };
  for (const single of request.runs) {
    const result = await runSandboxed({ ...request, runs: [single] }, host);
    if (result.sandboxError !== undefined) return JSON.stringify({ sandboxError: result.sandboxError });
    for (const observation of result.runs) report(JSON.stringify(observation));
  }
  return JSON.stringify({ done: true });
}

// Configurable, so that `run` can delete it before the realm is frozen.
Object.defineProperty(globalThis, RUN_FUNCTION, { value: run, enumerable: false, configurable: true });
