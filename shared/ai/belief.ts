/**
 * A belief MatchState rebuilt from a seat's view, for the planner's roll-outs. Only the view,
 * public rule data and the scenario's opening (createMatch of the public config with a seed of
 * the AI's own) go in: the real RNG state, seed, demand drift, unannounced events and rivals'
 * private books are replaced by estimates.
 */
import type { CompanyId } from "../engine/ids.ts";
import type { CompanyState, DebtTranche, MatchConfig, MatchState, Vintage } from "../engine/types.ts";
import type { MatchView, PrivateCompanyView, PublicCompanyView } from "../engine/view.ts";
import { createMatch } from "../engine/create-match.ts";
import { seedRng } from "../engine/rng.ts";
import { BP, mulBp } from "../engine/money.ts";
import { inService } from "../engine/compute.ts";
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import { SCENARIO_DEFS } from "../rules/scenarios.ts";

/** Openings are pure functions of the public config; one per config is kept (a cache, not state). */
const TEMPLATES = new Map<string, MatchState>();

function template(config: Omit<MatchConfig, "seed">): MatchState {
  const key = `${config.scenario}|${config.variant}|${config.turns}|${config.seats.join(",")}|${config.scoring}|${config.randomEvents}`;
  let t = TEMPLATES.get(key);
  if (!t) {
    // Seed 0 is a fixed public stand-in: the opening must not depend on the match's seed.
    t = createMatch({ ...config, seats: [...config.seats], seed: 0 });
    if (TEMPLATES.size > 64) TEMPLATES.clear();
    TEMPLATES.set(key, t);
  }
  return t;
}

function lastBalance(c: PublicCompanyView) {
  return c.history[c.history.length - 1]?.balance;
}

/** In-match capex quarters as synthetic server cohorts, scaled so installed MW matches what was reported. */
function rebuildAssets(base: readonly Vintage[], pub: PublicCompanyView, turn: number): Vintage[] {
  const keep = base.filter((v) => v.kind !== "ai_servers" || v.boughtTurn < 0);
  const baseMw = keep.reduce((s, v) => (v.kind === "ai_servers" && inService(v, turn) ? s + v.mw : s), 0);
  const inMatch = pub.capexHistory.slice(pub.capexHistory.length - turn);
  const total = inMatch.reduce((s, x) => s + x, 0);
  const residual = Math.max(0, pub.installedMw - baseMw);
  const out = [...keep];
  inMatch.forEach((capex, k) => {
    const mw = total > 0 ? Math.floor((residual * capex) / total) : 0;
    if (capex <= 0) return;
    out.push({
      kind: "ai_servers",
      chip: "nvidia",
      boughtTurn: k,
      inServiceTurn: k + 1,
      cost: mulBp(capex, 8_000),
      mw,
      lifeQuarters: 16,
    });
  });
  return out;
}

function scaleTranches(ts: readonly DebtTranche[], debt: number, turn: number): DebtTranche[] {
  const live = ts.filter((t) => t.maturityTurn > turn);
  const sum = live.reduce((s, t) => s + t.principal, 0);
  if (debt <= 0) return [];
  if (sum <= 0) {
    return [{ id: "belief-0", principal: debt, couponBp: 450, issuedTurn: turn, maturityTurn: turn + 40, tenor: 10, emergency: false }];
  }
  let left = debt;
  return live.map((t, i) => {
    const p = i === live.length - 1 ? left : Math.floor((t.principal * debt) / sum);
    left -= p;
    return { ...t, principal: p };
  });
}

/** Steady-state training compute for a fleet: what usable MW would keep the decaying stock at. */
function steadyTraining(id: CompanyId, usableMw: number): number {
  const K = MARKET_PARAMS.capability;
  return K.decayBp > 0 ? Math.floor((mulBp(usableMw, COMPANY_PARAMS[id].trainingShareBp) * BP) / K.decayBp) : 0;
}

function publicPatch(t: CompanyState, pub: PublicCompanyView, turn: number): CompanyState {
  const bal = lastBalance(pub);
  return {
    ...t,
    status: pub.status,
    defaultedTurn: pub.status === "defaulted" ? (t.defaultedTurn ?? turn) : null,
    cash: pub.cash,
    otherAssets: bal?.otherAssets ?? t.otherAssets,
    otherLiabilities: bal?.otherLiabilities ?? t.otherLiabilities,
    equity: bal?.equity ?? t.equity,
    rating: pub.rating,
    creditWatch: pub.creditWatch,
    lendersWaryQuarters: pub.lendersWaryQuarters,
    consensus: pub.consensus,
    valuation: { ...t.valuation, inputs: pub.valuationInputs, residualBp: 0 },
    core: { ...t.core, revenue: pub.coreRevenue, shareShiftBp: pub.shareShiftBp },
    aiRevenue: pub.aiRevenue,
    aiShareBp: pub.aiShareBp,
    capabilityBp: pub.capabilityBp,
    sharesOutstandingM: pub.sharePriceCents > 0 ? Math.max(1, Math.round((pub.marketCap * 100) / pub.sharePriceCents)) : t.sharesOutstandingM,
    sharePriceCents: pub.sharePriceCents,
    marketCap: pub.marketCap,
    startMarketCap: pub.startMarketCap,
    history: pub.history,
    capexHistory: pub.capexHistory,
    aiRevenueHistory: pub.aiRevenueHistory,
    cumulativeFcf: t.cumulativeFcf + pub.history.slice(pub.history.length - turn).reduce((s, r) => s + r.cashFlow.freeCashFlow, 0),
    cashReturned: t.cashReturned + pub.history.slice(pub.history.length - turn).reduce((s, r) => s + r.cashFlow.buybacks + r.cashFlow.dividends, 0),
  };
}

