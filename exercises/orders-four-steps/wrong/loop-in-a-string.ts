// expect-fail: simulate-sending
// The loop the step asks for appears only inside a string; the code itself uses forEach.
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee = 'at-least-once';
const processed_orders: string[] = [];
const looksLikeTheLoop = 'for (const order of orders) { processed_orders.push(order); }';
void looksLikeTheLoop;
orders.forEach((order) => {
  processed_orders.push(order);
  if (delivery_guarantee === 'at-least-once') processed_orders.push(order);
});
console.log(processed_orders);
