import { describe, expect, it } from 'vitest';
import { headerLabels, labelBodyCells } from '../../../src/components/table-labels.ts';

const table = [
  '<thead><tr><th>Guarantee</th><th><code>acks</code> &amp; retries</th><th align="left">Use</th></tr></thead>',
  '<tbody><tr><td>At-most-once</td><td><code>acks=0</code></td><td>Metrics</td></tr>',
  '<tr><td align="left">Exactly-once</td><td>all</td><td>Billing</td></tr></tbody>',
].join('\n');

describe('table labels', () => {
  it('reads the header cells as plain text', () => {
    expect(headerLabels(table)).toEqual(['Guarantee', 'acks & retries', 'Use']);
  });

  it('labels every body cell with its column, row by row', () => {
    const labelled = labelBodyCells(table);
    expect([...labelled.matchAll(/data-label="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'Guarantee', 'acks &amp; retries', 'Use',
      'Guarantee', 'acks &amp; retries', 'Use',
    ]);
    expect(labelled).toContain('<td data-label="Guarantee" align="left">Exactly-once</td>');
    expect(labelled).toContain('<td data-label="acks &amp; retries"><code>acks=0</code></td>');
  });

  it('leaves a table without a header as it is', () => {
    const bare = '<tbody><tr><td>a</td></tr></tbody>';
    expect(labelBodyCells(bare)).toBe(bare);
  });
});
