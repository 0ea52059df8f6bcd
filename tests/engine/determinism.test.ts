/** Determinism: same config + seed + decisions → same hashes; a golden hash; any change shows. */
import { describe, expect, test } from "vitest";
import {
  ENGINE_VERSION,
  canonicalJson,
  createMatch,
  hashState,
  resolveTurn,
  validateDecision,
  type CompanyId,
  type Decision,
  type MatchConfigInput,
  type MatchState,
} from "../../shared/engine/index.ts";
import { nextChanceBp, nextInt, nextNoise, nextRange, nextU32, seedRng } from "../../shared/engine/rng.ts";
import { isqrt, mulBp, splitByWeights } from "../../shared/engine/money.ts";
import { play, scriptedDecisions } from "./helpers.ts";

const GOLDEN_CONFIG: MatchConfigInput = {
  scenario: "reckoning",
  variant: "guide",
  seed: 20260115,
  turns: 8,
  seats: ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"],
  scoring: "tsr",
  randomEvents: true,
};

function hashes(config: MatchConfigInput, decide: (s: MatchState) => Partial<Record<CompanyId, unknown>> = scriptedDecisions): string[] {
  return play(config, decide).states.map(hashState);
}

describe("same inputs, same match", () => {
  test("createMatch is a pure function of its config", () => {
    expect(hashState(createMatch(GOLDEN_CONFIG))).toBe(hashState(createMatch({ ...GOLDEN_CONFIG })));
    expect(hashState(createMatch({ ...GOLDEN_CONFIG, seed: 1 }))).not.toBe(hashState(createMatch(GOLDEN_CONFIG)));
    // Seat order in the config does not matter: seats are kept in canonical order.
    expect(hashState(createMatch({ ...GOLDEN_CONFIG, seats: [...GOLDEN_CONFIG.seats!].reverse() }))).toBe(hashState(createMatch(GOLDEN_CONFIG)));
  });

  test("two plays of the same script agree hash for hash, in both scenarios", () => {
    for (const scenario of ["reckoning", "buildout"] as const) {
      const a = hashes({ ...GOLDEN_CONFIG, scenario });
      const b = hashes({ ...GOLDEN_CONFIG, scenario });
      expect(a).toEqual(b);
      expect(new Set(a).size).toBe(a.length); // every turn changes the state
    }
  });

  test("a state that went through JSON (as the server stores it) resolves to the same hashes", () => {
    const direct = hashes(GOLDEN_CONFIG);
    let s = createMatch(GOLDEN_CONFIG);
    const viaJson = [hashState(s)];
    while (!s.ended) {
      const revived = JSON.parse(JSON.stringify(s)) as MatchState;
      s = resolveTurn(revived, JSON.parse(JSON.stringify(scriptedDecisions(revived))) as Partial<Record<CompanyId, unknown>>).state;
      viaJson.push(hashState(s));
    }
    expect(viaJson).toEqual(direct);
  });

  test("decision key order and the order seats are listed in do not matter", () => {
    const shuffled = (s: MatchState) => {
      const d = scriptedDecisions(s);
      const out: Partial<Record<CompanyId, Decision>> = {};
      for (const id of (Object.keys(d) as CompanyId[]).reverse()) {
        const x = d[id]!;
        out[id] = Object.fromEntries(Object.entries(x).reverse()) as unknown as Decision;
      }
      return out;
    };
    expect(hashes(GOLDEN_CONFIG, shuffled)).toEqual(hashes(GOLDEN_CONFIG));
  });

  test("the hash changes when any one decision changes", () => {
    // Turn 3: the opening shock's bond-window closure is over, so a debt issue is legal too.
    const base = hashes({ ...GOLDEN_CONFIG, turns: 5 });
    const fields: (keyof Decision)[] = ["capex", "customShareBp", "chipRnd", "debtIssue", "debtRepay", "buybacks", "dividends"];
    for (const field of fields) {
      const tweaked = hashes({ ...GOLDEN_CONFIG, turns: 5 }, (s) => {
        const d = scriptedDecisions(s);
        if (s.turn === 3) {
          const a = d.alphabet!;
          // Move the field by one unit ($1M, or 1 pp of custom share: 1 bp can round away) in a direction that stays legal.
          const v = a[field] as number;
          const step = field === "customShareBp" ? 100 : 1;
          d.alphabet = { ...a, [field]: v >= step ? v - step : v + step };
          // The tweak must stay legal, or the default would stand and the test would prove little.
          expect(validateDecision(s, "alphabet", d.alphabet), field).toEqual({ ok: true });
        }
        return d;
      });
      expect(tweaked.slice(0, 4), field).toEqual(base.slice(0, 4));
      expect(tweaked[4], field).not.toBe(base[4]);
    }
  });

  test("canonical JSON sorts keys, drops undefined, rejects non-finite numbers", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: "x" }] })).toBe('{"a":[2,{"c":"x"}],"b":1}');
    expect(hashState({ a: 1, b: 2 })).toBe(hashState({ b: 2, a: 1 }));
    expect(hashState({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/non-finite/);
  });
});

