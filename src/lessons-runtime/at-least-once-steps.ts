import type { StepRow, StepThroughTable } from './step-through.ts';
import type { RunMoment } from './at-least-once-run.ts';
import type { TraceEvent } from '../broker/types.ts';


/** What the group's committed offset means at a glance: the next offset to read, or none yet. */
function committedLabel(offset: number | undefined): string {
  return offset === undefined ? 'none' : `${offset} (offsets below ${offset} done)`;
}

/**
 * Turns the run's moments into the process table, one row per moment, with the seed's columns
 * (action, message state, offset commit, result) and its two tracked variables. The committed offset
 * is the next offset to read, so "1" means offset 0 is done.
 */
export function atLeastOnceTable(moments: readonly RunMoment[]): StepThroughTable {
  const steps: StepRow[] = [];
  const fetched = new Set<string>();
  const processed = new Set<string>();
  let committed: number | undefined;
  const row = (m: RunMoment, action: string, state: string, commit: string, result: string, vars: Record<string, string>) =>
    steps.push({ cells: [`t=${m.t} ms`, action, state, commit, result], vars });

  for (const m of moments) {
    if (m.what === 'stored') {
      row(m, `Producer sends ${m.value}`, `stored at offset ${m.offset}`, 'no', 'Ready for consumption', { message_state: 'stored' });
    } else if (m.what === 'fetched') {
      const again = fetched.has(m.value);
      fetched.add(m.value);
      row(m, `Consumer ${m.instance} fetches ${m.value}${again ? ' again' : ''}`, again ? 'fetched again' : 'fetched', 'no',
        again ? 'Redelivered: no commit covers it' : 'Ready to process', { message_state: again ? 'fetched again' : 'fetched' });
    } else if (m.what === 'processed') {
      const again = processed.has(m.value);
      processed.add(m.value);
      row(m, `Consumer ${m.instance} processes ${m.value}${again ? ' again' : ''}`, again ? 'processed twice' : 'processed', 'no',
        again ? 'The side effect (billing) happens a second time' : 'The side effect (billing) happens', { message_state: again ? 'processed twice' : 'processed' });
    } else if (m.what === 'crashed') {
      row(m, `Consumer ${m.instance} crashes before committing`, 'processed, not committed', 'no commit',
        committed === undefined ? 'Nothing saved: the group has no committed offset yet' : `Nothing saved: the committed offset is still ${committed}`, { message_state: 'processed, not committed' });
    } else if (m.what === 'restarted') {
      row(m, `Consumer ${m.instance} starts and joins the group`, 'waiting for redelivery', 'no',
        committed === undefined ? 'No committed offset: it starts from the beginning' : `Resumes at offset ${committed}`, { message_state: 'waiting for redelivery' });
    } else {
      committed = m.offset;
      row(m, `Consumer ${m.instance} commits offset ${m.offset}`, 'done', 'commit saved',
        'Offset saved: no more redelivery', { message_state: 'done', offset_committed: committedLabel(committed) });
    }
  }
  return {
    caption: 'At-least-once: a consumer crash before commit, traced on the simulated cluster',
    columns: ['Time', 'Action', 'Message state', 'Offset commit', 'Result'],
    variables: ['message_state', 'offset_committed'],
    start: { message_state: 'not sent', offset_committed: 'none' },
    steps,
    source: 'Built at build time from the trace of a seeded run of the simulated cluster (times in virtual milliseconds).',
  };
}

/** The trace event each kind of moment is read from (a processing moment: the delivery before it). */
const MOMENT_EVENT: Record<RunMoment['what'], string> = {
  stored: 'append', fetched: 'deliver', processed: 'deliver', crashed: 'crash', committed: 'commit', restarted: 'rebalance',
};

/**
 * For each moment (each row of the table), the index of the trace event it tells: the last event of
 * its kind at or before its time, else the last event at or before its time. Lets the table drive
 * the run's sequence diagram.
 */
export function momentEvents(moments: readonly RunMoment[], trace: readonly TraceEvent[]): number[] {
  return moments.map((m) => {
    let fallback = -1;
    let match = -1;
    trace.forEach((event, index) => {
      if (event.t > m.t) return;
      fallback = index;
      if (event.kind === MOMENT_EVENT[m.what]) match = index;
    });
    return match >= 0 ? match : fallback;
  });
}
