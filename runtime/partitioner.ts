/**
 * Kafka's default partitioner, bit for bit: partition = toPositive(murmur2(utf8(key))) % partitions,
 * so a key lands on the same partition number as it would in Kafka (Java client's Utils.murmur2).
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const encoder = new TextEncoder();

/** Kafka's 32-bit murmur2 (signed result, like Java's int). */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  // Integer division: `length / 4` as a float is the first classic mistake.
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (data[i4]! & 0xff) | ((data[i4 + 1]! & 0xff) << 8) | ((data[i4 + 2]! & 0xff) << 16) | ((data[i4 + 3]! & 0xff) << 24);
    // Math.imul wraps like Java's 32-bit int multiplication; `*` would lose the low bits (the second mistake).
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  // The 1-3 tail bytes (Java's switch with fall-through).
  const rest = length & 3;
  const tail = length & ~3;
  if (rest === 3) h ^= (data[tail + 2]! & 0xff) << 16;
  if (rest >= 2) h ^= (data[tail + 1]! & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[tail]! & 0xff;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** The partition of `key` among `partitions`, as Kafka's default partitioner computes it. */
export function partitionFor(key: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new RangeError(`partitions must be a positive integer, got ${String(partitions)}`);
  }
  return (murmur2(encoder.encode(key)) & 0x7fffffff) % partitions;
}
