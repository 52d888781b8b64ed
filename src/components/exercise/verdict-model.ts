/**
 * What the verdict shows, computed from a grade report before any DOM is touched: one sentence on
 * what the code guarantees, the one failure to fix first (with its fix when one is known), a matrix
 * of guarantees × scenarios, and each distinct diagnosis once however many cells share it.
 *
 * Scenarios are only displayed, never interpreted: the matrix has one row per distinct scenario
 * name in report order, and several runs of one scenario (seeds, explored crash schedules) share a
 * cell. A failure is a loss or a duplicate by what its run observed (`processed_orders`), not by
 * its wording; repeated diagnoses are recognised by their text with order ids and times taken out.
 */
import type { GradeReport, GuaranteeReport, RunReport } from '../../schemas/grade-report.ts';
import { fixFor } from './fix-advice.ts';

/** A run as the report may carry it once grading explores crash schedules (optional, additive). */
export type RunWithSchedules = RunReport & { schedules?: { explored: number; failed: number } };

/** One cell: every run of one scenario under one guarantee. */
export interface VerdictCell {
  guarantee: GuaranteeReport['guarantee'];
  scenario: string;
  passed: boolean;
  runs: RunWithSchedules[];
  /** "3/12" when the cell holds several runs or explored schedules; '' for a single run. */
  tally: string;
}

/** One row of the matrix: a scenario, with a cell per guarantee graded. */
export interface VerdictRow {
  scenario: string;
  cells: (VerdictCell | undefined)[];
  passed: boolean;
}

/** A diagnosis shared by one or more failing cells. */
export interface Diagnosis {
  /** The first failing run's message, without its guarantee's name. */
  text: string;
  /** What usually fixes it, when known. */
  fix: string | undefined;
  cells: VerdictCell[];
  /** The failing run lost an order (rather than duplicating one). */
  loss: boolean;
}

/** Everything the verdict draws. */
export interface VerdictModel {
  /** "Your code guarantees at-least-once — not yet at-most-once or exactly-once." */
  guaranteesSentence: string;
  /** The failure to fix first; undefined when everything passed or nothing ran. */
  first: Diagnosis | undefined;
  guarantees: GuaranteeReport['guarantee'][];
  rows: VerdictRow[];
  diagnoses: Diagnosis[];
}

const listWords = (items: readonly string[], joiner: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;

/** The message without the guarantee's name it starts with ("at-least-once: order-3 lost…"). */
export function withoutGuarantee(message: string, guarantee: string): string {
  return message.startsWith(`${guarantee}: `) ? message.slice(guarantee.length + 2) : message;
}

/** The message with its particulars (order ids, times, counts) taken out, to recognise repeats. */
export function diagnosisKey(text: string): string {
  return text.replace(/\border[-_]?[0-9a-z]*\b/gi, 'ORDER').replace(/\d+/g, 'N');
}

const hasDuplicate = (orders: readonly string[] | null): boolean => orders !== null && new Set(orders).size < orders.length;

/** Builds the verdict's content from a report. */
export function verdictModel(report: GradeReport): VerdictModel {
  const guarantees = report.guarantees.map((g) => g.guarantee);
  const held = report.guarantees.filter((g) => g.passed).map((g) => g.guarantee);
  const broken = report.guarantees.filter((g) => !g.passed).map((g) => g.guarantee);
  const guaranteesSentence =
    report.guarantees.length === 0 ? ''
    : broken.length === 0 ? `Your code guarantees ${listWords(held, 'and')} in every scenario.`
    : held.length === 0 ? `Your code guarantees none of the ${broken.length === 1 ? 'guarantee' : `${broken.length} guarantees`} yet.`
    : `Your code guarantees ${listWords(held, 'and')} — not yet ${listWords(broken, 'or')}.`;

  const scenarios: string[] = [];
  const cells = new Map<string, VerdictCell>();
  for (const g of report.guarantees) {
    for (const run of g.runs as RunWithSchedules[]) {
      if (!scenarios.includes(run.scenario)) scenarios.push(run.scenario);
      const key = `${g.guarantee}\u0000${run.scenario}`;
      const cell = cells.get(key) ?? { guarantee: g.guarantee, scenario: run.scenario, passed: true, runs: [], tally: '' };
      cell.runs.push(run);
      cell.passed &&= run.passed;
      cells.set(key, cell);
    }
  }
  for (const cell of cells.values()) {
    const explored = cell.runs.reduce((n, r) => n + (r.schedules?.explored ?? 1), 0);
    const failed = cell.runs.reduce((n, r) => n + (r.schedules?.failed ?? (r.passed ? 0 : 1)), 0);
    cell.tally = explored > 1 ? `${failed}/${explored}` : '';
  }
  const rows = scenarios.map((scenario): VerdictRow => {
    const row = guarantees.map((g) => cells.get(`${g}\u0000${scenario}`));
    return { scenario, cells: row, passed: row.every((c) => c === undefined || c.passed) };
  });

  const byKey = new Map<string, Diagnosis>();
  for (const cell of cells.values()) {
    for (const run of cell.runs) {
      if (run.passed) continue;
      const text = withoutGuarantee(run.message, cell.guarantee);
      const fix = fixFor(text, cell.guarantee);
      // One diagnosis per cause and cure: the same loss under two guarantees may need two fixes.
      const key = `${diagnosisKey(text)}\u0000${fix ?? ''}`;
      const found = byKey.get(key);
      if (found === undefined) {
        byKey.set(key, { text, fix, cells: [cell], loss: !hasDuplicate(run.processed_orders) });
      } else if (!found.cells.includes(cell)) {
        found.cells.push(cell);
      }
    }
  }
  const diagnoses = [...byKey.values()];
  // Fix first what most cells share; between equals, a lost order before a duplicated one.
  const first = [...diagnoses].sort((a, b) => b.cells.length - a.cells.length || Number(b.loss) - Number(a.loss))[0];
  return { guaranteesSentence, first, guarantees, rows, diagnoses };
}
