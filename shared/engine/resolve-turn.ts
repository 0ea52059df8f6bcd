/**
 * resolveTurn: one quarter, in the ten steps of GAME.md §5. Pure: the input state is never
 * mutated; every working object below is a fresh copy.
 */
import { MARKET_PARAMS } from "../rules/params.ts";
import { COMPANIES, type CompanyId, type Rating } from "./ids.ts";
import type {
  ActiveEvent,
  AuctionResult,
  BalanceSheet,
  CashFlowStatement,
  CompanyState,
  DebtTranche,
  Decision,
  Headline,
  IncomeStatement,
  MatchState,
  PriceMove,
  QuarterRecord,
  SeatReport,
  TurnReport,
  Vintage,
} from "./types.ts";
import { BP, clamp, isqrt, mulBp } from "./money.ts";
import { nextNoise } from "./rng.ts";
import { accumulatedDepAt, installedMw, pendingMw, poweredMw } from "./compute.ts";
import { runAuctions, bringPowerOnline, contractFrom, generateOffers } from "./energy.ts";
import { advanceProgram, aiShareOfCapex, buyCompute, nextNvidia, nvidiaDemandAtListMw, maxCustomShareBp } from "./chips.ts";
import { splitDemand, servedContract, nextPotential } from "./demand.ts";
import { capabilitiesBp, nextTrainingCompute } from "./capability.ts";
import { stepCore } from "./core-business.ts";
import { quarterlyIncome } from "./finance.ts";
import { couponBp, coverageBp, emergencyCapacity, leverageBp, nextBonds, ratingFor } from "./bonds.ts";
import { earningsPowerQ, fairValue, nextMarketCap } from "./stock.ts";
import { nextSentiment } from "./sentiment.ts";
import { drawEvents, fromScheduled } from "./events.ts";
import { defaultDecision, validateDecision, totalDebt } from "./validate.ts";

const M = MARKET_PARAMS;

/** A fresh shallow copy of a company, filled in step by step; the input state is never touched. */
type Draft<T> = { -readonly [K in keyof T]: T[K] };

interface Work {
  c: Draft<CompanyState>;
  decision: Decision;
  replaced: boolean;
  energyWon: string[];
  energyPaid: number;
  mwOrdered: number;
  usable: number;
  installed: number;
  income?: IncomeStatement;
  cashFlow?: CashFlowStatement;
  debtIssued: number;
  couponBp: number;
  coverageBp: number;
  emergency: number;
  equityIssued: number;
  /** Net book value of the cohorts after this quarter's depreciation. */
  ppe: number;
  ratingBefore: Rating;
  defaultedNow: boolean;
  popBp: number;
  fine: number;
  /** Market cap after the move toward fair value, before noise (the price decomposition's split). */
  fundamentalCap: number;
  aiDep: number;
}

function yoyGrowthBp(series: readonly number[]): number {
  const n = series.length;
  if (n < 8) return 0;
  let now = 0;
  let before = 0;
  for (let i = n - 4; i < n; i++) now += series[i] ?? 0;
  for (let i = n - 8; i < n - 4; i++) before += series[i] ?? 0;
  return before <= 0 ? 0 : Math.round(((now - before) * BP) / before);
}

function lastFour(series: readonly number[]): number {
  let s = 0;
  for (let i = Math.max(0, series.length - 4); i < series.length; i++) s += series[i] ?? 0;
  return s;
}

function nextQuarter(q: { year: number; q: number }): { year: number; q: number } {
  return q.q === 4 ? { year: q.year + 1, q: 1 } : { year: q.year, q: q.q + 1 };
}

