/**
 * createMatch: the opening state of a scenario — history pre-filled so the first statements look
 * real, and the market's opening view formed by the same valuation rule every quarter uses.
 */
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import { SCENARIO_DEFS } from "../rules/scenarios.ts";
import { capabilitiesBp, nextTrainingCompute } from "./capability.ts";
import { fleetEfficiencyBp, maxCustomShareBp, nvidiaUnitCostK } from "./chips.ts";
import { type CohortOutlook, cohortOutlook } from "./cohorts.ts";
import { accumulatedDepAt, installedMwOver, netPpe, poweredCustomShareOf, serverMw } from "./compute.ts";
import { coreRevenueOf, liftTarget } from "./core-business.ts";
import { crowdingBp, leverageBp } from "./credit.ts";
import { nextPotential, servedContract } from "./demand.ts";
import { generateOffers } from "./energy.ts";
import { fromScheduled } from "./events.ts";
import { aiRevenueConsensus, capexPath, coreRevenueConsensus, netIncomeConsensus } from "./expectations.ts";
import { type IncomeInput, quarterlyIncome } from "./finance.ts";
import { COMPANIES, type CompanyId, isCompanyId, MAX_SEATS, MAX_TURNS, MIN_TURNS, PAR_LEVELS, SCENARIOS, SCORINGS, VARIANTS } from "./ids.ts";
import { BP, mulBp } from "./money.ts";
import { turnOf } from "./quarters.ts";
import { nextChanceBp, seedRng } from "./rng.ts";
import { forwardCoverageBp } from "./sentiment.ts";
import {
  type CompanyState,
  type DebtTranche,
  ENGINE_VERSION,
  type MarketState,
  type MatchConfig,
  type MatchConfigInput,
  type MatchState,
  STATE_VERSION,
  type ValuationInputs,
  type Vintage,
} from "./types.ts";
import { anchorFor, franchiseSharesBp, industryAiValue, type PriceState, sharePriceCents } from "./valuation.ts";
import { arrivingPoweredMw, valuationInputs } from "./valuation-inputs.ts";

export const DEFAULT_CONFIG: MatchConfig = {
  scenario: "reckoning",
  variant: "guide",
  turns: 12,
  seats: ["microsoft", "amazon", "alphabet", "meta"],
  seed: 1,
  // Issue 11: each company against its own par, so no seat's starting hand decides the match.
  scoring: "handicap",
  randomEvents: true,
};

