/**
 * resolveTurn: one quarter, in the ten steps of GAME.md §5, each a function of its own in
 * `steps/`. Pure: the input state is never mutated; every step writes into fresh drafts.
 */
import { MARKET_PARAMS } from "../rules/params.ts";
import { nextPotential } from "./demand.ts";
import type { CompanyId } from "./ids.ts";
import { mulBp } from "./money.ts";
import { nextTimeValueBp } from "./valuation.ts";
import { nextNoise } from "./rng.ts";
import { nextQuarter } from "./quarters.ts";
import { runChips } from "./steps/chips.ts";
import { beginTurn, seatWork, type TurnContext } from "./steps/context.ts";
import { runCore } from "./steps/core.ts";
import { runCredit } from "./steps/credit.ts";
import { runDemand } from "./steps/demand.ts";
import { runEnergy } from "./steps/energy.ts";
import { type EventEffects, runEvents } from "./steps/events.ts";
import { runFinance } from "./steps/finance.ts";
import { headlinesFor } from "./steps/headlines.ts";
import { runOperation } from "./steps/operation.ts";
import { recordStatements } from "./steps/statements.ts";
import { industryCoverageBp } from "./sentiment.ts";
import { runStockMarket } from "./steps/stock.ts";
import { generateOffers } from "./energy.ts";
import type { CompanyState, Decision, MatchState, SeatReport, TurnReport } from "./types.ts";

/** Resolves one quarter. Missing or illegal decisions are replaced by the seat's default. */
export function resolveTurn(state: MatchState, decisions: Readonly<Partial<Record<CompanyId, unknown>>>): { state: MatchState; report: TurnReport } {
  const ctx = beginTurn(state, decisions);
  runEnergy(ctx); // 1
  runChips(ctx); // 2
  runOperation(ctx); // 3
  runDemand(ctx); // 4
  runCore(ctx); // 5
  runFinance(ctx); // 6–7
  runCredit(ctx); // 8
  runStockMarket(ctx); // 9
  recordStatements(ctx);
  const effects = runEvents(ctx); // 10
  return assemble(ctx, effects);
}

function seatReport(ctx: TurnContext, id: CompanyId): SeatReport {
  const w = seatWork(ctx, id);
  return {
    company: id,
    decision: w.decision,
    replacedInvalid: w.replaced,
    capexSpent: w.decision.capex,
    mwOrdered: w.mwOrdered,
    energyWon: w.energyWon,
    debtIssued: w.debtIssued,
    couponBp: w.couponBp,
    bondCoverageBp: w.coverBp,
    emergencyBorrowing: w.emergency,
    equityIssued: w.equityIssued,
    aiRevenue: w.c.aiRevenue,
    netIncome: w.income?.netIncome ?? 0,
    freeCashFlow: w.cashFlow?.freeCashFlow ?? 0,
    sharePriceChangeBp: w.priceMove?.totalBp ?? 0,
    ratingBefore: w.ratingBefore,
    ratingAfter: w.c.rating,
    ratingReason: w.ratingReason,
    creditWatch: w.c.creditWatch,
    strandedMw: w.installed - w.usable,
    defaulted: w.defaultedNow,
    priceMove: w.priceMove!,
    expectations: w.expectations!,
  };
}

