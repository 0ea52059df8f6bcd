/**
 * Step 9: the stock market. The mood moves with the industry's AI revenue against its capex; each
 * seat's quarter is compared with the consensus and the announcement moves its premiums; the
 * market forms next quarter's consensus; then the one valuation rule prices every seat, the noise
 * moves on top, and the move is split into its parts for the reveal.
 */
import { COMPANY_PARAMS, MARKET_PARAMS } from "../../rules/params.ts";
import { SCENARIO_DEFS } from "../../rules/scenarios.ts";
import { aiRevenueConsensus, capexPath, coreRevenueConsensus, netIncomeConsensus, type Premiums, reactToQuarter } from "../expectations.ts";
import type { CompanyId } from "../ids.ts";
import { BP, mulBp } from "../money.ts";
import { servedContract } from "../demand.ts";
import { nextNoise } from "../rng.ts";
import { forwardCoverageBp, mergeSeriesTail, nextSentiment, yoyGrowthBp } from "../sentiment.ts";
import type { ActiveEvent, Consensus, SeatExpectations } from "../types.ts";
import { arrivingPoweredMw, valuationInputs } from "../valuation-inputs.ts";
import {
  decomposeMove,
  fairPriceCents,
  franchiseSharesBp,
  industryAiValue,
  nextFadeBp,
  nextTimeValueBp,
  type PriceState,
  sharePriceCents,
} from "../valuation.ts";
import { customerFlows, liftTarget } from "../core-business.ts";
import { nextQuarter } from "../quarters.ts";
import { type CohortOutlook, cohortOutlook } from "../cohorts.ts";
import { type SeatWork, type TurnContext, seatWork } from "./context.ts";

const V = MARKET_PARAMS.valuation;
const EV = MARKET_PARAMS.events;

/** Premium an event aimed at the seat last quarter adds now (a mega-deal pops, antitrust weighs). */
function eventPremiumNow(before: number, events: readonly ActiveEvent[], id: CompanyId): number {
  let p = before - Math.trunc(before / 2);
  for (const e of events) {
    if (e.target !== id) continue;
    if (e.kind === "mega_deal") p += EV.megaDealPopBp;
    if (e.kind === "antitrust") p -= e.magnitudeBp;
  }
  return p;
}

function runSentiment(ctx: TurnContext, coverageBp: number): void {
  const companies = ctx.active.map((id) => seatWork(ctx, id).c);
  // Year-on-year growth reads the last eight quarters of the merged series: merge only those.
  const capexSeries = mergeSeriesTail(
    companies.map((c) => c.capexHistory),
    8,
  );
  const aiSeries = mergeSeriesTail(
    companies.map((c) => c.aiRevenueHistory),
    8,
  );
  const { state, turn } = ctx;
  // A shock scheduled for this quarter moves the mood now; one drawn last quarter moves it now too.
  const shockNow =
    state.schedule.some((e) => e.turn === turn && e.kind === "efficiency_shock") ||
    state.market.events.some((e) => e.kind === "efficiency_shock" && !state.schedule.some((x) => x.turn === e.turn && x.kind === e.kind));
  ctx.sentiment = nextSentiment(state.market.sentiment, coverageBp, yoyGrowthBp(aiSeries), yoyGrowthBp(capexSeries), shockNow);
}

function expectationsOf(w: SeatWork): SeatExpectations {
  const cons = w.before.consensus;
  return {
    capex: { consensus: cons.capex, actual: w.decision.capex },
    aiRevenue: { consensus: cons.aiRevenue, actual: w.c.aiRevenue },
    coreRevenue: { consensus: cons.coreRevenue, actual: w.c.core.revenue },
    netIncome: { consensus: cons.netIncome, actual: w.income?.netIncome ?? 0 },
  };
}

