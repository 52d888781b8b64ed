/**
 * Renders a trace as a table: one row per cluster event, with time, event, where, producer, records
 * and notes; injected faults and their consequences are marked in words ("Fault", "Watch") as well as
 * in colour. Text only (textContent), so nothing a program produced can inject markup. On a phone the
 * stylesheet stacks each row into a small card (ExerciseEditor.astro), so nothing scrolls sideways.
 */
import { traceRow, type TraceRow } from './trace-rows.ts';

/** The most rows one table shows; a longer trace ends with a "… N more events" row. */
export const MAX_TIMELINE_ROWS = 300;

const COLUMNS: readonly [keyof TraceRow, string][] = [
  ['time', 'Time'],
  ['event', 'Event'],
  ['where', 'Where'],
  ['producer', 'Producer'],
  ['records', 'Records'],
  ['note', 'Notes'],
];

const MARK: Record<TraceRow['tone'], string> = { fault: 'Fault: ', trouble: 'Watch: ', normal: '' };

/** A `<table>` of `trace` with `caption`; an empty trace gives a paragraph saying so. */
export function timelineTable(trace: readonly unknown[], caption: string): HTMLElement {
  if (trace.length === 0) {
    const empty = document.createElement('p');
    empty.textContent = `${caption}: the cluster recorded no events.`;
    return empty;
  }
  const table = document.createElement('table');
  table.className = 'trace';
  table.createCaption().textContent = caption;
  const headRow = table.createTHead().insertRow();
  for (const [, label] of COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    headRow.append(th);
  }
  const body = table.createTBody();
  for (const event of trace.slice(0, MAX_TIMELINE_ROWS)) {
    const row = traceRow(event);
    const tr = body.insertRow();
    tr.dataset['tone'] = row.tone;
    tr.dataset['kind'] = row.kind;
    for (const [key, label] of COLUMNS) {
      const cell = tr.insertCell();
      cell.dataset['label'] = label;
      cell.textContent = key === 'event' ? `${MARK[row.tone]}${row.event}` : String(row[key]);
    }
  }
  if (trace.length > MAX_TIMELINE_ROWS) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = COLUMNS.length;
    cell.textContent = `… ${trace.length - MAX_TIMELINE_ROWS} more events`;
  }
  return table;
}