/** Resolves one quarter. Missing or illegal decisions are replaced by the seat's default. */
export function resolveTurn(state: MatchState, decisions: Readonly<Partial<Record<CompanyId, unknown>>>): { state: MatchState; report: TurnReport } {
  if (state.ended) throw new Error("resolveTurn called on an ended match");
  const turn = state.turn;
  let rng = state.rng;
  const seats = COMPANIES.filter((id) => state.config.seats.includes(id));
  const active = seats.filter((id) => state.companies[id]?.status === "active");
  const market = state.market;

  // 0. Decisions, in canonical seat order.
  const work = new Map<CompanyId, Work>();
  for (const id of active) {
    const c = state.companies[id]!;
    const submitted = decisions[id];
    const ok = submitted !== undefined && validateDecision(state, id, submitted).ok;
    work.set(id, {
      c: { ...c },
      decision: ok ? (submitted as Decision) : defaultDecision(state, id),
      replaced: submitted !== undefined && !ok,
      energyWon: [],
      energyPaid: 0,
      mwOrdered: 0,
      usable: 0,
      installed: 0,
      debtIssued: 0,
      couponBp: 0,
      coverageBp: 0,
      emergency: 0,
      equityIssued: 0,
      ppe: 0,
      ratingBefore: c.rating,
      defaultedNow: false,
      popBp: 0,
      fine: 0,
      fundamentalCap: c.marketCap,
      aiDep: 0,
    });
  }

  // 1. Energy: sealed-bid auctions, then contracted MW that are due come online.
  const bids = active.flatMap((id) => work.get(id)!.decision.energyBids.map((b) => ({ seat: id, dealId: b.dealId, amount: b.amount })));
  const auction = runAuctions(rng, market.energy.offers, bids);
  rng = auction.rng;
  const auctions: AuctionResult[] = auction.value.map((a) => ({
    dealId: a.deal.id,
    kind: a.deal.kind,
    mw: a.deal.mw,
    winner: a.winner,
    price: a.price,
    bids: a.bids,
    bidders: bids.filter((b) => b.dealId === a.deal.id).map((b) => ({ company: b.seat, amount: b.amount })),
  }));
  for (const a of auction.value) {
    if (!a.winner) continue;
    const w = work.get(a.winner)!;
    w.energyWon.push(a.deal.id);
    w.energyPaid += a.price;
    const asset: Vintage = { kind: "power", boughtTurn: turn, inServiceTurn: turn, cost: a.price, mw: 0, lifeQuarters: M.capex.powerAssetLifeQuarters };
    Object.assign(w.c, { assets: [...w.c.assets, asset], power: { ...w.c.power, pipeline: [...w.c.power.pipeline, contractFrom(a.deal, turn)] } });
  }
  for (const id of active) {
    const w = work.get(id)!;
    Object.assign(w.c, { power: bringPowerOnline(w.c, turn) });
  }

  // 2. Chips: Nvidia's price clears industry demand against its supply; custom silicon by maturity.
  let nvidiaDemand = M.chips.outsideNvidiaDemandMwQ + Math.floor((turn * M.chips.outsideNvidiaDemandMwQ * M.demand.outsideGrowthBp) / BP);
  for (const id of active) {
    const d = work.get(id)!.decision;
    nvidiaDemand += nvidiaDemandAtListMw(aiShareOfCapex(d.capex).ai, d.customShareBp);
  }
  const nvidia = nextNvidia(market.nvidia, nvidiaDemand);
  for (const id of active) {
    const w = work.get(id)!;
    const d = w.decision;
    const { traditional, ai } = aiShareOfCapex(d.capex);
    const customBp = Math.min(d.customShareBp, maxCustomShareBp(w.c.chipProgram.maturityBp));
    const buy = buyCompute(ai, customBp, w.c.chipProgram.maturityBp, nvidia.priceK);
    const nvLead = market.nvidia.leadQuarters;
    const cuLead = M.chips.customLeadQuarters;
    const life = w.c.serverLifeQuarters;
    const add: Vintage[] = [];
    const push = (v: Vintage): void => {
      if (v.cost > 0) add.push(v);
    };
    push({
      kind: "ai_servers",
      chip: "nvidia",
      boughtTurn: turn,
      inServiceTurn: turn + nvLead,
      cost: buy.nvidiaServerCost,
      mw: buy.nvidiaMw,
      lifeQuarters: life,
    });
    push({
      kind: "ai_servers",
      chip: "custom",
      boughtTurn: turn,
      inServiceTurn: turn + cuLead,
      cost: buy.customServerCost,
      mw: buy.customMw,
      lifeQuarters: life,
    });
    push({ kind: "facilities", boughtTurn: turn, inServiceTurn: turn + nvLead, cost: buy.facilityCost, mw: 0, lifeQuarters: M.capex.facilityLifeQuarters });
    push({ kind: "traditional", boughtTurn: turn, inServiceTurn: turn + 1, cost: traditional, mw: 0, lifeQuarters: M.capex.traditionalLifeQuarters });
    w.mwOrdered = buy.nvidiaMw + buy.customMw;
    Object.assign(w.c, { assets: [...w.c.assets, ...add], chipProgram: advanceProgram(w.c.chipProgram, d.chipRnd) });
  }

  // 3. Operation: usable = min(installed, powered).
  for (const id of active) {
    const w = work.get(id)!;
    w.installed = installedMw(w.c, turn);
    w.usable = Math.min(w.installed, poweredMw(w.c));
  }

  // 4. Demand and revenue. Capability first: this quarter's training counts.
  const training: Partial<Record<CompanyId, number>> = {};
  for (const id of active) {
    const w = work.get(id)!;
    const t = nextTrainingCompute(w.c.trainingCompute, w.usable, w.decision.customShareBp);
    training[id] = t;
    Object.assign(w.c, { trainingCompute: t });
  }
  const caps = capabilitiesBp(training);
  const potential = mulBp(market.demandPotential, market.efficiencyBp);
  const outsideMw = market.outsideMw;
  const split = splitDemand(
    potential,
    outsideMw,
    active.map((id) => ({ id, usableMw: work.get(id)!.usable, capabilityBp: caps[id] ?? 0, prevShareBp: work.get(id)!.c.aiShareBp })),
  );
  for (const id of active) {
    const w = work.get(id)!;
    const served = w.c.contracted.quartersLeft > 0 ? servedContract(w.c.contracted.perQuarter, w.usable, split.yieldPerMwK) : 0;
    Object.assign(w.c, {
      capabilityBp: caps[id] ?? 0,
      aiShareBp: split.sharesBp[id] ?? 0,
      aiRevenue: (split.revenue[id] ?? 0) + served,
      contracted: w.c.contracted.quartersLeft > 0 ? { perQuarter: w.c.contracted.perQuarter, quartersLeft: w.c.contracted.quartersLeft - 1 } : w.c.contracted,
    });
  }

  // 5. Core businesses.
  for (const id of active) {
    const w = work.get(id)!;
    Object.assign(w.c, { core: stepCore(id, w.c.core, w.usable, w.c.capabilityBp).core });
  }

  // 6–7. Costs, statements, cash.
  let issuedTotal = 0;
  for (const id of active) {
    const w = work.get(id)!;
    const c = w.c;
    const d = w.decision;
    let dep = 0;
    let aiDep = 0;
    // One pass: charge each cohort's quarter, and retire the ones now fully depreciated (gross and
    // accumulated leave together, so net book value is unchanged).
    // (Same figures as quarterDepreciation and netPpe, folded into one pass over the cohorts.)
    const kept: Vintage[] = [];
    let ppe = 0;
    for (const v of c.assets) {
      const after = accumulatedDepAt(v, turn + 1);
      if (v.inServiceTurn <= turn) {
        const q = after - accumulatedDepAt(v, turn);
        dep += q;
        if (v.kind === "ai_servers" || v.kind === "facilities") aiDep += q;
      }
      if (v.inServiceTurn > turn || after < v.cost) {
        kept.push(v);
        ppe += v.cost - after;
      }
    }
    w.ppe = ppe;
    w.aiDep = aiDep;
    const fine =
      c.antitrustBp > 0 && state.market.events.some((e) => e.kind === "antitrust" && e.target === id && e.turn === turn - 1) ? M.events.antitrustFine : 0;
    w.fine = fine;
    const income = quarterlyIncome({
      coreRevenue: c.core.revenue,
      coreMarginBp: c.core.marginBp,
      aiRevenue: c.aiRevenue,
      usableMw: w.usable,
      powerCostPerMwQK: c.power.costPerMwQK,
      depreciation: dep,
      rnd: d.chipRnd,
      tranches: c.tranches,
      openingCash: c.cash,
      baseRateBp: market.bonds.baseRateBp,
      extraExpense: fine,
    });
    const ocf = income.netIncome + dep;
    const capex = d.capex;
    const investing = -(capex + w.energyPaid);
    const fcf = ocf - capex - w.energyPaid;

    // Debt: maturities fall due, early repayment (nearest maturity first), new issue.
    let tranches: DebtTranche[] = [];
    let matured = 0;
    for (const t of c.tranches) {
      if (t.maturityTurn <= turn) matured += t.principal;
      else tranches.push(t);
    }
    let repay = Math.min(
      d.debtRepay,
      tranches.reduce((s, t) => s + t.principal, 0),
    );
    const repaid = repay;
    tranches = [...tranches]
      .sort((a, b) => a.maturityTurn - b.maturityTurn || (a.id < b.id ? -1 : 1))
      .map((t) => {
        const r = Math.min(repay, t.principal);
        repay -= r;
        return { ...t, principal: t.principal - r };
      })
      .filter((t) => t.principal > 0);
    const ebitdaQ = income.operatingIncome + dep;
    const netDebtBefore = totalDebt(c) - c.cash;
    const levBp = leverageBp(netDebtBefore, ebitdaQ);
    let seq = c.nextTrancheSeq;
    let issued = 0;
    if (d.debtIssue > 0 && market.bonds.windowOpen) {
      const cov = coverageBp(market.bonds, c.rating, market.sentiment.regime, d.debtIssue);
      const filled = Math.min(d.debtIssue, Math.floor((d.debtIssue * cov) / BP));
      const coupon = couponBp(market.bonds, c.rating, levBp, d.debtTenor);
      w.couponBp = coupon;
      w.coverageBp = cov;
      if (filled > 0) {
        tranches.push({
          id: `${id}-${seq}`,
          principal: filled,
          couponBp: coupon,
          issuedTurn: turn,
          maturityTurn: turn + d.debtTenor * 4,
          tenor: d.debtTenor,
          emergency: false,
        });
        seq++;
        issued = filled;
      }
    }
    const returned = d.buybacks + d.dividends;
    let cash = c.cash + ocf + investing - matured - repaid + issued - returned;
    // Cash below zero forces a bridge loan at a penalty; a seat that cannot get one defaults.
    let emergency = 0;
    let defaulted = false;
    if (cash < 0) {
      const need = -cash;
      const room = emergencyCapacity(totalDebt({ ...c, tranches }) - cash - need, ebitdaQ);
      const can = market.bonds.windowOpen ? room : Math.floor(room / 2);
      emergency = Math.min(need, can);
      if (emergency > 0) {
        const coupon = couponBp(market.bonds, c.rating, levBp, 1) + M.bonds.emergencyPenaltyBp;
        tranches.push({ id: `${id}-${seq}`, principal: emergency, couponBp: coupon, issuedTurn: turn, maturityTurn: turn + 4, tenor: 1, emergency: true });
        seq++;
      }
      cash += emergency;
    }
    // Past its lenders' limit a listed company can still sell shares at a discount (Oracle's
    // equity raise, orcl_equity_raise): dilution instead of default. Default needs both closed.
    let equityIssued = 0;
    let newShares = 0;
    if (cash < 0) {
      const offerCents = Math.max(1, mulBp(c.sharePriceCents, BP - M.stock.equityRaiseDiscountBp));
      equityIssued = Math.min(-cash, mulBp(c.marketCap, M.stock.equityRaiseMaxBp));
      newShares = Math.ceil((equityIssued * 100) / offerCents);
      cash += equityIssued;
      if (cash < 0) defaulted = true;
    }
    issuedTotal += issued + emergency;
    const cashFlow: CashFlowStatement = {
      netIncome: income.netIncome,
      depreciation: dep,
      operatingCashFlow: ocf,
      capex,
      energyPayments: w.energyPaid,
      investingCashFlow: investing,
      freeCashFlow: fcf,
      debtIssued: issued,
      emergencyBorrowing: emergency,
      equityIssued,
      debtRepaid: matured + repaid,
      buybacks: d.buybacks,
      dividends: d.dividends,
      financingCashFlow: issued + emergency + equityIssued - matured - repaid - returned,
      netChangeInCash: cash - c.cash,
    };
    // Buybacks retire shares at the opening price; dividends accrue per share for TSR.
    const retired = c.sharePriceCents > 0 ? Math.floor((d.buybacks * 100) / c.sharePriceCents) : 0;
    const shares = Math.max(1, c.sharesOutstandingM - retired) + newShares;
    const dpsCents = Math.floor((d.dividends * 100) / Math.max(1, c.sharesOutstandingM));
    w.income = income;
    w.cashFlow = cashFlow;
    w.debtIssued = issued;
    w.emergency = emergency;
    w.equityIssued = equityIssued;
    w.defaultedNow = defaulted;
    Object.assign(c, {
      assets: kept,
      cash,
      tranches,
      nextTrancheSeq: seq,
      equity: c.equity + income.netIncome - returned + equityIssued,
      sharesOutstandingM: shares,
      cashReturned: c.cashReturned + returned,
      dividendsPerShareCents: c.dividendsPerShareCents + dpsCents,
      cumulativeFcf: c.cumulativeFcf + fcf,
      capexHistory: [...c.capexHistory, capex],
      aiRevenueHistory: [...c.aiRevenueHistory, c.aiRevenue],
    });
  }

  // 8. Bond market: IG share and crowding; ratings from the new leverage.
  const bonds = nextBonds(market.bonds, issuedTotal);
  for (const id of active) {
    const w = work.get(id)!;
    const ebitda = w.income!.operatingIncome + w.income!.depreciation;
    const rating: Rating = w.defaultedNow ? "D" : ratingFor(id, leverageBp(totalDebt(w.c) - w.c.cash, ebitda));
    Object.assign(w.c, { rating });
  }

  // 9. Stock market, under this quarter's sentiment regime.
  const industryCapexSeries = mergeSeries(active.map((id) => work.get(id)!.c.capexHistory));
  const industryAiSeries = mergeSeries(active.map((id) => work.get(id)!.c.aiRevenueHistory));
  const coverage = Math.round((lastFour(industryAiSeries) * BP) / Math.max(1, lastFour(industryCapexSeries)));
  // A shock scheduled for this quarter moves the mood now; one drawn last quarter moves it now too.
  const shockNow =
    state.schedule.some((e) => e.turn === turn && e.kind === "efficiency_shock") ||
    market.events.some((e) => e.kind === "efficiency_shock" && !state.schedule.some((x) => x.turn === e.turn && x.kind === e.kind));
  const sentiment = nextSentiment(market.sentiment, coverage, yoyGrowthBp(industryAiSeries), yoyGrowthBp(industryCapexSeries), shockNow);
  const positions = active.map((id) => {
    const w = work.get(id)!;
    const pipeline = w.c.power.pipeline.reduce((s, p) => s + p.mw, 0);
    const pending = pendingMw(w.c, turn);
    const mw = w.usable + Math.floor((pending + Math.min(pipeline, pending)) / 2);
    const pos = Math.floor((mw * (5000 + Math.floor((w.c.capabilityBp ?? 0) / 2))) / BP);
    // Diminishing returns to position (√): getting ahead of the pack is worth less than falling
    // behind it costs, so mutual restraint beats alternating exploitation (CAL-GT-02).
    return M.stock.positionSqrt ? isqrt(pos * 1000) : pos;
  });
  const outsidePos = mulBp(market.outsideMw, M.stock.outsidePositionBp);
  const positionTotal = positions.reduce((s, x) => s + x, 0) + (M.stock.positionSqrt ? isqrt(outsidePos * 1000) : outsidePos);
  // The market capitalises demand with a multiple that compresses as demand balloons: the
  // franchise base grows as √(demand × opening demand), so a boom lifts it, but not tenfold.
  const openingPotential = M.demand.potentialQ[state.config.scenario];
  const franchiseBase = M.stock.franchiseSqrtGrowth ? isqrt(potential * openingPotential) : potential;
  const meanCap = Math.floor(active.reduce((s, id) => s + (work.get(id)!.c.capabilityBp ?? 0), 0) / Math.max(1, active.length));
  active.forEach((id, i) => {
    const w = work.get(id)!;
    const c = w.c;
    if (w.defaultedNow) {
      Object.assign(c, { status: "defaulted", defaultedTurn: turn, marketCap: 1000, sharePriceCents: Math.max(1, Math.floor(100_000 / c.sharesOutstandingM)) });
      return;
    }
    const earningsQ = earningsPowerQ(c.core.revenue, c.core.marginBp);
    const ebitda = w.income!.operatingIncome + w.income!.depreciation;
    const fair = fairValue({
      earningsQ,
      netCash: c.cash - totalDebt(c),
      baseEarningsQ: c.valuation.baseEarningsQ,
      anchorMultipleBp: c.valuation.anchorMultipleBp,
      positionShareBp: Math.floor(((positions[i] ?? 0) * BP) / Math.max(1, positionTotal)),
      capabilityBp: c.capabilityBp,
      meanCapabilityBp: meanCap,
      // The franchise is worth less when the industry's capacity outruns demand (the yield falls).
      industryPotentialQ: mulBp(
        franchiseBase,
        BP - mulBp(BP - Math.min(BP, Math.floor((split.yieldPerMwK * BP) / Math.max(1, M.demand.refYieldK))), M.stock.franchiseGlutBp),
      ),
      aiRevenueQ: c.aiRevenue,
      regime: sentiment.regime,
      capexGrowthBp: yoyGrowthBp(c.capexHistory),
      aiRevenueGrowthBp: yoyGrowthBp(c.aiRevenueHistory),
      leverageBp: leverageBp(totalDebt(c) - c.cash, ebitda),
      strandedBp: w.installed === 0 ? 0 : Math.floor(((w.installed - w.usable) * BP) / w.installed),
      antitrustBp: c.antitrustBp,
    });
    const noise = nextNoise(rng, M.stock.noiseBp);
    rng = noise.rng;
    const cap = nextMarketCap(c.marketCap, fair, noise.value, 0);
    w.fundamentalCap = nextMarketCap(c.marketCap, fair, 0, 0);
    Object.assign(c, {
      marketCap: cap,
      sharePriceCents: Math.max(1, Math.round((cap * 100) / c.sharesOutstandingM)),
      antitrustBp: Math.floor(c.antitrustBp / 2),
    });
  });

  // Statements for the quarter.
  for (const id of active) {
    const w = work.get(id)!;
    const c = w.c;
    const ppe = w.ppe;
    const debt = totalDebt(c);
    const balance: BalanceSheet = {
      cash: c.cash,
      ppe,
      otherAssets: c.otherAssets,
      totalAssets: c.cash + ppe + c.otherAssets,
      debt,
      otherLiabilities: c.otherLiabilities,
      totalLiabilities: debt + c.otherLiabilities,
      equity: c.equity,
    };
    const record: QuarterRecord = {
      turn,
      quarter: state.quarter,
      income: w.income!,
      cashFlow: w.cashFlow!,
      balance,
      capex: w.decision.capex,
      installedMw: w.installed,
      poweredMw: poweredMw(c),
      usableMw: w.usable,
      strandedMw: w.installed - w.usable,
      aiDepreciation: w.aiDep,
      debtRefused: Math.max(0, w.decision.debtIssue - w.debtIssued),
      aiShareBp: c.aiShareBp,
      sharePriceCents: c.sharePriceCents,
      marketCap: c.marketCap,
      rating: c.rating,
    };
    Object.assign(c, { history: [...c.history, record], power: { ...c.power, outageMw: 0 } });
  }

  // 10. Events: scheduled and drawn; their effects land on the next quarter.
  const scheduled = state.schedule.filter((e) => e.turn === turn).map(fromScheduled);
  let drawn: ActiveEvent[] = [];
  if (state.config.randomEvents) {
    const stillActive = active.filter((id) => !work.get(id)!.defaultedNow);
    const slipPool = stillActive.filter((id) => work.get(id)!.c.chipProgram.maturityBp < BP);
    const d = drawEvents(rng, turn, stillActive, slipPool);
    rng = d.rng;
    drawn = d.value;
  }
  const events = [...scheduled, ...drawn];
  let baseRateBp = bonds.baseRateBp;
  let efficiencyBp = market.efficiencyBp + mulBp(BP - market.efficiencyBp, M.events.efficiencyRecoveryBp);
  let windowShut = bonds.windowShutQuarters;
  for (const e of events) {
    const target = e.target ? work.get(e.target) : undefined;
    switch (e.kind) {
      case "efficiency_shock":
        efficiencyBp = Math.max(2000, efficiencyBp - e.magnitudeBp);
        windowShut = Math.max(windowShut, M.bonds.windowShutQuarters);
        break;
      case "rate_move":
        baseRateBp = clamp(baseRateBp + e.magnitudeBp, 0, 1500);
        break;
      case "bond_window_shut":
        windowShut = Math.max(windowShut, e.magnitudeBp > 0 ? e.magnitudeBp : M.bonds.windowShutQuarters);
        break;
      case "bond_window_open":
        windowShut = 0;
        break;
      case "grid_approval":
        if (target)
          Object.assign(target.c, {
            power: {
              ...target.c.power,
              pipeline: [
                ...target.c.power.pipeline,
                { dealId: `grid-approval-${turn}`, kind: "grid", mw: e.magnitudeBp, onlineTurn: turn + 1, costPerMwQK: M.energy.powerCostK.grid },
              ],
            },
          });
        break;
      case "grid_outage":
        if (target) Object.assign(target.c, { power: { ...target.c.power, outageMw: mulBp(target.c.power.onlineMw, e.magnitudeBp) } });
        break;
      case "chip_slip":
        if (target) Object.assign(target.c, { chipProgram: { ...target.c.chipProgram, slipQuarters: target.c.chipProgram.slipQuarters + e.magnitudeBp } });
        break;
      case "antitrust":
        if (target) Object.assign(target.c, { antitrustBp: target.c.antitrustBp + e.magnitudeBp });
        break;
      case "mega_deal":
        if (target) {
          const cap = target.c.marketCap + mulBp(target.c.marketCap, M.events.megaDealPopBp);
          Object.assign(target.c, {
            contracted: {
              perQuarter: target.c.contracted.perQuarter + e.magnitudeBp,
              quartersLeft: Math.max(target.c.contracted.quartersLeft, M.events.megaDealQuarters),
            },
            marketCap: cap,
            sharePriceCents: Math.max(1, Math.round((cap * 100) / target.c.sharesOutstandingM)),
          });
        }
        break;
    }
  }
  const offers = generateOffers(rng, turn, market.energy.nextDealSeq, market.energy.gridQueueQuarters);
  rng = offers.rng;
  const growthNoise = nextNoise(rng, M.demand.growthNoiseBp);
  rng = growthNoise.rng;
  const growthBp = M.demand.growthBp + market.demandDriftBp + growthNoise.value;

  // Assemble the new state.
  const companies: Partial<Record<CompanyId, CompanyState>> = { ...state.companies };
  for (const id of active) companies[id] = work.get(id)!.c;
  const industryCapex = active.reduce((s, id) => s + work.get(id)!.decision.capex, 0);
  const industryAi = active.reduce((s, id) => s + work.get(id)!.c.aiRevenue, 0);
  const nextTurn = turn + 1;
  const ended = nextTurn >= state.config.turns || active.every((id) => work.get(id)!.defaultedNow);
  const newState: MatchState = {
    ...state,
    turn: nextTurn,
    quarter: nextQuarter(state.quarter),
    ended,
    rng,
    companies,
    market: {
      demandPotential: nextPotential(market.demandPotential, growthBp),
      demandGrowthBp: growthBp,
      demandDriftBp: market.demandDriftBp,
      efficiencyBp,
      outsideMw: market.outsideMw + mulBp(market.outsideMw, M.demand.outsideGrowthBp),
      industryAiRevenue: split.industryRevenue,
      yieldPerMwK: split.yieldPerMwK,
      nvidia,
      energy: { offers: offers.value.offers, gridQueueQuarters: market.energy.gridQueueQuarters, nextDealSeq: offers.value.seq },
      bonds: { ...bonds, baseRateBp, windowShutQuarters: windowShut, windowOpen: windowShut === 0 },
      sentiment,
      events,
    },
    lastDecisions: Object.fromEntries(active.map((id) => [id, work.get(id)!.decision])),
    industryHistory: [
      ...state.industryHistory,
      {
        turn,
        quarter: state.quarter,
        capex: industryCapex,
        aiRevenue: industryAi,
        netIncome: active.reduce((s, id) => s + (work.get(id)!.income?.netIncome ?? 0), 0),
        freeCashFlow: active.reduce((s, id) => s + (work.get(id)!.cashFlow?.freeCashFlow ?? 0), 0),
        nvidiaPriceK: nvidia.priceK,
        nvidiaMarginBp: nvidia.grossMarginBp,
        aiIgShareBp: bonds.aiIgShareBp,
        baseRateBp: market.bonds.baseRateBp,
        windowOpen: market.bonds.windowOpen,
        regime: sentiment.regime,
        strandedMw: active.reduce((s, id) => s + work.get(id)!.installed - work.get(id)!.usable, 0),
        yieldPerMwK: split.yieldPerMwK,
      },
    ],
  };

  const seatReports: SeatReport[] = active.map((id) => {
    const w = work.get(id)!;
    const before = state.companies[id]!;
    return {
      company: id,
      decision: w.decision,
      replacedInvalid: w.replaced,
      capexSpent: w.decision.capex,
      mwOrdered: w.mwOrdered,
      energyWon: w.energyWon,
      debtIssued: w.debtIssued,
      couponBp: w.couponBp,
      bondCoverageBp: w.coverageBp,
      emergencyBorrowing: w.emergency,
      equityIssued: w.equityIssued,
      aiRevenue: w.c.aiRevenue,
      netIncome: w.income?.netIncome ?? 0,
      freeCashFlow: w.cashFlow?.freeCashFlow ?? 0,
      sharePriceChangeBp: before.sharePriceCents === 0 ? 0 : Math.round(((w.c.sharePriceCents - before.sharePriceCents) * BP) / before.sharePriceCents),
      ratingBefore: w.ratingBefore,
      ratingAfter: w.c.rating,
      strandedMw: w.installed - w.usable,
      defaulted: w.defaultedNow,
      ratingReason: null,
      creditWatch: "none",
      priceMove: priceMoveOf(before, w),
      expectations: {
        capex: { consensus: before.capexHistory[before.capexHistory.length - 1] ?? 0, actual: w.decision.capex },
        aiRevenue: { consensus: before.aiRevenue, actual: w.c.aiRevenue },
        coreRevenue: { consensus: before.core.revenue, actual: w.income?.coreRevenue ?? 0 },
        netIncome: { consensus: before.history[before.history.length - 1]?.income.netIncome ?? 0, actual: w.income?.netIncome ?? 0 },
      },
    };
  });
  const report: TurnReport = {
    turn,
    quarter: state.quarter,
    seats: seatReports,
    auctions,
    events,
    market: {
      industryAiRevenue: split.industryRevenue,
      industryCapex,
      nvidiaPriceK: nvidia.priceK,
      nvidiaMarginBp: nvidia.grossMarginBp,
      baseRateBp,
      aiIgShareBp: bonds.aiIgShareBp,
      windowOpen: windowShut === 0,
      regimeBefore: market.sentiment.regime,
      regimeAfter: sentiment.regime,
    },
    headlines: headlinesFor(seatReports, events, market.sentiment.regime, sentiment.regime, auctions),
    ended,
  };
  return { state: newState, report };
}

