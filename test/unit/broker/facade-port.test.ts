/**
 * The KafkaJS facade reaches the cluster through ClusterClientPort only: no file of src/broker/kafkajs
 * imports the engine, a coordinator, the fault runtime or a partition, so their state can change only
 * through requests the port defines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FACADE = new URL('../../../src/broker/kafkajs/', import.meta.url);
/** What the facade may import from the rest of src/broker: the port and the plain error codes. */
const ALLOWED = new Set(['../client-port.ts', '../error-codes.ts']);

/** The modules of src/broker outside the facade that `source` imports. */
export function brokerImports(source: string): string[] {
  return [...source.matchAll(/from '(\.\.\/[^']+)'/g)].map((m) => m[1] as string);
}

describe('the facade behind its port', () => {
  const files = readdirSync(FACADE).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    it(`kafkajs/${file} imports only the port from the engine's side`, () => {
      const outside = brokerImports(readFileSync(new URL(file, FACADE), 'utf8')).filter((m) => !ALLOWED.has(m));
      expect(outside).toEqual([]);
    });
  }

  it('would catch a facade file that imports the engine', () => {
    expect(brokerImports("import type { Engine } from '../engine.ts';").filter((m) => !ALLOWED.has(m))).toEqual(['../engine.ts']);
  });
});
