// expect-fail: at-least-once/other order ids
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee = 'at-least-once';
const processed_orders = ['order1', 'order1', 'order2', 'order2', 'order3', 'order3'];
for (const order of orders) {
  void order;
}
console.log(processed_orders);
