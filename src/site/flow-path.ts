import type { FlowNode } from './flow-layout.ts';

/**
 * One way through a flow diagram that a learner can follow on its own: the column taken at each
 * stage, top to bottom, ending where the path ends (a path may stop before the last stage).
 */
export interface FlowPath {
  /** Button label, e.g. "At-most-once". */
  label: string;
  /** Column index per stage, from the first stage; shorter than the stages when the path ends early. */
  route: number[];
}

/** Keys shared by the diagram's markup and its script: a node is "stage:column", an edge "stage:from-to". */
export const nodeKey = (stage: number, column: number): string => `${stage}:${column}`;
export const edgeKey = (stage: number, from: number, to: number): string => `${stage}:${from}-${to}`;

/** What a path lights up: its nodes, its arrows, and its labels in order (for the text readout). */
export interface PathMembers {
  nodes: string[];
  edges: string[];
  labels: string[];
}

/**
 * Checks a path against the stages (so a typo fails the build, naming the path) and lists its
 * members. Consecutive columns must be joined by an arrow of the layout: same column between stages
 * of equal width, any column across a fork or a join.
 */
export function pathMembers(stages: readonly (readonly FlowNode[])[], path: FlowPath): PathMembers {
  if (path.route.length === 0 || path.route.length > stages.length) {
    throw new Error(`FlowDiagram path "${path.label}": route needs 1 to ${stages.length} columns, got ${path.route.length}`);
  }
  const nodes: string[] = [];
  const edges: string[] = [];
  const labels: string[] = [];
  path.route.forEach((column, stage) => {
    const node = stages[stage]?.[column];
    if (!node) throw new Error(`FlowDiagram path "${path.label}": stage ${stage + 1} has no column ${column}`);
    nodes.push(nodeKey(stage, column));
    labels.push(node.label);
    if (stage === 0) return;
    const from = path.route[stage - 1] ?? 0;
    const parallel = (stages[stage - 1]?.length ?? 0) === (stages[stage]?.length ?? 0);
    if (parallel && from !== column) throw new Error(`FlowDiagram path "${path.label}": no arrow from stage ${stage} column ${from} to column ${column}`);
    edges.push(edgeKey(stage, from, column));
  });
  return { nodes, edges, labels };
}
