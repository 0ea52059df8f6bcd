/** createMatch: the opening state of a scenario — history pre-filled so the first statements look real. */
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import { SCENARIO_DEFS } from "../rules/scenarios.ts";
import { COMPANIES, MAX_SEATS, MAX_TURNS, MIN_TURNS, SCENARIOS, SCORINGS, VARIANTS, isCompanyId, type CompanyId } from "./ids.ts";
import {
  ENGINE_VERSION,
  STATE_VERSION,
  type CompanyState,
  type MatchConfig,
  type MatchConfigInput,
  type MatchState,
  type MarketState,
  type Vintage,
  type DebtTranche,
} from "./types.ts";
import { BP, mulBp } from "./money.ts";
import { nextChanceBp, seedRng } from "./rng.ts";
import { accumulatedDepAt, installedMw, quarterDepreciation, netPpe } from "./compute.ts";
import { capabilitiesBp, nextTrainingCompute } from "./capability.ts";
import { nvidiaUnitCostK, maxCustomShareBp } from "./chips.ts";
import { generateOffers } from "./energy.ts";
import { crowdingBp, leverageBp, ratingFor } from "./bonds.ts";
import { anchorMultipleBp, earningsPowerQ } from "./stock.ts";
import { fromScheduled } from "./events.ts";
import { quarterlyIncome, type IncomeInput } from "./finance.ts";

export const DEFAULT_CONFIG: MatchConfig = {
  scenario: "reckoning",
  variant: "guide",
  turns: 12,
  seats: ["microsoft", "amazon", "alphabet", "meta"],
  seed: 1,
  scoring: "tsr",
  randomEvents: true,
};

