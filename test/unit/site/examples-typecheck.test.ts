import { describe, expect, test } from 'vitest';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('code shown in lessons', () => {
  test('the TypeScript transactions example in lesson 05 type-checks against the real kafkajs types', () => {
    const file = `${root}content/examples/transactions.ts`;
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    // Guard against a vacuous pass: the example must really import kafkajs and use transactions.
    const source = program.getSourceFile(file)?.getFullText() ?? '';
    expect(source).toContain("from 'kafkajs'");
    expect(source).toContain('sendOffsets');
  });
});
