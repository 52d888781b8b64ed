import { describe, expect, test } from 'vitest';
import { parseConsoleCommand, splitWords } from '../../../src/lessons-runtime/console-command.ts';

const producer = 'kafka-console-producer --bootstrap-server localhost:9092 --topic example-topic';

describe('console command parsing', () => {
  test('the lesson producer commands parse with their acks', () => {
    for (const acks of ['0', '1', 'all']) {
      expect(parseConsoleCommand(`${producer} --producer-property acks=${acks}`)).toEqual({
        tool: 'producer',
        bootstrapServer: 'localhost:9092',
        topic: 'example-topic',
        producerProperties: { acks },
      });
    }
  });

  test('--sync is a producer flag, and Kafka 4.2\'s --command-property sets producer settings too', () => {
    expect(parseConsoleCommand(`${producer} --sync --command-property acks=1`)).toEqual({
      tool: 'producer',
      bootstrapServer: 'localhost:9092',
      topic: 'example-topic',
      producerProperties: { acks: '1' },
      sync: true,
    });
    expect(parseConsoleCommand(`${producer} --command-property acks=2`).tool).toBe('error');
    const consumer = 'kafka-console-consumer --bootstrap-server localhost:9092 --topic example-topic';
    expect(parseConsoleCommand(`${consumer} --sync`)).toEqual({ tool: 'error', stderr: ['sync is not a recognized option'] });
    expect(parseConsoleCommand(`${consumer} --command-property acks=1`).tool).toBe('error');
  });

  test('the lesson consumer command parses', () => {
    expect(parseConsoleCommand('kafka-console-consumer --bootstrap-server localhost:9092 --topic example-topic --from-beginning --max-messages 5')).toEqual({
      tool: 'consumer',
      bootstrapServer: 'localhost:9092',
      topic: 'example-topic',
      fromBeginning: true,
      maxMessages: 5,
    });
  });

  test('--broker-list gets the Kafka 4 error and the way out', () => {
    const result = parseConsoleCommand('kafka-console-producer --broker-list localhost:9092 --topic example-topic');
    expect(result.tool).toBe('error');
    if (result.tool !== 'error') return;
    expect(result.stderr[0]).toBe('broker-list is not a recognized option');
    expect(result.stderr[1]).toContain('--bootstrap-server');
  });

  test('missing --bootstrap-server, bad acks, unknown programs are refused', () => {
    expect(parseConsoleCommand('kafka-console-producer --topic t')).toEqual({ tool: 'error', stderr: ['Missing required option(s) [bootstrap-server]'] });
    expect(parseConsoleCommand(`${producer} --producer-property acks=2`).tool).toBe('error');
    expect(parseConsoleCommand('ls -la').tool).toBe('error');
    expect(parseConsoleCommand(`${producer} --from-beginning`).tool).toBe('error');
  });

  test('--sync and --timeout belong to the producer', () => {
    expect(parseConsoleCommand(`${producer} --sync --timeout 250`)).toEqual({ tool: 'producer', bootstrapServer: 'localhost:9092', topic: 'example-topic', producerProperties: {}, sync: true, lingerMs: 250 });
    expect(parseConsoleCommand(producer)).toEqual({ tool: 'producer', bootstrapServer: 'localhost:9092', topic: 'example-topic', producerProperties: {} });
    expect(parseConsoleCommand(`${producer} --timeout soon`)).toEqual({ tool: 'error', stderr: ["Cannot parse argument 'soon' of option timeout"] });
    expect(parseConsoleCommand(`${producer} --timeout`)).toEqual({ tool: 'error', stderr: ['Option timeout requires an argument'] });
    const consumer = 'kafka-console-consumer --bootstrap-server localhost:9092 --topic example-topic';
    expect(parseConsoleCommand(`${consumer} --sync`)).toEqual({ tool: 'error', stderr: ['sync is not a recognized option'] });
    expect(parseConsoleCommand(`${consumer} --timeout 5`)).toEqual({ tool: 'error', stderr: ['timeout is not a recognized option'] });
    expect(parseConsoleCommand(`${consumer} --producer-property acks=1`)).toEqual({ tool: 'error', stderr: ['producer-property is not a recognized option'] });
  });

  test('quoted words stay together', () => {
    expect(splitWords(`a "b c" 'd e' f`)).toEqual(['a', 'b c', 'd e', 'f']);
  });
});
