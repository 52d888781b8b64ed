/** How many schedules one Check explored, for reports and the bench. */
import type { GradeReport } from '../schemas/grade-report.ts';

/** Each lone run is one schedule; a family of schedules counts those its planned fault struck. */
export function schedulesExplored(report: GradeReport): number {
  return report.guarantees.reduce((total, guarantee) => total + guarantee.runs.reduce((sum, run) => sum + (run.schedules?.explored ?? 1), 0), 0);
}
