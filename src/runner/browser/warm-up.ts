/**
 * A spare sandbox Worker's warm-up, before it says it is ready: a few runs of the harness on programs
 * of our own (never a learner's), one per cluster driver, so that V8 has parsed and compiled the
 * simulated cluster, the KafkaJS facade and the drivers by the time a Check arrives. A fresh Worker
 * otherwise runs a Check's first schedules in its slowest tier. The programs are plain CommonJS, as
 * the compiler emits it, and each run builds and drops its own cluster like every run does, so nothing
 * of them is left for the learner's runs: the realm was hardened first, and the harness keeps no state
 * between runs that a program could reach. They resemble the exercises' solutions on purpose but are
 * written here: the page must never ship a solution, and the runner imports nothing from exercises/.
 */
import { runSandboxed } from '../harness.ts';
import type { DriverKind, SandboxHost, SandboxRequest } from '../../shared/sandbox-protocol.ts';

/** What each driver calls, written the way a correct submission does. */
const PROGRAMS: Partial<Record<DriverKind, string>> = {
  producer: `"use strict";
exports.sendOrders = async function (kafka, orders, guarantee) {
  const producer = kafka.producer({ idempotent: guarantee === 'exactly-once', maxInFlightRequests: 1 });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', acks: guarantee === 'at-most-once' ? 0 : -1, messages: [{ key: order, value: order }] });
  await producer.disconnect();
};`,
  consumer: `"use strict";
exports.consumeOrders = async function (kafka, billing, guarantee) {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const order = message.value ? message.value.toString() : '';
      await billing.charge(order, guarantee === 'exactly-once' ? { idempotencyKey: order } : {});
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
};`,
  transactions: `"use strict";
exports.processOrders = async function (kafka) {
  const consumer = kafka.consumer({ groupId: 'order-processor' });
  const producer = kafka.producer({ transactionalId: 'order-processor', idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const transaction = await producer.transaction();
      await transaction.send({ topic: 'processed_orders', messages: [{ key: message.key, value: message.value }] });
      await transaction.sendOffsets({ consumerGroupId: 'order-processor', topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }] });
      await transaction.commit();
    },
  });
};`,
};

/** Drivers that restart a crashed program: their warm-up also crashes it once, to warm that path. */
const RESTARTING: readonly DriverKind[] = ['consumer', 'transactions'];

/** The warm-up requests: one run per driver, and a crash where the driver restarts the program. */
export function warmUpRequests(): SandboxRequest[] {
  const orders = ['warm-1', 'warm-2'];
  return Object.entries(PROGRAMS).map(([driver, code]) => ({
    code: code ?? '',
    map: '',
    driver: driver as DriverKind,
    runs: [
      { scenario: 'warm-up', seed: 1, guarantee: 'exactly-once' as const, orders, faults: [] },
      ...(RESTARTING.includes(driver as DriverKind)
        ? [{ scenario: 'warm-up crash', family: 'warm-up', seed: 1, guarantee: 'exactly-once' as const, orders, faults: [{ fault: 'crash-process', call: 2, when: 'after' }] }]
        : []),
    ],
  }));
}

/** Runs the warm-up; whatever it does or throws is ignored (a spare that failed to warm is just slower). */
export async function warmUp(host: SandboxHost): Promise<void> {
  for (const request of warmUpRequests()) {
    try {
      await runSandboxed(request, host);
    } catch {
      // Ignored: see above.
    }
  }
}
