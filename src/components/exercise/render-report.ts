/**
 * Turns reports into DOM: the verdict (per step, per guarantee, per fault scenario), the step
 * statuses and progress, the console and the cluster timeline. Text only, through textContent,
 * so nothing the learner's program prints can inject markup.
 */
import type { GradeError, GradeReport } from '../../schemas/grade-report.ts';
import type { ProgramRunReport, TraceLookup } from './exercise-backend.ts';
import { timelineTable } from './render-timeline.ts';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
};

/** "Line 3, column 7: Expected ';'" or just the message when there is no position. */
export function describeError(error: GradeError): string {
  const where = error.line !== undefined ? `line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}: ` : '';
  const kind = { compile: 'Compile error', runtime: 'Runtime error', timeout: 'Stopped', sandbox: 'Sandbox error' }[error.kind];
  return `${kind} — ${where}${error.message}`;
}

/** Where a Check was graded: by the grading endpoint or in the learner's browser. */
export type GradedBy = 'server' | 'browser';

/** How the verdict names where it was graded (issue 5: the learner can tell which mode judged). */
export const GRADED_WHERE: Record<GradedBy, string> = { server: 'checked on the server', browser: 'checked in your browser' };

/** How the verdict is laid out around the report. */
export interface VerdictOptions {
  /** Where the Check was graded. */
  gradedBy: GradedBy;
  /** The level of the verdict area's own heading; the verdict's sections go one level below. */
  headingLevel: number;
  /** The trace of a graded run, for its Replay; absent when the backend keeps none (server grading). */
  traceOf?: TraceLookup | undefined;
}

const heading = (level: number, text: string): HTMLElement => el(`h${Math.min(6, Math.max(2, level))}` as 'h2', text);

/** Fills the verdict area from a Check's report. */
export function renderVerdict(summary: HTMLElement, details: HTMLElement, report: GradeReport, options: VerdictOptions): void {
  const guaranteesPassed = report.guarantees.filter((g) => g.passed).length;
  const stepsPassed = report.steps.filter((s) => s.passed).length;
  const outcome = report.error
    ? describeError(report.error)
    : report.passed
      ? 'Passed: every check holds for every delivery guarantee.'
      : `Not yet: ${report.steps.length ? `${stepsPassed}/${report.steps.length} steps, ` : ''}${guaranteesPassed}/${report.guarantees.length} guarantees hold.`;
  summary.textContent = `${outcome} (${GRADED_WHERE[options.gradedBy]})`;
  const level = options.headingLevel + 1;
  const parts: HTMLElement[] = [];
  if (report.steps.length > 0) {
    const list = el('ul');
    for (const step of report.steps) {
      list.append(el('li', `${step.passed ? '✓' : '✗'} ${step.title} — ${step.message}`, step.passed ? 'pass' : 'fail'));
    }
    parts.push(heading(level, 'Steps'), list);
  }
  if (report.guarantees.length > 0) parts.push(heading(level, 'Guarantees, scenario by scenario'));
  for (const guarantee of report.guarantees) {
    const block = el('details');
    block.open = !guarantee.passed;
    block.dataset['guarantee'] = guarantee.guarantee;
    const failed = guarantee.runs.filter((r) => !r.passed).length;
    block.append(
      el('summary', `${guarantee.passed ? '✓' : '✗'} ${guarantee.guarantee}: ${guarantee.passed ? 'holds in every scenario' : `fails in ${failed} of ${guarantee.runs.length} scenarios`}`, guarantee.passed ? 'pass' : 'fail'),
    );
    const runs = el('ul');
    for (const run of guarantee.runs) {
      const item = el('li', undefined, run.passed ? 'pass' : 'fail');
      item.dataset['scenario'] = run.scenario;
      item.append(el('span', `${run.passed ? '✓ passed' : '✗ failed'} — ${run.scenario}: ${run.message}`));
      if (run.processed_orders) item.append(el('div', `processed_orders = ${JSON.stringify(run.processed_orders)}`));
      if (run.error) item.append(el('div', describeError(run.error)));
      const trace = run.passed ? undefined : options.traceOf?.(guarantee.guarantee, run.scenario, run.seed);
      if (trace !== undefined) {
        const replay = el('details', undefined, 'replay');
        replay.append(el('summary', `Replay ${run.scenario} (seed ${run.seed})`));
        replay.append(timelineTable(trace, `${guarantee.guarantee}, ${run.scenario}: what the cluster did`));
        item.append(replay);
      }
      runs.append(item);
    }
    block.append(runs);
    parts.push(block);
  }
  details.replaceChildren(...parts);
}

/** Shows a Run: console lines (or the error that stopped the program) and the cluster timeline. */
export function renderRun(consoleEl: HTMLElement, timelineEl: HTMLElement, report: ProgramRunReport): void {
  const lines = [...report.console];
  if (report.error) lines.push(describeError(report.error));
  if (lines.length === 0) lines.push('(the program printed nothing)');
  consoleEl.textContent = lines.join('\n');
  timelineEl.replaceChildren(timelineTable(report.trace, 'What the cluster did during this run'));
  timelineEl.hidden = report.trace.length === 0;
}

/** Marks each step passed/failed from a Check and updates "n / N steps"; returns the passed step ids. */
export function renderSteps(root: HTMLElement, report: GradeReport): string[] {
  const done: string[] = [];
  for (const step of report.steps) {
    const item = root.querySelector<HTMLElement>(`[data-step="${CSS.escape(step.id)}"]`);
    if (step.passed) done.push(step.id);
    if (!item) continue;
    item.dataset['status'] = step.passed ? 'passed' : 'failed';
    const status = item.querySelector('[data-step-status]');
    if (status) status.textContent = step.passed ? `Done — ${step.message}` : step.message;
  }
  showProgress(root, done);
  return done;
}

/** Restores saved step statuses on load (before any Check in this visit). */
export function showProgress(root: HTMLElement, done: readonly string[]): void {
  for (const id of done) {
    const item = root.querySelector<HTMLElement>(`[data-step="${CSS.escape(id)}"]`);
    if (item && item.dataset['status'] === 'todo') {
      item.dataset['status'] = 'passed';
      const status = item.querySelector('[data-step-status]');
      if (status) status.textContent = 'Done (on your last Check)';
    }
  }
  const count = root.querySelector('[data-progress-count]');
  if (count) count.textContent = String(root.querySelectorAll('[data-step][data-status="passed"]').length);
}
