/** Runs one scripted match through the real engine and boils it down to a MatchSummary. */
import { aiSeedFor, budgetShortfall, createMatch, decisionBounds, endingVerdict, score, viewFor } from "../shared/engine/index.ts";
import type { CompanyId, CreditWatch, Decision, DecisionBounds, MatchState, PriceMove, Quarter, Rating, Regime, SeatReport } from "../shared/engine/index.ts";
import { quarterDepreciation } from "../shared/engine/compute.ts";
import { decideActive, type PlayedTurn, playMatch } from "../shared/engine/play.ts";
import { quarterBefore } from "../shared/engine/quarters.ts";
import { contextFor } from "../shared/ai/index.ts";
import { seatTsrBp, tsrBp } from "../shared/engine/score.ts";
import { openingCredit } from "./agency.ts";
import { policyFor } from "./policies.ts";
import type { IndustrySeries, MatchJob, MatchSummary, SeatSeries, SeatSummary } from "./types.ts";

const emptySeries = (): SeatSeries => ({
  capex: [],
  aiRevenue: [],
  coreRevenue: [],
  operatingCashFlow: [],
  freeCashFlow: [],
  netIncome: [],
  operatingIncome: [],
  depreciation: [],
  powerCost: [],
  aiOpex: [],
  buybacks: [],
  netDebt: [],
  installedMw: [],
  poweredMw: [],
  strandedMw: [],
  marketCap: [],
  mwOrdered: [],
  debtIssued: [],
  emergencyBorrowing: [],
  couponBp: [],
  debtRefused: [],
  aiDepreciation: [],
  equityIssued: [],
  dividends: [],
  priceCents: [],
  fairPriceCents: [],
  capexConsensus: [],
  tsrBp: [],
});

/** Per-seat records that are not numbers per quarter. */
interface SeatExtras {
  readonly priceMoves: PriceMove[];
  readonly ratings: Rating[];
  readonly watch: CreditWatch[];
  readonly ratingReasons: (string | null)[];
}

/** Depreciation this turn of the AI server and shell cohorts (read before the turn resolves). */
function aiDepreciationAt(state: MatchState, id: CompanyId, turn: number): number {
  const c = state.companies[id];
  if (!c) return 0;
  let dep = 0;
  for (const v of c.assets) if (v.kind === "ai_servers" || v.kind === "facilities") dep += quarterDepreciation(v, turn);
  return dep;
}

function livesOf(state: MatchState, id: CompanyId, into: Record<string, number[]>): void {
  const c = state.companies[id];
  if (!c) return;
  for (const v of c.assets) {
    into[v.kind] ??= [];
    const list = into[v.kind]!;
    if (!list.includes(v.lifeQuarters)) list.push(v.lifeQuarters);
  }
}

/**
 * A probe's decision: the policy's capex scaled by `capexBp`, everything else as the policy chose;
 * the extra spending is borrowed (within what the bond market lends), and if that is not enough,
 * buybacks then the extra capex give way, so the decision stays legal.
 */
export function scaleCapex(d: Decision, b: DecisionBounds, capexBp: number): Decision {
  let out: Decision = { ...d, capex: Math.min(b.capex.max, Math.round((d.capex * capexBp) / 10_000)) };
  const short = budgetShortfall(b, out);
  if (short > 0 && b.debtTenors.length > 0) {
    const debtIssue = Math.min(b.debtIssue.max, out.debtIssue + short);
    out = {
      ...out,
      debtIssue,
      debtRepay: debtIssue > 0 ? 0 : out.debtRepay,
      debtTenor: b.debtTenors.includes(out.debtTenor) ? out.debtTenor : b.debtTenors[0]!,
    };
  }
  let over = budgetShortfall(b, out);
  if (over > 0) {
    const buybacks = Math.max(0, out.buybacks - over);
    over -= out.buybacks - buybacks;
    out = { ...out, buybacks, capex: Math.max(0, out.capex - Math.max(0, over)) };
  }
  return out;
}

