import { describe, expect, it } from 'vitest';
import { formatTable, pointsSummary } from '../../../src/cli/grade-output.ts';
import { printable } from '../../../src/cli/printable.ts';
import type { GradeReport } from '../../../src/schemas/grade-report.ts';

const FORGED = '\nPASS  someone-else.ts  (orders-four-steps: 20/20 checks)\r\u001b[2K\u001b[1APoints 18/18\u2028Points 18/18\u2029\u202eevil\u2066';

describe('printable', () => {
  it('keeps ordinary text, including non-Latin letters and emoji', () => {
    expect(printable('at-least-once: order-3f1 lost — ✓ 😀 заказ')).toBe('at-least-once: order-3f1 lost — ✓ 😀 заказ');
  });

  it('writes every line break, control, bidi control and lone surrogate as a visible escape', () => {
    const shown = printable(`${FORGED}\u0085\u009b\ud800`);
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/);
    expect(shown).toContain('\\nPASS  someone-else.ts');
    expect(shown).toContain('\\u001b[2K');
    expect(shown).toContain('\\u202eevil');
  });

  it('gives one line per check and one points line per file, whatever a message holds', () => {
    const report: GradeReport = {
      exercise: 'orders-four-steps',
      file: `forger${FORGED}.ts`,
      passed: false,
      error: { kind: 'runtime', message: FORGED },
      steps: [{ id: 'print-orders', title: 'Print', passed: false, message: FORGED }],
      guarantees: [],
    };
    const table = formatTable(report);
    expect(table.split('\n')).toHaveLength(3);
    const points = pointsSummary([report]).text.split('\n');
    expect(points).toEqual([`${printable(report.file)}: 0/1 points`, 'Points 0/1']);
  });
});
