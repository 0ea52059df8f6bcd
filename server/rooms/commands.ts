/**
 * What each (already parsed and authorized, see dispatch.ts) command does to a match, with its
 * rule checks: the right seat, phase and turn. A refusal is a typed error and changes nothing.
 */
import { injectEvents, validateDecision, validateInjectedEvent, type CompanyId, type ScheduledEvent } from "../../shared/engine/index.ts";
import type { ErrorMessage } from "../../shared/protocol/index.ts";
import type { Principal } from "./authority.ts";
import type { Command } from "./dispatch.ts";
import type { MatchFlow } from "./match-flow.ts";
import { sanitiseChat, sanitiseName } from "./names.ts";
import type { SeatRuntime } from "./seats.ts";

export type Outcome = ErrorMessage | null;

/** Who sends a command: a connection's principal (and the seat it holds), or an orchestrator's. */
export interface Actor<C> {
  readonly principal: Principal;
  /** The seat this connection holds right now; null for spectators, teachers and orchestrators. */
  readonly seat: SeatRuntime<C> | null;
}

export interface CommandPorts<C> {
  broadcast(type: string, message: unknown): void;
  /** A seat handed to AI: its connection becomes a spectator. */
  toSpectator(client: C): void;
}

function err(code: string, message: string, detail?: unknown): ErrorMessage {
  return detail === undefined ? { code, message } : { code, message, detail };
}

type Payload<T extends Command["type"]> = Extract<Command, { type: T }>["payload"];

export async function runCommand<C>(flow: MatchFlow<C>, actor: Actor<C>, c: Command, ports: CommandPorts<C>): Promise<Outcome> {
  switch (c.type) {
    case "decide":
      return decide(flow, actor, c.payload);
    case "ready":
    case "unready":
      return ready(flow, actor, c.type === "ready", c.payload?.turn);
    case "reveal:ack":
      return withSeat(actor, (seat) => {
        seat.acked = true;
        flow.syncSeat(seat);
        flow.maybeEndReading();
      });
    case "chat": {
      const text = sanitiseChat(c.payload.text);
      if (text.length === 0) return err("protocol/invalid_payload", "chat: text is empty after cleaning");
      const p = actor.principal;
      ports.broadcast("chat", { from: p.name, seat: p.seat, role: p.role, host: p.host, text });
      return null;
    }
    case "teacher:start":
      if (flow.phase !== "lobby") return err("rule/wrong_phase", "the match has already started");
      flow.start();
      return null;
    case "teacher:pause":
    case "teacher:resume":
    case "teacher:extend":
      return clock(flow, c);
    case "teacher:advance":
      if (flow.phase !== "deciding") return err("rule/wrong_phase", "no turn is open to advance");
      await flow.resolve();
      return null;
    case "teacher:event":
      return inject(flow, c.payload);
    case "teacher:seat":
      return handSeat(flow, c.payload.seat, c.payload.ai, ports);
    case "teacher:assign":
      return reserveSeat(flow, c.payload, ports);
    case "teacher:undo":
      return flow.undo(c.payload.turn);
    case "ping":
      return null;
  }
}

function withSeat<C>(actor: Actor<C>, fn: (seat: SeatRuntime<C>) => Outcome | undefined): Outcome {
  if (!actor.seat) return err("auth/not_seated", "this connection no longer holds its seat");
  return fn(actor.seat) ?? null;
}

function decide<C>(flow: MatchFlow<C>, actor: Actor<C>, msg: Payload<"decide">): Outcome {
  return withSeat(actor, (seat) => {
    const engine = flow.engine;
    if (flow.phase !== "deciding") return err("rule/wrong_phase", `decisions are closed (phase ${flow.phase})`);
    if (msg.turn !== engine.turn) return err("rule/wrong_turn", `the open turn is ${engine.turn}, not ${msg.turn}`);
    if (engine.companies[seat.company]?.status !== "active") return err("rule/seat_out", "this company has defaulted and cannot decide");
    const check = validateDecision(engine, seat.company, msg.decision);
    if (!check.ok) return err("rule/invalid_decision", check.errors.map((e) => e.message).join("; "), check.errors);
    seat.pending = msg.decision;
    flow.syncSeat(seat);
    return null;
  });
}

