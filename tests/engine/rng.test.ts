/**
 * PRNG reference values (STYLE.md §6, boardgame.io's golden PRNG values): the seed mixing, the
 * first outputs of the generator from known seeds, each derived draw, and the seeds derived from
 * the match seed. Any change to these numbers changes every match and every replay: bump
 * ENGINE_VERSION and the golden hash with it, on purpose.
 */
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { nextChanceBp, nextInt, nextNoise, nextRange, nextU32, seedRng } from "../../shared/engine/rng.ts";
import { aiSeedFor } from "../../shared/engine/seeds.ts";

const hex = (n: number): string => `0x${n.toString(16).padStart(8, "0")}`;

function firstU32(seed: number, n: number): { values: string[]; end: string } {
  let r = seedRng(seed);
  const values: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = nextU32(r);
    values.push(hex(d.value));
    r = d.rng;
  }
  return { values, end: hex(r) };
}

describe("seedRng: a match seed mixed into the generator's starting state", () => {
  test.each([
    [0, "0x64625032"],
    [1, "0xeb721c8a"],
    [42, "0x78a1ece2"],
    [2026, "0x9886c83d"],
    [0xffffffff, "0xd267144c"],
  ])("seed %i → %s", (seed, state) => {
    expect(hex(seedRng(seed))).toBe(state);
  });

  test("a seed is taken as uint32 (−1 and 2³²−1 are the same seed)", () => {
    expect(seedRng(-1)).toBe(seedRng(0xffffffff));
  });
});

describe("nextU32 (splitmix32): the first eight outputs from known seeds", () => {
  test.each([
    [0, ["0x7ae97034", "0x66c651aa", "0xe928e9d7", "0xd6302d2c", "0x6e332539", "0xdac7189b", "0xf4020910", "0xf3e84e0d"], "0x561e1dfa"],
    [1, ["0x27229cdf", "0x1b2b3391", "0x976801e5", "0x959f028d", "0x01e9de8d", "0xa37dcb65", "0x5bf91372", "0x925dd08b"], "0xdd2dea52"],
    [42, ["0xe1b5c328", "0xecdc1c12", "0x1f1a346b", "0xc9689618", "0x0002c56f", "0x778a95b8", "0x4d0e143b", "0xfd1a2ee6"], "0x6a5dbaaa"],
  ])("seed %i", (seed, values, end) => {
    expect(firstU32(seed, 8)).toEqual({ values, end });
  });

  test("the state advances by the golden-ratio increment, whatever the output", () => {
    let r = seedRng(42);
    for (let i = 0; i < 100; i++) {
      const next = nextU32(r).rng;
      expect(next).toBe((r + 0x9e3779b9) >>> 0);
      r = next;
    }
  });
});

describe("derived draws from seed 7: int, range, chance and noise interleaved", () => {
  test("eight rounds of nextInt(100), nextRange(−3, 3), nextChanceBp(2500), nextNoise(1000)", () => {
    let r = seedRng(7);
    const rounds: [number, number, boolean, number][] = [];
    for (let i = 0; i < 8; i++) {
      const a = nextInt(r, 100);
      const b = nextRange(a.rng, -3, 3);
      const c = nextChanceBp(b.rng, 2500);
      const n = nextNoise(c.rng, 1000);
      rounds.push([a.value, b.value, c.value, n.value]);
      r = n.rng;
    }
    expect(rounds).toEqual([
      [67, -2, true, 229],
      [94, 1, true, -815],
      [16, 3, true, -154],
      [49, -3, true, -2169],
      [56, -3, false, -1334],
      [80, 1, true, 263],
      [95, -2, true, 325],
      [59, -3, false, -48],
    ]);
    expect(hex(r)).toBe("0x6ebf8221");
  });

  test("nextNoise draws four uniforms; the others draw one", () => {
    const r = seedRng(7);
    const four = [0, 1, 2, 3].reduce((x) => nextU32(x).rng, r);
    expect(nextNoise(r, 1000).rng).toBe(four);
    expect(nextInt(r, 100).rng).toBe(nextU32(r).rng);
    expect(nextRange(r, 1, 6).rng).toBe(nextU32(r).rng);
    expect(nextChanceBp(r, 5000).rng).toBe(nextU32(r).rng);
  });
});

describe("aiSeedFor: the AIs' seed derived from the match seed", () => {
  test.each([
    [0, 731538308],
    [1, 2261701285],
    [42, 3719550986],
    [2026, 1181847978],
    [0xffffffff, 1413656099],
  ])("match seed %i → AI seed %i", (seed, ai) => {
    expect(aiSeedFor(seed)).toBe(ai);
  });

  test("is the first four bytes (little-endian) of SHA-256 over its label, as Node's crypto computes it", () => {
    for (const seed of [3, 99, 123_456_789, -7]) {
      expect(aiSeedFor(seed)).toBe(createHash("sha256").update(`capital-purgatory/ai-seed/${seed}`).digest().readUInt32LE(0));
    }
  });

  test("is not the generator's own state", () => {
    for (const seed of [0, 1, 42]) expect(aiSeedFor(seed)).not.toBe(seedRng(seed));
  });
});
