/**
 * Names for the individual checks of a report, used by `// expect-fail:` lines, JUnit test cases and
 * the points summary: a step id (`print-orders`), a guarantee (`at-least-once`), or a guarantee and a
 * scenario (`at-least-once/lost ack`).
 */
import type { GradeReport } from '../schemas/grade-report.ts';

/** One gradable item of a report. */
export interface CheckResult {
  id: string;
  passed: boolean;
  message: string;
}

/** Every step and every run of a report as a flat list, in report order. */
export function listChecks(report: GradeReport): CheckResult[] {
  const checks: CheckResult[] = report.steps.map((s) => ({ id: s.id, passed: s.passed, message: s.message }));
  for (const guarantee of report.guarantees) {
    for (const run of guarantee.runs) checks.push({ id: `${guarantee.guarantee}/${run.scenario}`, passed: run.passed, message: run.message });
  }
  return checks;
}

/** Whether the check `id` passed in `report`; undefined when the report has no such check. */
export function checkPassed(report: GradeReport, id: string): boolean | undefined {
  const step = report.steps.find((s) => s.id === id);
  if (step !== undefined) return step.passed;
  const [guaranteeName, scenario] = id.split('/', 2);
  const guarantee = report.guarantees.find((g) => g.guarantee === guaranteeName);
  if (guarantee === undefined) return undefined;
  if (scenario === undefined) return guarantee.passed;
  return guarantee.runs.find((r) => r.scenario === scenario)?.passed;
}
