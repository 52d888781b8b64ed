/**
 * The consumer driver (orders-consumer). Contract: the learner's module exports
 *   `consumeOrders(kafka: Kafka, billing: Billing, guarantee): Promise<void>`
 * which starts a consumer in group `billing` on topic `orders` and charges each order through
 * `billing.charge` — the side effect outside Kafka. Per run: a fresh cluster, the run's orders already
 * in `orders`, and the run's fault plan (consumer crashes before or after a commit). When a fault kills
 * the consumer's process, the driver starts a new process — a fresh evaluation of the learner's module
 * with new clients — and calls `consumeOrders` again, as a deployment restarts a crashed process. What
 * the customer was billed for, in order, is `processed_orders`.
 */
import { captureConsole } from '../console-capture.ts';
import { disconnectDeadlock } from './disconnect-deadlock.ts';
import { prepareLearnerModule, toRunError } from '../learner-module.ts';
import { createBilling } from './billing.ts';
import { setUpCluster } from './cluster-setup.ts';
import { missingExportError, type Driver } from './driver.ts';
import { produceOrders } from './order-intake.ts';
import { startProgramProcess } from './program-process.ts';
import { runRestartable } from './restartable-program.ts';
import { emptyObservation } from '../../shared/sandbox-protocol.ts';

/** Virtual time each instance gets to consume: several of the consumer's 5 s fetch waits. */
const RUN_FOR_MS = 20_000;

export const runConsumer: Driver = async (context, run) => {
  const observation = emptyObservation(run);
  const cluster = setUpCluster(context, run);
  const faultsHit = cluster.faultsHit.bind(cluster);
  const billing = createBilling(cluster);
  const captured = captureConsole(context.limits.consoleLines, context.limits.consoleBytes);
  const yieldToHost = (): Promise<void> => context.host.yieldToHost();
  let firstProcess: number | undefined;
  try {
    const module = await prepareLearnerModule(context.host, context.code);
    await produceOrders(cluster, run.orders, yieldToHost);
    await runRestartable({
      cluster,
      host: context.host,
      runForMs: RUN_FOR_MS,
      start: (n) => {
        const program = startProgramProcess(context, cluster, module, `billing-app-${n}`, captured.console);
        firstProcess ??= program.id;
        const consumeOrders = program.exports['consumeOrders'];
        if (typeof consumeOrders !== 'function') throw missingExportError('consumeOrders', '(kafka, billing, guarantee)');
        return (consumeOrders as (...args: unknown[]) => unknown)(program.kafka, billing.forProcess(program.id), run.guarantee);
      },
      onError: (thrown) => {
        observation.error ??= toRunError(thrown, context.host, context.mappings);
      },
    });
    const deadlock = disconnectDeadlock(cluster.trace);
    if (deadlock !== undefined) observation.error ??= deadlock;
  } catch (thrown) {
    observation.error ??= toRunError(thrown, context.host, context.mappings);
  }
  observation.console = captured.lines();
  observation.processed_orders = billing.charges();
  observation.side_effects = billing.calls();
  observation.faultsHit = faultsHit();
  if (firstProcess !== undefined) observation.callsOut = cluster.processCalls(firstProcess);
  observation.trace = [...cluster.trace];
  return observation;
};
