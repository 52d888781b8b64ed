/**
 * The sequence diagram as a tree of plain nodes (tag, attributes, text): one drawing, two outputs —
 * an HTML string with every text escaped (for the server, `toMarkup`) and DOM nodes built with
 * `textContent` (for the page, `toDom`), so what a learner's program printed never becomes markup.
 *
 * Layout: lanes are columns, time runs down, one row per trace event; a time axis on the left says
 * when each row happened, and a long pause (a 30-second request timeout) is drawn as a break
 * instead of 30 000 rows of nothing. Colours come from the course's CSS custom properties.
 *
 * The lane names are drawn in a separate strip of the same width above the rows, sticky at the top
 * of the scrolling frame: however far down a long run is scrolled, each column still says whose it
 * is. A long name (a client id) is broken onto two lines to stay within its lane; the full name is
 * the label's tooltip.
 */
import { sequenceModel, type DiagramStep, type SequenceModel } from './sequence-model.ts';

/** One node of the drawing. */
export interface FigureNode {
  tag: string;
  /** SVG elements are created in the SVG namespace. */
  svg?: boolean;
  attrs?: Record<string, string | number | boolean>;
  text?: string;
  children?: FigureNode[];
}

const AXIS = 68;
const LANE = 96;
const HEAD = 40;
/** Characters that fit on one line of a lane's name. */
const LABEL_LINE = 13;
const ROW = 26;
const GAP_MS = 1000;

const svgNode = (tag: string, attrs: Record<string, string | number | boolean>, children?: FigureNode[], text?: string): FigureNode => ({
  tag, svg: true, attrs, ...(children ? { children } : {}), ...(text !== undefined ? { text } : {}),
});

const SYMBOL: Partial<Record<DiagramStep['shape'], string>> = { crash: '✕', restart: '↻', fault: '⚡' };

/** Draws one step at row `y`. */
function drawStep(step: DiagramStep, index: number, y: number, x: (lane: string) => number, width: number, head: string): FigureNode {
  const parts: FigureNode[] = [
    svgNode('rect', { class: 'seq-band', x: 0, y: y - ROW / 2, width, height: ROW }),
    svgNode('title', {}, undefined, step.text),
  ];
  const from = x(step.from);
  if (step.to !== undefined && step.shape !== 'mark') {
    const to = x(step.to);
    const dir = Math.sign(to - from) || 1;
    const end = step.shape === 'drop' ? from + (to - from) * 0.6 : to - dir * 4;
    parts.push(svgNode('line', { class: 'seq-arrow', x1: from, y1: y, x2: end, y2: y, 'marker-end': step.shape === 'drop' ? '' : `url(#${head})` }));
    if (step.shape === 'drop') parts.push(svgNode('text', { class: 'seq-cross', x: end, y: y + 5, 'text-anchor': 'middle' }, undefined, '✕'));
    parts.push(svgNode('text', { class: 'seq-label', x: (from + end) / 2, y: y - 4, 'text-anchor': 'middle' }, undefined, step.label));
  } else {
    const symbol = SYMBOL[step.shape];
    parts.push(symbol !== undefined
      ? svgNode('text', { class: 'seq-symbol', x: from, y: y + 5, 'text-anchor': 'middle' }, undefined, symbol)
      : svgNode('rect', { class: 'seq-dot', x: from - 5, y: y - 5, width: 10, height: 10, rx: 2 }));
    parts.push(svgNode('text', { class: 'seq-label', x: from + 10, y: y + 4 }, undefined, step.label));
  }
  return svgNode('g', { class: 'seq-step', 'data-step': index, 'data-event': step.event, 'data-shape': step.shape, 'data-tone': step.tone }, parts);
}

/** The `<svg>` of a model. */
export function sequenceSvg(model: SequenceModel, id: string, labelledBy: string): FigureNode {
  const head = `${id}-head`;
  const width = AXIS + model.lanes.length * LANE;
  const laneX = new Map(model.lanes.map((lane, i) => [lane.id, AXIS + LANE / 2 + i * LANE]));
  const x = (lane: string) => laneX.get(lane) ?? AXIS + LANE / 2;
  const rows: FigureNode[] = [];
  const axis: FigureNode[] = [];
  let y = HEAD + ROW / 2;
  let lastT: number | undefined;
  model.steps.forEach((step, index) => {
    if (lastT !== undefined && step.t - lastT >= GAP_MS) {
      axis.push(svgNode('text', { class: 'seq-gap', x: 4, y: y + 2 }, undefined, `⋯ ${step.t - lastT} ms later`));
      y += ROW;
    }
    if (step.t !== lastT) axis.push(svgNode('text', { class: 'seq-time', x: AXIS - 8, y: y + 4, 'text-anchor': 'end' }, undefined, `${step.t} ms`));
    lastT = step.t;
    rows.push(drawStep(step, index, y, x, width, head));
    y += ROW;
  });
  const height = y + ROW / 2;
  const lanes = model.lanes.map((lane) => svgNode('g', { class: 'seq-lane', 'data-lane-kind': lane.kind }, [svgNode('line', { x1: x(lane.id), y1: HEAD, x2: x(lane.id), y2: height })]));
  // The rows' drawing starts below the name strip: its viewBox begins at y = HEAD, so both share coordinates.
  return svgNode('svg', { viewBox: `0 ${HEAD} ${width} ${height - HEAD}`, width, height: height - HEAD, role: 'img', 'aria-labelledby': labelledBy, class: 'seq-svg' }, [
    svgNode('defs', {}, [
      svgNode('marker', { id: head, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [
        svgNode('path', { d: 'M0,0 L8,4 L0,8 z', class: 'seq-head' }),
      ]),
    ]),
    ...lanes,
    ...axis,
    ...rows,
  ]);
}

/** A lane's name on one line, or on two broken at a '-', '_' or space near the middle when it is long. */
export function laneLabelLines(label: string): string[] {
  if (label.length <= LABEL_LINE) return [label];
  const breaks = [...label.matchAll(/[-_ .]/g)].map((match) => match.index + 1).filter((at) => at > 1 && at < label.length);
  const middle = label.length / 2;
  const at = breaks.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0] ?? Math.ceil(middle);
  const shorten = (line: string) => (line.length > LABEL_LINE + 2 ? `${line.slice(0, LABEL_LINE + 1)}…` : line);
  return [shorten(label.slice(0, at).trim()), shorten(label.slice(at).trim())];
}

