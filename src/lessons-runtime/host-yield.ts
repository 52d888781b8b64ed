/**
 * Lets every pending promise continuation run before the cluster fires its next event (runUntil's
 * contract). A macrotask does that: setImmediate in Node (build time, tests), a MessageChannel in the
 * browser — not setTimeout, which browsers clamp to 4 ms once nested.
 */
export function hostYield(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}
