/**
 * Client rendering of a sequence diagram from a run's trace (the simulator, a verdict's replay, the
 * predict-then-run answer): builds the figure through the DOM and wires its player.
 */
import { sequenceFigure, toDom } from './sequence-figure.ts';
import { attachPlayer } from './sequence-player.ts';

let count = 0;

/** A stepping sequence diagram of `trace`, captioned `caption`. */
export function renderSequence(trace: readonly unknown[], caption: string): HTMLElement {
  count += 1;
  const figure = toDom(sequenceFigure(trace, { caption, id: `seq-live-${count}` })) as HTMLElement;
  attachPlayer(figure);
  return figure;
}