export function runMatch(job: MatchJob): MatchSummary {
  const start = createMatch({
    scenario: job.scenario,
    variant: job.variant,
    turns: job.turns,
    seats: [...job.seats],
    seed: job.seed,
    scoring: "tsr",
    randomEvents: job.randomEvents,
  });
  const series = new Map<CompanyId, SeatSeries>(job.seats.map((s) => [s, emptySeries()]));
  const invalid = new Map<CompanyId, number>(job.seats.map((s) => [s, 0]));
  const industry: IndustrySeries = {
    capex: [],
    aiRevenue: [],
    netIncome: [],
    freeCashFlow: [],
    strandedMw: [],
    nvidiaMarginBp: [],
    nvidiaPriceK: [],
    baseRateBp: [],
    aiIgShareBp: [],
    windowOpen: [],
    regime: [],
    adoptionIndexBp: [],
    backlog: [],
    aiCoverageBp: [],
    marketCap: [],
  };
  const extras = new Map<CompanyId, SeatExtras>(job.seats.map((s) => [s, { priceMoves: [], ratings: [], watch: [], ratingReasons: [] }]));
  const quarters: Quarter[] = [];
  const eventKinds = new Set<string>();
  const policies = new Map(job.seats.map((s) => [s, policyFor(job.policies[s] ?? "guide", job.seats, s)]));

  // Policies get the context the AI gets on the server: its seed from the match seed, mixed per turn and seat.
  const aiSeed = aiSeedFor(job.seed);
  const decide = (state: MatchState): Partial<Record<CompanyId, Decision>> =>
    decideActive(state, (seat) => {
      const d = policies.get(seat)!(viewFor(state, seat), contextFor(state, seat, aiSeed));
      const o = job.firstTurnOverride;
      return o && o.seat === seat && state.turn === 0 ? scaleCapex(d, decisionBounds(state, seat), o.capexBp) : d;
    });
  const onTurn = ({ before, state, report }: PlayedTurn): void => {
    const aiDep = new Map(job.seats.map((seat) => [seat, aiDepreciationAt(before, seat, before.turn)]));
    quarters.push(report.quarter);
    for (const e of report.events) eventKinds.add(e.kind);
    const bySeat = new Map<CompanyId, SeatReport>(report.seats.map((s) => [s.company, s]));
    for (const seat of job.seats) {
      const s = series.get(seat)!;
      const c = state.companies[seat]!;
      const rec = c.history[c.history.length - 1];
      const rep = bySeat.get(seat);
      if (rep?.replacedInvalid) invalid.set(seat, invalid.get(seat)! + 1);
      const inc = rec?.income;
      const cf = rec?.cashFlow;
      s.capex.push(rec?.capex ?? 0);
      s.aiRevenue.push(inc?.aiRevenue ?? 0);
      s.coreRevenue.push(inc?.coreRevenue ?? 0);
      s.operatingCashFlow.push(cf?.operatingCashFlow ?? 0);
      s.freeCashFlow.push(cf?.freeCashFlow ?? 0);
      s.netIncome.push(inc?.netIncome ?? 0);
      s.operatingIncome.push(inc?.operatingIncome ?? 0);
      s.depreciation.push(inc?.depreciation ?? 0);
      s.powerCost.push(inc?.powerCost ?? 0);
      s.aiOpex.push(inc?.aiOpex ?? 0);
      s.buybacks.push(cf?.buybacks ?? 0);
      s.netDebt.push(rec ? rec.balance.debt - rec.balance.cash : 0);
      s.installedMw.push(rec?.installedMw ?? 0);
      s.poweredMw.push(rec?.poweredMw ?? 0);
      s.strandedMw.push(rec?.strandedMw ?? 0);
      s.marketCap.push(rec?.marketCap ?? 0);
      s.mwOrdered.push(rep?.mwOrdered ?? 0);
      s.debtIssued.push(rep?.debtIssued ?? 0);
      s.emergencyBorrowing.push(rep?.emergencyBorrowing ?? 0);
      s.couponBp.push(rep?.couponBp ?? 0);
      s.debtRefused.push(rep && rep.decision.debtIssue > 0 && rep.debtIssued === 0 ? 1 : 0);
      s.aiDepreciation.push(aiDep.get(seat) ?? 0);
      s.equityIssued.push(cf?.equityIssued ?? 0);
      s.dividends.push(cf?.dividends ?? 0);
      s.priceCents.push(c.sharePriceCents);
      s.fairPriceCents.push(c.valuation.fairPriceCents);
      s.capexConsensus.push(rep?.expectations.capex.consensus ?? 0);
      s.tsrBp.push(seatTsrBp(c));
      const x = extras.get(seat)!;
      // A seat that defaulted earlier has no report: its price no longer moves.
      x.priceMoves.push(
        rep?.priceMove ?? { totalBp: 0, earningsBp: 0, capexBp: 0, positionBp: 0, creditBp: 0, sentimentBp: 0, cashBp: 0, eventsBp: 0, residualBp: 0 },
      );
      x.ratings.push(c.rating);
      x.watch.push(rep?.creditWatch ?? c.creditWatch);
      x.ratingReasons.push(rep?.ratingReason ?? null);
    }
    const ih = state.industryHistory[state.industryHistory.length - 1];
    industry.capex.push(ih?.capex ?? 0);
    industry.aiRevenue.push(report.market.industryAiRevenue);
    industry.netIncome.push(ih?.netIncome ?? 0);
    industry.freeCashFlow.push(ih?.freeCashFlow ?? 0);
    industry.strandedMw.push(ih?.strandedMw ?? 0);
    industry.nvidiaMarginBp.push(report.market.nvidiaMarginBp);
    industry.nvidiaPriceK.push(report.market.nvidiaPriceK);
    industry.baseRateBp.push(report.market.baseRateBp);
    industry.aiIgShareBp.push(report.market.aiIgShareBp);
    industry.windowOpen.push(report.market.windowOpen);
    industry.regime.push(report.market.regimeAfter as Regime);
    industry.adoptionIndexBp.push(ih?.adoptionIndexBp ?? 0);
    industry.backlog.push(ih?.backlog ?? 0);
    industry.aiCoverageBp.push(ih?.aiCoverageBp ?? 0);
    industry.marketCap.push(job.seats.reduce((a, id) => a + (state.companies[id]?.marketCap ?? 0), 0));
  };
  const state = playMatch(start, decide, { onTurn });

  const scores = new Map(score(state).map((s) => [s.company, s]));
  const first = job.seats[0]!;
  const preLen = start.companies[first]?.capexHistory.length ?? 0;
  const preQuarters = Array.from({ length: preLen }, (_, k) => quarterBefore(start.quarter, preLen - k));
  const seats: SeatSummary[] = job.seats.map((id) => {
    const c0 = start.companies[id]!;
    const c1 = state.companies[id]!;
    const sc = scores.get(id);
    const ser = series.get(id)!;
    const x = extras.get(id)!;
    const bondsByYear: Record<string, number> = {};
    quarters.forEach((q, i) => {
      bondsByYear[String(q.year)] = (bondsByYear[String(q.year)] ?? 0) + (ser.debtIssued[i] ?? 0);
    });
    const start0 = c0.valuation.startPriceCents;
    const defaulted = c1.status === "defaulted";
    const fairCents = defaulted ? c1.sharePriceCents : c1.valuation.fairPriceCents;
    const lives: Record<string, number[]> = {};
    livesOf(start, id, lives);
    livesOf(state, id, lives);
    return {
      id,
      policy: job.policies[id] ?? "guide",
      series: series.get(id)!,
      preCapex: [...c0.capexHistory],
      preAiRevenue: [...c0.aiRevenueHistory].slice(-preLen),
      startCash: c0.cash,
      startDebt: c0.tranches.reduce((a, t) => a + t.principal, 0),
      startMaturityBp: c0.chipProgram.maturityBp,
      startMarketCap: c0.startMarketCap,
      serverLifeQuarters: c0.serverLifeQuarters,
      lives,
      scoreBp: sc?.scoreBp ?? 0,
      tsrBp: sc?.tsrBp ?? 0,
      fairTsrBp: tsrBp(start0, fairCents, c1.dividendsPerShareCents),
      marketTsrBp: tsrBp(start0, c1.sharePriceCents, c1.dividendsPerShareCents),
      rank: sc?.rank ?? 0,
      defaulted,
      finalRating: c1.rating,
      replacedInvalid: invalid.get(id) ?? 0,
      priceMoves: x.priceMoves,
      startPriceCents: start0,
      bondsByYear,
      distress: {
        emergency: ser.emergencyBorrowing.some((v) => v > 0),
        equityRaise: ser.equityIssued.some((v) => v > 0),
        defaulted,
      },
      openingRating: c0.rating,
      openingTarget: openingCredit(start, id).target,
      ratings: x.ratings,
      watch: x.watch,
      ratingReasons: x.ratingReasons,
      cashReturned: c1.cashReturned,
      endMarketCap: c1.marketCap,
      endFairMarketCap: Math.round((fairCents * c1.sharesOutstandingM) / 100),
    };
  });
  return {
    job,
    quarters,
    preQuarters,
    seats,
    industry,
    start: {
      gridQueueQuarters: start.market.energy.gridQueueQuarters,
      gridLeadQuarters: start.market.energy.offers.filter((o) => o.kind === "grid").map((o) => o.leadQuarters),
      nvidiaMarginBp: start.market.nvidia.grossMarginBp,
      baseRateBp: start.market.bonds.baseRateBp,
      aiIgShareBp: start.market.bonds.aiIgShareBp,
      regime: start.market.sentiment.regime,
      consensusCapex: job.seats.reduce((a, id) => a + (start.companies[id]?.consensus.capex ?? 0), 0),
      consensusCapexYear: job.seats.reduce((a, id) => a + (start.companies[id]?.consensus.capexYear ?? 0), 0),
      marketCap: job.seats.reduce((a, id) => a + (start.companies[id]?.marketCap ?? 0), 0),
    },
    end: {
      marketCap: seats.reduce((a, x) => a + x.endMarketCap, 0),
      fairMarketCap: seats.reduce((a, x) => a + x.endFairMarketCap, 0),
      cashReturned: seats.reduce((a, x) => a + x.cashReturned, 0),
    },
    ending: endingVerdict(state),
    eventKinds: [...eventKinds].sort(),
  };
}
