/**
 * The harness bundle's entry for QuickJS. Evaluated once per sandbox context, before hardening, it
 * keeps QuickJS's own `eval` (hardening removes the global one) to evaluate learner modules, and
 * exposes `__kxRun` for the host: it runs each run separately and reports each observation as soon
 * as it is made, so a run that hits the time limit does not lose the runs before it.
 */
import { runSandboxed } from './harness.ts';
import type { SandboxHost, SandboxRequest } from './sandbox-protocol.ts';

/** Host functions the QuickJS engine installs as globals before calling `__kxRun`. */
interface QuickJSHostGlobals {
  __kxYield(): Promise<void>;
  __kxReport(observationJson: string): void;
}

// Indirect eval: the learner's module is evaluated in the global scope, never in this closure's.
const nativeEval = globalThis.eval;

/** The file name QuickJS gives code evaluated with `eval`. */
const EVAL_FILE_NAME = '<input>';

async function run(requestJson: string): Promise<string> {
  const globals = globalThis as unknown as QuickJSHostGlobals;
  const yieldToHost = globals.__kxYield;
  const report = globals.__kxReport;
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

Object.defineProperty(globalThis, '__kxRun', { value: run, enumerable: false });