/** Next quarter's consensus for a seat, from its quarter and the industry's. */
export function nextConsensus(
  ctx: TurnContext,
  w: SeatWork,
  industryAiGrowthBp: number,
  fleet: CohortOutlook = cohortOutlook(w.c.assets, ctx.turn),
): Consensus {
  const c = w.c;
  const start = SCENARIO_DEFS[ctx.state.config.scenario].startYear;
  const path = capexPath(c.id, ctx.state.config.variant, start, nextQuarter(ctx.state.quarter), c.capexHistory, w.expectations?.capex, 4);
  const target = liftTarget(c.id, c.core.baseRevenue, w.servingMw, c.capabilityBp);
  const liftDrift = mulBp(target.revenueBp - c.core.liftRevenueBp, MARKET_PARAMS.core.liftSpeedBp);
  const coreRevenue = coreRevenueConsensus(c.core.revenue, c.core.growthBp, liftDrift);
  // The backlog is public: the market expects it served as far as the seat's compute allows, and
  // grows only the rest (a contract's first quarter is no surprise, and neither is its end).
  const contract = c.contracted.quartersLeft > 0 ? servedContract(c.contracted.perQuarter, w.servingMw, ctx.demand?.yieldPerMwK ?? 0) : 0;
  const aiRevenue = aiRevenueConsensus(c.aiRevenue - w.contractServed, industryAiGrowthBp) + contract;
  return {
    capex: path[0] ?? 0,
    capexYear: path.reduce((s, x) => s + x, 0),
    coreRevenue,
    aiRevenue,
    netIncome: netIncomeConsensus(c, ctx.turn + 1, { coreRevenue, aiRevenue }, w.usable, w.decision.chipRnd, ctx.bonds.baseRateBp, fleet.nextDepreciation),
  };
}

