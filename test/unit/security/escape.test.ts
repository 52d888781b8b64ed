/**
 * Attempts to leave the sandbox: host modules and globals of QuickJS, string evaluation through every
 * function constructor, module loading, the network and storage. Each must be refused with a verdict,
 * never reach anything, and never pass.
 */
import { describe, expect, it } from 'vitest';
import { expectNoPass, grade, useEngine } from './attack-kit.ts';

const engine = useEngine();

/** A probe that throws `ESCAPED: …` if it reached something; the tests assert no run says so. */
const probe = (body: string): string =>
  `export async function sendOrders(kafka: unknown, orders: string[], guarantee: string): Promise<void> {\n  const g: any = globalThis;\n${body}\n}\n`;

async function expectContained(body: string): Promise<void> {
  const report = await grade(engine(), 'orders-producer', probe(body));
  expectNoPass(report);
  const messages = report.guarantees.flatMap((g) => g.runs.map((r) => r.error?.message ?? ''));
  expect(messages.filter((m) => m.includes('ESCAPED'))).toEqual([]);
}

describe('escaping the sandbox', () => {
  it.each([
    ['QuickJS std and os modules', `for (const name of ['std', 'os', 'scriptArgs', 'print', 'bjson']) if (g[name] !== undefined) throw new Error('ESCAPED: ' + name);`],
    ['Node globals', `for (const name of ['process', 'require', 'module', 'Buffer', 'global', 'Deno', 'Bun']) if (name !== 'Buffer' && g[name] !== undefined) throw new Error('ESCAPED: ' + name);`],
    ['network and storage globals', `for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'localStorage', 'sessionStorage', 'caches', 'navigator', 'postMessage', 'BroadcastChannel', 'Worker']) if (g[name] !== undefined) throw new Error('ESCAPED: ' + name);`],
    ['the host functions', `for (const name of Object.getOwnPropertyNames(g)) if (/^__kx/.test(name)) throw new Error('ESCAPED: ' + name);`],
    ['eval', `try { const r = (0, g.eval)('1 + 1'); throw new Error('ESCAPED: eval ' + r); } catch (e: any) { if (String(e.message).includes('ESCAPED')) throw e; }`],
    ['every function constructor', `
      const ctors = [Function, (function () {}).constructor, (async function () {}).constructor, (function* () {}).constructor, (async function* () {}).constructor];
      for (const C of ctors) { let made: any; try { made = Reflect.construct(C as any, ['return 1']); } catch (e) { continue; } throw new Error('ESCAPED: a function constructor made ' + typeof made); }`],
    ['a string handed to setTimeout', `g.__escaped = false; setTimeout('globalThis.__escaped = true' as any, 0); await new Promise((r) => setTimeout(r, 5)); if (g.__escaped === true) throw new Error('ESCAPED: setTimeout string');`],
    ['a computed require', `const name = ['f', 's'].join(''); try { require(name); } catch (e) { return; } throw new Error('ESCAPED: require ' + name);`],
    ['the module object', `if (typeof module !== 'undefined' && (module as any).constructor !== Object) throw new Error('ESCAPED: module is ' + String((module as any).constructor?.name));`],
    ['this at the top of a function', `const self = (function (this: any) { return this; })(); if (self !== undefined) throw new Error('ESCAPED: this');`],
    ['arguments.callee and caller', `function f() { return (arguments as any).callee.caller; } let c: any; try { c = f(); } catch (e) { return; } if (c) throw new Error('ESCAPED: caller ' + String(c).slice(0, 40));`],
    ['the caller of a function called by the harness', `let found: any; try { found = (sendOrders as any).caller; } catch (e) { return; } if (found) throw new Error('ESCAPED: caller');`],
    ['stack frames naming harness files', `const stack = String(new Error('x').stack); const m = /harness\\.js/.test(stack); if (m && typeof g.__kxRun === 'function') throw new Error('ESCAPED: harness reachable');`],
  ])('cannot reach %s', async (_what, body) => {
    await expectContained(body);
  });

  it.each([
    ['a dynamic import of a data URL', `export const load = () => import('data:text/javascript,export default 1');`],
    ['a dynamic import of a computed name', `export const load = (name: string) => import(name);`],
    ['a static import of another module', `import * as os from 'os';`],
    ['an import of node:fs', `import { readFileSync } from 'node:fs';`],
    ['a re-export of another module', `export * from 'std';`],
  ])('refuses %s at compile time', async (_what, line) => {
    const report = await grade(engine(), 'orders-producer', `${line}\nexport async function sendOrders() {}\n`);
    expectNoPass(report);
    expect(report.error).toMatchObject({ kind: 'compile', line: 1 });
    expect(report.error?.message).toMatch(/kafkajs/);
  });

  it('refuses a computed dynamic import beside an import of kafkajs, at the latest when it runs', async () => {
    const report = await grade(
      engine(),
      'orders-producer',
      `import { Kafka } from 'kafkajs';\nexport async function sendOrders() { const name = ['o', 's'].join(''); const os: any = await import(name); throw new Error('ESCAPED: ' + typeof os + String(Kafka).length); }\n`,
    );
    expectNoPass(report);
    const messages = [report.error?.message ?? '', ...report.guarantees.flatMap((g) => g.runs.map((r) => r.error?.message ?? ''))];
    expect(messages.filter((m) => m.includes('ESCAPED'))).toEqual([]);
  });

  it('refuses an import() spelled with a comment in between', async () => {
    const report = await grade(engine(), 'orders-producer', `export async function sendOrders() { const m = await import(/* x */ 'data:text/javascript,1'); }\n`);
    expectNoPass(report);
    expect(report.error?.kind).toBe('compile');
  });
});
