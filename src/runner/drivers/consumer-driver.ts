/**
 * The consumer driver (orders-consumer). Contract: the learner's module exports
 *   `consumeOrders(kafka: Kafka, billing: Billing, guarantee): Promise<void>`
 * which starts a consumer in group `billing` on topic `orders` and charges each order through
 * `billing.charge` — the side effect outside Kafka. Per run: a fresh cluster, the run's orders already
 * in `orders`, and the run's fault plan (consumer crashes before or after a commit). When a fault kills
 * the consumer, the driver starts `consumeOrders` again with a new Kafka client, as a deployment
 * restarts a crashed process. What the customer was billed for, in order, is `processed_orders`.
 */
import { captureConsole } from '../console-capture.ts';
import { disconnectDeadlock } from './disconnect-deadlock.ts';
import { loadLearnerModule, toRunError } from '../learner-module.ts';
import { createBilling } from './billing.ts';
import { setUpCluster } from './cluster-setup.ts';
import { missingExport, type Driver } from './driver.ts';
import { produceOrders } from './order-intake.ts';
import { createProgramInstance, type ProgramInstance } from './program-instance.ts';
import { runRestartable } from './restartable-program.ts';
import { emptyObservation } from '../sandbox-protocol.ts';

/** Virtual time each instance gets to consume: several of the consumer's 5 s fetch waits. */
const RUN_FOR_MS = 20_000;

export const runConsumer: Driver = async (context, run) => {
  const observation = emptyObservation(run);
  const cluster = setUpCluster(context, run);
  const faultsHit = cluster.faultsHit.bind(cluster);
  const billing = createBilling(cluster);
  const captured = captureConsole(context.limits.consoleLines, context.limits.consoleBytes);
  const yieldToHost = (): Promise<void> => context.host.yieldToHost();
  try {
    // The module first: evaluating it runs no Kafka code.
    const module = await loadLearnerModule(context.host, context.code, { kafkajs: cluster.kafkajs, console: captured.console });
    await produceOrders(cluster, run.orders, yieldToHost);
    const consumeOrders = (module.exports as { consumeOrders?: unknown }).consumeOrders;
    if (typeof consumeOrders !== 'function') {
      observation.error = missingExport('consumeOrders', '(kafka, billing, guarantee)');
    } else {
      const instances: ProgramInstance[] = [];
      await runRestartable({
        cluster,
        host: context.host,
        runForMs: RUN_FOR_MS,
        start: (n) => {
          const instance = createProgramInstance(cluster, 'billing-app', n);
          instances.push(instance);
          return (consumeOrders as (...args: unknown[]) => unknown)(instance.kafka, billing.api, run.guarantee);
        },
        stop: (n) => instances[n - 1]?.stop(),
        onError: (thrown) => {
          observation.error ??= toRunError(thrown, context.host, context.mappings);
        },
      });
      const deadlock = disconnectDeadlock(cluster.trace);
      if (deadlock !== undefined) observation.error ??= deadlock;
    }
  } catch (thrown) {
    observation.error ??= toRunError(thrown, context.host, context.mappings);
  }
  observation.console = captured.lines();
  observation.processed_orders = billing.charges();
  observation.side_effects = billing.calls();
  observation.faultsHit = faultsHit();
  observation.trace = [...cluster.trace];
  return observation;
};