/** Fills defaults and checks the config. Throws on a config the protocol layer should have rejected. */
export function resolveConfig(input: MatchConfigInput = {}): MatchConfig {
  const c: MatchConfig = { ...DEFAULT_CONFIG, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const problems: string[] = [];
  if (!SCENARIOS.includes(c.scenario)) problems.push(`unknown scenario ${String(c.scenario)}`);
  if (!VARIANTS.includes(c.variant)) problems.push(`unknown variant ${String(c.variant)}`);
  if (!SCORINGS.includes(c.scoring)) problems.push(`unknown scoring ${String(c.scoring)}`);
  if (!Number.isInteger(c.turns) || c.turns < MIN_TURNS || c.turns > MAX_TURNS) problems.push(`turns must be ${MIN_TURNS}–${MAX_TURNS}`);
  if (!Number.isInteger(c.seed) || c.seed < 0 || c.seed > 0xffffffff) problems.push("seed must be a uint32");
  if (!Array.isArray(c.seats) || c.seats.length < 1 || c.seats.length > MAX_SEATS) problems.push(`1–${MAX_SEATS} seats`);
  else if (!c.seats.every(isCompanyId) || new Set(c.seats).size !== c.seats.length) problems.push("seats must be distinct company ids");
  if (problems.length > 0) throw new Error(`invalid match config: ${problems.join("; ")}`);
  // Canonical seat order, whatever order the caller listed them in.
  return { ...c, seats: COMPANIES.filter((id) => c.seats.includes(id)) };
}

/** Absolute quarter index of (year, q) relative to the scenario's first quarter. */
function quarterIndex(year: number, q: number, startYear: number): number {
  return (year - startYear) * 4 + (q - 1);
}

function historicVintages(id: CompanyId, startYear: number, years: readonly number[]): { assets: Vintage[]; capexByQuarter: number[] } {
  const p = COMPANY_PARAMS[id];
  const C = MARKET_PARAMS.capex;
  const assets: Vintage[] = [];
  const capexByQuarter: number[] = [];
  const serverShareBp = Math.floor(((C.historicalAllInCostK - C.facilityCostK) * BP) / C.historicalAllInCostK);
  const customBp = maxCustomShareBp(p.customMaturityBp);
  for (const y of years) {
    const annual = p.capexHistory[String(y)] ?? 0;
    const aiBp = C.historicalAiShareBp[String(y)] ?? 0;
    for (let q = 1; q <= 4; q++) {
      const capex = Math.floor(annual / 4);
      capexByQuarter.push(capex);
      const t = quarterIndex(y, q, startYear);
      const ai = mulBp(capex, aiBp);
      const traditional = capex - ai;
      const mw = Math.floor((ai * 1000) / C.historicalAllInCostK);
      const servers = mulBp(ai, serverShareBp);
      const customMw = mulBp(mw, customBp);
      const customCost = mulBp(servers, customBp);
      const mk = (kind: Vintage["kind"], cost: number, mwv: number, life: number, chip?: "nvidia" | "custom"): void => {
        if (cost <= 0) return;
        const v: Vintage = { kind, boughtTurn: t, inServiceTurn: t + 1, cost, mw: mwv, lifeQuarters: life, ...(chip ? { chip } : {}) };
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
  const stub = { assets } as unknown as CompanyState;
  const installed = installedMw(stub, 0);
  // Training compute: replay the history quarters with the fleet each one had.
  let training = 0;
  for (let t = -scenario.historyYears.length * 4; t < 0; t++) training = nextTrainingCompute(training, installedMw(stub, t), 0);
  // Build-out starts a year earlier: deflate the core by a year of growth.
  let coreRevenue = p.coreRevenueQ;
  for (let i = 0; i < yearsBefore; i++) coreRevenue = Math.floor((coreRevenue * BP) / (BP + p.coreGrowthBp));
  // A year earlier the run rate was lower (Microsoft 13 in Jan 2025 vs 16 in Jan 2026: ai_rr_msft_jan2025).
  const D = MARKET_PARAMS.demand;
  const aiRunRate = yearsBefore > 0 ? mulBp(p.aiRunRateQ, D.aiRunRateYearEarlierBp) : p.aiRunRateQ;
  // The quarters before the start ramp up to it (Microsoft 10 → 13 in "a few months": ai_rr_msft_prior).
  const aiHistory: number[] = [aiRunRate];
  for (let k = 1; k < 4; k++) aiHistory.unshift(Math.floor((aiHistory[0]! * BP) / (BP + D.aiRunRateGrowthBpQ)));
  const tranche: DebtTranche = {
    id: `${id}-legacy`,
    principal: p.debt,
    couponBp: p.debtCouponBp,
    issuedTurn: -8,
    maturityTurn: 40,
    tenor: 10,
    emergency: false,
  };
  const sharesM = p.sharesM;
  const marketCap = Math.floor((p.priceCents * sharesM) / 100);
  const onlineMw = installed + mulBp(installed, p.powerHeadroomBp);
  const ppe = netPpe(assets, 0);
  const otherAssets = p.otherAssets;
  const equity = p.cash + ppe + otherAssets - p.debt - p.otherLiabilities;
  return {
    id,
    status: "active",
    defaultedTurn: null,
    cash: p.cash,
    otherAssets,
    otherLiabilities: p.otherLiabilities,
    equity,
    tranches: p.debt > 0 ? [tranche] : [],
    nextTrancheSeq: 1,
    rating: "AA",
    core: { revenue: coreRevenue, marginBp: p.coreMarginBp, growthBp: p.coreGrowthBp, erosionBp: 0, liftBp: 0 },
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
    chipProgram: { maturityBp: p.customMaturityBp, slipQuarters: 0 },
    serverLifeQuarters: p.serverLifeQuarters,
    trainingCompute: training,
    capabilityBp: BP,
    aiRevenue: aiRunRate,
    aiShareBp: 0,
    contracted: { perQuarter: p.contractedQ ?? 0, quartersLeft: p.contractedQuarters ?? 0 },
    sharesOutstandingM: sharesM,
    sharePriceCents: p.priceCents,
    marketCap,
    startMarketCap: marketCap,
    cashReturned: 0,
    dividendsPerShareCents: 0,
    cumulativeFcf: 0,
    antitrustBp: 0,
    valuation: { anchorMultipleBp: BP, baseEarningsQ: 1, startPriceCents: p.priceCents },
    history: [],
    capexHistory: capexByQuarter,
    aiRevenueHistory: aiHistory,
  };
}

/** Creates the opening state of a match. Same config → same state, byte for byte. */
export function createMatch(input: MatchConfigInput = {}): MatchState {
  const config = resolveConfig(input);
  const scenario = SCENARIO_DEFS[config.scenario];
  const D = MARKET_PARAMS.demand;
  const B = MARKET_PARAMS.bonds;
  let rng = seedRng(config.seed);
  const boom = nextChanceBp(rng, D.driftChanceBp.boom);
  rng = boom.rng;
  const bust = nextChanceBp(rng, Math.floor((D.driftChanceBp.bust * BP) / (BP - D.driftChanceBp.boom)));
  rng = bust.rng;
  const driftBp = boom.value ? D.driftBp.boom : bust.value ? D.driftBp.bust : D.driftBp.base;

  const potential = D.potentialQ[config.scenario];
  const companies: Partial<Record<CompanyId, CompanyState>> = {};
  for (const id of config.seats) companies[id] = openingCompany(id, config);

  // Capability relative to the leader among the seats.
  const training: Partial<Record<CompanyId, number>> = {};
  for (const id of config.seats) training[id] = companies[id]!.trainingCompute;
  const caps = capabilitiesBp(training);

  const baseRateBp = B.baseRateBp[config.scenario];
  const bonds: MarketState["bonds"] = {
    baseRateBp,
    aiIgShareBp: B.aiIgShareStartBp,
    crowdingBp: crowdingBp(B.aiIgShareStartBp),
    windowOpen: true,
    windowShutQuarters: 0,
    seatAiDebt: 0,
  };
  const totalPosition = config.seats.reduce((s, id) => s + installedMw(companies[id]!, 0), 0) + D.outsideMw[config.scenario];
  for (const id of config.seats) {
    const c = companies[id]!;
    const capabilityBp = caps[id] ?? BP;
    const aiShareBp = Math.min(BP, Math.floor((c.aiRevenue * BP) / potential));
    const income = quarterlyIncome(openingIncomeInput(c, capabilityBp, baseRateBp));
    const positionShareBp = Math.floor((installedMw(c, 0) * BP) / Math.max(1, totalPosition));
    const ebitda = income.operatingIncome + income.depreciation;
    const netDebt = c.tranches.reduce((s, t) => s + t.principal, 0) - c.cash;
    companies[id] = {
      ...c,
      capabilityBp,
      aiShareBp,
      rating: ratingFor(id, leverageBp(netDebt, ebitda)),
      valuation: {
        anchorMultipleBp: anchorMultipleBp(c.marketCap, earningsPowerQ(c.core.revenue, c.core.marginBp), positionShareBp, potential, c.aiRevenue, -netDebt),
        baseEarningsQ: Math.max(1, earningsPowerQ(c.core.revenue, c.core.marginBp)),
        startPriceCents: c.sharePriceCents,
      },
    };
  }

  const offers = generateOffers(rng, -1, 1, MARKET_PARAMS.energy.gridQueueQuarters);
  rng = offers.rng;
  const market: MarketState = {
    demandPotential: potential,
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
    sentiment: { regime: MARKET_PARAMS.sentiment.start[config.scenario], scoreBp: 0, quartersInRegime: 0 },
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

/** A quarter's income at the opening position, used to anchor the valuation. */
function openingIncomeInput(c: CompanyState, capabilityBp: number, baseRateBp: number): IncomeInput {
  void capabilityBp;
  let dep = 0;
  for (const v of c.assets) dep += quarterDepreciation(v, 0);
  const usable = Math.min(installedMw(c, 0), c.power.onlineMw);
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
export { fromScheduled };
