/**
 * Counterfactual runs: the same config, seed and teacher events re-simulated with some seats
 * following a policy and the others repeating their recorded decisions. Deterministic, so every
 * client, the server and the tests compute the same runs.
 */
import type { CompanyId } from "../engine/ids.ts";
import type { Decision, EnergyBid, MatchState, ScheduledEvent, TurnReport } from "../engine/types.ts";
import { createMatch } from "../engine/create-match.ts";
import { resolveTurn } from "../engine/resolve-turn.ts";
import { injectEvents } from "../engine/inject.ts";
import { viewFor } from "../engine/view.ts";
import { endingVerdict, score } from "../engine/score.ts";
import { decisionBounds, defaultDecision, spendableCash, totalDebt, validateDecision } from "../engine/validate.ts";
import { trimSpending } from "../engine/budget.ts";
import { BP, clamp } from "../engine/money.ts";
import { flatRestraintPolicy } from "../ai/restraint.ts";
import { guidancePolicy } from "../ai/personalities.ts";
import type { Policy } from "../ai/policy.ts";
import type { DebriefInput, IndustryOutcome, RunKind, RunSeries, RunSummary, SeatOutcome } from "./types.ts";

/** The restrain policy: capex held at the company's 2024 level (calibration.md §0.5, the lead's end-screen counterfactual). */
export const RESTRAIN_POLICY: Policy = flatRestraintPolicy;
/** The race policy: the documents' guidance path (≈ +70% in 2026), the calibration's Invest-heavy. */
export const RACE_POLICY: Policy = guidancePolicy;

/** How a seat chooses in a run: a policy, or its recorded decisions. */
export type SeatRole = "restrain" | "race" | "recorded";

export interface RunOutput {
  readonly state: MatchState;
  readonly reports: readonly TurnReport[];
  readonly adjusted: number;
  readonly defaulted: number;
}

/** Teacher events by turn, as recorded in the log. */
export function eventsByTurn(input: DebriefInput): Readonly<Record<number, readonly ScheduledEvent[]>> {
  const out: Record<number, readonly ScheduledEvent[]> = {};
  for (const t of input.turns) if (t.events && t.events.length > 0) out[t.turn] = t.events;
  return out;
}

/**
 * A recorded decision made legal in a different market (a re-run's cash, bond window and energy
 * offers differ from the match's): each field clamped to its bound, bids only on deals on offer,
 * and outflows cut to the budget in the order `shape` uses (returns, repayments, capex, bids,
 * chip R&D). Null when even that is not legal (the engine's default then stands).
 */
export function fitDecision(state: MatchState, seat: CompanyId, d: Decision): { readonly decision: Decision; readonly adjusted: boolean } | null {
  if (validateDecision(state, seat, d).ok) return { decision: d, adjusted: false };
  const c = state.companies[seat];
  if (c?.status !== "active" || state.ended) return null;
  const b = decisionBounds(state, seat);
  const debtIssue = state.market.bonds.windowOpen ? clamp(d.debtIssue, 0, b.debtIssue.max) : 0;
  const debtTenor = debtIssue === 0 || b.debtTenors.includes(d.debtTenor) ? d.debtTenor : (b.debtTenors[0] ?? d.debtTenor);
  const bids: EnergyBid[] = [];
  for (const bid of d.energyBids) {
    const deal = b.energyDeals.find((x) => x.dealId === bid.dealId);
    if (!deal?.usable || bids.some((x) => x.dealId === bid.dealId)) continue;
    bids.push({ dealId: bid.dealId, amount: clamp(bid.amount, deal.minBid, Math.max(deal.minBid, deal.maxBid)) });
  }
  // Cut in the AI's order (shared/ai/shape.ts): payouts first, chip R&D last.
  const spend = trimSpending(
    { capex: d.capex, chipRnd: d.chipRnd, debtRepay: Math.min(d.debtRepay, totalDebt(c)), buybacks: d.buybacks, dividends: d.dividends, bids },
    spendableCash(c) + debtIssue,
    ["buybacks", "dividends", "debtRepay", "capex", "bids", "chipRnd"],
  );
  const { capex, chipRnd, debtRepay, buybacks, dividends } = spend;
  const fitted: Decision = {
    capex,
    customShareBp: clamp(d.customShareBp, 0, b.customShareBp.max),
    chipRnd,
    debtIssue,
    debtTenor,
    debtRepay,
    energyBids: [...spend.bids],
    buybacks,
    dividends,
  };
  return validateDecision(state, seat, fitted).ok ? { decision: fitted, adjusted: true } : null;
}

