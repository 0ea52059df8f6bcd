/**
 * Teacher-injected events: added to the schedule of the turn about to resolve, so resolveTurn
 * applies them like the scenario's own events and a replay that records them re-creates them.
 *
 * A teacher's event is bounded: each kind has a documented range around its default magnitude,
 * which is the documents' figure in `balance/params/markets.json` (`events`, `bonds`), so the
 * bounds follow a retune. The ranges (also in docs/PROTOCOL.md):
 *
 * | kind | unit | range |
 * |---|---|---|
 * | efficiency_shock | bp of compute per unit of demand | ½× … 2× the default (DeepSeek moment) |
 * | rate_move | bp of base rate, ≠ 0 | −4 … +4 default steps (one step = the documented move) |
 * | grid_approval | MW online next quarter | ½× … 2× the default |
 * | grid_outage | bp of the target's online MW, one quarter | ⅓× … 2× the default |
 * | chip_slip | quarters of delay | 1 … 2× the default |
 * | antitrust | bp off the valuation multiple (+ the fixed fine) | ½× … 2× the default |
 * | mega_deal | $M of contracted revenue per quarter | ⅕× … 2× the default |
 * | bond_window_shut | quarters shut | 1 … 2× the bond market's default |
 * | bond_window_open | none | no magnitude |
 *
 * Validation (`validateInjectedEvent`) applies the bounds to new injections; `injectEvents`, which
 * the replay fold uses, checks only the structure, so a recorded log re-simulates as it was played.
 */
import { MARKET_PARAMS } from "../rules/params.ts";
import { EVENT_KINDS, isCompanyId, type CompanyId, type EventKind } from "./ids.ts";
import { clamp, mulBp } from "./money.ts";
import type { MatchState, ScheduledEvent, ValidationError, ValidationResult } from "./types.ts";

const EV = MARKET_PARAMS.events;
const BONDS = MARKET_PARAMS.credit;

/** What a magnitude counts: basis points, megawatts, quarters, $M per quarter, or nothing. */
export const INJECT_UNITS = ["bp", "mw", "quarters", "musd", "none"] as const;
export type InjectUnit = (typeof INJECT_UNITS)[number];

export interface EventBound {
  readonly kind: EventKind;
  /** The event is aimed at one seat (and needs `target`). */
  readonly targeted: boolean;
  readonly unit: InjectUnit;
  readonly min: number;
  readonly max: number;
  /** A sensible step for a slider (validation accepts any integer in range). */
  readonly step: number;
  /** The documented magnitude: what the event does when no magnitude is given. */
  readonly default: number;
  /** Zero is not an event (a rate move of 0 bp). */
  readonly nonZero: boolean;
}

function bound(kind: EventKind, targeted: boolean, unit: InjectUnit, dflt: number, min: number, max: number, step: number, nonZero = false): EventBound {
  return { kind, targeted, unit, default: dflt, min: Math.min(min, dflt), max: Math.max(max, dflt), step: Math.max(1, step), nonZero };
}

/** Bounds by kind, derived from the documented defaults (integer arithmetic only). */
export const INJECT_BOUNDS: Readonly<Record<EventKind, EventBound>> = {
  efficiency_shock: bound("efficiency_shock", false, "bp", EV.efficiencyShockBp, Math.ceil(EV.efficiencyShockBp / 2), EV.efficiencyShockBp * 2, 100),
  rate_move: bound("rate_move", false, "bp", EV.rateMoveBp, -4 * EV.rateMoveBp, 4 * EV.rateMoveBp, Math.max(1, EV.rateMoveBp), true),
  grid_approval: bound("grid_approval", true, "mw", EV.gridApprovalMw, Math.ceil(EV.gridApprovalMw / 2), EV.gridApprovalMw * 2, 50),
  grid_outage: bound("grid_outage", true, "bp", EV.gridOutageBp, Math.ceil(EV.gridOutageBp / 3), Math.min(10_000, EV.gridOutageBp * 2), 100),
  chip_slip: bound("chip_slip", true, "quarters", EV.chipSlipQuarters, 1, Math.max(1, EV.chipSlipQuarters * 2), 1),
  antitrust: bound("antitrust", true, "bp", EV.antitrustValuationBp, Math.ceil(EV.antitrustValuationBp / 2), EV.antitrustValuationBp * 2, 100),
  mega_deal: bound("mega_deal", true, "musd", EV.megaDealQ, Math.ceil(EV.megaDealQ / 5), EV.megaDealQ * 2, 250),
  bond_window_shut: bound("bond_window_shut", false, "quarters", BONDS.windowShutQuarters, 1, Math.max(1, BONDS.windowShutQuarters * 2), 1),
  bond_window_open: bound("bond_window_open", false, "none", 0, 0, 0, 1),
};

