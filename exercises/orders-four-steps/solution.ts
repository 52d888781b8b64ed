// Step 1: the orders a shop sends to Kafka.
const orders: string[] = ['order1', 'order2', 'order3'];

// Step 2: the guarantee this run simulates.
const delivery_guarantee: string = 'at-least-once';

// Step 3: what the consumer ends up processing. Under at-least-once a lost acknowledgement makes the
// producer (or the consumer) try again, so the same order is processed a second time.
const processed_orders: string[] = [];
for (const order of orders) {
  processed_orders.push(order);
  if (delivery_guarantee === 'at-least-once') {
    processed_orders.push(order);
  }
}

// Step 4: show the result.
console.log(processed_orders);
