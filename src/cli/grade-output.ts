/** How `grade` shows its reports: a readable table, JUnit XML, and a points summary for GitHub Classroom. */
import { listChecks } from '../grading/check-ids.ts';
import type { GradeReport } from '../schemas/grade-report.ts';

/** A readable summary of one report, one line per check. */
export function formatTable(report: GradeReport): string {
  const checks = listChecks(report);
  const passedCount = checks.filter((c) => c.passed).length;
  const lines = [`${report.passed ? 'PASS' : 'FAIL'}  ${report.file}  (${report.exercise}: ${passedCount}/${checks.length} checks)`];
  if (report.error !== null) {
    const at = report.error.line === undefined ? '' : ` at line ${report.error.line}${report.error.column === undefined ? '' : `, column ${report.error.column}`}`;
    lines.push(`  ${report.error.kind} error${at}: ${report.error.message}`);
  }
  const width = Math.min(48, Math.max(0, ...checks.map((c) => c.id.length)));
  for (const check of checks) lines.push(`  ${check.passed ? '✓' : '✗'} ${check.id.padEnd(width)}  ${check.message}`);
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
    lines.push(`${report.file}: ${mine}/${checks.length} points`);
  }
  lines.push(`Points ${earned}/${possible}`);
  return { earned, possible, text: lines.join('\n') };
}

/** JUnit XML: one test suite per file, one test case per check (a compile error fails them all). */
export function formatJunit(reports: readonly GradeReport[]): string {
  const suites = reports.map((report) => {
    const checks = listChecks(report);
    const failures = checks.filter((c) => !c.passed).length;
    const cases = checks.map((check) => {
      const open = `    <testcase classname="${xml(`${report.exercise}.${report.file}`)}" name="${xml(check.id)}"`;
      return check.passed ? `${open}/>` : `${open}>\n      <failure message="${xml(check.message)}">${xml(check.message)}</failure>\n    </testcase>`;
    });
    const errorOut = report.error === null ? '' : `\n    <system-err>${xml(`${report.error.kind}: ${report.error.message}`)}</system-err>`;
    return `  <testsuite name="${xml(`${report.exercise} ${report.file}`)}" tests="${checks.length}" failures="${failures}" errors="0">\n${cases.join('\n')}${errorOut}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="grade">\n${suites.join('\n')}\n</testsuites>\n`;
}

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // Characters XML 1.0 cannot carry at all (learner output may contain them).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '?');
}
