/**
 * Stepping through a drawn sequence diagram: buttons (first, previous, play/pause, next, last), the
 * ← → Home End keys on the drawing, and a `sequence:goto` event other widgets send with a trace
 * event index (a step-through table highlights "its" event this way). Steps after the current one
 * fade, the current one is highlighted and scrolled into view, and the caption line says it in words.
 */

/** How long each step stays on screen while playing. */
const PLAY_STEP_MS = 650;

/** Sent to a diagram to show the step drawn for trace event `detail` (a number). */
export const GOTO_EVENT = 'sequence:goto';

/** Wires one `[data-testid=sequence-diagram]` figure; safe to call twice. */
export function attachPlayer(figure: HTMLElement): void {
  if (figure.dataset['player'] === 'on') return;
  figure.dataset['player'] = 'on';
  const steps = [...figure.querySelectorAll<SVGGElement>('g.seq-step')];
  const now = figure.querySelector<HTMLElement>('[data-seq-now]');
  const play = figure.querySelector<HTMLButtonElement>('[data-seq="play"]');
  const scroller = figure.querySelector<HTMLElement>('.seq-scroll');
  let current = Number(figure.dataset['current'] ?? steps.length - 1);
  let timer: ReturnType<typeof setInterval> | undefined;

  const show = (target: number, reveal: boolean) => {
    // -1 is "before the first event": everything faded, as a step-through's Start.
    current = Math.max(-1, Math.min(steps.length - 1, target));
    figure.dataset['current'] = String(current);
    steps.forEach((g, i) => g.setAttribute('data-when', i < current ? 'past' : i === current ? 'now' : 'later'));
    const step = steps[current];
    if (now) now.textContent = step ? `Step ${current + 1} of ${steps.length}: ${step.querySelector('title')?.textContent ?? ''}` : `Before the first of ${steps.length} events`;
    if (reveal && step && scroller) {
      // Scroll the drawing only, never the page: the reader's place in the lesson stays put.
      const box = step.getBoundingClientRect();
      const frame = scroller.getBoundingClientRect();
      if (box.top < frame.top || box.bottom > frame.bottom) scroller.scrollTop += box.top - frame.top - frame.height / 2;
    }
  };
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    if (play) play.textContent = 'Play';
  };
  const start = () => {
    if (current >= steps.length - 1) show(0, true);
    if (play) play.textContent = 'Pause';
    timer = setInterval(() => {
      if (current >= steps.length - 1) return stop();
      show(current + 1, true);
    }, PLAY_STEP_MS);
  };
  const moves: Record<string, () => number> = {
    start: () => 0, prev: () => Math.max(0, current - 1), next: () => current + 1, end: () => steps.length - 1,
    ArrowLeft: () => Math.max(0, current - 1), ArrowRight: () => current + 1, ArrowUp: () => Math.max(0, current - 1), ArrowDown: () => current + 1, Home: () => 0, End: () => steps.length - 1,
  };
  figure.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-seq]')?.dataset['seq'];
    if (action === undefined) return;
    if (action === 'play') return timer === undefined ? start() : stop();
    stop();
    show(moves[action]?.() ?? current, true);
  });
  scroller?.addEventListener('keydown', (event) => {
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    stop();
    show(move(), true);
  });
  figure.addEventListener(GOTO_EVENT, (event) => {
    const wanted = (event as CustomEvent<number>).detail;
    const index = steps.findIndex((g) => Number(g.dataset['event']) === wanted);
    stop();
    show(index, index >= 0);
  });
  show(current, false);
}

/** Wires every diagram under `root` not wired yet. */
export function attachPlayers(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-testid="sequence-diagram"]').forEach(attachPlayer);
}
