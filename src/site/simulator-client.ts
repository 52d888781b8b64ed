import { whenVisible } from './when-visible.ts';
import { parseSimulatorSettings } from '../lessons-runtime/simulator-options.ts';
import type { SimulationResult } from '../lessons-runtime/delivery-simulation.ts';

/** Wires each `[data-delivery-simulator]`; the cluster is imported when the simulator comes into view. */
for (const root of document.querySelectorAll<HTMLElement>('[data-delivery-simulator]')) {
  const form = root.querySelector<HTMLFormElement>('[data-simulator-form]');
  const result = root.querySelector<HTMLElement>('[data-simulator-result]');
  let runtime: Promise<[typeof import('../lessons-runtime/delivery-simulation.ts'), typeof import('../components/sequence/render-sequence.ts')]> | undefined;
  // The cluster and the diagram's renderer load together, when the simulator comes near.
  const load = () => (runtime ??= Promise.all([import('../lessons-runtime/delivery-simulation.ts'), import('../components/sequence/render-sequence.ts')]));
  whenVisible(root, load);

  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!result || root.dataset['state'] === 'running') return;
    const data = new FormData(form);
    root.dataset['state'] = 'running';
    try {
      const settings = parseSimulatorSettings({
        acks: String(data.get('acks')),
        retries: String(data.get('retries')),
        idempotent: data.get('idempotent') === 'on',
        fault: String(data.get('fault')),
      });
      const [simulation, diagram] = await load();
      const run = await simulation.simulateDelivery(settings);
      render(result, run, diagram.renderSequence(run.trace, 'What the cluster did, event by event (virtual ms)'));
    } catch (error) {
      result.textContent = `The simulation failed: ${(error as Error).message}`;
    } finally {
      root.dataset['state'] = 'done';
    }
  });
}

/**
 * Preset buttons beside the lesson's tables: fill the simulator's form with the row's settings,
 * run it, and move focus to the result so keyboard and screen-reader users land on the outcome.
 */
for (const group of document.querySelectorAll<HTMLElement>('[data-simulator-presets]')) {
  const simulator = document.querySelector<HTMLElement>('[data-delivery-simulator]');
  const form = simulator?.querySelector<HTMLFormElement>('[data-simulator-form]');
  if (!simulator || !form) continue;
  group.hidden = false;
  for (const button of group.querySelectorAll<HTMLButtonElement>('[data-simulator-preset]')) {
    button.addEventListener('click', () => {
      const preset = JSON.parse(button.dataset['simulatorPreset'] ?? '{}') as { acks: string; retries: number; idempotent: boolean; fault: string };
      const field = (name: string) => form.elements.namedItem(name);
      const set = (name: string, value: string) => { const f = field(name); if (f instanceof HTMLSelectElement) f.value = value; };
      set('acks', preset.acks);
      set('retries', String(preset.retries));
      set('fault', preset.fault);
      const idempotent = field('idempotent');
      if (idempotent instanceof HTMLInputElement) idempotent.checked = preset.idempotent;
      simulator.scrollIntoView({ block: 'start' });
      form.requestSubmit();
      simulator.querySelector<HTMLElement>('[data-simulator-result]')?.focus({ preventScroll: true });
    });
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function render(target: HTMLElement, run: SimulationResult, diagram: HTMLElement): void {
  const summary = el('p', run.summary);
  const totals = el('dl', undefined, 'totals');
  totals.setAttribute('aria-label', 'Totals');
  for (const [name, value] of Object.entries(run.totals)) {
    const pair = el('div');
    pair.dataset['total'] = name;
    pair.append(el('dt', name), el('dd', String(value)));
    totals.append(pair);
  }
  const table = el('table');
  table.append(el('caption', 'Each record’s fate, from the cluster’s trace'));
  const head = el('tr');
  head.append(el('th', 'Record'), el('th', 'Timeline (virtual ms)'), el('th', 'Fate'));
  head.querySelectorAll('th').forEach((th) => th.setAttribute('scope', 'col'));
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  for (const record of run.records) {
    const row = el('tr');
    row.dataset['record'] = record.value;
    row.dataset['fate'] = record.fate;
    const events = el('ol');
    for (const event of record.events) events.append(el('li', `t=${event.t} ${event.text}`));
    const bad = record.fate === 'lost' || record.fate === 'lost after ack' || record.fate === 'duplicated';
    const fate = el('td', record.copies > 1 ? `${record.fate} (×${record.copies})` : record.fate, bad ? 'fate-lost' : 'fate-ok');
    const name = el('th', record.value);
    name.setAttribute('scope', 'row');
    const cell = el('td');
    cell.append(events);
    row.append(name, cell, fate);
    table.tBodies[0]?.append(row);
  }
  const wrap = el('div', undefined, 'table-wrap');
  // A wide timeline may scroll sideways on a phone: a scrolling region must be reachable by keyboard.
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Timeline of each record');
  wrap.append(table);
  // The drawing first; the table of each record's fate is the same story in words.
  target.replaceChildren(summary, totals, diagram, wrap);
}