/** `turn` (when the client names it) must be the open turn: a late "ready" must not count for the next one. */
function ready<C>(flow: MatchFlow<C>, actor: Actor<C>, on: boolean, turn: number | undefined): Outcome {
  return withSeat(actor, (seat) => {
    if (flow.phase !== "deciding") return err("rule/wrong_phase", `no turn is open (phase ${flow.phase})`);
    if (turn !== undefined && turn !== flow.engine.turn) return err("rule/wrong_turn", `the open turn is ${flow.engine.turn}, not ${turn}`);
    seat.ready = on;
    // Ready means the reveal was read too.
    if (on) seat.acked = true;
    flow.syncSeat(seat);
    if (on) {
      flow.maybeEndReading();
      flow.checkAllReady();
    }
    return null;
  });
}

function clock<C>(flow: MatchFlow<C>, c: Extract<Command, { type: "teacher:pause" | "teacher:resume" | "teacher:extend" }>): Outcome {
  if (flow.phase !== "deciding" && flow.phase !== "lobby") return err("rule/wrong_phase", "no turn is open");
  const r = c.type === "teacher:extend" ? flow.clock.extend(c.payload.seconds * 1000) : c.type === "teacher:pause" ? flow.clock.pause() : flow.clock.resume();
  if (!r.ok) return err(r.code, r.message);
  // Players learn the new deadline with their turn.
  if (c.type !== "teacher:pause" && flow.phase === "deciding") for (const seat of flow.seats.list()) flow.sendTurnStarted(seat);
  return null;
}

/** A teacher's event joins the open turn's schedule; it is revealed with the turn and kept in the log. */
function inject<C>(flow: MatchFlow<C>, e: Payload<"teacher:event">): Outcome {
  if (flow.phase !== "deciding") return err("rule/wrong_phase", "events can be injected only while a turn is open");
  const event: ScheduledEvent = {
    turn: flow.engine.turn,
    kind: e.kind,
    ...(e.target ? { target: e.target } : {}),
    ...(e.magnitudeBp !== undefined ? { magnitudeBp: e.magnitudeBp } : {}),
  };
  // Against the events already injected this turn too: one event per kind (and target) per quarter.
  const v = validateInjectedEvent(injectEvents(flow.engine, flow.injected), event);
  if (!v.ok) return err(v.errors[0]?.code ?? "event/invalid", v.errors.map((x) => x.message).join("; "), v.errors);
  return flow.inject(event) ? null : err("rule/too_many_events", "at most 8 events per turn");
}

/** A classroom team gets the seat (its token claims it); whoever held it becomes a spectator. */
function reserveSeat<C>(flow: MatchFlow<C>, a: Payload<"teacher:assign">, ports: CommandPorts<C>): Outcome {
  const seat = flow.seats.get(a.seat);
  if (!seat) return err("rule/no_such_seat", `${a.seat} is not a seat in this match`);
  if (flow.phase === "ended") return err("rule/wrong_phase", "the match is over");
  if (flow.engine.companies[a.seat]?.status !== "active") return err("rule/seat_out", `${a.seat} is out of the match`);
  const old = flow.seats.reserve(seat, sanitiseName(a.name), a.tokenHash, flow.phase === "deciding");
  if (old) ports.toSpectator(old);
  flow.syncSeats();
  void flow.persistSeats();
  if (flow.phase === "deciding") flow.maybeEndReading();
  return null;
}

/** `ai: true` hands the seat to AI for good (its player becomes a spectator); `ai: false` frees it for a human. */
function handSeat<C>(flow: MatchFlow<C>, company: CompanyId, ai: boolean, ports: CommandPorts<C>): Outcome {
  const seat = flow.seats.get(company);
  if (!seat) return err("rule/no_such_seat", `${company} is not a seat in this match`);
  if (flow.phase === "ended") return err("rule/wrong_phase", "the match is over");
  if (ai) {
    const old = flow.seats.giveToAi(seat);
    if (old) ports.toSpectator(old);
    if (flow.phase === "deciding") {
      seat.pending = null;
      seat.ready = false;
      flow.requestAi(seat);
    }
  } else {
    if (seat.control === "human" && !seat.held) return err("rule/seat_taken", `${company} is held by a player`);
    flow.seats.vacate(seat);
  }
  flow.syncSeats();
  void flow.persistSeats();
  if (flow.phase === "lobby") flow.maybeAutoStart();
  else {
    flow.maybeEndReading();
    flow.checkAllReady();
  }
  return null;
}