describe("golden hash", () => {
  /**
   * Pins the whole economy: the hash of the final state of GOLDEN_CONFIG played with the fixed
   * `scriptedDecisions` script. It changes whenever the engine or balance/params change anything.
   * When the economy is retuned on purpose, regenerate it with
   *   npx vitest run tests/engine/determinism.test.ts -t "golden"
   * and copy the full hash printed in the failure message ("new golden hash: …") into GOLDEN. Check
   * first that the other tests in this file pass, so the change is a retune, not nondeterminism.
   */
  /**
   * The golden hash of every engine version. A change to the engine that moves the hash must bump
   * ENGINE_VERSION and add a row: replay files name the version that made them, so a version must
   * always mean one engine.
   */
  const GOLDEN_BY_VERSION: Readonly<Record<string, string>> = {
    "1.0.0": "020aa104136bd5ef3359bdaeb56ce744f6c07b256ffe95cfb1d78fbd0cf3dd55",
    "1.1.0": "298c126ae3236b1a98209380410f54b3a52bb71d9ef2ca92f252c529503607db",
    "2.0.0": "47579d538d1d129e2e34b5ba6a74273a9d03c938a300fd01b1abd183cf4b87b9",
    "2.1.0": "1b66d6ee6b13ad43bbbba22b6b74061b90c8a14f6fab9f36b9fa0a8ab8adcbd1",
    "2.2.0": "71db9f42121b1be1593e4124950335ed5d8c94381a856a36c3f7735a837b1f5e",
    "2.3.0": "20ecdd4eb77d645bf9847e9472c40863fe0d5b01b8138c4ec510c284ef3b409d",
  };

  test("fixed seed + fixed decision script → the golden hash pinned for this ENGINE_VERSION", () => {
    const h = hashes(GOLDEN_CONFIG);
    expect(h).toHaveLength(9);
    const final = h[h.length - 1];
    const pinned = GOLDEN_BY_VERSION[ENGINE_VERSION];
    expect(pinned, `ENGINE_VERSION ${ENGINE_VERSION} has no golden hash: bump the version and pin ${final}`).toBeDefined();
    expect(final, `the hash moved (now ${final}): bump ENGINE_VERSION and add a row`).toBe(pinned);
  });

  test("no two engine versions share a golden hash (a version names one engine)", () => {
    const hashesPinned = Object.values(GOLDEN_BY_VERSION);
    expect(new Set(hashesPinned).size).toBe(hashesPinned.length);
  });
});

describe("rng and integer helpers", () => {
  test("the PRNG is a pure function of its state, and uint32", () => {
    const r = seedRng(42);
    expect(nextU32(r)).toEqual(nextU32(r));
    expect(seedRng(42)).toBe(r);
    let x = r;
    for (let i = 0; i < 1000; i++) {
      const d = nextU32(x);
      expect(Number.isInteger(d.value) && d.value >= 0 && d.value < 2 ** 32).toBe(true);
      expect(Number.isInteger(d.rng) && d.rng >= 0 && d.rng < 2 ** 32).toBe(true);
      x = d.rng;
    }
  });

  test("nextInt, nextRange, nextChanceBp stay in range and cover it", () => {
    let r = seedRng(7);
    const seen = new Set<number>();
    let hits = 0;
    for (let i = 0; i < 4000; i++) {
      const a = nextInt(r, 6);
      const b = nextRange(a.rng, -3, 3);
      const c = nextChanceBp(b.rng, 2500);
      r = c.rng;
      expect(a.value >= 0 && a.value < 6).toBe(true);
      expect(b.value >= -3 && b.value <= 3).toBe(true);
      seen.add(a.value);
      if (c.value) hits++;
    }
    expect(seen.size).toBe(6);
    expect(hits / 4000).toBeGreaterThan(0.2);
    expect(hits / 4000).toBeLessThan(0.3);
  });

  test("nextNoise is integer with mean ≈ 0 and sd ≈ the requested one", () => {
    let r = seedRng(3);
    const xs: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const d = nextNoise(r, 100);
      r = d.rng;
      xs.push(d.value);
    }
    expect(xs.every(Number.isInteger)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(5);
    expect(sd).toBeGreaterThan(90);
    expect(sd).toBeLessThan(110);
  });

  test("mulBp rounds to whole $M; splitByWeights adds up exactly; isqrt is exact", () => {
    expect(mulBp(1001, 5000)).toBe(501);
    expect(mulBp(-1001, 5000)).toBe(-500);
    for (const total of [0, 1, 7, 1000, 99_999]) expect(splitByWeights(total, [3, 1, 1, 0]).reduce((s, x) => s + x, 0)).toBe(total);
    expect(splitByWeights(10, [0, 0])).toEqual([0, 0]);
    expect([0, 1, 15, 16, 17, 99_999_999].map(isqrt)).toEqual([0, 1, 3, 4, 4, 9999]);
  });
});

describe("resolveTurn input handling", () => {
  test("an unknown seat's decision is ignored; decisions for absent seats too", () => {
    const s = createMatch({ seed: 9, seats: ["meta"] });
    const a = resolveTurn(s, {});
    const b = resolveTurn(s, { microsoft: { capex: 5 } } as Partial<Record<CompanyId, unknown>>);
    expect(hashState(b.state)).toBe(hashState(a.state));
  });
});
