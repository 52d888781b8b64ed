/**
 * How `<Tabs>` learns the labels its `<TabItem>`s carry: each item renders its label as a
 * `data-tab-label` attribute, and Tabs reads them back from its rendered children, in order. Tabs then
 * renames the attribute, so Tabs nested in an item (rendered first) are not counted by the Tabs around
 * them. Build-time only: no label travels to the browser twice.
 */
const ITEM_LABEL = /data-tab-label="([^"]*)"/g;

/** Labels in document order, and the children's HTML with those labels claimed. */
export function tabLabels(html: string): { labels: string[]; html: string } {
  const labels = [...html.matchAll(ITEM_LABEL)].map((match) => decodeAttribute(match[1] ?? ''));
  return { labels, html: html.replace(ITEM_LABEL, 'data-tab-labelled') };
}

/** Undoes the escaping of an attribute value, so the tab shows `A & B`, not `A &amp; B`. */
function decodeAttribute(value: string): string {
  return value.replace(/&(quot|#34|#39|apos|lt|gt|amp);/g, (_, entity: string) => ({ quot: '"', '#34': '"', '#39': "'", apos: "'", lt: '<', gt: '>', amp: '&' })[entity] ?? '');
}