export function runStockMarket(ctx: TurnContext): void {
  const market = ctx.state.market;
  const demand = ctx.demand!;
  // The quarter against its consensus, the consensus for the coming quarter, the mood it leaves
  // (the quarter's news and any shock), and the announcements judged in that mood.
  const prevIndustryAi = ctx.active.reduce((s, id) => s + seatWork(ctx, id).before.aiRevenue, 0);
  const nowIndustryAi = ctx.active.reduce((s, id) => s + seatWork(ctx, id).c.aiRevenue, 0);
  const industryAiGrowthBp = prevIndustryAi <= 0 ? 0 : Math.round(((nowIndustryAi - prevIndustryAi) * BP) / prevIndustryAi);
  // The cohorts are final for the quarter (finance retired the written-off ones): read them once.
  const fleets = new Map<CompanyId, CohortOutlook>();
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    w.expectations = expectationsOf(w);
    if (w.defaultedNow) continue;
    const fleet = w.fleet ?? cohortOutlook(w.c.assets, ctx.turn);
    fleets.set(id, fleet);
    w.c.consensus = nextConsensus(ctx, w, industryAiGrowthBp, fleet);
  }
  const live = ctx.active.filter((id) => !seatWork(ctx, id).defaultedNow);
  runSentiment(ctx, forwardCoverageBp(live.map((id) => seatWork(ctx, id).c)));
  const premiums = new Map<CompanyId, Premiums>();
  for (const id of live) {
    const w = seatWork(ctx, id);
    premiums.set(id, reactToQuarter(ctx.sentiment.regime, COMPANY_PARAMS[id].aiEvidenceBp, w.expectations!, w.c.valuation.inputs));
  }
  const marketNoise = nextNoise(ctx.rng, V.marketNoiseBp);
  ctx.rng = marketNoise.rng;
  ctx.marketNoiseBp = mulBp(market.marketNoiseBp, V.marketPersistenceBp) + marketNoise.value;

  // The AI franchise: the industry's opportunity, shared by what each seat earns and can run.
  const claims = live.map((id) => {
    const w = seatWork(ctx, id);
    return {
      aiRevenue: w.c.aiRevenue,
      credibleMw: w.servingMw + mulBp(arrivingPoweredMw(w.c, ctx.turn, w.installed, fleets.get(id)?.arrivingMw), V.arrivingWeightBp),
      capabilityBp: w.c.capabilityBp,
    };
  });
  const shares = franchiseSharesBp(claims);
  const opening = MARKET_PARAMS.demand.potentialQ[ctx.state.config.scenario];
  const timeValueBp = nextTimeValueBp(market.timeValueBp);
  const industryValue = industryAiValue(ctx.potential, market.expectedPotential, opening, timeValueBp, demand.yieldPerMwK, MARKET_PARAMS.demand.refYieldK);
  // The customers each seat is set to win or lose at its standing now, bp of its core: the outlook,
  // capitalised over a horizon that lengthens as the market sees the race go on.
  const liveCores = live.map((id) => seatWork(ctx, id).c);
  const flows = customerFlows(
    liveCores.map((c) => ({ id: c.id, capabilityBp: c.capabilityBp, openingCapabilityBp: c.core.openingCapabilityBp, revenue: c.core.revenue })),
  );
  const flowBp = liveCores.map((c, k) => Math.trunc(((flows[k] ?? 0) * BP) / Math.max(1, c.core.revenue)));
  const horizonQ = Math.min(V.outlookHorizonQ, 4 * (ctx.turn + 1));

  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    const c = w.c;
    const before: PriceState = {
      inputs: c.valuation.inputs,
      sharesM: w.before.sharesOutstandingM,
      residualBp: c.valuation.residualBp,
      marketNoiseBp: market.marketNoiseBp,
    };
    if (w.defaultedNow) {
      const cents = Math.max(1, Math.floor(MARKET_PARAMS.rules.defaultedEquity / c.sharesOutstandingM));
      const total = w.before.sharePriceCents <= 0 ? 0 : Math.round(((cents - w.before.sharePriceCents) * BP) / w.before.sharePriceCents);
      c.status = "defaulted";
      c.defaultedTurn = ctx.turn;
      c.marketCap = 1000;
      c.sharePriceCents = cents;
      w.priceMove = { totalBp: total, earningsBp: 0, capexBp: 0, positionBp: 0, creditBp: total, sentimentBp: 0, cashBp: 0, eventsBp: 0, residualBp: 0 };
      continue;
    }
    const prem = premiums.get(id)!;
    const residual = nextNoise(ctx.rng, V.residualNoiseBp);
    ctx.rng = residual.rng;
    const k = live.indexOf(id);
    const inputs = valuationInputs(
      c,
      ctx.turn,
      {
        consensus: c.consensus,
        moodBp: ctx.sentiment.moodBp,
        powerCost: w.income?.powerCost ?? 0,
        chipRnd: w.decision.chipRnd,
        installedMw: w.installed,
        usableMw: w.usable,
        servingMw: w.servingMw,
        customerFlowBp: flowBp[k] ?? 0,
        horizonQ,
        franchise: mulBp(industryValue, shares[k] ?? 0),
        fadeBp: nextFadeBp(c.valuation.inputs.fadeBp, c.core.growthBp),
        timeValueBp,
        quarterlyEbitda: (w.income?.operatingIncome ?? 0) + (w.income?.depreciation ?? 0),
        capexPremiumBp: prem.capexPremiumBp,
        beatPremiumBp: prem.beatPremiumBp,
        eventPremiumBp: eventPremiumNow(c.valuation.inputs.eventPremiumBp, market.events, id),
      },
      fleets.get(id),
    );
    const after: PriceState = {
      inputs,
      sharesM: c.sharesOutstandingM,
      residualBp: mulBp(c.valuation.residualBp, V.residualPersistenceBp) + residual.value,
      marketNoiseBp: ctx.marketNoiseBp,
    };
    const anchor = c.valuation.anchor;
    const cents = sharePriceCents(anchor, after);
    w.priceMove = decomposeMove(anchor, before, after);
    c.sharePriceCents = cents;
    c.marketCap = Math.round((cents * c.sharesOutstandingM) / 100);
    c.valuation = { ...c.valuation, inputs, residualBp: after.residualBp, fairPriceCents: fairPriceCents(anchor, after) };
  }
}
