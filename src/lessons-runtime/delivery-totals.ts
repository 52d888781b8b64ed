/**
 * Judges what happened to each record of a produce run, from three facts the cluster reports:
 * what was sent, what the producer was told was acknowledged, and what a fresh reader finds stored.
 * Pure, so the simulator's verdicts are unit-tested apart from the cluster.
 */

/** One record's fate, worded for learners. */
export type RecordFate = 'stored once' | 'lost' | 'lost after ack' | 'duplicated' | 'refused';

export interface RecordOutcome {
  value: string;
  /** The producer was told the write succeeded. */
  acknowledged: boolean;
  /** How many copies a reader finds in the topic. */
  copies: number;
  fate: RecordFate;
  /** The error the producer reported for this record, if any. */
  error?: string;
}

/** The totals row under the simulator's timeline. */
export interface DeliveryTotals {
  sent: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
}

/** What the producer learned about one send. */
export interface SendResult {
  value: string;
  acknowledged: boolean;
  error?: string;
}

/** Combines sends and the stored values (in log order) into per-record outcomes. */
export function judgeRecords(sends: readonly SendResult[], storedValues: readonly (string | null)[]): RecordOutcome[] {
  const counts = new Map<string, number>();
  for (const value of storedValues) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return sends.map((send) => {
    const copies = counts.get(send.value) ?? 0;
    const fate: RecordFate =
      copies > 1 ? 'duplicated' : copies === 1 ? 'stored once' : send.acknowledged ? 'lost after ack' : send.error ? 'refused' : 'lost';
    return { value: send.value, acknowledged: send.acknowledged, copies, fate, ...(send.error ? { error: send.error } : {}) };
  });
}

/**
 * Totals over the outcomes. `lost` counts records with no copy that the application did not learn
 * about (silently lost, or lost after an ack); a refused send is not lost silently — the application
 * got an error and could act on it — so it is counted in neither.
 */
export function totalsOf(outcomes: readonly RecordOutcome[]): DeliveryTotals {
  return {
    sent: outcomes.length,
    acknowledged: outcomes.filter((o) => o.acknowledged).length,
    stored: outcomes.reduce((sum, o) => sum + o.copies, 0),
    lost: outcomes.filter((o) => o.fate === 'lost' || o.fate === 'lost after ack').length,
    duplicated: outcomes.filter((o) => o.fate === 'duplicated').length,
  };
}
