/**
 * The producer driver (orders-producer). Contract: the learner's module exports
 *   `sendOrders(kafka: Kafka, orders: string[], guarantee): Promise<void>`.
 * Per run: a fresh cluster with topic `orders` (RF 3, min.insync.replicas 2) and the run's fault plan;
 * the driver calls `sendOrders`, lets the cluster run until the call settles and the cluster is quiet,
 * then reads `orders` from the beginning with read_committed: those values, in log order, are
 * `processed_orders`. A rejection is recorded as a runtime error and the run is still graded.
 */
import { runUntil } from '../../broker/index.ts';
import { captureConsole } from '../console-capture.ts';
import { prepareLearnerModule, toRunError } from '../learner-module.ts';
import { setUpCluster } from './cluster-setup.ts';
import type { Driver } from './driver.ts';
import { missingExportError } from './driver.ts';
import { startProgramProcess } from './program-process.ts';
import { emptyObservation } from '../../shared/sandbox-protocol.ts';

export const runProducer: Driver = async (context, run) => {
  const observation = emptyObservation(run);
  const cluster = setUpCluster(context, run);
  const readTopic = cluster.readTopic.bind(cluster);
  const faultsHit = cluster.faultsHit.bind(cluster);
  const captured = captureConsole(context.limits.consoleLines, context.limits.consoleBytes);
  let settled = false;
  let programProcess: number | undefined;
  try {
    const module = await prepareLearnerModule(context.host, context.code);
    const program = startProgramProcess(context, cluster, module, 'orders-app', captured.console);
    programProcess = program.id;
    const sendOrders = program.exports['sendOrders'];
    if (typeof sendOrders !== 'function') throw missingExportError('sendOrders', '(kafka, orders, guarantee)');
    const outcome: Promise<unknown> = Promise.resolve((sendOrders as (...args: unknown[]) => unknown)(program.kafka, [...run.orders], run.guarantee));
    outcome.then(
      () => {
        settled = true;
      },
      (thrown: unknown) => {
        settled = true;
        observation.error = toRunError(thrown, context.host, context.mappings);
      },
    );
    await runUntil(cluster, () => settled, () => context.host.yieldToHost(), { maxVirtualMs: context.limits.virtualTimeMs });
    if (!settled) {
      observation.error = { kind: 'timeout', name: 'TimeoutError', message: `sendOrders had not resolved after ${context.limits.virtualTimeMs / 1000} s of simulated time: is an await waiting for something that never happens?` };
    }
    // Let in-flight requests (sends that were not awaited, retries) finish before reading back.
    await runUntil(cluster, () => false, () => context.host.yieldToHost(), { maxVirtualMs: 60_000 });
  } catch (thrown) {
    observation.error ??= toRunError(thrown, context.host, context.mappings);
  }
  observation.console = captured.lines();
  observation.processed_orders = readTopic('orders', { isolation: 'read_committed' }).flatMap((record) => (record.value === null ? [] : [record.value]));
  observation.faultsHit = faultsHit();
  if (programProcess !== undefined) observation.callsOut = cluster.processCalls(programProcess);
  observation.trace = [...cluster.trace];
  return observation;
};
