// expect-fail: at-most-once/orders from step 1
// At-most-once read as "may skip orders": nothing fails in this simulation, so nothing may be lost.
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee = 'at-least-once';
const processed_orders: string[] = [];
for (const order of orders) {
  if (delivery_guarantee === 'at-most-once') continue;
  processed_orders.push(order);
  if (delivery_guarantee === 'at-least-once') processed_orders.push(order);
}
console.log(processed_orders);
