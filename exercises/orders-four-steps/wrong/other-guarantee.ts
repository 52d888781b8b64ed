// expect-fail: set-guarantee
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee: string = 'exactly-once';
const processed_orders: string[] = [];
for (const order of orders) {
  processed_orders.push(order);
  if (delivery_guarantee === 'at-least-once') processed_orders.push(order);
}
console.log(processed_orders);
