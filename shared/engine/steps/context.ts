/**
 * The working data of one resolveTurn call. Every step reads the input state and writes only
 * into fresh drafts here (one per active seat), so the input state is never mutated.
 */
import type { CohortOutlook, Depreciation } from "../cohorts.ts";
import type { CompanyId, Rating } from "../ids.ts";
import type { DemandOutcome } from "../demand.ts";
import type {
  ActiveEvent,
  AuctionResult,
  CashFlowStatement,
  CompanyState,
  Decision,
  IncomeStatement,
  MarketState,
  MatchState,
  PriceMove,
  SeatExpectations,
} from "../types.ts";
import { COMPANIES } from "../ids.ts";
import { defaultDecision, validateDecision } from "../validate.ts";

export type Draft<T> = { -readonly [K in keyof T]: T[K] };

/** One active seat's quarter, filled in step by step. */
export interface SeatWork {
  readonly before: CompanyState;
  readonly c: Draft<CompanyState>;
  readonly decision: Decision;
  /** The submitted decision was illegal and the default stood instead. */
  readonly replaced: boolean;
  energyWon: string[];
  energyPaid: number;
  mwOrdered: number;
  installed: number;
  usable: number;
  /** Usable MW weighted by the fleet's serving and training efficiency (own silicon vs Nvidia). */
  servingMw: number;
  trainingMw: number;
  /** Contracted (backlog) revenue served this quarter, part of the AI revenue. */
  contractServed: number;
  income: IncomeStatement | null;
  cashFlow: CashFlowStatement | null;
  debtIssued: number;
  couponBp: number;
  coverBp: number;
  emergency: number;
  equityIssued: number;
  /** Net book value of the cohorts after this quarter's depreciation. */
  ppe: number;
  aiDep: number;
  /** The quarter's pass over the cohorts (step 3 reads them, step 6 charges and retires). */
  cohorts: Depreciation | null;
  /** The kept cohorts read for the market (step 6 leaves it for step 9: nothing changes the cohorts between). */
  fleet: CohortOutlook | null;
  ratingBefore: Rating;
  ratingReason: string | null;
  defaultedNow: boolean;
  expectations: SeatExpectations | null;
  priceMove: PriceMove | null;
}

export interface TurnContext {
  readonly state: MatchState;
  readonly turn: number;
  rng: number;
  /** Active seats in canonical order. */
  readonly active: readonly CompanyId[];
  readonly work: ReadonlyMap<CompanyId, SeatWork>;
  auctions: AuctionResult[];
  nvidia: MarketState["nvidia"];
  demand: DemandOutcome | null;
  /** Demand at the reference price this quarter (after efficiency shocks). */
  potential: number;
  bonds: MarketState["bonds"];
  sentiment: MarketState["sentiment"];
  marketNoiseBp: number;
  /** Bonds the seats sold this quarter, $M. */
  seatIssuance: number;
  events: ActiveEvent[];
}

export function seatWork(ctx: TurnContext, id: CompanyId): SeatWork {
  const w = ctx.work.get(id);
  if (!w) throw new Error(`no working draft for ${id}`);
  return w;
}

/** Step 0: decisions in canonical seat order; a missing or illegal one is replaced by the seat's default. */
export function beginTurn(state: MatchState, decisions: Readonly<Partial<Record<CompanyId, unknown>>>): TurnContext {
  if (state.ended) throw new Error("resolveTurn called on an ended match");
  const active = COMPANIES.filter((id) => state.config.seats.includes(id) && state.companies[id]?.status === "active");
  const work = new Map<CompanyId, SeatWork>();
  for (const id of active) {
    const c = state.companies[id]!;
    const submitted = decisions[id];
    const ok = submitted !== undefined && validateDecision(state, id, submitted).ok;
    work.set(id, {
      before: c,
      c: { ...c },
      decision: ok ? (submitted as Decision) : defaultDecision(state, id),
      replaced: submitted !== undefined && !ok,
      energyWon: [],
      energyPaid: 0,
      mwOrdered: 0,
      installed: 0,
      usable: 0,
      servingMw: 0,
      contractServed: 0,
      trainingMw: 0,
      income: null,
      cashFlow: null,
      debtIssued: 0,
      couponBp: 0,
      coverBp: 0,
      emergency: 0,
      equityIssued: 0,
      ppe: 0,
      aiDep: 0,
      cohorts: null,
      fleet: null,
      ratingBefore: c.rating,
      ratingReason: null,
      defaultedNow: false,
      expectations: null,
      priceMove: null,
    });
  }
  return {
    state,
    turn: state.turn,
    rng: state.rng,
    active,
    work,
    auctions: [],
    nvidia: state.market.nvidia,
    demand: null,
    potential: state.market.demandPotential,
    bonds: state.market.bonds,
    sentiment: state.market.sentiment,
    marketNoiseBp: state.market.marketNoiseBp,
    seatIssuance: 0,
    events: [],
  };
}
