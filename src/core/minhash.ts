/** MinHash signatures and LSH banding over integer sets, for near-duplicate search without all pairs. */

const PRIME = 2147483647; // 2^31 - 1

function seededCoefficients(count: number, seed: number): [number, number][] {
  let state = seed >>> 0;
  const next = () => {
    // xorshift32: deterministic coefficients so results never depend on run or machine.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return Array.from({ length: count }, () => [(next() % (PRIME - 1)) + 1, next() % PRIME]);
}

export class MinHasher {
  readonly #coefficients: [number, number][];
  readonly size: number;

  constructor(size: number) {
    this.size = size;
    this.#coefficients = seededCoefficients(size, 0x5eed1234);
  }

  signature(items: Iterable<number>): Uint32Array {
    const sig = new Uint32Array(this.size).fill(0xffffffff);
    for (const item of items) {
      const x = (item * 2654435761) >>> 0;
      for (let i = 0; i < this.size; i++) {
        const [a, b] = this.#coefficients[i] as [number, number];
        // (a * x + b) mod p with 53-bit safe arithmetic
        const h = ((a % 65536) * x + Math.floor(a / 65536) * ((x * 65536) % PRIME) + b) % PRIME;
        if (h < (sig[i] as number)) sig[i] = h;
      }
    }
    return sig;
  }
}

/** Buckets of item ids that share at least one band of their signatures. */
export function lshBuckets(signatures: Uint32Array[], bands: number): number[][] {
  const buckets = new Map<string, number[]>();
  signatures.forEach((sig, id) => {
    const rows = Math.floor(sig.length / bands);
    for (let band = 0; band < bands; band++) {
      let key = `${band}`;
      for (let r = 0; r < rows; r++) key += `:${sig[band * rows + r]}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = [];
        buckets.set(key, bucket);
      }
      bucket.push(id);
    }
  });
  return [...buckets.values()].filter((b) => b.length > 1);
}
