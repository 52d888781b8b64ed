/**
 * Column labels for a Markdown table's body cells, so that on a phone each row can become a card
 * whose cells say which column they belong to (`td::before { content: attr(data-label) }`, CSS only).
 *
 * Works on the table's rendered inner HTML (what MDX hands `MdTable`): Markdown tables hold no
 * nested tables, so each `<td` in a body row is the next column's cell. Header text is the `<th>`'s
 * text with its markup removed (`<code>acks</code>` → `acks`).
 */

/** The text of each header cell, in column order. */
export function headerLabels(tableHtml: string): string[] {
  const head = /<thead[\s>][\s\S]*?<\/thead>/i.exec(tableHtml)?.[0] ?? '';
  return [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/gi)].map((match) => plainText(match[1] ?? ''));
}

/** `tableHtml` with `data-label="<column header>"` on every body cell that has a header. */
export function labelBodyCells(tableHtml: string): string {
  const labels = headerLabels(tableHtml);
  if (labels.length === 0) return tableHtml;
  return tableHtml.replace(/<tbody[\s>][\s\S]*?<\/tbody>/gi, (body) =>
    body.replace(/<tr\b[\s\S]*?<\/tr>/gi, (row) => {
      let column = 0;
      return row.replace(/<td\b/gi, (cell) => {
        const label = labels[column++];
        return label ? `${cell} data-label="${escapeAttribute(label)}"` : cell;
      });
    }),
  );
}

function plainText(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
  return text.replace(/\s+/g, ' ').trim();
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
