/**
 * createCluster: the public face of the engine — clock, randomness, topics, trace, faults — plus a
 * KafkaJS-compatible module bound to it.
 */
import { Engine } from './engine.ts';
import { validateFaultPlan } from './fault-registry.ts';
import { createKafkaJsModule, type KafkaJsModule } from './kafkajs/module.ts';
import { clusterClientPort } from './client-port.ts';
import type { ClusterOptions, SimCluster, TopicSpec } from './types.ts';

/** Create a simulated cluster. Throws (with every problem listed) when the fault plan is invalid. */
export function createCluster(options: ClusterOptions): SimCluster {
  const brokers = options.brokers ?? 3;
  if (!Number.isInteger(brokers) || brokers < 1) throw new Error(`brokers must be an integer ≥ 1 (got ${brokers})`);
  const checked = validateFaultPlan(options.faults ?? []);
  if (!checked.ok) throw new Error(`invalid fault plan:\n- ${checked.errors.join('\n- ')}`);
  const engine = new Engine({ seed: options.seed, brokers, faults: checked.plan, uncleanLeaderElection: options.uncleanLeaderElection ?? false });
  const port = clusterClientPort(engine);
  // Made on first use: a host that gives each process its own module (kafkajsFor) never needs it.
  let kafkajs: KafkaJsModule | undefined;
  // A process's timers: held while it is frozen, never fired once it died; cancellable even while held.
  const cancelledTimers = new Set<number>();
  let nextProcessTimer = 1;
  return {
    now: () => engine.now(),
    step: () => engine.clock.step(),
    outsideCalls: () => engine.outsideCalls(),
    nextEventAt: () => engine.clock.nextAt(),
    setTimer: (delayMs, fn) => engine.clock.schedule(delayMs, engine.outside(fn)),
    clearTimer: (id) => engine.clock.cancel(id),
    random: () => engine.random(),
    trace: engine.trace,
    createTopic(spec: TopicSpec) {
      const err = engine.createTopic(spec);
      if (err) throw new Error(`cannot create topic '${spec.topic}': ${err}`);
    },
    readTopic: (topic, opts) => engine.readTopic(topic, opts.isolation),
    faultsHit: () => engine.faultsHit(),
    get kafkajs() {
      kafkajs ??= createKafkaJsModule(port);
      return kafkajs;
    },
    onClientCrash: (listener) => engine.onClientCrash(engine.outside(listener)),
    spawnProcess: (name, options) => engine.spawnProcess(name, options?.crashPoints ?? true),
    kafkajsFor: (process) => createKafkaJsModule(port, process),
    processAlive: (process) => engine.processes.alive(process),
    processCalls: (process) => engine.processes.calls(process),
    processName: (process) => engine.processes.name(process),
    record: (event) => engine.emit(event),
    setProcessTimer(process, delayMs, fn) {
      const id = nextProcessTimer++;
      const fire = engine.outside(fn);
      engine.clock.schedule(delayMs, () =>
        engine.faults.whenAwake(process, () => {
          if (!cancelledTimers.delete(id)) fire();
        }),
      );
      return id;
    },
    clearProcessTimer: (id) => {
      cancelledTimers.add(id);
    },
    callService(process, call, latencyMs, effect) {
      const { ticket, fate } = engine.faults.beginCall(process, call);
      if (fate !== 'proceed') return new Promise(() => {});
      const value = effect();
      return new Promise((resolve) => {
        const answer = engine.outside(() => resolve(value));
        engine.clock.schedule(latencyMs, () => {
          if (engine.faults.endCall(ticket)) return;
          engine.faults.whenAwake(process, answer);
        });
      });
    },
  };
}
