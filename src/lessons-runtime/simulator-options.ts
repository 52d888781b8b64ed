/** The settings a learner chooses in the delivery simulator. */
export interface SimulatorSettings {
  acks: 0 | 1 | -1;
  retries: number;
  idempotent: boolean;
  fault: SimulatorFaultId;
}

export type SimulatorFaultId = 'none' | 'lose-request' | 'lose-ack' | 'crash-leader-before-replication';

/** The network faults on offer; ids are the broker's fault names. */
export const SIMULATOR_FAULTS: readonly { id: SimulatorFaultId; label: string }[] = [
  { id: 'none', label: 'None' },
  { id: 'lose-request', label: 'Drop the request' },
  { id: 'lose-ack', label: 'Lose the ack' },
  { id: 'crash-leader-before-replication', label: 'Leader crash before replication' },
];

/** Reads the simulator form's values, refusing anything the form cannot produce. */
export function parseSimulatorSettings(form: { acks: string; retries: string; idempotent: boolean; fault: string }): SimulatorSettings {
  const acks = form.acks === 'all' ? -1 : form.acks === '1' ? 1 : form.acks === '0' ? 0 : undefined;
  if (acks === undefined) throw new Error(`unknown acks ${form.acks}`);
  const fault = SIMULATOR_FAULTS.find((f) => f.id === form.fault)?.id;
  if (!fault) throw new Error(`unknown fault ${form.fault}`);
  const retries = Number(form.retries);
  if (!Number.isInteger(retries) || retries < 0) throw new Error(`bad retries ${form.retries}`);
  return { acks, retries, idempotent: form.idempotent, fault };
}

/**
 * A ready-made run of the simulator, offered beside a table of lesson 05 so each row can be run,
 * not just read. `expect` is the row's claim; test/unit/lessons-runtime checks it against the cluster.
 */
export interface SimulatorPreset {
  id: string;
  /** Button text, e.g. "Run at-most-once". */
  label: string;
  settings: SimulatorSettings;
  /** What must happen to order3 (the record the fault hits). */
  expect: 'lost' | 'lost after ack' | 'duplicated' | 'stored once';
}

/** Presets grouped by the lesson table they sit under. */
export const SIMULATOR_PRESETS: Record<'guarantees' | 'acks', readonly SimulatorPreset[]> = {
  guarantees: [
    { id: 'at-most-once', label: 'Run at-most-once (acks=0, request dropped)', settings: { acks: 0, retries: 0, idempotent: false, fault: 'lose-request' }, expect: 'lost' },
    { id: 'at-least-once', label: 'Run at-least-once (retries, ack lost)', settings: { acks: -1, retries: 5, idempotent: false, fault: 'lose-ack' }, expect: 'duplicated' },
    { id: 'idempotent', label: 'Run with idempotence (ack lost)', settings: { acks: -1, retries: 5, idempotent: true, fault: 'lose-ack' }, expect: 'stored once' },
  ],
  acks: [
    { id: 'acks-0', label: 'acks=0, request dropped', settings: { acks: 0, retries: 0, idempotent: false, fault: 'lose-request' }, expect: 'lost' },
    { id: 'acks-1', label: 'acks=1, leader crash', settings: { acks: 1, retries: 5, idempotent: false, fault: 'crash-leader-before-replication' }, expect: 'lost after ack' },
    { id: 'acks-all', label: 'acks=all, leader crash', settings: { acks: -1, retries: 5, idempotent: true, fault: 'crash-leader-before-replication' }, expect: 'stored once' },
  ],
};