function assemble(ctx: TurnContext, fx: EventEffects): { state: MatchState; report: TurnReport } {
  const { state, turn } = ctx;
  const market = state.market;
  const D = MARKET_PARAMS.demand;
  const offers = generateOffers(ctx.rng, turn, market.energy.nextDealSeq, market.energy.gridQueueQuarters);
  ctx.rng = offers.rng;
  const growthNoise = nextNoise(ctx.rng, D.growthNoiseBp);
  ctx.rng = growthNoise.rng;
  const growthBp = D.growthBp + market.demandDriftBp + growthNoise.value;

  const companies: Partial<Record<CompanyId, CompanyState>> = { ...state.companies };
  for (const id of ctx.active) companies[id] = seatWork(ctx, id).c;
  const works = ctx.active.map((id) => seatWork(ctx, id));
  const industryCapex = works.reduce((s, w) => s + w.decision.capex, 0);
  const industryAi = works.reduce((s, w) => s + w.c.aiRevenue, 0);
  const demand = ctx.demand!;
  const nextTurn = turn + 1;
  const lastDecisions: Partial<Record<CompanyId, Decision>> = {};
  for (const w of works) lastDecisions[w.c.id] = w.decision;
  const ended = nextTurn >= state.config.turns || works.every((w) => w.defaultedNow);
  const windowOpen = fx.windowShutQuarters === 0;
  const opening = D.potentialQ[state.config.scenario];
  // Public leading indicators: demand at the reference price against the opening, and the backlog.
  const adoptionIndexBp = Math.round((market.demandPotential * 10_000) / Math.max(1, opening));
  const backlog = works.reduce((s, w) => s + w.c.contracted.perQuarter * w.c.contracted.quartersLeft, 0);
  const newState: MatchState = {
    ...state,
    turn: nextTurn,
    quarter: nextQuarter(state.quarter),
    ended,
    rng: ctx.rng,
    companies,
    market: {
      demandPotential: nextPotential(market.demandPotential, growthBp),
      demandGrowthBp: growthBp,
      demandDriftBp: market.demandDriftBp,
      efficiencyBp: fx.efficiencyBp,
      outsideMw: market.outsideMw + mulBp(market.outsideMw, D.outsideGrowthBp),
      industryAiRevenue: demand.industryRevenue,
      yieldPerMwK: demand.yieldPerMwK,
      nvidia: ctx.nvidia,
      energy: { offers: offers.value.offers, gridQueueQuarters: market.energy.gridQueueQuarters, nextDealSeq: offers.value.seq },
      bonds: { ...ctx.bonds, baseRateBp: fx.baseRateBp, windowShutQuarters: fx.windowShutQuarters, windowOpen },
      marketNoiseBp: ctx.marketNoiseBp,
      expectedPotential: nextPotential(market.expectedPotential, D.growthBp),
      timeValueBp: nextTimeValueBp(market.timeValueBp),
      sentiment: ctx.sentiment,
      events: ctx.events,
    },
    lastDecisions,
    industryHistory: [
      ...state.industryHistory,
      {
        turn,
        quarter: state.quarter,
        capex: industryCapex,
        aiRevenue: industryAi,
        netIncome: works.reduce((s, w) => s + (w.income?.netIncome ?? 0), 0),
        freeCashFlow: works.reduce((s, w) => s + (w.cashFlow?.freeCashFlow ?? 0), 0),
        nvidiaPriceK: ctx.nvidia.priceK,
        nvidiaMarginBp: ctx.nvidia.grossMarginBp,
        aiIgShareBp: ctx.bonds.aiIgShareBp,
        baseRateBp: market.bonds.baseRateBp,
        windowOpen: market.bonds.windowOpen,
        regime: ctx.sentiment.regime,
        strandedMw: works.reduce((s, w) => s + w.installed - w.usable, 0),
        yieldPerMwK: demand.yieldPerMwK,
        adoptionIndexBp,
        backlog,
        aiCoverageBp: industryCoverageBp(works.map((w) => w.c)),
      },
    ],
  };
  const seatReports = ctx.active.map((id) => seatReport(ctx, id));
  const report: TurnReport = {
    turn,
    quarter: state.quarter,
    seats: seatReports,
    auctions: ctx.auctions,
    events: ctx.events,
    market: {
      industryAiRevenue: demand.industryRevenue,
      industryCapex,
      nvidiaPriceK: ctx.nvidia.priceK,
      nvidiaMarginBp: ctx.nvidia.grossMarginBp,
      baseRateBp: fx.baseRateBp,
      aiIgShareBp: ctx.bonds.aiIgShareBp,
      windowOpen,
      adoptionIndexBp,
      backlog,
      regimeBefore: market.sentiment.regime,
      regimeAfter: ctx.sentiment.regime,
    },
    headlines: headlinesFor(seatReports, ctx.events, market.sentiment.regime, ctx.sentiment.regime, ctx.auctions),
    ended,
  };
  return { state: newState, report };
}
