// expect-fail: exactly-once
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee = 'at-least-once';
const processed_orders: string[] = [];
for (const order of orders) {
  processed_orders.push(order);
  processed_orders.push(order);
}
console.log(processed_orders, delivery_guarantee);
