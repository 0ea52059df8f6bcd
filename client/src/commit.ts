/**
 * The commit flow of one quarter, as data: the player edits a draft, commits it (the client sends
 * `decide`, waits until the server holds exactly that decision, then says `ready`), and waits
 * for the other seats. Pure functions: the board draws what `commitState` returns.
 */
import type { Decision } from "../../shared/engine/types.ts";

/** draft → sending → committed → all ready (the quarter resolves). */
export type CommitStep = "draft" | "sending" | "committed" | "all_ready";

export interface SeatFlags {
  readonly company: string;
  readonly committed: boolean;
  readonly ready: boolean;
  readonly status: string;
  readonly control: string;
}

export interface CommitInput {
  readonly phase: string;
  /** The seat's own flags and the decision the server holds for it ("" or absent = none). */
  readonly me: SeatFlags & { readonly pending?: string | undefined };
  readonly seats: readonly SeatFlags[];
  /** A decision sent and not yet confirmed by the server. */
  readonly awaiting: Decision | null;
  /** The form's current values. */
  readonly draft: Decision;
}

export interface CommitState {
  readonly step: CommitStep;
  /** The decision the server holds for this seat, if any. */
  readonly held: Decision | null;
  /** The form differs from what the server holds (or nothing is held). */
  readonly draftDiffers: boolean;
  /** Seats still deciding (not ready), in seat order. */
  readonly waitingFor: readonly string[];
  readonly readyCount: number;
  readonly seatCount: number;
}

/** Two decisions are the same if every field is, bids compared by deal regardless of order. */
export function sameDecision(a: Decision, b: Decision): boolean {
  const keys = ["capex", "customShareBp", "chipRnd", "debtIssue", "debtTenor", "debtRepay", "buybacks", "dividends"] as const;
  for (const k of keys) if (a[k] !== b[k]) return false;
  const bids = (d: Decision) =>
    d.energyBids
      .filter((x) => x.amount > 0)
      .map((x) => `${x.dealId}:${x.amount}`)
      .sort()
      .join(",");
  return bids(a) === bids(b);
}

/** The decision in the seat's sealed `pending` field, or null. */
export function parsePending(pending: string | undefined): Decision | null {
  if (!pending) return null;
  try {
    const d = JSON.parse(pending) as Decision;
    return typeof d === "object" && d !== null && typeof d.capex === "number" ? d : null;
  } catch {
    return null;
  }
}

/** Seats that take part in this quarter (defaulted seats are out). */
function playing(seats: readonly SeatFlags[]): SeatFlags[] {
  return seats.filter((s) => s.status !== "defaulted");
}

export function commitState(i: CommitInput): CommitState {
  const held = parsePending(i.me.pending);
  const draftDiffers = !held || !sameDecision(held, i.draft);
  const seats = playing(i.seats);
  const ready = seats.filter((s) => s.ready);
  const waitingFor = seats.filter((s) => !s.ready).map((s) => s.company);
  let step: CommitStep;
  if (i.phase === "resolving" || (seats.length > 0 && ready.length === seats.length)) step = "all_ready";
  else if (i.awaiting) step = "sending";
  else if (i.me.ready && held) step = "committed";
  else step = "draft";
  return { step, held, draftDiffers, waitingFor, readyCount: ready.length, seatCount: seats.length };
}

/** The server holds the awaited decision: time to say ready. */
export function acknowledged(pending: string | undefined, awaiting: Decision): boolean {
  const held = parsePending(pending);
  return held !== null && sameDecision(held, awaiting);
}

/**
 * Whether to warn that the timer will replace the player's draft: time is short, and what the
 * player typed is not what the server holds (or the player has not committed at all).
 */
export function draftAtRisk(s: CommitState, secondsLeft: number | null, touched: boolean, warnSeconds: number): boolean {
  if (secondsLeft === null || secondsLeft > warnSeconds) return false;
  if (s.step !== "draft") return false;
  return touched ? s.draftDiffers : s.held === null;
}

/** Seconds before the deadline at which the warning shows: a fifth of the turn, between 10 and 30 s. */
export function warnSecondsFor(turnSeconds: number): number {
  return Math.max(10, Math.min(30, Math.round(turnSeconds / 5)));
}