/** The strip of lane names above the rows (decorative: the caption and the event list name every lane). */
export function laneStrip(model: SequenceModel): FigureNode {
  const width = AXIS + model.lanes.length * LANE;
  const labels = model.lanes.map((lane, i) => {
    const lx = AXIS + LANE / 2 + i * LANE;
    const lines = laneLabelLines(lane.label);
    const top = lines.length === 1 ? 22 : 15;
    return svgNode('g', { class: 'seq-lane', 'data-lane-kind': lane.kind }, [
      svgNode('title', {}, undefined, lane.label),
      svgNode('line', { x1: lx, y1: HEAD - 6, x2: lx, y2: HEAD }),
      svgNode('text', { class: 'seq-lane-label', x: lx, y: top, 'text-anchor': 'middle' },
        lines.map((line, n) => svgNode('tspan', { x: lx, dy: n === 0 ? 0 : 13 }, undefined, line))),
    ]);
  });
  return svgNode('svg', { viewBox: `0 0 ${width} ${HEAD}`, width, height: HEAD, class: 'seq-svg seq-names', 'aria-hidden': 'true' }, [
    svgNode('text', { class: 'seq-axis-title', x: 4, y: 22 }, undefined, 'time'),
    ...labels,
  ]);
}

/** Options of {@link sequenceFigure}. */
export interface FigureOptions {
  /** Visible caption and accessible name. */
  caption: string;
  /** Unique among the page's diagrams (used for ids). */
  id: string;
}

/** The whole figure: caption, controls, the step now shown, and the drawing. */
export function sequenceFigure(trace: readonly unknown[], options: FigureOptions): FigureNode {
  const model = sequenceModel(trace);
  const captionId = `${options.id}-caption`;
  // The visible words are the buttons' names (no aria-label): speech users say what they see.
  const button = (action: string, title: string, text: string): FigureNode => ({ tag: 'button', attrs: { type: 'button', 'data-seq': action, title }, text });
  const last = model.steps.length - 1;
  return {
    tag: 'figure',
    attrs: { class: 'seq', 'data-testid': 'sequence-diagram', 'data-steps': model.steps.length, 'data-current': last, id: options.id },
    children: [
      { tag: 'figcaption', attrs: { id: captionId }, text: options.caption },
      {
        tag: 'div', attrs: { class: 'seq-controls' },
        children: [
          button('start', 'First step', 'First'),
          button('prev', 'Previous step (←)', '← Step'),
          button('play', 'Play', 'Play'),
          button('next', 'Next step (→)', 'Step →'),
          button('end', 'Last step', 'Last'),
          { tag: 'output', attrs: { class: 'seq-now', 'data-seq-now': true, 'aria-live': 'polite' }, text: last >= 0 ? `Step ${last + 1} of ${last + 1}: ${model.steps[last]?.text ?? ''}` : 'The cluster recorded no events.' },
        ],
      },
      {
        tag: 'div',
        attrs: { class: 'seq-scroll', tabindex: 0, role: 'group', 'aria-label': `${options.caption}: use ← and → to step through the events` },
        children: [laneStrip(model), sequenceSvg(model, options.id, captionId)],
      },
      ...(model.omitted > 0 ? [{ tag: 'p', attrs: { class: 'seq-more' }, text: `… ${model.omitted} later events are not drawn.` }] : []),
    ],
  };
}

const escape = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The figure as HTML, every attribute and text escaped (server rendering). */
export function toMarkup(node: FigureNode): string {
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== false && v !== '')
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escape(String(v))}"`))
    .join('');
  const inner = (node.text !== undefined ? escape(node.text) : '') + (node.children ?? []).map(toMarkup).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The figure as DOM nodes, text through `textContent` (client rendering). */
export function toDom(node: FigureNode): Element {
  const element = node.svg === true ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (v === false || v === '') continue;
    element.setAttribute(k, v === true ? '' : String(v));
  }
  if (node.text !== undefined) element.textContent = node.text;
  for (const child of node.children ?? []) element.append(toDom(child));
  return element;
}
