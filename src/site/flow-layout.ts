/** One box of a flow diagram. `tone` colours outcomes: bad (loss, duplicate) or good. */
export interface FlowNode {
  label: string;
  tone?: 'bad' | 'good' | 'neutral';
}

/** A laid-out box and arrow, in SVG user units. */
export interface PlacedNode extends FlowNode { x: number; y: number; width: number; height: number; stage: number; column: number }
/** An arrow into `stage`, from column `from` of the stage above to column `to`. */
export interface PlacedEdge { x1: number; y1: number; x2: number; y2: number; stage: number; from: number; to: number }

export const FLOW_WIDTH = 640;
const BOX_HEIGHT = 44;
const ROW_GAP = 34;
const MARGIN = 8;

/**
 * Lays out stages top to bottom, each stage's boxes side by side. Consecutive stages of the same
 * width connect column to column (parallel paths); otherwise every box connects to every box
 * (a fork or a join), which is all the course's flows need.
 */
export function layoutFlow(stages: readonly (readonly FlowNode[])[]): { nodes: PlacedNode[]; edges: PlacedEdge[]; height: number } {
  const nodes: PlacedNode[] = [];
  const byStage: PlacedNode[][] = [];
  stages.forEach((stage, s) => {
    const slot = (FLOW_WIDTH - MARGIN * 2) / stage.length;
    const width = Math.min(slot - 12, 300);
    const placed = stage.map((node, c) => ({
      ...node,
      stage: s,
      column: c,
      width,
      height: BOX_HEIGHT,
      x: MARGIN + slot * c + (slot - width) / 2,
      y: MARGIN + s * (BOX_HEIGHT + ROW_GAP),
    }));
    byStage.push(placed);
    nodes.push(...placed);
  });
  const edges: PlacedEdge[] = [];
  for (let s = 1; s < byStage.length; s++) {
    const from = byStage[s - 1] ?? [];
    const to = byStage[s] ?? [];
    const pairs = from.length === to.length ? from.map((a, i) => [a, to[i]] as const) : from.flatMap((a) => to.map((b) => [a, b] as const));
    for (const [a, b] of pairs) {
      if (!b) continue;
      edges.push({ x1: a.x + a.width / 2, y1: a.y + a.height, x2: b.x + b.width / 2, y2: b.y - 2, stage: s, from: a.column, to: b.column });
    }
  }
  return { nodes, edges, height: MARGIN * 2 + stages.length * BOX_HEIGHT + (stages.length - 1) * ROW_GAP };
}