/** Fills defaults and checks the config. Throws on a config the protocol layer should have rejected. */
export function resolveConfig(input: MatchConfigInput = {}): MatchConfig {
  const c: MatchConfig = { ...DEFAULT_CONFIG, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const problems: string[] = [];
  if (!SCENARIOS.includes(c.scenario)) problems.push(`unknown scenario ${String(c.scenario)}`);
  if (!VARIANTS.includes(c.variant)) problems.push(`unknown variant ${String(c.variant)}`);
  if (!SCORINGS.includes(c.scoring)) problems.push(`unknown scoring ${String(c.scoring)}`);
  if (c.parLevel !== undefined && !PAR_LEVELS.includes(c.parLevel)) problems.push(`unknown par level ${String(c.parLevel)}`);
  if (!Number.isInteger(c.turns) || c.turns < MIN_TURNS || c.turns > MAX_TURNS) problems.push(`turns must be ${MIN_TURNS}–${MAX_TURNS}`);
  if (!Number.isInteger(c.seed) || c.seed < 0 || c.seed > 0xffffffff) problems.push("seed must be a uint32");
  if (!Array.isArray(c.seats) || c.seats.length < 1 || c.seats.length > MAX_SEATS) problems.push(`1–${MAX_SEATS} seats`);
  else if (!c.seats.every(isCompanyId) || new Set(c.seats).size !== c.seats.length) problems.push("seats must be distinct company ids");
  if (problems.length > 0) throw new Error(`invalid match config: ${problems.join("; ")}`);
  // Canonical seat order, whatever order the caller listed them in.
  return { ...c, seats: COMPANIES.filter((id) => c.seats.includes(id)) };
}

function historicVintages(id: CompanyId, startYear: number, years: readonly number[]): { assets: Vintage[]; capexByQuarter: number[] } {
  const p = COMPANY_PARAMS[id];
  const C = MARKET_PARAMS.capex;
  const assets: Vintage[] = [];
  const capexByQuarter: number[] = [];
  const serverShareBp = Math.floor(((C.historicalAllInCostK - C.facilityCostK) * BP) / C.historicalAllInCostK);
  const customBp = maxCustomShareBp(id, p.chipProgram.maturityBp);
  for (const y of years) {
    const annual = p.capexHistory[String(y)] ?? 0;
    const aiBp = C.historicalAiShareBp[String(y)] ?? 0;
    for (let q = 1; q <= 4; q++) {
      const capex = Math.floor(annual / 4);
      capexByQuarter.push(capex);
      const t = turnOf(y, q, startYear);
      const ai = mulBp(capex, aiBp);
      const traditional = capex - ai;
      const mw = Math.floor((ai * 1000) / C.historicalAllInCostK);
      const servers = mulBp(ai, serverShareBp);
      const customMw = mulBp(mw, customBp);
      const customCost = mulBp(servers, customBp);
      const mk = (kind: Vintage["kind"], cost: number, mwv: number, life: number, chip?: "nvidia" | "custom"): void => {
        if (cost <= 0) return;
        // The same two shapes (key order) the chips step builds, so the engine's loops over cohorts
        // meet two object layouts, not four (V8 keeps such loops fast up to a few).
        const v: Vintage = chip
          ? { kind, chip, boughtTurn: t, inServiceTurn: t + 1, cost, mw: mwv, lifeQuarters: life }
          : { kind, boughtTurn: t, inServiceTurn: t + 1, cost, mw: mwv, lifeQuarters: life };
        if (accumulatedDepAt(v, 0) >= cost) return; // fully depreciated before the match: retired
        assets.push(v);
      };
      mk("ai_servers", servers - customCost, mw - customMw, p.serverLifeQuarters, "nvidia");
      mk("ai_servers", customCost, customMw, p.serverLifeQuarters, "custom");
      mk("facilities", ai - servers, 0, C.facilityLifeQuarters);
      mk("traditional", traditional, 0, C.traditionalLifeQuarters);
    }
  }
  // The older estate (traditional servers and buildings not in the capex history): half depreciated
  // at the start, so it entered service half a life ago — consistent with straight-line write-off.
  const legacyLife = C.traditionalLifeQuarters;
  assets.push({
    kind: "traditional",
    boughtTurn: -Math.floor(legacyLife / 2),
    inServiceTurn: -Math.floor(legacyLife / 2),
    cost: p.traditionalGrossM,
    mw: 0,
    lifeQuarters: legacyLife,
  });
  return { assets, capexByQuarter };
}

function openingCompany(id: CompanyId, config: MatchConfig): CompanyState {
  const p = COMPANY_PARAMS[id];
  const scenario = SCENARIO_DEFS[config.scenario];
  const yearsBefore = 2026 - scenario.startYear;
  const { assets, capexByQuarter } = historicVintages(id, scenario.startYear, scenario.historyYears);
  // Training compute: replay the history quarters with the fleet each one had (the fleet of every
  // history quarter and of the first, from one pass over the cohorts).
  const firstHistoryTurn = -scenario.historyYears.length * 4;
  const fleetByTurn = installedMwOver({ assets }, firstHistoryTurn, 1);
  const installed = fleetByTurn[-firstHistoryTurn] ?? 0;
  let training = 0;
  const trainingEff = fleetEfficiencyBp(id, maxCustomShareBp(id, p.chipProgram.maturityBp), "training");
  for (let t = firstHistoryTurn; t < 0; t++) training = nextTrainingCompute(id, training, mulBp(fleetByTurn[t - firstHistoryTurn] ?? 0, trainingEff));
  // Build-out starts a year earlier: deflate the core by a year of growth.
  let coreRevenue = p.coreRevenueQ;
  for (let i = 0; i < yearsBefore; i++) coreRevenue = Math.floor((coreRevenue * BP) / (BP + p.coreGrowthBp));
  // A year earlier the run rate was lower (Microsoft 13 in Jan 2025 vs 16 in Jan 2026: ai_rr_msft_jan2025).
  const D = MARKET_PARAMS.demand;
  const aiRunRate = yearsBefore > 0 ? mulBp(p.aiRunRateQ, D.aiRunRateYearEarlierBp) : p.aiRunRateQ;
  // The two years before the start ramp up to it (Microsoft 10 → 13 in "a few months":
  // ai_rr_msft_prior), so year-on-year growth is defined from the first quarter.
  const aiHistory: number[] = [aiRunRate];
  for (let k = 1; k < 8; k++) aiHistory.unshift(Math.floor((aiHistory[0]! * BP) / (BP + D.aiRunRateGrowthBpQ)));
  // Legacy bonds fall due inside and beyond the match: the refinancing wall makes the tenor matter.
  const tranches: DebtTranche[] = p.legacyDebt.map((d, i) => ({
    id: `${id}-legacy-${i}`,
    principal: d.principal,
    couponBp: d.couponBp,
    issuedTurn: d.maturesInQuarters - d.tenor * 4,
    maturityTurn: d.maturesInQuarters,
    tenor: d.tenor,
    emergency: false,
  }));
  const debt = tranches.reduce((s, t) => s + t.principal, 0);
  const sharesM = p.sharesM;
  const priceCents = p.priceCents[config.scenario];
  const marketCap = Math.floor((priceCents * sharesM) / 100);
  const onlineMw = Math.max(0, installed + mulBp(installed, p.powerHeadroomBp) - mulBp(installed, MARKET_PARAMS.energy.openingIdleBp[config.scenario]));
  const ppe = netPpe(assets, 0);
  const otherAssets = p.otherAssets;
  const equity = p.cash + ppe + otherAssets - debt - p.otherLiabilities;
  return {
    id,
    status: "active",
    defaultedTurn: null,
    cash: p.cash,
    otherAssets,
    otherLiabilities: p.otherLiabilities,
    equity,
    tranches,
    nextTrancheSeq: 1,
    rating: p.openingRating,
    creditWatch: "none",
    lendersWaryQuarters: 0,
    core: {
      baseRevenue: coreRevenue,
      revenue: coreRevenue,
      baseMarginBp: p.coreMarginBp,
      marginBp: p.coreMarginBp,
      growthBp: p.coreGrowthBp,
      shareShiftBp: 0,
      openingCapabilityBp: BP,
      liftRevenueBp: 0,
      liftMarginBp: 0,
    },
    assets,
    power: {
      onlineMw,
      pipeline: p.powerPipeline.map((c, i) => ({
        dealId: `${id}-start-${i}`,
        kind: c.kind,
        mw: c.mw,
        onlineTurn: c.inQuarters,
        costPerMwQK: MARKET_PARAMS.energy.powerCostK[c.kind],
      })),
      costPerMwQK: MARKET_PARAMS.energy.powerCostK.organic,
      outageMw: 0,
    },
    chipProgram: { maturityBp: p.chipProgram.maturityBp, slipQuarters: 0, designBp: 0, fleetUpliftBp: 0 },
    serverLifeQuarters: p.serverLifeQuarters,
    trainingCompute: training,
    capabilityBp: BP,
    aiRevenue: aiRunRate,
    aiShareBp: 0,
    contracted: { perQuarter: p.contractedQ ?? 0, quartersLeft: p.contractedQuarters ?? 0 },
    sharesOutstandingM: sharesM,
    sharePriceCents: priceCents,
    marketCap,
    startMarketCap: marketCap,
    cashReturned: 0,
    dividendsPerShareCents: 0,
    cumulativeFcf: 0,
    valuation: {
      anchor: { coreMultipleBp: BP, floorNopat: 0, otherValue: 0, leverageFreeBp: MARKET_PARAMS.valuation.leverageFreeBp },
      inputs: NEUTRAL_INPUTS,
      residualBp: 0,
      startPriceCents: priceCents,
      fairPriceCents: priceCents,
    },
    consensus: { capex: 0, capexYear: 0, coreRevenue, aiRevenue: aiRunRate, netIncome: 0 },
    history: [],
    capexHistory: capexByQuarter,
    aiRevenueHistory: aiHistory,
  };
}

const NEUTRAL_INPUTS: ValuationInputs = {
  coreNopat: 0,
  aiNopat: 0,
  outlookBp: BP,
  franchise: 0,
  fadeBp: BP,
  timeValueBp: BP,
  regimeBp: BP,
  riskBp: BP,
  capexPremiumBp: 0,
  beatPremiumBp: 0,
  eventPremiumBp: 0,
  netCash: 0,
};

/**
 * The opening position as the market sees it, through the same rule every later quarter uses:
 * the lift the opening fleet already earns is part of the core's revenue and margin, the consensus
 * for the first quarter is formed, and each seat's core multiple is the one that makes its value
 * the documents' price.
 */
function openMarket(companies: Partial<Record<CompanyId, CompanyState>>, config: MatchConfig, baseRateBp: number): void {
  const seats = config.seats;
  const regime = MARKET_PARAMS.sentiment.start[config.scenario];
  const potential = MARKET_PARAMS.demand.potentialQ[config.scenario];
  // Each seat's cohorts read twice, not once per figure: the fleet in service in the first quarter,
  // and what the market reads from them before it (cohorts.ts; the lift below leaves them as they are).
  const fleets = new Map<CompanyId, { installed: number; usable: number; serving: number; outlook: CohortOutlook }>();
  for (const id of seats) {
    const c = companies[id]!;
    const servers = serverMw(c, 0);
    const installed = servers.all;
    const usable = Math.min(installed, c.power.onlineMw);
    fleets.set(id, {
      installed,
      usable,
      serving: mulBp(
        usable,
        fleetEfficiencyBp(id, poweredCustomShareOf(servers.all, servers.custom, usable, COMPANY_PARAMS[id].chipProgram.inferenceBp), "inference"),
      ),
      outlook: cohortOutlook(c.assets, -1),
    });
  }
  // The lift the fleet already earns is in the reported revenue and margin: split it out of the base.
  for (const id of seats) {
    const c = companies[id]!;
    const lift = liftTarget(id, c.core.revenue, fleets.get(id)!.serving, c.capabilityBp);
    const baseRevenue = Math.floor((c.core.revenue * BP) / (BP + lift.revenueBp));
    companies[id] = {
      ...c,
      core: {
        ...c.core,
        baseRevenue,
        revenue: coreRevenueOf(baseRevenue, lift.revenueBp, 0),
        baseMarginBp: c.core.marginBp - lift.marginBp,
        liftRevenueBp: lift.revenueBp,
        liftMarginBp: lift.marginBp,
      },
    };
  }
  // The opening run rate excludes the backlog; the market expects the backlog served as far as the fleet allows.
  const backlog = (id: CompanyId): number => {
    const c = companies[id]!;
    return c.contracted.quartersLeft > 0 ? servedContract(c.contracted.perQuarter, fleets.get(id)!.serving, MARKET_PARAMS.demand.refYieldK) : 0;
  };
  const claims = seats.map((id) => {
    const c = companies[id]!;
    const f = fleets.get(id)!;
    return {
      aiRevenue: c.aiRevenue + backlog(id),
      credibleMw: f.serving + mulBp(arrivingPoweredMw(c, -1, f.installed, f.outlook.arrivingMw), MARKET_PARAMS.valuation.arrivingWeightBp),
      capabilityBp: c.capabilityBp,
    };
  });
  const shares = franchiseSharesBp(claims);
  const expected = nextPotential(potential, MARKET_PARAMS.demand.growthBp);
  const industryValue = industryAiValue(expected, expected, potential, BP, MARKET_PARAMS.demand.refYieldK, MARKET_PARAMS.demand.refYieldK);
  seats.forEach((id, k) => {
    const c = companies[id]!;
    const f = fleets.get(id)!;
    const lastCapexRnd = 0;
    const coreRevenue = coreRevenueConsensus(c.core.revenue, c.core.growthBp, 0);
    const aiRevenue = aiRevenueConsensus(c.aiRevenue, MARKET_PARAMS.demand.growthBp) + backlog(id);
    // The first quarter's depreciation: quarterDepreciation(v, 0) summed, as read before it.
    const income = quarterlyIncome(openingIncomeInput(c, baseRateBp, f.outlook.nextDepreciation, f.installed));
    const start = SCENARIO_DEFS[config.scenario].startYear;
    const path = capexPath(id, config.variant, start, { year: start, q: 1 }, c.capexHistory, undefined, 4);
    const consensus = {
      capex: path[0] ?? 0,
      capexYear: path.reduce((s, x) => s + x, 0),
      coreRevenue,
      aiRevenue,
      netIncome: netIncomeConsensus(c, 0, { coreRevenue, aiRevenue }, f.usable, lastCapexRnd, baseRateBp, f.outlook.nextDepreciation),
    };
    // The leverage the market tolerates is the seat's own opening leverage (or the sector's, if
    // lower): the opening inputs must already use it, or the first quarter re-rates a levered seat.
    const ebitdaQ = income.operatingIncome + income.depreciation;
    const openingLeverage = leverageBp(c.tranches.reduce((s, t) => s + t.principal, 0) - c.cash, ebitdaQ);
    const leverageFreeBp = Math.max(MARKET_PARAMS.valuation.leverageFreeBp, openingLeverage);
    const seen = { ...c, consensus, valuation: { ...c.valuation, anchor: { ...c.valuation.anchor, leverageFreeBp } } };
    const inputs = valuationInputs(
      seen,
      -1,
      {
        consensus,
        moodBp: MARKET_PARAMS.sentiment.regimeMultBp[regime],
        powerCost: income.powerCost,
        chipRnd: 0,
        installedMw: f.installed,
        usableMw: f.usable,
        servingMw: f.serving,
        customerFlowBp: 0,
        horizonQ: 0,
        franchise: mulBp(industryValue, shares[k] ?? 0),
        fadeBp: BP,
        timeValueBp: BP,
        quarterlyEbitda: ebitdaQ,
        capexPremiumBp: 0,
        beatPremiumBp: 0,
        eventPremiumBp: 0,
      },
      f.outlook,
    );
    const anchor = anchorFor(c.marketCap, inputs, mulBp(inputs.coreNopat, MARKET_PARAMS.valuation.earningsFloorBp), leverageFreeBp);
    const price: PriceState = { inputs, sharesM: c.sharesOutstandingM, residualBp: 0, marketNoiseBp: 0 };
    const cents = sharePriceCents(anchor, price);
    companies[id] = {
      ...c,
      consensus,
      sharePriceCents: cents,
      marketCap: Math.round((cents * c.sharesOutstandingM) / 100),
      startMarketCap: Math.round((cents * c.sharesOutstandingM) / 100),
      valuation: { anchor, inputs, residualBp: 0, startPriceCents: cents, fairPriceCents: cents },
    };
  });
}

/** A quarter's income at the opening position: the agencies' and the market's starting figures. */
/** `dep`: the cohorts' depreciation in the first quarter; `installed`: the server MW in service then. */
function openingIncomeInput(c: CompanyState, baseRateBp: number, dep: number, installed: number): IncomeInput {
  const usable = Math.min(installed, c.power.onlineMw);
  return {
    coreRevenue: c.core.revenue,
    coreMarginBp: c.core.marginBp,
    aiRevenue: c.aiRevenue,
    usableMw: usable,
    powerCostPerMwQK: c.power.costPerMwQK,
    depreciation: dep,
    rnd: 0,
    tranches: c.tranches,
    openingCash: c.cash,
    baseRateBp,
    extraExpense: 0,
  };
}

/** Creates the opening state of a match. Same config → same state, byte for byte. */
export function createMatch(input: MatchConfigInput = {}): MatchState {
  const config = resolveConfig(input);
  const scenario = SCENARIO_DEFS[config.scenario];
  const D = MARKET_PARAMS.demand;
  const CR = MARKET_PARAMS.credit;
  let rng = seedRng(config.seed);
  const boom = nextChanceBp(rng, D.driftChanceBp.boom);
  rng = boom.rng;
  const bust = nextChanceBp(rng, Math.floor((D.driftChanceBp.bust * BP) / (BP - D.driftChanceBp.boom)));
  rng = bust.rng;
  const driftBp = boom.value ? D.driftBp.boom : bust.value ? D.driftBp.bust : D.driftBp.base;

  const companies: Partial<Record<CompanyId, CompanyState>> = {};
  for (const id of config.seats) companies[id] = openingCompany(id, config);
  // Capability relative to the leader among the seats.
  const training: Partial<Record<CompanyId, number>> = {};
  for (const id of config.seats) training[id] = companies[id]!.trainingCompute;
  const caps = capabilitiesBp(training);
  for (const id of config.seats) {
    const c = companies[id]!;
    const capabilityBp = caps[id] ?? BP;
    companies[id] = {
      ...c,
      capabilityBp,
      aiShareBp: Math.min(BP, Math.floor((c.aiRevenue * BP) / D.potentialQ[config.scenario])),
      core: { ...c.core, openingCapabilityBp: capabilityBp },
    };
  }
  const baseRateBp = CR.baseRateBp[config.scenario];
  openMarket(companies, config, baseRateBp);

  const aiIgShareBp = CR.aiIgShareStartBp;
  const bonds: MarketState["bonds"] = {
    baseRateBp,
    aiIgShareBp,
    crowdingBp: crowdingBp(aiIgShareBp),
    windowOpen: true,
    windowShutQuarters: 0,
    aiDebt: mulBp(CR.igMarket, aiIgShareBp),
    igDebt: CR.igMarket,
  };
  const offers = generateOffers(rng, -1, 1, MARKET_PARAMS.energy.gridQueueQuarters);
  rng = offers.rng;
  const market: MarketState = {
    // The coming quarter's demand: the adoption path has already moved one step past the run rate.
    demandPotential: nextPotential(D.potentialQ[config.scenario], D.growthBp),
    expectedPotential: nextPotential(D.potentialQ[config.scenario], D.growthBp),
    timeValueBp: BP,
    demandGrowthBp: D.growthBp,
    demandDriftBp: driftBp,
    efficiencyBp: BP,
    outsideMw: D.outsideMw[config.scenario],
    industryAiRevenue: config.seats.reduce((s, id) => s + companies[id]!.aiRevenue, 0),
    yieldPerMwK: D.refYieldK,
    nvidia: {
      supplyMw: MARKET_PARAMS.chips.nvidiaSupplyMwQ,
      priceK: MARKET_PARAMS.chips.nvidiaBasePriceK,
      unitCostK: nvidiaUnitCostK(),
      grossMarginBp: MARKET_PARAMS.chips.nvidiaGrossMarginBp,
      revenue: 0,
      leadQuarters: MARKET_PARAMS.chips.nvidiaLeadQuarters,
    },
    energy: { offers: offers.value.offers, gridQueueQuarters: MARKET_PARAMS.energy.gridQueueQuarters, nextDealSeq: offers.value.seq },
    bonds,
    marketNoiseBp: 0,
    sentiment: {
      regime: MARKET_PARAMS.sentiment.start[config.scenario],
      scoreBp: 0,
      quartersInRegime: 0,
      moodBp: MARKET_PARAMS.sentiment.regimeMultBp[MARKET_PARAMS.sentiment.start[config.scenario]],
      openingCoverageBp: forwardCoverageBp(config.seats.map((id) => companies[id]!)),
    },
    events: [],
  };
  return {
    version: STATE_VERSION,
    engineVersion: ENGINE_VERSION,
    config,
    turn: 0,
    quarter: { year: scenario.startYear, q: 1 },
    ended: false,
    rng,
    companies,
    market,
    schedule: scenario.schedule.map((e) => ({ ...e })),
    industryHistory: [],
    lastDecisions: {},
  };
}

export { fromScheduled };
