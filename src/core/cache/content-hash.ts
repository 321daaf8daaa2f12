/**
 * A 64-bit fingerprint of a file's bytes (two independent 32-bit multiply-xorshift lanes, as
 * 16 hex digits). Not cryptographic: it tells whether a file's bytes are the ones a cached
 * answer was computed from, next to the size, which is compared as well. Pure TypeScript, so the
 * core computes it on any thread without Node's `crypto`.
 */
export function contentHash(bytes: Uint8Array): string {
  let a = 0x811c9dc5 ^ bytes.length;
  let b = 0x9e3779b9 ^ Math.imul(bytes.length, 0x85ebca6b);
  const length = bytes.length;
  const whole = length & ~3;
  let i = 0;
  for (; i < whole; i += 4) {
    const word =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    a = Math.imul(a ^ word, 0x01000193);
    a ^= a >>> 15;
    b = Math.imul(b ^ word, 0xcc9e2d51);
    b = (b << 13) | (b >>> 19);
  }
  for (; i < length; i++) {
    a = Math.imul(a ^ (bytes[i] as number), 0x01000193);
    b = Math.imul(b ^ (bytes[i] as number), 0x1b873593);
  }
  return hex(finish(a)) + hex(finish(b ^ a));
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
