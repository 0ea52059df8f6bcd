/**
 * Seeded PRNG (splitmix32). The state is a uint32 kept inside MatchState; every draw returns the
 * value and the next state, so the engine stays a pure fold and replays are exact.
 */

export interface Draw<T> {
  readonly value: T;
  readonly rng: number;
}

/** Mixes any integer seed into a well-spread uint32 starting state. */
export function seedRng(seed: number): number {
  let h = (seed >>> 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Uniform uint32. */
export function nextU32(rng: number): Draw<number> {
  const next = (rng + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z = (z ^ (z >>> 16)) >>> 0;
  return { value: z, rng: next };
}

/** Uniform integer in [0, n). */
export function nextInt(rng: number, n: number): Draw<number> {
  const d = nextU32(rng);
  return { value: Math.floor((d.value / 4294967296) * n), rng: d.rng };
}

/** Uniform integer in [min, max]. */
export function nextRange(rng: number, min: number, max: number): Draw<number> {
  const d = nextInt(rng, max - min + 1);
  return { value: min + d.value, rng: d.rng };
}

/** True with probability p/10_000. */
export function nextChanceBp(rng: number, pBp: number): Draw<boolean> {
  const d = nextInt(rng, 10_000);
  return { value: d.value < pBp, rng: d.rng };
}

/**
 * Approximately normal integer noise with mean 0 and standard deviation `sd` (Irwin–Hall of 4
 * uniforms): no Math.log or Math.sqrt of random values, so every engine agrees.
 */
export function nextNoise(rng: number, sd: number): Draw<number> {
  let r = rng;
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    const d = nextU32(r);
    r = d.rng;
    sum += d.value / 4294967296;
  }
  // Sum of 4 U(0,1) has mean 2 and variance 1/3; scale by √3 ≈ 1.7320508 to unit variance.
  return { value: Math.round((sum - 2) * 1.7320508 * sd), rng: r };
}