/** Interim split of the move: the step toward fair value, the noise, and event pops (Economy v2 refines it). */
function priceMoveOf(before: CompanyState, w: Work): PriceMove {
  const p0 = before.sharePriceCents;
  const pct = (cents: number): number => (p0 === 0 ? 0 : Math.round(((cents - p0) * BP) / p0));
  const totalBp = pct(w.c.sharePriceCents);
  const fundamentalCents = Math.round((w.fundamentalCap * 100) / Math.max(1, w.c.sharesOutstandingM));
  const positionBp = w.defaultedNow ? totalBp : pct(fundamentalCents);
  const zero = { earningsBp: 0, capexBp: 0, creditBp: 0, sentimentBp: 0, cashBp: 0, eventsBp: 0 };
  return { totalBp, ...zero, positionBp, residualBp: totalBp - positionBp };
}

function mergeSeries(series: readonly (readonly number[])[]): number[] {
  const n = Math.max(0, ...series.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const x of series) s += x[x.length - n + i] ?? 0;
    out.push(s);
  }
  return out;
}

/** Headlines as i18n keys; the client renders them in the player's language. */
function headlinesFor(
  seats: readonly SeatReport[],
  events: readonly ActiveEvent[],
  before: string,
  after: string,
  auctions: readonly AuctionResult[],
): Headline[] {
  const out: Headline[] = [];
  const sorted = [...seats].sort((a, b) => a.sharePriceChangeBp - b.sharePriceChangeBp);
  const worst = sorted[0];
  const best = sorted[sorted.length - 1];
  if (best && best.sharePriceChangeBp > 300) out.push({ key: "headline.stock_up", params: { company: best.company, changeBp: best.sharePriceChangeBp } });
  if (worst && worst !== best && worst.sharePriceChangeBp < -300)
    out.push({ key: "headline.stock_down", params: { company: worst.company, changeBp: worst.sharePriceChangeBp, capex: worst.capexSpent } });
  for (const s of seats) {
    if (s.defaulted) out.push({ key: "headline.default", params: { company: s.company } });
    else if (s.emergencyBorrowing > 0) out.push({ key: "headline.emergency", params: { company: s.company, amount: s.emergencyBorrowing } });
    if (s.equityIssued > 0) out.push({ key: "headline.equity_raise", params: { company: s.company, amount: s.equityIssued } });
    if (s.debtIssued >= 15_000) out.push({ key: "headline.jumbo_bond", params: { company: s.company, amount: s.debtIssued, coverageBp: s.bondCoverageBp } });
    if (s.strandedMw > 0 && s.strandedMw * 5 > s.mwOrdered) out.push({ key: "headline.stranded", params: { company: s.company, mw: s.strandedMw } });
  }
  for (const a of auctions) if (a.winner) out.push({ key: "headline.energy_deal", params: { company: a.winner, kind: a.kind, mw: a.mw, price: a.price } });
  for (const e of events) out.push({ key: `headline.event.${e.kind}`, params: { target: e.target ?? "", magnitude: e.magnitudeBp } });
  if (before !== after) out.push({ key: "headline.regime", params: { from: before, to: after } });
  return out;
}
