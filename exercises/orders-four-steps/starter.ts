// Step 1: create an array `orders` with 'order1', 'order2' and 'order3'.

// Step 2: create `delivery_guarantee` and set it to 'at-least-once'.

// Step 3: create an empty `processed_orders`, loop over `orders` with `for (const order of orders)`,
// push each order, and push it a second time when the guarantee is 'at-least-once'.

// Step 4: print `processed_orders`.
