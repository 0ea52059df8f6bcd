/** The compute fleet: which server cohorts are installed, powered and usable in a quarter. */
import type { CompanyState, Vintage } from "./types.ts";
import { BP } from "./money.ts";

/**
 * Depreciation charged on a cohort before quarter `turn`: straight line from its first quarter in
 * service, the last quarter of its life taking the remainder. Derived, not stored, so cohorts
 * never change once bought (no per-quarter copies, and an unchanged cohort syncs nothing).
 */
export function accumulatedDepAt(v: Vintage, turn: number): number {
  const quarters = turn - v.inServiceTurn;
  if (quarters <= 0) return 0;
  if (quarters >= v.lifeQuarters) return v.cost;
  return Math.min(v.cost, quarters * Math.max(1, Math.round(v.cost / v.lifeQuarters)));
}

export function inService(v: Vintage, turn: number): boolean {
  return v.inServiceTurn <= turn && accumulatedDepAt(v, turn) < v.cost;
}

export function installedMw(c: CompanyState, turn: number): number {
  let mw = 0;
  for (const v of c.assets) if (v.kind === "ai_servers" && inService(v, turn)) mw += v.mw;
  return mw;
}

/** `installedMw` in each quarter from `from` to `to` − 1 (index 0 = `from`), in one pass over the cohorts. */
export function installedMwOver(c: Pick<CompanyState, "assets">, from: number, to: number): number[] {
  const n = Math.max(0, to - from);
  // Each cohort is in service over one run of quarters (accumulated depreciation only grows):
  // from its first quarter until the first one it starts written off, `accumulatedDepAt` ≥ cost:
  // its life, or sooner when the rounded straight-line charge writes it off first (⌈cost ÷ per⌉
  // quarters). Added as +mw / −mw at the ends of the run, then summed along.
  const change = new Array<number>(n + 1).fill(0);
  for (const v of c.assets) {
    if (v.kind !== "ai_servers" || v.cost <= 0) continue;
    const per = Math.max(1, Math.round(v.cost / v.lifeQuarters));
    const end = v.inServiceTurn + Math.min(v.lifeQuarters, Math.ceil(v.cost / per));
    const lo = Math.max(from, v.inServiceTurn);
    const hi = Math.min(to, end);
    if (lo >= hi) continue;
    change[lo - from]! += v.mw;
    change[hi - from]! -= v.mw;
  }
  const out = new Array<number>(n);
  let mw = 0;
  for (let k = 0; k < n; k++) {
    mw += change[k]!;
    out[k] = mw;
  }
  return out;
}

/** MW ordered but not yet delivered. */
export function pendingMw(c: CompanyState, turn: number): number {
  let mw = 0;
  for (const v of c.assets) if (v.kind === "ai_servers" && v.inServiceTurn > turn) mw += v.mw;
  return mw;
}

export function poweredMw(c: CompanyState): number {
  return Math.max(0, c.power.onlineMw - c.power.outageMw);
}

/** Usable compute = min(installed, powered): unpowered servers are stranded. */
export function usableMw(c: CompanyState, turn: number): number {
  return Math.min(installedMw(c, turn), poweredMw(c));
}

/**
 * Custom share of the powered fleet when only `usable` MW have power: the operator keeps the chips
 * that do more inference work per MW lit (serving earns the revenue) and idles the others first.
 */
export function poweredCustomShareBp(c: CompanyState, turn: number, usable: number, customInferenceBp: number): number {
  const { all, custom } = serverMw(c, turn);
  return poweredCustomShareOf(all, custom, usable, customInferenceBp);
}

/** MW of AI servers in service at `turn`: all of them (`installedMw`), and those on the seat's own silicon. */
export function serverMw(c: CompanyState, turn: number): { all: number; custom: number } {
  let all = 0;
  let custom = 0;
  for (const v of c.assets) {
    if (v.kind !== "ai_servers" || !inService(v, turn)) continue;
    all += v.mw;
    if (v.chip === "custom") custom += v.mw;
  }
  return { all, custom };
}

/** `poweredCustomShareBp` from the fleet's server MW (`serverMw`). */
export function poweredCustomShareOf(all: number, custom: number, usable: number, customInferenceBp: number): number {
  const lit = Math.min(usable, all);
  if (lit <= 0) return 0;
  const nvidia = all - custom;
  const litCustom = customInferenceBp >= BP ? Math.min(custom, lit) : lit - Math.min(nvidia, lit);
  return Math.round((litCustom * BP) / lit);
}

export function fleetCustomShareBp(c: CompanyState, turn: number): number {
  let all = 0;
  let custom = 0;
  for (const v of c.assets) {
    if (v.kind !== "ai_servers" || !inService(v, turn)) continue;
    all += v.mw;
    if (v.chip === "custom") custom += v.mw;
  }
  return all === 0 ? 0 : Math.round((custom * BP) / all);
}

/** Net book value of the cohorts at the start of quarter `turn` (after `turn − 1` was charged). */
export function netPpe(assets: readonly Vintage[], turn: number): number {
  let s = 0;
  for (const v of assets) s += v.cost - accumulatedDepAt(v, turn);
  return s;
}

/**
 * Straight-line depreciation of one cohort for one quarter; the last quarter of its life takes the
 * remainder, so a cohort is fully written off after exactly `lifeQuarters` quarters in service.
 */
export function quarterDepreciation(v: Vintage, turn: number): number {
  if (v.inServiceTurn > turn) return 0;
  return accumulatedDepAt(v, turn + 1) - accumulatedDepAt(v, turn);
}
