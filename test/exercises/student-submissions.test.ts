/**
 * Submissions written the way students write them — other styles that must pass, and mistakes whose
 * message must say what to change. Regression cases for fixes found by grading such submissions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChecks } from '../../src/grading/check-ids.ts';
import { gradeSubmission } from '../../src/grading/grade.ts';
import { loadExercise } from '../../src/grading/load-exercises.ts';
import type { LoadedExercise } from '../../src/grading/exercise-types.ts';
import type { SandboxEngine } from '../../src/runner/engine.ts';
import { createNodeEngine } from '../../src/runner/node-engine.ts';
import type { GradeReport } from '../../src/schemas/grade-report.ts';

let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine({ timeLimitMs: 10_000 });
});
afterAll(() => engine.close());

async function exercise(id: string): Promise<LoadedExercise> {
  const loaded = await loadExercise(id);
  if (loaded === undefined) throw new Error(`${id} is missing`);
  return loaded;
}

/** The message of check `id` ("simulate-sending", "exactly-once/no fault"). */
function messageOf(report: GradeReport, id: string): string {
  const check = listChecks(report).find((c) => c.id === id);
  if (check === undefined) throw new Error(`no check ${id}`);
  return check.message;
}

const fourSteps = await exercise('orders-four-steps');
const producer = await exercise('orders-producer');
const consumer = await exercise('orders-consumer');
const transactions = await exercise('orders-transactions');

describe('orders-four-steps, as students write it', () => {
  it('accepts an indexed for loop that names its variable order', async () => {
    const source = `const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee = 'at-least-once';
const processed_orders: string[] = [];
for (let i = 0; i < orders.length; i++) {
  const order = orders[i];
  processed_orders.push(order);
  if (delivery_guarantee === 'at-least-once') processed_orders.push(order);
}
console.log(processed_orders);`;
    const report = await gradeSubmission(fourSteps, source, engine);
    expect(listChecks(report).filter((c) => !c.passed)).toEqual([]);
  });

  it('accepts plain JavaScript without semicolons, loose equality and pretty-printed JSON output', async () => {
    const source = `var orders = ["order1", "order2", "order3"]
var delivery_guarantee = "at-least-once"
var processed_orders = []
for (var order of orders) {
  processed_orders.push(order)
  if (delivery_guarantee == "at-least-once") processed_orders.push(order)
}
console.log(JSON.stringify(processed_orders, null, 2))`;
    const report = await gradeSubmission(fourSteps, source, engine);
    expect(listChecks(report).filter((c) => !c.passed)).toEqual([]);
  });

  it('says to print after the loop when console.log ran before processed_orders was filled', async () => {
    const source = fourSteps.solution.replace('console.log(processed_orders);', '').replace('const processed_orders: string[] = [];', 'const processed_orders: string[] = [];\nconsole.log(processed_orders);');
    const report = await gradeSubmission(fourSteps, source, engine);
    expect(messageOf(report, 'print-orders')).toMatch(/never shows the final processed_orders .*print it after the loop/);
  });

  it('names the exact variable when a student renames it', async () => {
    const source = fourSteps.solution.replaceAll('delivery_guarantee', 'deliveryGuarantee');
    const report = await gradeSubmission(fourSteps, source, engine);
    expect(messageOf(report, 'set-guarantee')).toMatch(/not declared at the top level \(the checks look for this exact name\)/);
  });

  it('does not call a name undeclared when the program threw before it could be read', async () => {
    const report = await gradeSubmission(fourSteps, `${fourSteps.solution}\nthrow new Error('oops');`, engine);
    expect(messageOf(report, 'create-orders')).toMatch(/it is unknown \(the program stopped with Error: oops at line \d+\)/);
  });
});

