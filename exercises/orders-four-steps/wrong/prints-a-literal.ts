// expect-fail: print-orders
// The loop is right, but what is printed is a text written out by hand, not processed_orders.
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee = 'at-least-once';
const processed_orders: string[] = [];
for (const order of orders) {
  processed_orders.push(order);
  if (delivery_guarantee === 'at-least-once') processed_orders.push(order);
}
console.log('order1 order1 order2 order2 order3 order3');
