/**
 * Turns reports into DOM: the verdict (per step, per guarantee, per fault scenario), the step
 * statuses and progress, the console and the cluster timeline. Text only, through textContent,
 * so nothing the learner's program prints can inject markup.
 */
import type { GradeError, GradeReport } from '../../schemas/grade-report.ts';
import type { ProgramRunReport } from './exercise-backend.ts';

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

/** Fills the verdict area from a Check's report. */
export function renderVerdict(summary: HTMLElement, details: HTMLElement, report: GradeReport, gradedBy: GradedBy): void {
  const guaranteesPassed = report.guarantees.filter((g) => g.passed).length;
  const stepsPassed = report.steps.filter((s) => s.passed).length;
  const outcome = report.error
    ? describeError(report.error)
    : report.passed
      ? 'Passed: every check holds for every delivery guarantee.'
      : `Not yet: ${report.steps.length ? `${stepsPassed}/${report.steps.length} steps, ` : ''}${guaranteesPassed}/${report.guarantees.length} guarantees hold.`;
  summary.textContent = `${outcome} (${GRADED_WHERE[gradedBy]})`;
  const parts: HTMLElement[] = [];
  if (report.steps.length > 0) {
    const list = el('ul');
    for (const step of report.steps) {
      list.append(el('li', `${step.passed ? '✓' : '✗'} ${step.title} — ${step.message}`, step.passed ? 'pass' : 'fail'));
    }
    parts.push(el('h4', 'Steps'), list);
  }
  for (const guarantee of report.guarantees) {
    const block = el('details');
    block.open = !guarantee.passed;
    const failed = guarantee.runs.filter((r) => !r.passed).length;
    block.append(
      el('summary', `${guarantee.passed ? '✓' : '✗'} ${guarantee.guarantee}: ${guarantee.passed ? 'holds in every scenario' : `fails in ${failed} of ${guarantee.runs.length} scenarios`}`, guarantee.passed ? 'pass' : 'fail'),
    );
    const runs = el('ul');
    for (const run of guarantee.runs) {
      const item = el('li', `${run.passed ? '✓' : '✗'} ${run.scenario}: ${run.message}`, run.passed ? 'pass' : 'fail');
      if (run.processed_orders) item.append(el('div', `processed_orders = ${JSON.stringify(run.processed_orders)}`));
      if (run.error) item.append(el('div', describeError(run.error)));
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
  const events = report.trace.slice(0, 300).map((event) => el('li', describeTraceEvent(event)));
  if (report.trace.length > events.length) events.push(el('li', `… ${report.trace.length - events.length} more events`));
  timelineEl.replaceChildren(...events);
  timelineEl.hidden = events.length === 0;
}

/**
 * One trace event as a line, "t=40ms ack broker=1 partition=0 offset=2". Reads the broker's events
 * loosely (time, type, then every other primitive field) so the timeline keeps working as the trace
 * format grows.
 */
export function describeTraceEvent(event: unknown): string {
  if (typeof event !== 'object' || event === null) return String(event);
  const record = event as Record<string, unknown>;
  const time = record['time'] ?? record['at'] ?? record['t'];
  const type = record['type'] ?? record['kind'] ?? record['event'];
  const rest = Object.entries(record)
    .filter(([key, value]) => !['time', 'at', 't', 'type', 'kind', 'event'].includes(key) && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}=${String(value)}`);
  return [time !== undefined ? `t=${String(time)}ms` : '', type !== undefined ? String(type) : '', ...rest].filter(Boolean).join(' ');
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
