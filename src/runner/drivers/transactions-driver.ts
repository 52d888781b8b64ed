/**
 * The consume–transform–produce driver (orders-transactions). Contract: the learner's module exports
 *   `processOrders(kafka: Kafka): Promise<void>`
 * which consumes `orders` in group `order-processor` and, for each order, writes it to
 * `processed_orders` in a transaction of a producer with transactionalId `order-processor` that also
 * carries the consumed offset (`sendOffsets`). Per run: a fresh cluster with both topics, the orders
 * already in `orders`, and the run's fault plan. A crashed process is replaced by a new one (a fresh
 * evaluation of the module, see program-process.ts), and so is an instance fenced by a zombie-producer
 * fault (the new instance is the one that fenced it). What a
 * read_committed reader of `processed_orders` sees, in log order, is `processed_orders`. A
 * pause-instance fault freezes the running instance; a replacement is started beside it and takes its
 * partition once the frozen one's session expires; the frozen one wakes later, a zombie.
 */
import { captureConsole } from '../console-capture.ts';
import { disconnectDeadlock } from './disconnect-deadlock.ts';
import { prepareLearnerModule, toRunError } from '../learner-module.ts';
import { setUpCluster } from './cluster-setup.ts';
import { missingExportError, type Driver } from './driver.ts';
import { produceOrders } from './order-intake.ts';
import { startProgramProcess } from './program-process.ts';
import { runRestartable } from './restartable-program.ts';
import { emptyObservation } from '../../shared/sandbox-protocol.ts';

/** Virtual time each instance gets to catch up: past KafkaJS's 30 s request timeout and a retry. */
const RUN_FOR_MS = 75_000;
const OUTPUT_TOPIC = 'processed_orders';
/** Faults after which a second instance of the program runs beside the first. */
const TAKEOVER_FAULTS: ReadonlySet<string> = new Set(['zombie-producer', 'pause-instance']);

export const runTransactions: Driver = async (context, run) => {
  const observation = emptyObservation(run);
  const cluster = setUpCluster(context, run, ['orders', OUTPUT_TOPIC]);
  const faultsHit = cluster.faultsHit.bind(cluster);
  const readTopic = cluster.readTopic.bind(cluster);
  const captured = captureConsole(context.limits.consoleLines, context.limits.consoleBytes);
  const yieldToHost = (): Promise<void> => context.host.yieldToHost();
  let firstProcess: number | undefined;
  try {
    const module = await prepareLearnerModule(context.host, context.code);
    await produceOrders(cluster, run.orders, yieldToHost);
    // A zombie-producer fault means another instance took over: start that instance. A pause-instance
    // fault froze the running instance past its session timeout: a supervisor (or the deployment's
    // spare) starts a replacement, while the frozen one lives on as a zombie, to fence itself (or not).
    const zombieHits = (): number => faultsHit().filter((hit) => TAKEOVER_FAULTS.has(hit.fault)).length;
    let replacedZombies = 0;
    await runRestartable({
      cluster,
      host: context.host,
      runForMs: RUN_FOR_MS,
      restartWhen: () => zombieHits() > replacedZombies,
      start: (n) => {
        replacedZombies = zombieHits();
        const program = startProgramProcess(context, cluster, module, `order-processor-${n}`, captured.console);
        firstProcess ??= program.id;
        const processOrders = program.exports['processOrders'];
        if (typeof processOrders !== 'function') throw missingExportError('processOrders', '(kafka)');
        return (processOrders as (...args: unknown[]) => unknown)(program.kafka, run.guarantee);
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
  observation.processed_orders = readTopic(OUTPUT_TOPIC, { isolation: 'read_committed' }).flatMap((record) => (record.value === null ? [] : [record.value]));
  observation.faultsHit = faultsHit();
  if (firstProcess !== undefined) observation.callsOut = cluster.processCalls(firstProcess);
  observation.trace = [...cluster.trace];
  return observation;
};
