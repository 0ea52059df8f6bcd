/** Shared helpers for the engine tests: deep freeze, state walks, and legal decisions built from decisionBounds. */
import { COMPANIES, createMatch, decisionBounds, defaultDecision } from "../../shared/engine/index.ts";
import { decideActive, playMatch } from "../../shared/engine/play.ts";
import type { CompanyId, Decision, MatchConfigInput, MatchState, TurnReport } from "../../shared/engine/index.ts";

/** Freezes an object graph in place (and returns it), so any mutation by the engine throws. */
export function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/** Every number in a JSON-like graph with its path. */
export function numbersIn(x: unknown, path = "$", out: { path: string; value: number }[] = []): { path: string; value: number }[] {
  if (typeof x === "number") out.push({ path, value: x });
  else if (Array.isArray(x))
    x.forEach((v, i) => {
      numbersIn(v, `${path}[${i}]`, out);
    });
  else if (x !== null && typeof x === "object") for (const [k, v] of Object.entries(x)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

/** Every object key in a JSON-like graph. */
export function keysIn(x: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(x)) for (const v of x) keysIn(v, out);
  else if (x !== null && typeof x === "object")
    for (const [k, v] of Object.entries(x)) {
      out.add(k);
      keysIn(v, out);
    }
  return out;
}

/** Fractions in bp (0..10_000) that a generator or a script turns into a legal decision. */
export interface DecisionPlan {
  readonly capexBp: number;
  readonly customBp: number;
  readonly rndBp: number;
  readonly debtBp: number;
  readonly tenorIdx: number;
  readonly repayBp: number;
  readonly bids: readonly { readonly dealIdx: number; readonly amountBp: number }[];
  readonly buybacksBp: number;
  readonly dividendsBp: number;
}

function part(max: number, fracBp: number): number {
  return Math.max(0, Math.floor((max * fracBp) / 10_000));
}

/**
 * A decision inside decisionBounds that also fits the budget rule of validateDecision (all outflows ≤
 * cash + last operating cash flow + new debt): each outflow takes its fraction of what is left.
 */
export function decisionFromPlan(state: MatchState, seat: CompanyId, p: DecisionPlan): Decision {
  const b = decisionBounds(state, seat);
  const debtIssue = part(b.debtIssue.max, p.debtBp);
  const spendable = b.budget - b.debtIssue.max;
  let left = spendable + debtIssue;
  const take = (max: number, fracBp: number): number => {
    const x = Math.min(max, part(left, fracBp));
    left -= x;
    return x;
  };
  const capex = take(b.capex.max, p.capexBp);
  const energyBids: { dealId: string; amount: number }[] = [];
  // Only deals the seat could use are biddable; the plan's index picks among those.
  const usable = b.energyDeals.filter((d) => d.usable);
  for (const bid of p.bids) {
    const deal = usable[bid.dealIdx % Math.max(1, usable.length)];
    if (!deal || energyBids.some((x) => x.dealId === deal.dealId)) continue;
    const amount = deal.minBid + part(deal.maxBid - deal.minBid, bid.amountBp);
    if (amount > left) continue;
    left -= amount;
    energyBids.push({ dealId: deal.dealId, amount });
  }
  const chipRnd = take(b.chipRnd.max, p.rndBp);
  const debtRepay = take(b.debtRepay.max, p.repayBp);
  const buybacks = take(b.buybacks.max, p.buybacksBp);
  const dividends = take(b.dividends.max, p.dividendsBp);
  return {
    capex,
    customShareBp: part(b.customShareBp.max, p.customBp),
    chipRnd,
    debtIssue,
    debtTenor: b.debtTenors[p.tenorIdx % b.debtTenors.length] ?? 5,
    debtRepay,
    energyBids,
    buybacks,
    dividends,
  };
}

/** A fixed, varied decision script for golden and replay tests (no randomness). */
export function scriptedPlan(turn: number, seatIdx: number): DecisionPlan {
  const k = (turn * 7 + seatIdx * 3) % 10;
  return {
    capexBp: 3000 + k * 500,
    customBp: (k * 1111) % 10_001,
    rndBp: 300 + k * 50,
    debtBp: k % 3 === 0 ? 6000 : 0,
    tenorIdx: turn + seatIdx,
    repayBp: k === 5 ? 2000 : 0,
    bids: [{ dealIdx: turn + seatIdx, amountBp: 1000 * k }],
    buybacksBp: k % 2 === 0 ? 1500 : 0,
    dividendsBp: 500,
  };
}

export function activeSeats(state: MatchState): CompanyId[] {
  return state.config.seats.filter((id) => state.companies[id]?.status === "active");
}

export function scriptedDecisions(state: MatchState): Partial<Record<CompanyId, Decision>> {
  return decideActive(state, (id) => decisionFromPlan(state, id, scriptedPlan(state.turn, COMPANIES.indexOf(id))));
}

export function defaultDecisions(state: MatchState): Partial<Record<CompanyId, Decision>> {
  return decideActive(state, (id) => defaultDecision(state, id));
}

/** Plays a whole match with a decision function; returns every state (index 0 = opening) and report. */
export function play(
  config: MatchConfigInput,
  decide: (s: MatchState) => Partial<Record<CompanyId, unknown>>,
): { states: MatchState[]; reports: TurnReport[]; decisions: Partial<Record<CompanyId, unknown>>[] } {
  const start = createMatch(config);
  const states = [start];
  const reports: TurnReport[] = [];
  const decisions: Partial<Record<CompanyId, unknown>>[] = [];
  playMatch(start, decide, {
    onTurn: (t) => {
      decisions.push(t.decisions);
      states.push(t.state);
      reports.push(t.report);
    },
  });
  return { states, reports, decisions };
}

/** A mutable deep copy, for tests that set up a situation by editing a state. */
export function clone<T>(x: T): T {
  return structuredClone(x) as T;
}

/** Mutable view of a state for set-ups (tests only). */
export type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
