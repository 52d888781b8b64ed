import type { StepRow } from '../site/step-through.ts';
import type { RunMoment } from './at-least-once-run.ts';

/** Props for lesson 04's StepThrough, built from a run rather than typed by hand. */
export interface AtLeastOnceTable {
  caption: string;
  columns: string[];
  variables: string[];
  start: Record<string, string>;
  steps: StepRow[];
  source: string;
}

/**
 * Turns the run's moments into the process table: one row per moment (the producer's appends merged
 * into one), tracking the message in hand, its state, and the group's committed offset — the next
 * offset to read, so "1" means offset 0 is done.
 */
export function atLeastOnceTable(moments: readonly RunMoment[]): AtLeastOnceTable {
  const steps: StepRow[] = [];
  const seenFetch = new Set<string>();
  const seenProcess = new Set<string>();
  let committed = 'none';
  const stored = moments.filter((m): m is Extract<RunMoment, { what: 'stored' }> => m.what === 'stored');
  if (stored.length > 0) {
    steps.push({
      cells: [`t=${stored[0]?.t ?? 0}`, 'Producer sends the orders', stored.map((m) => `${m.value} stored at offset ${m.offset}`).join('; '), committed, 'Ready for consumption'],
      vars: { message: stored.map((m) => m.value).join(', '), message_state: 'stored', offset_committed: committed },
    });
  }
  for (const m of moments) {
    if (m.what === 'stored') continue;
    if (m.what === 'fetched') {
      const again = seenFetch.has(m.value);
      seenFetch.add(m.value);
      const action = again ? `Consumer ${m.instance} fetches ${m.value} again` : `Consumer ${m.instance} fetches ${m.value}`;
      steps.push({ cells: [`t=${m.t}`, action, `offset ${m.offset}`, committed, again ? 'Redelivered from the committed offset' : 'Message available to process'], vars: { message: m.value, message_state: again ? 'fetched again' : 'fetched' } });
    } else if (m.what === 'processed') {
      const again = seenProcess.has(m.value);
      seenProcess.add(m.value);
      steps.push({ cells: [`t=${m.t}`, `Consumer ${m.instance} processes ${m.value}${again ? ' again' : ''}`, `offset ${m.offset}`, committed, again ? 'Side effect happens a second time' : 'Side effect happens (e.g. billing)'], vars: { message: m.value, message_state: again ? 'processed twice' : 'processed' } });
    } else if (m.what === 'committed') {
      committed = String(m.offset);
      steps.push({ cells: [`t=${m.t}`, `Consumer ${m.instance} commits offset ${m.offset}`, `offsets < ${m.offset} done`, committed, 'Offset saved: no redelivery of what it covers'], vars: { offset_committed: committed } });
    } else if (m.what === 'crashed') {
      steps.push({ cells: [`t=${m.t}`, `Consumer ${m.instance} crashes before committing`, 'no commit', committed, `Offset not saved: the group still points at offset ${committed}`], vars: { message_state: 'processed, not committed' } });
    } else {
      steps.push({ cells: [`t=${m.t}`, `Consumer ${m.instance} starts and joins the group`, `resumes at offset ${committed}`, committed, 'Reads from the committed offset'], vars: { message_state: 'waiting for redelivery' } });
    }
  }
  return {
    caption: 'At-least-once: a consumer crash before commit, traced on the simulated cluster',
    columns: ['Time', 'Action', 'Message', 'Offset committed', 'Result'],
    variables: ['message', 'message_state', 'offset_committed'],
    start: { message: '—', message_state: 'not sent', offset_committed: 'none' },
    steps,
    source: 'Generated at build time from the trace of a seeded run of the simulated cluster (virtual milliseconds).',
  };
}