describe('orders-producer, as students write it', () => {
  it('leads with the error when the code stopped before anything reached the topic (a misspelled export)', async () => {
    const report = await gradeSubmission(producer, producer.solution.replace('export async function sendOrders', 'export async function sendOrder'), engine);
    expect(messageOf(report, 'at-least-once/no fault')).toMatch(/^at-least-once: nothing reached the orders topic: the code stopped with TypeError: export an async function sendOrders/);
  });

  it('gives the learner line of an error thrown by their own code', async () => {
    const swapped = producer.solution.replace('sendOrders(kafka: Kafka, orders: string[]', 'sendOrders(orders: string[], kafka: Kafka');
    const report = await gradeSubmission(producer, swapped, engine);
    expect(messageOf(report, 'exactly-once/no fault')).toMatch(/the code stopped with TypeError: .*\(line \d+\)$/);
  });

  it('accepts plain JavaScript with a switch, acks=0 for at-most-once and sendBatch', async () => {
    const source = `export async function sendOrders(kafka, orders, guarantee) {
  let config, acks
  switch (guarantee) {
    case "at-most-once": config = { retry: { retries: 0 } }; acks = 0; break
    case "at-least-once": config = { retry: { retries: 5 } }; acks = -1; break
    default: config = { idempotent: true }; acks = -1
  }
  const producer = kafka.producer(config)
  await producer.connect()
  for (const o of orders) {
    try { await producer.sendBatch({ acks, topicMessages: [{ topic: "orders", messages: [{ value: o }] }] }) }
    catch (e) { if (guarantee !== "at-most-once") throw e }
  }
  await producer.disconnect()
}`;
    const report = await gradeSubmission(producer, source, engine);
    expect(listChecks(report).filter((c) => !c.passed)).toEqual([]);
  });
});

describe('orders-consumer, as students write it', () => {
  const base = consumer.solution;

  it('accepts an idempotency key made of topic, partition and offset', async () => {
    const source = base.replace('{ idempotencyKey: order }', '{ idempotencyKey: `${topic}-${partition}-${message.offset}` }');
    const report = await gradeSubmission(consumer, source, engine);
    expect(report.passed).toBe(true);
  });

  it('says the consumer never received anything when it does not read from the beginning', async () => {
    const report = await gradeSubmission(consumer, base.replace('fromBeginning: true', 'fromBeginning: false'), engine);
    expect(messageOf(report, 'at-least-once/no fault')).toMatch(/your consumer never received any order — subscribe to 'orders' with fromBeginning: true/);
  });

  it("quotes the handler's error when eachMessage keeps throwing", async () => {
    const source = base.replace('const order = message.value?.toString() ?? \'\';', "const order = message.value?.toString() ?? '';\n      throw new Error(`cannot parse ${order}`);");
    const report = await gradeSubmission(consumer, source, engine);
    expect(messageOf(report, 'at-least-once/no fault')).toMatch(/your consumer received it but never processed it; eachMessage threw: cannot parse order-/);
  });

  it('explains a duplicate caused by committing message.offset instead of the next offset', async () => {
    const wrong = consumer.wrong.find((w) => w.file.endsWith('commit-message-offset.ts'));
    const report = await gradeSubmission(consumer, wrong?.source ?? '', engine);
    expect(messageOf(report, 'at-most-once/consumer crash before commit')).toMatch(/a committed offset is the next one to read: commit Number\(message\.offset\) \+ 1/);
  });
});

describe('orders-transactions, as students write it', () => {
  it('says to add the offsets to the transaction when none was committed in one', async () => {
    const source = transactions.solution.replace(/await transaction\.sendOffsets\([^;]*;/, '').replace('autoCommit: false,', '');
    const report = await gradeSubmission(transactions, source, engine);
    expect(messageOf(report, 'exactly-once/consumer crash before commit')).toMatch(/add it with transaction\.sendOffsets/);
  });

  it('says to stop a fenced instance when it keeps going', async () => {
    const wrong = transactions.wrong.find((w) => w.file.endsWith('ignores-fencing.ts'));
    const report = await gradeSubmission(transactions, wrong?.source ?? '', engine);
    expect(messageOf(report, 'exactly-once/zombie producer')).toMatch(/stop this one so its partition moves .*`void consumer\.disconnect\(\)` without awaiting it/);
  });

  it('names the deadlock when a fenced instance awaits disconnect() inside eachMessage', async () => {
    const wrong = transactions.wrong.find((w) => w.file.endsWith('await-disconnect-in-each-message.ts'));
    const report = await gradeSubmission(transactions, wrong?.source ?? '', engine);
    expect(messageOf(report, 'exactly-once/zombie producer')).toMatch(/lost .*deadlock: .*waits for itself forever/);
  });

  it('names a wrong output topic through the error the handler hit', async () => {
    const report = await gradeSubmission(transactions, transactions.solution.replace("topic: 'processed_orders'", "topic: 'processed-orders'"), engine);
    expect(messageOf(report, 'exactly-once/no fault')).toMatch(/never sent it to processed_orders; eachMessage threw: /);
  });
});

/** The failing checks of a report, as "id: message". */
function failures(report: GradeReport): string[] {
  return listChecks(report).filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);
}

