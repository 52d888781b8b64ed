import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxEngine } from '../../../../src/runner/engine.ts';
import { createNodeEngine } from '../../../../src/runner/node-engine.ts';
import { warmUpRequests } from '../../../../src/runner/browser/warm-up.ts';

let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine({ timeLimitMs: 20_000 });
});
afterAll(() => engine.close());

// The warm-up only helps if its programs really drive the cluster: a program that throws at once
// would leave the code it is meant to compile cold.
describe("the spare Worker's warm-up programs", () => {
  it('covers every cluster driver', () => {
    expect(warmUpRequests().map((request) => request.driver).sort()).toEqual(['consumer', 'producer', 'transactions']);
  });

  for (const request of warmUpRequests()) {
    it(`runs the ${request.driver} driver to the end without an error (and a crash, where it restarts)`, async () => {
      const result = await engine.run(request);
      expect(result.sandboxError).toBeUndefined();
      expect(result.runs.map((run) => run.error)).toEqual(request.runs.map(() => undefined));
      expect(result.runs[0]?.callsOut).toBeGreaterThanOrEqual(2);
      if (request.driver !== 'producer') expect(result.runs[1]?.faultsHit.length).toBeGreaterThan(0);
    });
  }
});
