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
