/** Counting what reached the output against what was sent: the raw facts every guarantee check uses. */

export interface OrderCounts {
  /** Orders that never arrived. */
  missing: string[];
  /** Orders that arrived more than once, with their count. */
  duplicated: { order: string; count: number }[];
  /** Values that arrived but were never sent (made up, or left over from another run). */
  unexpected: string[];
}

/** Compares `processed` with the `orders` that were sent. */
export function countOrders(orders: readonly string[], processed: readonly string[]): OrderCounts {
  const counts = new Map<string, number>();
  for (const order of orders) counts.set(order, 0);
  const unexpected: string[] = [];
  for (const value of processed) {
    const count = counts.get(value);
    if (count === undefined) {
      if (!unexpected.includes(value)) unexpected.push(value);
    } else counts.set(value, count + 1);
  }
  const missing: string[] = [];
  const duplicated: { order: string; count: number }[] = [];
  for (const [order, count] of counts) {
    if (count === 0) missing.push(order);
    if (count > 1) duplicated.push({ order, count });
  }
  return { missing, duplicated, unexpected };
}

/** "order-1, order-2 and order-3" */
export function listOrders(orders: readonly string[]): string {
  if (orders.length <= 1) return orders.join('');
  return `${orders.slice(0, -1).join(', ')} and ${orders.at(-1) ?? ''}`;
}