/** A policy's decision for a seat, with the context the lead's counterfactual gives it; the default if it is not legal. */
function policyDecision(state: MatchState, seat: CompanyId, policy: Policy): Decision {
  const ctx = { bounds: decisionBounds(state, seat), defaultDecision: defaultDecision(state, seat), seed: state.config.seed };
  const d = policy(viewFor(state, seat), ctx);
  return validateDecision(state, seat, d).ok ? d : ctx.defaultDecision;
}

/**
 * Plays the match to its end with each seat in its role. Recorded seats repeat the log's
 * decision for the turn (fitted to stay legal); where the log has none (the seat had defaulted
 * in the match) the engine's default stands.
 */
export function playRun(input: DebriefInput, roleOf: (seat: CompanyId) => SeatRole): RunOutput {
  const events = eventsByTurn(input);
  let state = createMatch(input.config);
  const reports: TurnReport[] = [];
  let adjusted = 0;
  let defaulted = 0;
  while (!state.ended) {
    const ev = events[state.turn];
    if (ev && ev.length > 0) state = injectEvents(state, ev);
    const decisions: Partial<Record<CompanyId, Decision>> = {};
    const logged = input.turns[state.turn]?.decisions ?? {};
    for (const seat of state.config.seats) {
      if (state.companies[seat]?.status !== "active") continue;
      const role = roleOf(seat);
      if (role === "restrain") decisions[seat] = policyDecision(state, seat, RESTRAIN_POLICY);
      else if (role === "race") decisions[seat] = policyDecision(state, seat, RACE_POLICY);
      else {
        const rec = logged[seat];
        const fit = rec ? fitDecision(state, seat, rec) : null;
        if (fit) {
          decisions[seat] = fit.decision;
          if (fit.adjusted) adjusted++;
        } else {
          decisions[seat] = defaultDecision(state, seat);
          defaulted++;
        }
      }
    }
    const r = resolveTurn(state, decisions);
    state = r.state;
    reports.push(r.report);
  }
  return { state, reports, adjusted, defaulted };
}

/** The match as played: the log's decisions exactly, as the server resolved them. */
export function playActual(input: DebriefInput): RunOutput {
  const events = eventsByTurn(input);
  let state = createMatch(input.config);
  const reports: TurnReport[] = [];
  for (const t of input.turns) {
    if (state.ended) break;
    const ev = events[state.turn];
    const r = resolveTurn(ev && ev.length > 0 ? injectEvents(state, ev) : state, t.decisions);
    state = r.state;
    reports.push(r.report);
  }
  return { state, reports, adjusted: 0, defaulted: 0 };
}