describe('crashes kill the whole process, as students meet it', () => {
  const consumerWith = (body: string, head = "import type { Kafka } from 'kafkajs';"): string => `${head}
type Billing = { charge(id: string, o?: { idempotencyKey?: string }): Promise<void> };
${body}`;

  it('fails exactly-once when the dedupe set lives in module scope, and says the memory died with the process', async () => {
    const source = consumerWith(`const seen = new Set<string>();
export async function consumeOrders(kafka: Kafka, billing: Billing, guarantee: string) {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => {
    const id = message.value!.toString();
    if (!seen.has(id)) { await billing.charge(id); seen.add(id); }
    await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  } });
}`);
    const report = await gradeSubmission(consumer, source, engine);
    expect(checkPassedOf(report, 'exactly-once/crash at any call')).toBe(false);
    expect(messageOf(report, 'exactly-once/crash at any call')).toMatch(/without an idempotency key[^]*died with its process/);
  });

  it('passes every guarantee with its own Kafka client built from the import', async () => {
    const source = consumerWith(`export async function consumeOrders(_: unknown, billing: Billing, guarantee: 'at-most-once' | 'at-least-once' | 'exactly-once') {
  const consumer = new Kafka({ clientId: 'billing-svc', brokers: ['localhost:9092'] }).consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => {
    const next = String(Number(message.offset) + 1);
    const order = String(message.value);
    if (guarantee === 'at-most-once') await consumer.commitOffsets([{ topic, partition, offset: next }]);
    await billing.charge(order, guarantee === 'exactly-once' ? { idempotencyKey: order } : undefined);
    if (guarantee !== 'at-most-once') await consumer.commitOffsets([{ topic, partition, offset: next }]);
  } });
}`, "import { Kafka } from 'kafkajs';");
    const report = await gradeSubmission(consumer, source, engine);
    expect(failures(report)).toEqual([]);
  });

  it('says the consumer disconnected before anything arrived when a finally disconnects right after run()', async () => {
    const source = consumerWith(`export async function consumeOrders(kafka: Kafka, billing: Billing) {
  const consumer = kafka.consumer({ groupId: 'billing' });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => { await billing.charge(message.value!.toString()); } });
  } finally {
    await consumer.disconnect();
  }
}`);
    const report = await gradeSubmission(consumer, source, engine);
    const message = messageOf(report, 'at-least-once/no fault');
    expect(message).toMatch(/then disconnected at t=\d+ ms before any order reached it/);
    expect(message).not.toMatch(/subscribe to 'orders' with fromBeginning/);
  });

  it('names the wrong group of sendOffsets, not the transactional.id, when the ids are shared', async () => {
    const source = transactions.solution.replace("consumerGroupId: 'order-processor'", "consumerGroupId: 'orders-group'");
    const report = await gradeSubmission(transactions, source, engine);
    const messages = failures(report).join('\n');
    expect(messages).toMatch(/committed offsets for group 'orders-group', but the consumer reads as group 'order-processor'/);
    expect(messages).not.toMatch(/same transactional\.id/);
  });

  it('tells abort-and-move-on to rethrow after abort', async () => {
    const wrong = transactions.wrong.find((w) => w.file.endsWith('abort-and-move-on.ts'));
    const report = await gradeSubmission(transactions, wrong?.source ?? '', engine);
    expect(messageOf(report, 'exactly-once/any call fails')).toMatch(/rethrow the error from eachMessage/);
  });

  it('loses a buffered order under at-least-once when auto-commit ran ahead of a setInterval biller', async () => {
    const wrong = consumer.wrong.find((w) => w.file.endsWith('auto-commit-buffer.ts'));
    const report = await gradeSubmission(consumer, wrong?.source ?? '', engine);
    expect(messageOf(report, 'at-least-once/crash at any call')).toMatch(/lost when the process 'billing-app-1' died right after its call \d+ \(commit offsets/);
    // The dead process's interval never fires again: nothing it buffered is billed by a ghost.
    expect(checkPassedOf(report, 'at-least-once/no fault')).toBe(true);
  });
});

function checkPassedOf(report: GradeReport, id: string): boolean | undefined {
  return listChecks(report).find((c) => c.id === id)?.passed;
}

