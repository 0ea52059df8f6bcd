/**
 * The seats of one match: who holds each (human, AI or nobody), the hash of its seat token, the
 * connection playing it, and this turn's sealed decision. A seat is a company; a human keeps it
 * across drops, reloads and restarts with its seat token, and AI plays it meanwhile ("held").
 *
 * Generic over the connection type so it is tested without a server.
 */
import type { CompanyId, Decision, DecisionBounds } from "../../shared/engine/index.ts";
import type { SeatControl, SeatRecord } from "../storage/types.ts";
import { tokenMatches } from "../util.ts";
import type { Scheduler, Timer } from "./turn-clock.ts";

/** Colyseus' pending reconnection (a Deferred): rejected when the seat is taken back another way. */
export interface Reconnection {
  // biome-ignore lint/complexity/noBannedTypes: Colyseus types Deferred.reject as Function
  reject: Function;
}

export interface SeatRuntime<C> {
  readonly company: CompanyId;
  control: SeatControl;
  name: string;
  tokenHash: string;
  /** A human's seat played by AI while its player is away. */
  held: boolean;
  client: C | null;
  /** Pending grace-period reconnection of a dropped connection. */
  reconnection: Reconnection | null;
  graceTimer: Timer | null;
  pending: Decision | null;
  ready: boolean;
  /** Acknowledged the last reveal. */
  acked: boolean;
  bounds: DecisionBounds | null;
  fallback: Decision | null;
}

const VACANT: SeatRecord = { control: "vacant", name: "", tokenHash: "", held: false };

export class SeatTable<C> {
  readonly #seats = new Map<CompanyId, SeatRuntime<C>>();

  constructor(order: readonly CompanyId[], records: Readonly<Partial<Record<CompanyId, SeatRecord>>>) {
    for (const company of order) {
      const r = records[company] ?? VACANT;
      this.#seats.set(company, {
        company,
        control: r.control,
        name: r.name,
        tokenHash: r.tokenHash,
        held: r.held,
        client: null,
        reconnection: null,
        graceTimer: null,
        pending: null,
        ready: false,
        acked: false,
        bounds: null,
        fallback: null,
      });
    }
  }

  get(company: CompanyId): SeatRuntime<C> | undefined {
    return this.#seats.get(company);
  }

  list(): SeatRuntime<C>[] {
    return [...this.#seats.values()];
  }

  firstVacant(): SeatRuntime<C> | undefined {
    return this.list().find((s) => s.control === "vacant");
  }

  byToken(token: string | undefined): SeatRuntime<C> | undefined {
    return token === undefined ? undefined : this.list().find((s) => tokenMatches(token, s.tokenHash));
  }

  /** AI decides for AI seats, vacant seats of a running match, and held seats. */
  aiPlays(seat: SeatRuntime<C>): boolean {
    return seat.control !== "human" || seat.held;
  }

  /** Humans present in the match right now (seat held by them, connection up). */
  connectedHumans(): SeatRuntime<C>[] {
    return this.list().filter((s) => s.control === "human" && !s.held && s.client !== null && s.reconnection === null);
  }

  records(): Partial<Record<CompanyId, SeatRecord>> {
    const out: Partial<Record<CompanyId, SeatRecord>> = {};
    for (const s of this.#seats.values()) out[s.company] = { control: s.control, name: s.name, tokenHash: s.tokenHash, held: s.held };
    return out;
  }

  /** A newcomer takes a free seat (or one AI was covering) with a fresh token. */
  claim(seat: SeatRuntime<C>, client: C, name: string, tokenHash: string, midTurn: boolean): void {
    seat.control = "human";
    seat.held = false;
    seat.name = name;
    seat.tokenHash = tokenHash;
    seat.client = client;
    // A seat AI was covering: the human takes over this turn's decision.
    if (midTurn) this.#reopen(seat);
  }

  /**
   * A classroom team is given the seat (by the teacher): its token, whose hash this is, claims it.
   * Nobody plays it until the team arrives (the timer stands the default). Returns the connection
   * that held the seat, if another team or player had it. The same team again changes only the name.
   */
  reserve(seat: SeatRuntime<C>, name: string, tokenHash: string, midTurn: boolean): C | null {
    if (seat.control === "human" && seat.tokenHash === tokenHash) {
      seat.name = name;
      return null;
    }
    const old = this.detach(seat, "seat given to another team");
    seat.client = null;
    seat.control = "human";
    seat.held = false;
    seat.name = name;
    seat.tokenHash = tokenHash;
    if (midTurn) this.#reopen(seat);
    return old;
  }

  /** The seat's owner comes back with its token; returns the connection it replaces, if any. */
  reclaim(seat: SeatRuntime<C>, client: C, name: string, midTurn: boolean): C | null {
    const old = this.detach(seat, "seat reclaimed with its token");
    const wasHeld = seat.held;
    seat.client = client;
    seat.name = name;
    seat.control = "human";
    seat.held = false;
    if (wasHeld && midTurn) this.#reopen(seat);
    return old !== client ? old : null;
  }

  /** Ends a seat's grace period and any pending reconnection; returns the connection that held it. */
  detach(seat: SeatRuntime<C>, reason: string): C | null {
    const old = seat.client;
    this.stopGrace(seat);
    if (seat.reconnection) {
      const r = seat.reconnection;
      seat.reconnection = null;
      r.reject(new Error(reason));
    }
    return old;
  }

  /** AI plays the seat for good; its token stops working. */
  giveToAi(seat: SeatRuntime<C>): C | null {
    const old = this.detach(seat, "seat given to AI");
    seat.client = null;
    seat.control = "ai";
    seat.held = false;
    seat.name = "";
    seat.tokenHash = "";
    return old;
  }

  vacate(seat: SeatRuntime<C>): void {
    this.detach(seat, "seat vacated");
    seat.client = null;
    seat.control = "vacant";
    seat.held = false;
    seat.name = "";
    seat.tokenHash = "";
  }

  /** Holds a dropped human's seat for `ms`, then calls `expired` (the room hands it to AI). */
  startGrace(seat: SeatRuntime<C>, scheduler: Scheduler, ms: number, expired: () => void): void {
    this.stopGrace(seat);
    seat.graceTimer = scheduler.setTimeout(() => {
      seat.graceTimer = null;
      if (!seat.client && seat.control === "human" && !seat.held) expired();
    }, ms);
  }

  stopGrace(seat: SeatRuntime<C>): void {
    seat.graceTimer?.clear();
    seat.graceTimer = null;
  }

  stopAll(): void {
    for (const s of this.#seats.values()) this.detach(s, "room closed");
  }

  #reopen(seat: SeatRuntime<C>): void {
    seat.pending = null;
    seat.ready = false;
  }
}
