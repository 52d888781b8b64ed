// expect-fail: at-most-once/consumer crash before commit
import type { Kafka } from 'kafkajs';

interface Billing {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

export async function consumeOrders(kafka: Kafka, billing: Billing, _guarantee: string): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  // KafkaJS auto-commit commits after the handler returns: processed orders are redelivered after a crash.
  await consumer.run({ eachMessage: async ({ message }) => billing.charge(message.value?.toString() ?? '') });
}