/** The kinds a teacher may inject, in menu order. */
export const INJECTABLE_KINDS: readonly EventKind[] = EVENT_KINDS;

export function boundOf(kind: EventKind): EventBound {
  return INJECT_BOUNDS[kind];
}

/** The magnitude an event will have: the one given, or its kind's documented default. */
export function magnitudeOf(e: Pick<ScheduledEvent, "kind" | "magnitudeBp">): number {
  return e.magnitudeBp ?? INJECT_BOUNDS[e.kind].default;
}

function structural(state: MatchState, e: ScheduledEvent): ValidationError[] {
  const errors: ValidationError[] = [];
  if (!(EVENT_KINDS as readonly string[]).includes(e.kind)) {
    errors.push({ code: "event/unknown_kind", path: "kind", message: `unknown event kind ${String(e.kind)}` });
    return errors;
  }
  const b = INJECT_BOUNDS[e.kind];
  if (b.targeted && (!isCompanyId(e.target) || !state.companies[e.target]))
    errors.push({ code: "event/bad_target", path: "target", message: `${e.kind} needs a seat of this match as its target` });
  if (e.turn !== state.turn)
    errors.push({ code: "event/wrong_turn", path: "turn", message: `events can only be injected into the current turn (${state.turn})` });
  if (e.magnitudeBp !== undefined && !Number.isSafeInteger(e.magnitudeBp))
    errors.push({ code: "event/bad_magnitude", path: "magnitudeBp", message: "the magnitude must be a whole number" });
  return errors;
}

function unitWord(u: InjectUnit): string {
  return u === "musd" ? "$M per quarter" : u === "mw" ? "MW" : u === "quarters" ? "quarters" : u === "bp" ? "bp" : "";
}

/**
 * The checks that need no match state: a known kind, a target among `seats` when the kind is aimed
 * at one (and none otherwise), a magnitude within its kind's bounds. The class server and the
 * teacher's form use these for an event meant for several matches at once.
 */
export function eventShapeErrors(e: Pick<ScheduledEvent, "kind" | "target" | "magnitudeBp">, seats: readonly CompanyId[]): ValidationError[] {
  const errors: ValidationError[] = [];
  if (!(EVENT_KINDS as readonly string[]).includes(e.kind))
    return [{ code: "event/unknown_kind", path: "kind", message: `unknown event kind ${String(e.kind)}` }];
  const b = INJECT_BOUNDS[e.kind];
  if (b.targeted && (!isCompanyId(e.target) || !seats.includes(e.target)))
    errors.push({ code: "event/bad_target", path: "target", message: `${e.kind} needs a seat of this match as its target` });
  if (!b.targeted && e.target !== undefined)
    errors.push({ code: "event/unexpected_target", path: "target", message: `${e.kind} moves the whole market; it takes no target` });
  if (e.magnitudeBp !== undefined && !Number.isSafeInteger(e.magnitudeBp))
    errors.push({ code: "event/bad_magnitude", path: "magnitudeBp", message: "the magnitude must be a whole number" });
  else if (b.unit === "none") {
    if (e.magnitudeBp !== undefined && e.magnitudeBp !== 0)
      errors.push({ code: "event/unexpected_magnitude", path: "magnitudeBp", message: `${e.kind} takes no magnitude` });
  } else if (e.magnitudeBp !== undefined) {
    const m = e.magnitudeBp;
    if (m < b.min || m > b.max || (b.nonZero && m === 0))
      errors.push({
        code: "event/out_of_bounds",
        path: "magnitudeBp",
        message: `${e.kind}: the magnitude must be between ${b.min} and ${b.max} ${unitWord(b.unit)}${b.nonZero ? ", not 0" : ""} (got ${m})`,
      });
  }
  return errors;
}

/**
 * A new teacher event for the open turn: its shape (`eventShapeErrors`) against this match's
 * seats, the open turn, a target that is still playing, and not a second event of the same kind
 * (and target) in this turn's schedule.
 */
