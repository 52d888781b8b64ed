/**
 * How `grade` shows its reports: a readable table, JUnit XML, and a points summary for GitHub Classroom.
 * Every learner-derived string (file names, messages, error text) goes through `printable` or the XML
 * writer, so no submission can add, hide or rewrite a line of another student's report.
 */
import { listChecks } from '../grading/check-ids.ts';
import type { GradeReport } from '../schemas/grade-report.ts';
import { printable } from './printable.ts';
import { writeXmlDocument, type XmlElement } from './xml-writer.ts';

/** A readable summary of one report, one line per check. */
export function formatTable(report: GradeReport): string {
  const checks = listChecks(report);
  const passedCount = checks.filter((c) => c.passed).length;
  const lines = [`${report.passed ? 'PASS' : 'FAIL'}  ${printable(report.file)}  (${printable(report.exercise)}: ${passedCount}/${checks.length} checks)`];
  if (report.error !== null) {
    const at = report.error.line === undefined ? '' : ` at line ${report.error.line}${report.error.column === undefined ? '' : `, column ${report.error.column}`}`;
    lines.push(`  ${report.error.kind} error${at}: ${printable(report.error.message)}`);
  }
  const ids = checks.map((c) => printable(c.id));
  const width = Math.min(48, Math.max(0, ...ids.map((id) => id.length)));
  checks.forEach((check, index) => lines.push(`  ${check.passed ? '✓' : '✗'} ${(ids[index] ?? '').padEnd(width)}  ${printable(check.message)}`));
  return lines.join('\n');
}

/** Points per check, in the spirit of GitHub Classroom's autograding summary: one point per passed check. */
export function pointsSummary(reports: readonly GradeReport[]): { earned: number; possible: number; text: string } {
  let earned = 0;
  let possible = 0;
  const lines: string[] = [];
  for (const report of reports) {
    const checks = listChecks(report);
    const mine = checks.filter((c) => c.passed).length;
    earned += mine;
    possible += checks.length;
    lines.push(`${printable(report.file)}: ${mine}/${checks.length} points`);
  }
  lines.push(`Points ${earned}/${possible}`);
  return { earned, possible, text: lines.join('\n') };
}

/** JUnit XML: one test suite per file, one test case per check (a compile error fails them all). */
export function formatJunit(reports: readonly GradeReport[]): string {
  const suites = reports.map((report): XmlElement => {
    const checks = listChecks(report);
    const failures = checks.filter((c) => !c.passed).length;
    const cases = checks.map(
      (check): XmlElement => ({
        name: 'testcase',
        attributes: [
          ['classname', `${report.exercise}.${report.file}`],
          ['name', check.id],
        ],
        children: check.passed ? [] : [{ name: 'failure', attributes: [['message', check.message]], children: [check.message] }],
      }),
    );
    const errorOut: XmlElement[] = report.error === null ? [] : [{ name: 'system-err', children: [`${report.error.kind}: ${report.error.message}`] }];
    return {
      name: 'testsuite',
      attributes: [
        ['name', `${report.exercise} ${report.file}`],
        ['tests', checks.length],
        ['failures', failures],
        ['errors', 0],
      ],
      children: [...cases, ...errorOut],
    };
  });
  return writeXmlDocument({ name: 'testsuites', attributes: [['name', 'grade']], children: suites });
}
