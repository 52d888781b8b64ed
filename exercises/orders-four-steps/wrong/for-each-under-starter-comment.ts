// expect-fail: simulate-sending
// Step 3: create an empty `processed_orders`, loop over `orders` with `for (const order of orders)`,
// push each order, and push it a second time when the guarantee is 'at-least-once'.
// (The loop above is only quoted in a comment: the code uses forEach.)
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee = 'at-least-once';
const processed_orders: string[] = [];
orders.forEach((order) => {
  processed_orders.push(order);
  if (delivery_guarantee === 'at-least-once') processed_orders.push(order);
});
console.log(processed_orders);