function ownCompany(t: CompanyState, o: PrivateCompanyView, turn: number): CompanyState {
  const c = publicPatch(t, o, turn);
  return {
    ...c,
    tranches: o.tranches,
    nextTrancheSeq: t.nextTrancheSeq + o.tranches.length + turn,
    core: { ...c.core, marginBp: o.coreMarginBp, growthBp: o.coreGrowthBp },
    assets: o.assets,
    power: { ...t.power, onlineMw: o.poweredMw, pipeline: o.powerPipeline, outageMw: 0 },
    chipProgram: o.chipProgram,
    serverLifeQuarters: o.serverLifeQuarters,
    contracted: o.contracted,
  };
}

function rivalCompany(t: CompanyState, pub: PublicCompanyView, turn: number): CompanyState {
  const c = publicPatch(t, pub, turn);
  return {
    ...c,
    tranches: scaleTranches(t.tranches, pub.debt, turn),
    nextTrancheSeq: t.nextTrancheSeq + 8 + turn,
    assets: turn > 0 ? rebuildAssets(t.assets, pub, turn) : t.assets,
    // Contracts known at the opening stay; auctions won since are unknown to the viewer.
    power: { ...t.power, onlineMw: pub.poweredMw, pipeline: t.power.pipeline.filter((p) => p.onlineTurn > turn), outageMw: 0 },
    contracted: {
      perQuarter: t.contracted.perQuarter,
      quartersLeft: Math.max(0, t.contracted.quartersLeft - turn),
    },
  };
}

/**
 * The planner's belief about the whole match, from `view` alone. `seed` drives the belief's own
 * RNG (demand noise, events, auction ties) in roll-outs.
 */
export function beliefState(view: MatchView, seed: number): MatchState {
  const t = template(view.config);
  const turn = view.turn;
  const companies: Partial<Record<CompanyId, CompanyState>> = {};
  const training: Partial<Record<CompanyId, number>> = {};
  for (const id of view.config.seats) {
    const tc = t.companies[id];
    const pub = view.companies[id];
    if (!tc || !pub) continue;
    companies[id] = view.own && id === view.seat ? ownCompany(tc, view.own, turn) : rivalCompany(tc, pub, turn);
    training[id] = steadyTraining(id, pub.usableMw);
  }
  // Training stocks consistent with the reported capability ratios (capability = √(own / leader)).
  const leader = Math.max(1, ...Object.values(training).map((x) => x ?? 0));
  for (const id of view.config.seats) {
    const c = companies[id];
    if (!c) continue;
    const cap = c.capabilityBp;
    companies[id] = { ...c, trainingCompute: turn === 0 ? c.trainingCompute : Math.floor((leader * cap * cap) / (BP * BP)) };
  }
  // Demand: the public adoption path from the opening, without the hidden drift and noise.
  let potential = t.market.demandPotential;
  for (let k = 0; k < turn; k++) potential += mulBp(potential, t.market.demandGrowthBp);
  const m = view.market;
  const maxSeq = m.energyOffers.reduce((s, o) => {
    const n = Number(o.id.split("-")[1] ?? 0);
    return Number.isFinite(n) ? Math.max(s, n + 1) : s;
  }, t.market.energy.nextDealSeq);
  return {
    ...t,
    config: { ...view.config, seats: [...view.config.seats], seed },
    turn,
    quarter: view.quarter,
    ended: view.ended,
    rng: seedRng(seed),
    companies,
    market: {
      ...t.market,
      demandPotential: potential,
      // The hidden boom/bust drift is unknown: believe in the base path.
      demandDriftBp: MARKET_PARAMS.demand.driftBp.base,
      industryAiRevenue: m.industryAiRevenue,
      yieldPerMwK: m.yieldPerMwK,
      outsideMw: m.outsideMw,
      nvidia: m.nvidia,
      energy: { offers: m.energyOffers, gridQueueQuarters: m.gridQueueQuarters, nextDealSeq: Math.max(maxSeq, t.market.energy.nextDealSeq + turn * 8) },
      bonds: m.bonds,
      sentiment: m.sentiment,
      events: m.events,
      expectedPotential: m.expectedPotential,
      timeValueBp: m.timeValueBp,
      marketNoiseBp: m.marketNoiseBp,
    },
    schedule: SCENARIO_DEFS[view.config.scenario].schedule.filter((e) => e.turn >= turn),
    industryHistory: view.industryHistory,
  };
}
