/**
 * The data behind a step-through table: rows of cells plus, per step, the values of the tracked
 * variables. Index 0 is "Start" (before the first row); index i is "after step i".
 */
export interface StepRow {
  /** One cell per column of the table. */
  cells: string[];
  /** Variables whose value changes at this step; the others keep their previous value. */
  vars?: Record<string, string>;
}

/** A step-through table computed from a run: what `<StepThrough>` is given, so no result is typed by hand. */
export interface StepThroughTable {
  caption: string;
  columns: string[];
  variables: string[];
  start: Record<string, string>;
  steps: StepRow[];
  /** Where the rows come from, shown under the table. */
  source: string;
}

/** The tracked variables' values at Start and after each step, carried forward where unchanged. */
export function trackerTimeline(variables: readonly string[], start: Record<string, string>, steps: readonly StepRow[]): Record<string, string>[] {
  const missing = variables.filter((name) => !(name in start));
  if (missing.length > 0) throw new Error(`StepThrough: start has no value for ${missing.join(', ')}`);
  const timeline: Record<string, string>[] = [{ ...start }];
  steps.forEach((step, index) => {
    const unknown = Object.keys(step.vars ?? {}).filter((name) => !variables.includes(name));
    if (unknown.length > 0) throw new Error(`StepThrough: step ${index + 1} sets untracked variable(s) ${unknown.join(', ')}`);
    timeline.push({ ...timeline[timeline.length - 1], ...step.vars });
  });
  return timeline;
}

/** The label of a position: "Start" or "Step 3 of 8". */
export function positionLabel(position: number, stepCount: number): string {
  return position === 0 ? `Start (before step 1 of ${stepCount})` : `Step ${position} of ${stepCount}`;
}
