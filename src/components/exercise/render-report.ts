/**
 * Turns reports into DOM: the verdict (per step, per guarantee, per fault scenario), the step
 * statuses and progress, the console and the cluster timeline. Text only, through textContent,
 * so nothing the learner's program prints can inject markup.
 */
import type { GradeError, GradeReport } from '../../schemas/grade-report.ts';
import type { ProgramRunReport, TraceLookup } from '../../backend/exercise-backend.ts';
import { timelineTable } from './render-timeline.ts';
import { verdictModel, withoutGuarantee, type VerdictCell, type VerdictModel } from './verdict-model.ts';

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

/** How the verdict names where it was graded, so the learner can tell which mode judged. */
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

/** Fills the verdict area from a Check's report: headline, step checklist, matrix, diagnoses, cell detail. */
export function renderVerdict(summary: HTMLElement, details: HTMLElement, report: GradeReport, options: VerdictOptions): void {
  const model = verdictModel(report);
  const firstStep = report.steps.find((s) => !s.passed);
  const where = ` (${GRADED_WHERE[options.gradedBy]})`;
  const line = (text: string, className: string) => el('span', text, className);
  summary.className = 'verdict-headline';
  if (report.error) {
    summary.replaceChildren(line(describeError(report.error), 'held'), line(where.trim(), 'where'));
  } else if (report.passed) {
    summary.replaceChildren(line(`Passed. ${model.guaranteesSentence || 'Every check holds.'}`, 'held'), line(where.trim(), 'where'));
  } else {
    // One sentence on what holds, then the one thing to fix first and how.
    const first = model.first;
    summary.replaceChildren(
      ...(model.guaranteesSentence ? [line(model.guaranteesSentence, 'held')] : []),
      ...(firstStep !== undefined ? [line(`Fix first — ${firstStep.title}: ${firstStep.message}.`, 'first')]
        : first !== undefined ? [line(`Fix first: ${first.text}.`, 'first'), ...(first.fix ? [line(`→ ${capitalise(first.fix)}.`, 'how')] : [])]
        : []),
      line(where.trim(), 'where'),
    );
  }
  const level = options.headingLevel + 1;
  const parts: HTMLElement[] = [];
  // The four-step exercise reads as a checklist first: which step to work on next.
  if (report.steps.length > 0) {
    const list = el('ul', undefined, 'verdict-steps');
    for (const step of report.steps) {
      const item = el('li', undefined, step.passed ? 'pass' : 'fail');
      item.append(el('span', step.passed ? '✓' : '✗', 'mark'), el('strong', step.title), el('span', ` — ${step.message}`));
      list.append(item);
    }
    parts.push(heading(level, 'Steps'), list);
  }
  if (model.rows.length > 0) {
    parts.push(heading(level, 'Guarantees × scenarios'));
    const detail = el('div', undefined, 'verdict-cell');
    detail.dataset['cellDetail'] = '';
    detail.hidden = true;
    parts.push(verdictMatrix(model, detail, level + 1, options), detail);
    const failing = model.diagnoses;
    if (failing.length > 0) {
      parts.push(heading(level, failing.length === 1 ? 'What went wrong' : `What went wrong (${failing.length} causes)`));
      const list = el('ul', undefined, 'verdict-diagnoses');
      for (const diagnosis of failing) {
        const item = el('li');
        item.append(el('span', '✗ ', 'fail'), el('span', diagnosis.text));
        if (diagnosis.fix) item.append(el('span', ` → ${diagnosis.fix}`, 'fix'));
        item.append(el('span', ` (${whereSeen(diagnosis.cells)})`, 'where'));
        list.append(item);
      }
      parts.push(list);
    }
  }
  details.replaceChildren(...parts);
  const first = model.first?.cells[0];
  if (first) details.querySelector<HTMLButtonElement>(`td[data-guarantee="${CSS.escape(first.guarantee)}"][data-scenario="${CSS.escape(first.scenario)}"] button`)?.click();
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "at-least-once and exactly-once: leader crash before replication" — where a diagnosis was seen. */
function whereSeen(cells: readonly VerdictCell[]): string {
  const guarantees = [...new Set(cells.map((c) => c.guarantee))];
  const scenarios = [...new Set(cells.map((c) => c.scenario))];
  const shown = scenarios.length > 3 ? `${scenarios.slice(0, 3).join(', ')} and ${scenarios.length - 3} more` : scenarios.join(', ');
  return `${guarantees.join(', ')} · ${shown}`;
}

/** Rows beyond which the passing scenarios fold away behind a button. */
const FOLD_PASSING_AFTER = 8;

/** The guarantees × scenarios table; a cell's button shows that cell in `detail`. */
function verdictMatrix(model: VerdictModel, detail: HTMLElement, level: number, options: VerdictOptions): HTMLElement {
  const table = el('table', undefined, 'verdict-matrix');
  table.setAttribute('data-testid', 'verdict-matrix');
  table.createCaption().textContent = 'Each scenario under each guarantee: ✓ holds, ✗ fails. Open a cell to see what happened.';
  const head = table.createTHead().insertRow();
  const corner = el('th', 'Scenario');
  corner.scope = 'col';
  head.append(corner);
  for (const [i, guarantee] of model.guarantees.entries()) {
    const failed = model.rows.filter((row) => row.cells[i]?.passed === false).length;
    const th = el('th');
    th.scope = 'col';
    th.append(el('span', guarantee), el('span', failed === 0 ? '✓ holds' : `✗ ${failed} of ${model.rows.length}`, failed === 0 ? 'pass tally' : 'fail tally'));
    head.append(th);
  }
  const body = table.createTBody();
  const fold = model.rows.length > FOLD_PASSING_AFTER && model.rows.some((r) => !r.passed);
  const folded: HTMLTableRowElement[] = [];
  const buttons: HTMLButtonElement[] = [];
  for (const row of model.rows) {
    const tr = body.insertRow();
    tr.dataset['passed'] = String(row.passed);
    const th = el('th', row.scenario);
    th.scope = 'row';
    tr.append(th);
    for (const cell of row.cells) {
      const td = tr.insertCell();
      if (cell === undefined) { td.textContent = '—'; continue; }
      td.dataset['guarantee'] = cell.guarantee;
      td.dataset['scenario'] = cell.scenario;
      td.dataset['passed'] = String(cell.passed);
      const button = el('button', undefined, cell.passed ? 'pass' : 'fail');
      button.type = 'button';
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-label', `${cell.guarantee}, ${cell.scenario}: ${cell.passed ? 'holds' : 'fails'}${cell.tally ? ` (${cell.tally} failed)` : ''}`);
      button.append(el('span', cell.passed ? '✓' : '✗', 'mark'));
      if (cell.tally) button.append(el('span', cell.tally, 'tally'));
      button.addEventListener('click', () => {
        const open = button.getAttribute('aria-expanded') === 'true';
        for (const other of buttons) other.setAttribute('aria-expanded', 'false');
        if (open) { detail.hidden = true; return; }
        button.setAttribute('aria-expanded', 'true');
        showCell(detail, cell, level, options);
      });
      buttons.push(button);
      td.append(button);
    }
    if (fold && row.passed) { tr.hidden = true; folded.push(tr); }
  }
  const wrap = el('div', undefined, 'verdict-matrix-wrap');
  wrap.append(table);
  if (folded.length > 0) {
    const toggle = el('button', `Show ${folded.length} scenarios where every guarantee holds`, 'fold');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', () => {
      const show = toggle.getAttribute('aria-expanded') !== 'true';
      for (const tr of folded) tr.hidden = !show;
      toggle.setAttribute('aria-expanded', String(show));
      toggle.textContent = show ? `Hide the ${folded.length} scenarios where every guarantee holds` : `Show ${folded.length} scenarios where every guarantee holds`;
    });
    wrap.append(toggle);
  }
  return wrap;
}

