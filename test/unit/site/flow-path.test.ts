import { describe, expect, test } from 'vitest';
import { layoutFlow } from '../../../src/site/flow-layout.ts';
import { edgeKey, pathMembers } from '../../../src/site/flow-path.ts';

const stages = [
  [{ label: 'Produced' }],
  [{ label: 'Lost' }, { label: 'Twice' }, { label: 'Once' }],
  [{ label: 'Consumed' }],
];

describe('following a path through a flow diagram', () => {
  test('a path lists its nodes, its arrows and its labels, and every arrow exists in the layout', () => {
    const members = pathMembers(stages, { label: 'Twice', route: [0, 1, 0] });
    expect(members).toEqual({ nodes: ['0:0', '1:1', '2:0'], edges: ['1:0-1', '2:1-0'], labels: ['Produced', 'Twice', 'Consumed'] });
    const drawn = new Set(layoutFlow(stages).edges.map((e) => edgeKey(e.stage, e.from, e.to)));
    for (const edge of members.edges) expect(drawn.has(edge)).toBe(true);
  });

  test('a path may end early', () => {
    expect(pathMembers(stages, { label: 'short', route: [0, 2] }).labels).toEqual(['Produced', 'Once']);
  });

  test('a route off the diagram or across parallel lanes fails naming the path', () => {
    expect(() => pathMembers(stages, { label: 'typo', route: [0, 3, 0] })).toThrow('FlowDiagram path "typo": stage 2 has no column 3');
    expect(() => pathMembers(stages, { label: 'long', route: [0, 0, 0, 0] })).toThrow('route needs 1 to 3 columns');
    const lanes = [[{ label: 'a' }, { label: 'b' }], [{ label: 'c' }, { label: 'd' }]];
    expect(() => pathMembers(lanes, { label: 'cross', route: [0, 1] })).toThrow('no arrow from stage 1 column 0 to column 1');
  });
});
