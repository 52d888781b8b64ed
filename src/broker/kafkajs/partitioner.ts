/**
 * KafkaJS's default partitioner is Java-compatible: murmur2 of the key bytes, made positive, modulo
 * the partition count. Keyless messages go round robin.
 */
import { utf8Encode } from './bytes.ts';

/** Kafka's murmur2 (32-bit) over bytes, seed 0x9747b28c. */
export function murmur2(data: readonly number[]): number {
  const m = 0x5bd1e995;
  const len = data.length;
  let h = 0x9747b28c ^ len;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    let k = ((data[i] ?? 0) & 0xff) | (((data[i + 1] ?? 0) & 0xff) << 8) | (((data[i + 2] ?? 0) & 0xff) << 16) | (((data[i + 3] ?? 0) & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const rest = len - i;
  if (rest === 3) h ^= ((data[i + 2] ?? 0) & 0xff) << 16;
  if (rest >= 2) h ^= ((data[i + 1] ?? 0) & 0xff) << 8;
  if (rest >= 1) {
    h ^= (data[i] ?? 0) & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** The partition a keyed message goes to among `n` partitions. */
export function partitionForKey(key: string, n: number): number {
  return (murmur2(utf8Encode(key)) & 0x7fffffff) % n;
}
