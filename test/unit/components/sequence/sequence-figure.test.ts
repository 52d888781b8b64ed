import { describe, expect, it } from 'vitest';
import { laneLabelLines, sequenceFigure, toMarkup } from '../../../../src/components/sequence/sequence-figure.ts';

describe('lane names', () => {
  it('keeps a short name on one line', () => {
    expect(laneLabelLines('broker 0')).toEqual(['broker 0']);
  });

  it('breaks a long client id near its middle, at a separator', () => {
    expect(laneLabelLines('orders-producer-1')).toEqual(['orders-', 'producer-1']);
    expect(laneLabelLines('transactional-processor')).toEqual(['transactional-', 'processor']);
  });

  it('shortens a line that is still too long for its lane', () => {
    const lines = laneLabelLines('averyveryverylongclientidwithoutseparators');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(15);
  });

  it('draws the names in a strip of their own above the rows, with the full name as a tooltip', () => {
    const markup = toMarkup(sequenceFigure([{ t: 0, kind: 'send', clientId: 'orders-producer-1', broker: 0, value: 'order-1' }], { caption: 'c', id: 'x' }));
    const strip = /<svg[^>]*class="seq-svg seq-names"[\s\S]*?<\/svg>/.exec(markup)?.[0] ?? '';
    expect(strip).toContain('aria-hidden="true"');
    expect(strip).toContain('<title>orders-producer-1</title>');
    expect(strip).toContain('>producer-1</tspan>');
    // The strip comes first inside the scrolling frame, so `position: sticky` keeps it on top.
    expect(markup.indexOf('seq-names')).toBeLessThan(markup.indexOf('role="img"'));
  });
});
