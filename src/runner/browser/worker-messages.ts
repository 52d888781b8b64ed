/** The messages between the page and the sandbox Worker (plain, structured-cloneable data). */
import type { RunObservation, SandboxRequest } from '../../shared/sandbox-protocol.ts';

/** Page → Worker: run this request (once; the Worker is then terminated). */
export interface RunMessage {
  type: 'run';
  request: SandboxRequest;
}

/** Worker → page. */
export type WorkerToPage =
  | { type: 'ready' }
  | { type: 'observation'; observation: RunObservation }
  | { type: 'sandbox-error'; message: string }
  | { type: 'done' };
