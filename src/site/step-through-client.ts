import { indexForKey } from './roving-index.ts';
import { positionLabel } from '../lessons-runtime/step-through.ts';
import { attachPlayer, GOTO_EVENT } from '../components/sequence/sequence-player.ts';

/** Wires Previous / Next / arrow keys of each `[data-step-through]` to its rows and tracker. */
for (const root of document.querySelectorAll<HTMLElement>('[data-step-through]')) {
  const count = Number(root.dataset['count']);
  const timeline = JSON.parse(root.dataset['timeline'] ?? '[]') as Record<string, string>[];
  const prev = root.querySelector<HTMLButtonElement>('[data-step-prev]');
  const next = root.querySelector<HTMLButtonElement>('[data-step-next]');
  const status = root.querySelector<HTMLElement>('[data-step-position]');
  const at = root.querySelector<HTMLElement>('[data-tracker-at]');
  // Rows that tell a traced run move the run's sequence diagram to their event.
  const stepEvents = JSON.parse(root.dataset['stepEvents'] ?? '[]') as (number | null)[][];
  const diagrams = [...root.querySelectorAll<HTMLElement>('[data-testid="sequence-diagram"]')];
  diagrams.forEach(attachPlayer);
  let position = 0;

  const go = (target: number) => {
    position = Math.min(count, Math.max(0, target));
    root.dataset['position'] = String(position);
    root.querySelectorAll<HTMLElement>('[data-step-row]').forEach((row) => {
      if (Number(row.dataset['stepRow']) === position) row.setAttribute('aria-current', 'step');
      else row.removeAttribute('aria-current');
    });
    const values = timeline[position] ?? {};
    const before = timeline[position - 1];
    root.querySelectorAll<HTMLElement>('[data-var]').forEach((cell) => {
      const name = cell.dataset['var'] ?? '';
      cell.textContent = values[name] ?? '';
      cell.dataset['changed'] = String(before !== undefined && before[name] !== values[name]);
    });
    if (status) status.textContent = positionLabel(position, count);
    if (at) at.textContent = position === 0 ? 'at Start' : `after step ${position}`;
    if (prev) prev.disabled = position === 0;
    if (next) next.disabled = position === count;
    diagrams.forEach((diagram, i) => {
      const event = stepEvents[i]?.[Math.max(0, position - 1)];
      diagram.hidden = event === null;
      diagram.dispatchEvent(new CustomEvent(GOTO_EVENT, { detail: position === 0 ? -1 : event ?? -1 }));
    });
  };

  // Buttons sit above the table: on a phone the current step may be off screen, so bring it in.
  const reveal = () => root.querySelector<HTMLElement>('tr[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  prev?.addEventListener('click', () => { go(position - 1); reveal(); });
  next?.addEventListener('click', () => { go(position + 1); reveal(); });
  root.querySelector('[data-step-keys]')?.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    // Positions run 0..count, so the roving helper sees count + 1 items.
    const target = indexForKey(key, position, count + 1, false);
    if (target === undefined) return;
    event.preventDefault();
    go(target);
  });
  go(0);
}
