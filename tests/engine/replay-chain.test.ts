/** The chained turn hash (replay files version 2): it pins each state, it is value-based, and the fold that checks it. */
import { describe, expect, test } from "vitest";
import { canonicalJson, hashState, type CompanyId, type Decision, type MatchConfigInput, type MatchState } from "../../shared/engine/index.ts";
import { Replayer, chainHash, chainStart, detectScheme, replayMatch, stateDelta, turnHash, type ReplayInputTurn } from "../../shared/engine/replay.ts";
import { deepFreeze, play, scriptedDecisions } from "./helpers.ts";

const CONFIG: MatchConfigInput = { seed: 77, scenario: "reckoning", variant: "guide", turns: 10, seats: ["microsoft", "amazon", "alphabet", "meta", "oracle"] };
const LIVE = play(CONFIG, scriptedDecisions);

function chainOf(states: readonly MatchState[]): string[] {
  const out: string[] = [];
  let prev = chainStart(states[0]!);
  for (let i = 1; i < states.length; i++) {
    prev = chainHash(prev, states[i - 1]!, states[i]!);
    out.push(prev);
  }
  return out;
}
const CHAIN = chainOf(LIVE.states);
const LOG: ReplayInputTurn[] = LIVE.decisions.map((decisions, i) => ({ turn: i, decisions, hash: CHAIN[i] }));

/** Reads a delta path (`$,"key",3`) into its segments: JSON strings are keys, numbers are indices. */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 1; // after "$"
  while (i < path.length) {
    if (path[i] !== ",") throw new Error(`bad path ${path} at ${i}`);
    i++;
    if (path[i] === '"') {
      let j = i + 1;
      while (path[j] !== '"') j += path[j] === "\\" ? 2 : 1;
      out.push(JSON.parse(path.slice(i, j + 1)) as string);
      i = j + 1;
    } else {
      let j = i;
      while (j < path.length && /[0-9]/.test(path[j]!)) j++;
      out.push(Number(path.slice(i, j)));
      i = j;
    }
  }
  return out;
}