function seatOutcomes(state: MatchState): SeatOutcome[] {
  const scores = score(state);
  return state.config.seats.map((id) => {
    const c = state.companies[id]!;
    const s = scores.find((x) => x.company === id)!;
    let capex = 0;
    let netIncome = 0;
    let freeCashFlow = 0;
    let aiRevenue = 0;
    let equityIssued = 0;
    for (const r of c.history) {
      capex += r.capex;
      netIncome += r.income.netIncome;
      freeCashFlow += r.cashFlow.freeCashFlow;
      aiRevenue += r.income.aiRevenue;
      equityIssued += r.cashFlow.equityIssued;
    }
    return {
      company: id,
      scoreBp: s.scoreBp,
      tsrBp: s.tsrBp,
      rank: s.rank,
      defaulted: s.defaulted,
      startMarketCap: c.startMarketCap,
      marketCap: c.marketCap,
      cashReturned: c.cashReturned,
      equityIssued,
      valueCreated: c.marketCap + c.cashReturned - equityIssued - c.startMarketCap,
      capex,
      netIncome,
      freeCashFlow,
      aiRevenue,
    };
  });
}

export function industryOf(seats: readonly SeatOutcome[]): IndustryOutcome {
  const sum = (f: (s: SeatOutcome) => number): number => seats.reduce((t, s) => t + f(s), 0);
  const capex = sum((s) => s.capex);
  const netIncome = sum((s) => s.netIncome);
  return {
    startMarketCap: sum((s) => s.startMarketCap),
    value: sum((s) => s.marketCap + s.cashReturned - s.equityIssued),
    valueCreated: sum((s) => s.valueCreated),
    capex,
    netIncome,
    freeCashFlow: sum((s) => s.freeCashFlow),
    aiRevenue: sum((s) => s.aiRevenue),
    profitToCapexBp: capex <= 0 ? 0 : Math.round((netIncome * BP) / capex),
  };
}

function seriesOf(state: MatchState): RunSeries {
  const capex: Partial<Record<CompanyId, number[]>> = {};
  const sharePriceCents: Partial<Record<CompanyId, number[]>> = {};
  const aiRevenue: Partial<Record<CompanyId, number[]>> = {};
  for (const id of state.config.seats) {
    const h = state.companies[id]!.history;
    capex[id] = h.map((r) => r.capex);
    sharePriceCents[id] = h.map((r) => r.sharePriceCents);
    aiRevenue[id] = h.map((r) => r.income.aiRevenue);
  }
  return { capex, sharePriceCents, aiRevenue };
}

export function summarise(kind: RunKind, seat: CompanyId | null, run: RunOutput): RunSummary {
  const seats = seatOutcomes(run.state);
  return {
    kind,
    seat,
    seats,
    industry: industryOf(seats),
    verdict: endingVerdict(run.state),
    adjusted: run.adjusted,
    defaulted: run.defaulted,
    series: seriesOf(run.state),
  };
}

export interface Counterfactuals {
  readonly actual: RunOutput;
  /** actual, allRestrain, then onlyRestrain and onlyRace for each seat in seat order. */
  readonly runs: readonly RunSummary[];
}

/** Every run the debrief compares: 2 + 2 × seats re-simulations of the match (1 fewer when the match as played is given). */
export function runCounterfactuals(input: DebriefInput, played?: RunOutput): Counterfactuals {
  const actual = played ?? playActual(input);
  const runs: RunSummary[] = [
    summarise("actual", null, actual),
    summarise(
      "allRestrain",
      null,
      playRun(input, () => "restrain"),
    ),
  ];
  for (const seat of input.config.seats) {
    runs.push(
      summarise(
        "onlyRestrain",
        seat,
        playRun(input, (s) => (s === seat ? "restrain" : "recorded")),
      ),
    );
    runs.push(
      summarise(
        "onlyRace",
        seat,
        playRun(input, (s) => (s === seat ? "race" : "restrain")),
      ),
    );
  }
  return { actual, runs };
}

/** The run of a kind (and seat, for the what-ifs). */
export function findRun(runs: readonly RunSummary[], kind: RunKind, seat: CompanyId | null = null): RunSummary | undefined {
  return runs.find((r) => r.kind === kind && r.seat === seat);
}

/** A seat's outcome in a run. */
export function outcomeIn(run: RunSummary | undefined, seat: CompanyId): SeatOutcome | undefined {
  return run?.seats.find((s) => s.company === seat);
}