export function validateInjectedEvent(state: MatchState, e: ScheduledEvent): ValidationResult {
  const errors = eventShapeErrors(
    e,
    state.config.seats.filter((id) => state.companies[id] !== undefined),
  );
  if (errors.some((x) => x.code === "event/unknown_kind")) return { ok: false, errors };
  if (e.turn !== state.turn)
    errors.push({ code: "event/wrong_turn", path: "turn", message: `events can only be injected into the current turn (${state.turn})` });
  const target: CompanyId | undefined = isCompanyId(e.target) ? e.target : undefined;
  if (INJECT_BOUNDS[e.kind].targeted && target && state.companies[target] && state.companies[target]?.status !== "active")
    errors.push({ code: "event/target_out", path: "target", message: `${target} is out of the match` });
  const twin = state.schedule.some((x) => x.turn === state.turn && x.kind === e.kind && (x.target ?? null) === (e.target ?? null));
  if (twin)
    errors.push({
      code: "event/duplicate",
      path: "kind",
      message: `${e.kind}${e.target ? ` on ${e.target}` : ""} is already scheduled this quarter`,
    });
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/**
 * Returns the state with the events scheduled for the current turn. Events that are not
 * structurally valid (unknown kind, wrong turn, missing target) are dropped; bounds are not
 * re-checked here, so a recorded log always re-simulates as it was played.
 */
export function injectEvents(state: MatchState, events: readonly ScheduledEvent[]): MatchState {
  const ok = events.filter((e) => structural(state, e).length === 0);
  return ok.length === 0 ? state : { ...state, schedule: [...state.schedule, ...ok] };
}

/** What the teacher's preview needs to know about the match (all of it public). */
export interface PreviewContext {
  /** The base rate now, bp. */
  readonly baseRateBp: number;
  /** The target's public figures, for targeted kinds. */
  readonly target?: { readonly onlineMw: number; readonly marketCap: number };
}

/**
 * What an event will do, in numbers (money in $M, rates in bp), for the teacher's preview before
 * injecting. The figures follow the engine's rules for the kind (resolve-turn.ts step 10).
 */
export type EventEffect =
  | { readonly kind: "efficiency_shock"; readonly dropBp: number; readonly recoveryBp: number; readonly windowShutQuarters: number }
  | { readonly kind: "rate_move"; readonly moveBp: number; readonly fromBp: number; readonly toBp: number }
  | { readonly kind: "grid_approval"; readonly mw: number }
  | { readonly kind: "grid_outage"; readonly shareBp: number; readonly mw: number }
  | { readonly kind: "chip_slip"; readonly quarters: number }
  | { readonly kind: "antitrust"; readonly discountBp: number; readonly fine: number }
  | {
      readonly kind: "mega_deal";
      readonly perQuarter: number;
      readonly quarters: number;
      readonly total: number;
      readonly popBp: number;
      readonly popAmount: number;
    }
  | { readonly kind: "bond_window_shut"; readonly quarters: number }
  | { readonly kind: "bond_window_open" };

export function eventEffect(e: Pick<ScheduledEvent, "kind" | "magnitudeBp">, ctx: PreviewContext): EventEffect {
  const m = magnitudeOf(e);
  switch (e.kind) {
    case "efficiency_shock":
      return { kind: e.kind, dropBp: m, recoveryBp: EV.efficiencyRecoveryBp, windowShutQuarters: BONDS.windowShutQuarters };
    case "rate_move": {
      // The engine keeps the base rate within its bounds (rules.maxBaseRateBp).
      const toBp = clamp(ctx.baseRateBp + m, 0, MARKET_PARAMS.rules.maxBaseRateBp);
      return { kind: e.kind, moveBp: m, fromBp: ctx.baseRateBp, toBp };
    }
    case "grid_approval":
      return { kind: e.kind, mw: m };
    case "grid_outage":
      return { kind: e.kind, shareBp: m, mw: mulBp(ctx.target?.onlineMw ?? 0, m) };
    case "chip_slip":
      return { kind: e.kind, quarters: m };
    case "antitrust":
      return { kind: e.kind, discountBp: m, fine: EV.antitrustFine };
    case "mega_deal": {
      const cap = ctx.target?.marketCap ?? 0;
      return {
        kind: e.kind,
        perQuarter: m,
        quarters: EV.megaDealQuarters,
        total: m * EV.megaDealQuarters,
        popBp: EV.megaDealPopBp,
        // On the market cap of the quarter (before its own move): an estimate.
        popAmount: mulBp(cap, EV.megaDealPopBp),
      };
    }
    case "bond_window_shut":
      return { kind: e.kind, quarters: m > 0 ? m : BONDS.windowShutQuarters };
    case "bond_window_open":
      return { kind: e.kind };
  }
}
