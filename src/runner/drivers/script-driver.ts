/**
 * The script driver (orders-four-steps): the learner writes a plain program with top-level
 * `orders`, `delivery_guarantee` and `processed_orders`. Each run substitutes the declarations the
 * grader asks for, evaluates the program, lets its virtual timers fire, and reads the observed names.
 */
import { captureConsole } from '../console-capture.ts';
import { loadLearnerModule, toRunError } from '../learner-module.ts';
import { substituteDeclaration } from '../substitute-declaration.ts';
import { createScriptClock } from '../virtual-time.ts';
import { isStringArray, type Driver } from './driver.ts';
import { emptyObservation } from '../../shared/sandbox-protocol.ts';

export const runScript: Driver = async (context, run) => {
  const observation = emptyObservation(run);
  const clock = createScriptClock(run.seed);
  context.realm.useTime(clock);
  let code = context.code;
  for (const [name, value] of Object.entries(run.substitute ?? {})) {
    // A missing declaration is left as it is: the grader sees the unchanged value and says why.
    code = substituteDeclaration(code, name, value) ?? code;
  }
  const captured = captureConsole(context.limits.consoleLines, context.limits.consoleBytes);
  let observed: Record<string, unknown> = {};
  try {
    const module = await loadLearnerModule(context.host, code, { kafkajs: undefined, console: captured.console, observe: context.observe });
    await context.host.yieldToHost();
    const finished = await clock.runTimers(context.limits.virtualTimeMs, () => context.host.yieldToHost());
    if (!finished) {
      observation.error = { kind: 'timeout', name: 'TimeoutError', message: `timers were still pending after ${context.limits.virtualTimeMs} ms of virtual time` };
    }
    observed = module.observed();
  } catch (thrown) {
    observation.error = toRunError(thrown, context.host, context.mappings);
  }
  observation.console = captured.lines();
  observation.observed = observed;
  const processed = observed['processed_orders'];
  observation.processed_orders = isStringArray(processed) ? processed : null;
  return observation;
};
