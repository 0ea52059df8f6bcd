/**
 * What a seat (or a spectator, seat = null) may see. Public: the figures a listed company
 * reports. Private to the seat: its own debt tranches, power pipeline, chip programme and asset
 * cohorts. Never: the RNG state, the seed, the demand path's hidden drift, scheduled events not
 * yet announced, or anyone's pending decision (the engine state holds none).
 */
import { COMPANY_PARAMS } from "../rules/params.ts";
import type { CompanyId, Rating } from "./ids.ts";
import type {
  ChipProgram,
  Consensus,
  CreditWatch,
  CompanyState,
  DebtTranche,
  EnergyDeal,
  IndustryRecord,
  MatchConfig,
  MatchState,
  PowerContract,
  QuarterRecord,
  Quarter,
  ActiveEvent,
  ValuationInputs,
  Vintage,
} from "./types.ts";
import { installedMw, usableMw, fleetCustomShareBp } from "./compute.ts";

export interface PublicCompanyView {
  readonly id: CompanyId;
  readonly status: "active" | "defaulted";
  readonly rating: Rating;
  readonly cash: number;
  readonly debt: number;
  readonly sharePriceCents: number;
  readonly marketCap: number;
  readonly startMarketCap: number;
  readonly aiRevenue: number;
  readonly aiShareBp: number;
  readonly capabilityBp: number;
  readonly installedMw: number;
  readonly poweredMw: number;
  readonly usableMw: number;
  readonly strandedMw: number;
  readonly fleetCustomShareBp: number;
  readonly coreRevenue: number;
  /** Customers won (+) or lost (−) to rivals since the opening, bp of the core. */
  readonly shareShiftBp: number;
  readonly creditWatch: CreditWatch;
  /** Quarters left in which lenders cut the seat's capacity (it paid out borrowed money). */
  readonly lendersWaryQuarters: number;
  /** What the market expects of the seat next quarter. */
  readonly consensus: Consensus;
  /** What the market looked at last quarter (analysts' public view: earnings, outlook, franchise, premiums). */
  readonly valuationInputs: ValuationInputs;
  readonly history: readonly QuarterRecord[];
  readonly capexHistory: readonly number[];
  readonly aiRevenueHistory: readonly number[];
}

export interface PrivateCompanyView extends PublicCompanyView {
  readonly tranches: readonly DebtTranche[];
  readonly powerPipeline: readonly PowerContract[];
  readonly chipProgram: ChipProgram;
  readonly assets: readonly Vintage[];
  readonly serverLifeQuarters: number;
  readonly contracted: CompanyState["contracted"];
  readonly coreMarginBp: number;
  readonly coreGrowthBp: number;
}

export interface MarketView {
  readonly industryAiRevenue: number;
  readonly yieldPerMwK: number;
  readonly outsideMw: number;
  readonly nvidia: MatchState["market"]["nvidia"];
  readonly energyOffers: readonly EnergyDeal[];
  readonly gridQueueQuarters: number;
  readonly bonds: MatchState["market"]["bonds"];
  readonly sentiment: MatchState["market"]["sentiment"];
  readonly events: readonly ActiveEvent[];
  /** The adoption path the market priced, carried to this quarter (public: the analysts' path). */
  readonly expectedPotential: number;
  readonly timeValueBp: number;
  /** The sector's noise on prices this quarter, bp. */
  readonly marketNoiseBp: number;
  /** Public leading indicators: demand at the reference price (bp of the opening) and the seats' contracted backlog, $M. */
  readonly adoptionIndexBp: number;
  readonly backlog: number;
}

export interface MatchView {
  readonly seat: CompanyId | null;
  readonly config: Omit<MatchConfig, "seed">;
  readonly turn: number;
  readonly quarter: Quarter;
  readonly ended: boolean;
  readonly companies: Readonly<Partial<Record<CompanyId, PublicCompanyView>>>;
  readonly own: PrivateCompanyView | null;
  readonly market: MarketView;
  readonly industryHistory: readonly IndustryRecord[];
}

function publicView(c: CompanyState, turn: number): PublicCompanyView {
  const installed = installedMw(c, turn);
  const usable = usableMw(c, turn);
  const powered = Math.max(0, c.power.onlineMw - c.power.outageMw);
  return {
    id: c.id,
    status: c.status,
    rating: c.rating,
    cash: c.cash,
    debt: c.tranches.reduce((s, t) => s + t.principal, 0),
    sharePriceCents: c.sharePriceCents,
    marketCap: c.marketCap,
    startMarketCap: c.startMarketCap,
    aiRevenue: c.aiRevenue,
    aiShareBp: c.aiShareBp,
    capabilityBp: c.capabilityBp,
    installedMw: installed,
    poweredMw: powered,
    usableMw: usable,
    strandedMw: installed - usable,
    fleetCustomShareBp: fleetCustomShareBp(c, turn),
    coreRevenue: c.core.revenue,
    shareShiftBp: c.core.shareShiftBp,
    creditWatch: c.creditWatch,
    lendersWaryQuarters: c.lendersWaryQuarters,
    consensus: c.consensus,
    valuationInputs: c.valuation.inputs,
    history: c.history,
    capexHistory: c.capexHistory,
    aiRevenueHistory: c.aiRevenueHistory,
  };
}

export function viewFor(state: MatchState, seat: CompanyId | null): MatchView {
  const companies: Partial<Record<CompanyId, PublicCompanyView>> = {};
  for (const id of state.config.seats) {
    const c = state.companies[id];
    if (c) companies[id] = publicView(c, state.turn);
  }
  const mine = seat ? state.companies[seat] : undefined;
  const own: PrivateCompanyView | null = mine
    ? {
        ...publicView(mine, state.turn),
        tranches: mine.tranches,
        powerPipeline: mine.power.pipeline,
        chipProgram: mine.chipProgram,
        assets: mine.assets,
        serverLifeQuarters: mine.serverLifeQuarters,
        contracted: mine.contracted,
        coreMarginBp: mine.core.marginBp,
        coreGrowthBp: mine.core.growthBp,
      }
    : null;
  const { seed: _seed, ...config } = state.config;
  const m = state.market;
  return {
    seat: mine ? seat : null,
    config,
    turn: state.turn,
    quarter: state.quarter,
    ended: state.ended,
    companies,
    own,
    market: {
      industryAiRevenue: m.industryAiRevenue,
      yieldPerMwK: m.yieldPerMwK,
      outsideMw: m.outsideMw,
      nvidia: m.nvidia,
      energyOffers: m.energy.offers,
      gridQueueQuarters: m.energy.gridQueueQuarters,
      bonds: m.bonds,
      sentiment: m.sentiment,
      events: m.events,
      expectedPotential: m.expectedPotential,
      timeValueBp: m.timeValueBp,
      marketNoiseBp: m.marketNoiseBp,
      ...publishedIndicators(state),
    },
    industryHistory: state.industryHistory,
  };
}

/**
 * The leading indicators as published: last quarter's measured figures (the live demand path is
 * hidden, and so is each rival's contract book); before the first quarter, the opening filings.
 */
function publishedIndicators(state: MatchState): { adoptionIndexBp: number; backlog: number } {
  const last = state.industryHistory.at(-1);
  if (last) return { adoptionIndexBp: last.adoptionIndexBp, backlog: last.backlog };
  const backlog = state.config.seats.reduce((s, id) => {
    const p = COMPANY_PARAMS[id];
    return s + (p.contractedQ ?? 0) * (p.contractedQuarters ?? 0);
  }, 0);
  return { adoptionIndexBp: 10_000, backlog };
}