/** Rebuilds `after` from `before` and the delta alone: proof that the delta (hence the chain) pins the new state. */
function applyDelta(before: unknown, delta: string): unknown {
  const root = { v: structuredClone(before) as unknown };
  const drops = new Map<string, number[]>();
  const adds = new Map<string, unknown[]>();
  const at = (segs: (string | number)[]): Record<string | number, unknown> => {
    let node = root.v as Record<string | number, unknown>;
    for (const s of segs) node = node[s] as Record<string | number, unknown>;
    return node;
  };
  for (const line of delta.split("\n").filter(Boolean)) {
    const m = /^(\$(?:,(?:"(?:[^"\\]|\\.)*"|\d+))*)([=~+-])(.*)$/.exec(line);
    if (!m) throw new Error(`bad line ${line}`);
    const [, path, op, rest] = m as unknown as [string, string, string, string];
    const segs = segments(path);
    if (op === "-") (drops.get(path) ?? drops.set(path, []).get(path)!).push(Number(rest));
    else if (op === "+") (adds.get(path) ?? adds.set(path, []).get(path)!).push(JSON.parse(rest));
    else if (segs.length === 0) root.v = JSON.parse(rest);
    else {
      const parent = at(segs.slice(0, -1));
      const key = segs[segs.length - 1]!;
      if (op === "~") delete parent[key];
      else parent[key] = JSON.parse(rest);
    }
  }
  // Array edits last, deepest first, so indices into the old arrays stay valid.
  const paths = new Set([...drops.keys(), ...adds.keys()]);
  for (const path of [...paths].sort((a, b) => b.length - a.length)) {
    const segs = segments(path);
    const arr = (segs.length === 0 ? root.v : at(segs)) as unknown[];
    const dropped = new Set(drops.get(path) ?? []);
    const kept = arr.filter((_, i) => !dropped.has(i));
    const next = [...kept, ...(adds.get(path) ?? [])];
    if (segs.length === 0) root.v = next;
    else at(segs.slice(0, -1))[segs[segs.length - 1]!] = next;
  }
  return root.v;
}

describe("the chained turn hash", () => {
  test("every turn's delta rebuilds the next state exactly, and is far smaller than the state", () => {
    for (let i = 1; i < LIVE.states.length; i++) {
      const before = LIVE.states[i - 1]!;
      const after = LIVE.states[i]!;
      const delta = stateDelta(before, after);
      expect(canonicalJson(applyDelta(before, delta)), `turn ${i - 1}`).toBe(canonicalJson(after));
      expect(delta.length).toBeLessThan(canonicalJson(after).length / 2);
    }
  });

  test("it depends on values only: states revived from JSON (no shared objects) chain to the same hashes", () => {
    const revived = LIVE.states.map((s) => JSON.parse(JSON.stringify(s)) as MatchState);
    expect(chainOf(revived)).toEqual(CHAIN);
  });

  test("the engine never mutates a hashed state: deep-frozen states give the same chain", () => {
    const frozen = play(CONFIG, (s) => scriptedDecisions(deepFreeze(s)));
    expect(chainOf(frozen.states.map(deepFreeze))).toEqual(CHAIN);
  });

  test("a different state anywhere changes the hash, and the chain remembers it", () => {
    const before = LIVE.states[3]!;
    const after = LIVE.states[4]!;
    const meta = after.companies.meta!;
    const nudged = { ...after, companies: { ...after.companies, meta: { ...meta, cash: meta.cash + 1 } } } as MatchState;
    expect(chainHash(CHAIN[2]!, before, nudged)).not.toBe(CHAIN[3]);
    // Same delta, different past: different hash.
    expect(chainHash(CHAIN[1]!, before, after)).not.toBe(CHAIN[3]);
    expect(chainHash(CHAIN[2]!, before, after)).toBe(CHAIN[3]);
    expect(turnHash("chain", null, LIVE.states[0]!, LIVE.states[1]!)).toBe(CHAIN[0]);
    expect(turnHash("state", CHAIN[0]!, LIVE.states[0]!, LIVE.states[1]!)).toBe(hashState(LIVE.states[1]!));
  });
});

describe("the fold over a log", () => {
  test("replayMatch verifies a chained log, and still verifies a state-hash log", () => {
    expect(replayMatch(CONFIG, LOG, "chain")).toMatchObject({ firstDivergentTurn: null, error: null, hashes: CHAIN });
    const stateLog = LOG.map((t, i) => ({ ...t, hash: hashState(LIVE.states[i + 1]!) }));
    expect(replayMatch(CONFIG, stateLog, "state").firstDivergentTurn).toBeNull();
    expect(replayMatch(CONFIG, stateLog, "chain").firstDivergentTurn).toBe(0);
  });

  test("a tampered decision is caught at its turn in the chain scheme", () => {
    const bad = LOG.map((t) => {
      if (t.turn !== 6) return t;
      const d = t.decisions.amazon as Decision;
      return { ...t, decisions: { ...t.decisions, amazon: { ...d, capex: d.capex > 1000 ? d.capex - 1000 : d.capex + 1000 } } };
    });
    const r = replayMatch(CONFIG, bad, "chain");
    expect(r.firstDivergentTurn).toBe(6);
    expect(r.hashes.slice(0, 6)).toEqual(CHAIN.slice(0, 6));
  });

  test("the Replayer steps turn by turn and keeps going past a mismatch", () => {
    const bad = LOG.map((t) => (t.turn === 2 ? { ...t, hash: "0".repeat(64) } : t));
    const r = new Replayer(CONFIG, bad, "chain");
    const seen: (boolean | null)[] = [];
    for (let s = r.step(); s; s = r.step()) seen.push(s.matches);
    expect(seen).toEqual(LOG.map((t) => t.turn !== 2));
    expect(r.error).toBeNull();
    expect(r.state.ended).toBe(true);
  });

  test("structural errors stop the fold with a sentence", () => {
    const r = new Replayer(CONFIG, [...LOG, { turn: LOG.length, decisions: {} }], "chain");
    while (r.step());
    expect(r.error).toMatch(/ended before turn 10/);
  });

  test("detectScheme tells a stored log's scheme from its first turn", () => {
    expect(detectScheme(CONFIG, LOG)).toBe("chain");
    expect(detectScheme(CONFIG, [{ ...LOG[0]!, hash: hashState(LIVE.states[1]!) }])).toBe("state");
    expect(detectScheme(CONFIG, [])).toBe("chain");
  });

  test("the chain scheme is much cheaper than re-hashing the whole state (7 seats, 24 quarters)", () => {
    const seats: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"];
    const big = play({ ...CONFIG, seats, turns: 24 }, scriptedDecisions);
    const deltaBytes = big.states.slice(1).reduce((n, s, i) => n + stateDelta(big.states[i]!, s).length, 0);
    const stateBytes = big.states.slice(1).reduce((n, s) => n + canonicalJson(s).length, 0);
    // Bytes hashed, not time: a machine-independent measure of the saving (bench/replay-bench.ts times it).
    expect(deltaBytes * 4).toBeLessThan(stateBytes);
  });
});
