/**
 * Processes: what a planned crash kills. A process is one running copy of a program. In the sandbox it
 * is one evaluation of the learner's module together with every client, timer and pending call it
 * made; elsewhere (lessons, the bench) each `new Kafka(...)` is a process of its own.
 *
 * Killing a process kills all of it at once: its clients stop (a consumer leaves its group), its timers
 * are cancelled, and every call it had in flight stays unanswered for good, so none of its code ever
 * runs again. What lives outside it survives: the cluster, and the billing service's database.
 *
 * A process also counts its calls out: requests whose effect lives outside the process (a produce, an
 * offset commit, a charge). The fault plan names crash points by that count ("die after the 3rd call
 * took effect, before its answer arrived"), so a check can walk every point where a real process could
 * die, as deterministic simulation testing does, without depending on where the program chose to commit.
 */

interface ProcessEntry {
  name: string;
  alive: boolean;
  /** Calls out so far; stays 0 for a process the plan's crash points leave alone. */
  calls: number;
  crashPoints: boolean;
  /** Run once when the process dies: its clients' teardown, its timers' cancellation. */
  onKill: (() => void)[];
}

/** The processes of one cluster, by id (from 1). */
export class ProcessTable {
  private readonly entries = new Map<number, ProcessEntry>();
  private nextId = 1;

  /**
   * Starts a process named `name` (the name the trace and the reports show). With `crashPoints: false`
   * its calls are not counted, so call-numbered faults never strike it (a harness's own producer).
   */
  spawn(name: string, crashPoints = true): number {
    const id = this.nextId++;
    this.entries.set(id, { name, alive: true, calls: 0, crashPoints, onKill: [] });
    return id;
  }

  alive(id: number): boolean {
    return this.entries.get(id)?.alive ?? false;
  }

  name(id: number): string {
    return this.entries.get(id)?.name ?? `process-${id}`;
  }

  /** Runs `teardown` when the process dies (at once if it is already dead). */
  onKill(id: number, teardown: () => void): void {
    const entry = this.entries.get(id);
    if (entry === undefined || !entry.alive) teardown();
    else entry.onKill.push(teardown);
  }

  /** Kills the process; false when it was already dead. Teardowns run in registration order. */
  kill(id: number): boolean {
    const entry = this.entries.get(id);
    if (entry === undefined || !entry.alive) return false;
    entry.alive = false;
    for (const teardown of entry.onKill.splice(0)) teardown();
    return true;
  }

  /** How many calls out the process has made (0 when they are not counted). */
  calls(id: number): number {
    return this.entries.get(id)?.calls ?? 0;
  }

  /** Counts one call out of the process and returns its number (from 1); 0 when calls are not counted. */
  countCall(id: number): number {
    const entry = this.entries.get(id);
    if (entry === undefined || !entry.crashPoints) return 0;
    entry.calls++;
    return entry.calls;
  }
}