/** One cell opened: each run's diagnosis and processed_orders, and the replay of its first failing run. */
function showCell(detail: HTMLElement, cell: VerdictCell, level: number, options: VerdictOptions): void {
  const parts: HTMLElement[] = [heading(level, `${cell.passed ? '✓' : '✗'} ${cell.guarantee} · ${cell.scenario}`)];
  for (const run of cell.runs) {
    const item = el('div', undefined, `verdict-run ${run.passed ? 'pass' : 'fail'}`);
    item.dataset['scenario'] = run.scenario;
    item.append(el('p', withoutGuarantee(run.message, cell.guarantee)));
    if (run.schedules) item.append(el('p', `${run.schedules.failed} of ${run.schedules.explored} explored crash schedules failed.`, 'muted'));
    if (run.processed_orders) {
      const orders = el('p');
      orders.append(el('span', 'processed_orders = '), el('code', JSON.stringify(run.processed_orders)));
      item.append(orders);
    }
    if (run.error) item.append(el('p', describeError(run.error)));
    parts.push(item);
  }
  const replayed = cell.runs.find((r) => !r.passed) ?? cell.runs[0];
  const trace = replayed === undefined ? undefined : options.traceOf?.(cell.guarantee, replayed.scenario, replayed.seed);
  if (replayed !== undefined && trace !== undefined) {
    const caption = `${cell.guarantee}, ${replayed.scenario}: what the cluster did`;
    // The diagram's code loads on the first opened cell, not with the page.
    const slot = el('div', 'Drawing the run…', 'seq-slot');
    void import('../sequence/render-sequence.ts').then(({ renderSequence }) => slot.replaceWith(renderSequence(trace, `${caption} (seed ${replayed.seed})`)));
    parts.push(slot);
    const table = el('details', undefined, 'replay');
    table.append(el('summary', `Replay ${replayed.scenario} as a list of events (seed ${replayed.seed})`), timelineTable(trace, caption));
    parts.push(table);
  }
  detail.replaceChildren(...parts);
  detail.hidden = false;
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
  markStepper(root);
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
  markStepper(root);
}

const STEPPER_WORDS: Record<string, string> = { todo: 'not checked yet', passed: 'done', failed: 'not done yet' };

/** The stepper above the exercise mirrors each step's status (colour, and words for screen readers). */
function markStepper(root: HTMLElement): void {
  for (const dot of root.querySelectorAll<HTMLElement>('[data-stepper-step]')) {
    const status = root.querySelector<HTMLElement>(`[data-step="${CSS.escape(dot.dataset['stepperStep'] ?? '')}"]`)?.dataset['status'] ?? 'todo';
    dot.dataset['status'] = status;
    const words = dot.querySelector('[data-stepper-status]');
    if (words) words.textContent = STEPPER_WORDS[status] ?? status;
  }
}
