/** Engine benchmarks (issue 2): matches per second, resolveTurn vs JSON.stringify, replay re-simulation. */
import { COMPANIES, createMatch, defaultDecision, replayMatch, resolveTurn, type CompanyId, type Decision, type MatchState } from "../shared/engine/index.ts";
import { decideActive, playRecorded } from "../shared/engine/play.ts";
import { median, percentile, timeIt } from "./stats.ts";

export interface EngineBench {
  readonly seats: number;
  readonly matchesPerSecond: number;
  readonly resolveOverStringify: number;
  readonly resolveTurnMs: number;
  readonly stringifyMs: number;
  /** Verifying a 24-quarter replay: re-simulate and hash every turn's state. */
  readonly replay24Ms: { readonly median: number; readonly p95: number };
  /** The same replay re-simulated without hashing (the fold alone). */
  readonly resimulate24Ms: { readonly median: number; readonly p95: number };
}

const ALL: CompanyId[] = [...COMPANIES];

/** The benches' decision script: each seat's default with capex grown 8% a quarter, so the fleet, power and debt paths all do work. */
export function growthScript(state: MatchState): Partial<Record<CompanyId, Decision>> {
  return decideActive(state, (id) => {
    const base = defaultDecision(state, id);
    return { ...base, capex: Math.floor((base.capex * 108) / 100) };
  });
}

function playMatch(seed: number, turns: number): { state: MatchState; log: { turn: number; decisions: Partial<Record<CompanyId, Decision>> }[] } {
  const { state, turns: log } = playRecorded({ seed, turns, seats: ALL }, growthScript);
  return { state, log };
}

export function runEngineBench(seconds = 3): EngineBench {
  // Pre-compute decision logs so the timing measures the engine, not the script.
  const logs = Array.from({ length: 20 }, (_, i) => playMatch(1000 + i, 12).log);
  let matches = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const log = logs[matches % logs.length]!;
    let s = createMatch({ seed: 1000 + (matches % logs.length), turns: 12, seats: ALL });
    for (const t of log) s = resolveTurn(s, t.decisions).state;
    matches++;
  }
  const matchesPerSecond = (matches * 1000) / (performance.now() - start);

  const mid = playMatch(7, 12);
  let state = createMatch({ seed: 7, turns: 12, seats: ALL });
  for (const t of mid.log.slice(0, 8)) state = resolveTurn(state, t.decisions).state;
  const decisions = mid.log[8]!.decisions;
  const resolveTurnMs = timeIt(() => resolveTurn(state, decisions), 300);
  const stringifyMs = timeIt(() => JSON.stringify(state), 300);

  const long = playMatch(11, 24);
  const withHashes = replayMatch({ seed: 11, turns: 24, seats: ALL }, long.log);
  const turns = long.log.map((t, i) => ({ ...t, hash: withHashes.hashes[i] }));
  const samples: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    const r = replayMatch({ seed: 11, turns: 24, seats: ALL }, turns);
    samples.push(performance.now() - t0);
    if (r.firstDivergentTurn !== null) throw new Error("replay bench diverged");
  }
  const fold: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    let st = createMatch({ seed: 11, turns: 24, seats: ALL });
    for (const t of long.log) st = resolveTurn(st, t.decisions).state;
    fold.push(performance.now() - t0);
  }
  return {
    seats: ALL.length,
    matchesPerSecond: Math.round(matchesPerSecond),
    resolveOverStringify: Math.round((resolveTurnMs / stringifyMs) * 100) / 100,
    resolveTurnMs: Math.round(resolveTurnMs * 1000) / 1000,
    stringifyMs: Math.round(stringifyMs * 1000) / 1000,
    replay24Ms: { median: Math.round(median(samples) * 100) / 100, p95: Math.round(percentile(samples, 95) * 100) / 100 },
    resimulate24Ms: { median: Math.round(median(fold) * 100) / 100, p95: Math.round(percentile(fold, 95) * 100) / 100 },
  };
}
