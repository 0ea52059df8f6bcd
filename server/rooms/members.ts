/**
 * The connections of one match room and what each is told about itself: its principal and token,
 * the `welcome` that says who it is (after joining and after a reconnection), losing a seat, the
 * spectator count, and the `seat:presence` notes for the host and the teacher.
 */
import type { Client } from "@colyseus/core";
import type { ErrorMessage, SeatPresenceMessage, WelcomeMessage } from "../../shared/protocol/index.ts";
import type { MatchSync } from "../../shared/sync/state.ts";
import type { RateLimiter } from "../util.ts";
import type { Principal } from "./authority.ts";
import type { SeatRuntime } from "./seats.ts";

/** A connection's standing in the match. */
export interface Member {
  principal: Principal;
  readonly limiter: RateLimiter;
  /** The token this connection holds (sent again in `welcome` after a reconnection). */
  readonly token: string;
}

export function memberOf(client: Client): Member | undefined {
  return client.userData as Member | undefined;
}

export interface MembersPorts {
  readonly state: MatchSync;
  clients(): Iterable<Client>;
  /** The match's id and join code, for `welcome`. */
  match(): { readonly id: string; readonly code: string };
}

export class Members {
  readonly #p: MembersPorts;
  #spectators = 0;

  constructor(ports: MembersPorts) {
    this.#p = ports;
  }

  addSpectators(delta: number): void {
    this.#spectators = Math.max(0, this.#spectators + delta);
    this.#p.state.spectators = this.#spectators;
  }

  welcome(client: Client): void {
    const data = memberOf(client);
    if (!data) return;
    const p = data.principal;
    const m = this.#p.match();
    client.send("welcome", { seat: p.seat, role: p.role, host: p.host, token: data.token, code: m.code, matchId: m.id } satisfies WelcomeMessage);
  }

  /** A connection loses its seat (handed to AI, or reclaimed elsewhere with its token) and the seat's private view. */
  unseat(client: Client): Member | undefined {
    const data = memberOf(client);
    const sync = data?.principal.seat ? this.#p.state.seats.get(data.principal.seat) : undefined;
    if (sync) client.view?.remove(sync);
    if (data) data.principal = { ...data.principal, seat: null };
    return data;
  }

  /** Its seat went to AI: the connection stays, as a spectator without a token. */
  toSpectator(client: Client): void {
    const data = this.unseat(client);
    if (data) data.principal = { ...data.principal, role: "spectator" };
    this.addSpectators(1);
    const m = this.#p.match();
    client.send("welcome", {
      seat: null,
      role: "spectator",
      host: data?.principal.host ?? false,
      token: "",
      code: m.code,
      matchId: m.id,
    } satisfies WelcomeMessage);
  }

  /** Tells the host and the teacher (not the seat itself) that a seat's player dropped, came back, or AI took over. */
  presence(seat: SeatRuntime<Client>, state: SeatPresenceMessage["state"]): void {
    const m: SeatPresenceMessage = { seat: seat.company, name: seat.name, state };
    for (const client of this.#p.clients()) {
      const p = memberOf(client)?.principal;
      if ((p?.host || p?.teacher) && p.seat !== seat.company) client.send("seat:presence", m);
    }
  }

  /** A refused frame is answered like a refused message (and counts against the same rate limit). */
  refuse(client: Client, code: string, message: string): void {
    const data = memberOf(client);
    const limited = data !== undefined && !data.limiter.take(Date.now());
    client.send("error", (limited ? { code: "protocol/rate_limited", message: "too many messages; slow down" } : { code, message }) satisfies ErrorMessage);
  }
}
