/**
 * Room `match`: one match, authoritative. Thin by design:
 *   parse (zod) → check role, seat, phase, turn → call the engine → persist → update the view.
 * No game rule lives here; the engine decides legality, outcomes and scores.
 */
import { Room, ServerError, type Client, type Delayed, type Deferred } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { z } from "zod";
import {
  CORE_FOUR,
  ENGINE_VERSION,
  createMatch,
  decisionBounds,
  defaultDecision,
  hashState,
  resolveTurn,
  injectEvents,
  validateInjectedEvent,
  type ScheduledEvent,
  score,
  validateDecision,
  viewFor,
  type CompanyId,
  type Decision,
  type DecisionBounds,
  type MatchState,
  type SeatScore,
  type Vintage,
} from "../../shared/engine/index.ts";
import {
  CLIENT_MESSAGES,
  CreateOptionsSchema,
  JoinOptionsSchema,
  type ClientMessageType,
  type ErrorMessage,
  type MatchEndedMessage,
  type TurnResolvedMessage,
  type TurnStartedMessage,
  type WelcomeMessage,
} from "../../shared/protocol/index.ts";
import { MatchSync, QuarterSync, SeatSync, VintageSync } from "../../shared/sync/state.ts";
import { aiDecision, aiSeedFor } from "../ai.ts";
import { restrainedScores } from "../../shared/ai/index.ts";
import { restoreState } from "../replay.ts";
import type { MatchRecord, MatchSettings, SeatRecord, Storage } from "../storage/types.ts";
import { RateLimiter, hashToken, newJoinCode, newMatchId, newSeed, newToken, payloadBytes, sanitiseChat, sanitiseName, tokenMatches } from "../util.ts";

/** Shared by all rooms of one server; handed over through the room's default options. */
export interface RoomContext {
  readonly storage: Storage;
  /** Seconds a dropped player's seat is held before AI plays it. */
  readonly graceSeconds: number;
  /** Seconds an empty room lingers before it is disposed (the match stays restorable). */
  readonly idleSeconds: number;
  /** Tests only: every timed turn lasts this many ms instead of `turnSeconds`. */
  readonly turnMsOverride: number | undefined;
  /** Ids the server itself asked to restore (a client cannot trigger a restore). */
  readonly restoreQueue: Set<string>;
  /** Per-client message rate: sustained per second and burst. */
  readonly ratePerSecond: number;
  readonly rateBurst: number;
  /** Largest accepted message, bytes of JSON. */
  readonly maxMessageBytes: number;
  readonly log: (line: string) => void;
}

export const ROOM_CONTEXT_KEY = "__server";
export const RESTORE_KEY = "__restore";

type Role = "player" | "teacher" | "spectator";

interface ClientData {
  role: Role;
  seat: CompanyId | null;
  host: boolean;
  name: string;
  limiter: RateLimiter;
}

interface SeatRuntime {
  readonly company: CompanyId;
  control: SeatRecord["control"];
  name: string;
  tokenHash: string;
  /** Human seat played by AI while its player is away. */
  held: boolean;
  client: Client | null;
  /** Pending grace-period reconnection of a dropped client. */
  reconnection: Deferred<Client> | null;
  graceTimer: Delayed | null;
  pending: Decision | null;
  ready: boolean;
  bounds: DecisionBounds | null;
  fallback: Decision | null;
}

type Phase = "lobby" | "deciding" | "resolving" | "ended";

interface Metadata {
  matchId: string;
  code: string;
  mode: string;
  phase: Phase;
  scenario: string;
  seats: number;
}

function issues(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

function joinError(code: string, message: string): ServerError {
  return new ServerError(4400, `${code}: ${message}`);
}

export class MatchRoom extends Room<{ state: MatchSync; metadata: Metadata }> {
  override maxClients = 64;
  override autoDispose = false;
  /** Hard cap: beyond this Colyseus drops the connection; below it our own limiter answers `rate_limited`. */
  override maxMessagesPerSecond = 60;

  #ctx!: RoomContext;
  #rec!: MatchRecord;
  #engine!: MatchState;
  /** Teacher events for the open turn. */
  #injected: ScheduledEvent[] = [];
  #seats = new Map<CompanyId, SeatRuntime>();
  #phase: Phase = "lobby";
  #timer: Delayed | null = null;
  #remainingMs: number | null = null;
  #paused = false;
  #creatorPending = false;
  #soloFill = false;
  #idleTimer: Delayed | null = null;
  #spectators = 0;

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    const ctx = options[ROOM_CONTEXT_KEY] as RoomContext | undefined;
    if (!ctx) throw joinError("server/misconfigured", "room context missing");
    this.#ctx = ctx;
    this.state = new MatchSync();
    this.onMessage("*", (client: Client, type: string | number, message: unknown) => {
      void this.#dispatch(client, type, message);
    });

    const restoreId = options[RESTORE_KEY];
    if (typeof restoreId === "string" && ctx.restoreQueue.has(restoreId)) {
      ctx.restoreQueue.delete(restoreId);
      await this.#restore(restoreId);
      return;
    }

    const { [ROOM_CONTEXT_KEY]: _c, [RESTORE_KEY]: _r, ...clientOptions } = options;
    const parsed = CreateOptionsSchema.safeParse(clientOptions);
    if (!parsed.success) {
      throw joinError("join/invalid_options", parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; "));
    }
    const o = parsed.data;
    const seats = o.seats ?? [...CORE_FOUR];
    if (new Set(seats).size !== seats.length) throw joinError("join/invalid_options", "seats must not repeat");
    const explicitAi = Array.isArray(o.aiSeats) ? o.aiSeats : [];
    for (const s of explicitAi) if (!seats.includes(s)) throw joinError("join/invalid_options", `aiSeats: ${s} is not one of the seats`);
    if (o.seat !== undefined && !seats.includes(o.seat)) throw joinError("join/invalid_options", `seat: ${o.seat} is not one of the seats`);
    if (o.seat !== undefined && explicitAi.includes(o.seat)) throw joinError("join/invalid_options", `seat: ${o.seat} is an AI seat`);

    const role = o.role ?? "player";
    const mode = o.mode ?? (role === "teacher" ? "classroom" : "solo");
    let engine: MatchState;
    try {
      engine = createMatch({
        seats,
        seed: o.seed ?? newSeed(),
        ...(o.scenario !== undefined ? { scenario: o.scenario } : {}),
        ...(o.variant !== undefined ? { variant: o.variant } : {}),
        ...(o.turns !== undefined ? { turns: o.turns } : {}),
        ...(o.scoring !== undefined ? { scoring: o.scoring } : {}),
      });
    } catch (e) {
      throw joinError("join/invalid_options", e instanceof Error ? e.message : String(e));
    }
    const settings: MatchSettings = {
      mode,
      turnSeconds: o.turnSeconds ?? (mode === "solo" ? 0 : 120),
      difficulty: o.difficulty ?? "normal",
    };
    this.#soloFill = mode === "solo" || o.aiSeats === "fill";

    const id = newMatchId();
    let code = newJoinCode();
    for (let i = 0; i < 20 && (await ctx.storage.findByCode(code)); i++) code = newJoinCode();
    const now = new Date().toISOString();
    const seatRecords: Partial<Record<CompanyId, SeatRecord>> = {};
    for (const s of engine.config.seats) {
      seatRecords[s] = { control: explicitAi.includes(s) ? "ai" : "vacant", name: "", tokenHash: "", held: false };
    }
    this.#rec = {
      id,
      code,
      config: engine.config,
      settings,
      seats: seatRecords,
      hostTokenHash: "",
      status: "lobby",
      engineVersion: ENGINE_VERSION,
      createdAt: now,
      updatedAt: now,
      endedAt: null,
      finalHash: null,
      scores: null,
    };
    this.roomId = id;
    this.#engine = engine;
    this.#initSeats();
    this.#creatorPending = true;
    await ctx.storage.createMatch(this.#rec);
    this.#initSync();
    await this.#publishMetadata();
  }

  async #restore(id: string): Promise<void> {
    const rec = await this.#ctx.storage.getMatch(id);
    if (!rec) throw joinError("join/not_found", `match ${id} not found`);
    const turns = await this.#ctx.storage.getTurns(id);
    const { state, ok, message } = restoreState(rec.config, turns);
    if (!ok) {
      await this.#ctx.storage.updateMatch(id, { status: "abandoned" });
      throw joinError("restore_failed", `match ${id}: ${message}`);
    }
    this.#rec = rec;
    this.roomId = id;
    this.#engine = state;
    this.#initSeats();
    this.#initSync();
    this.state.hash = turns.length > 0 ? (turns[turns.length - 1]?.hash ?? "") : "";
    this.#refreshFigures(true);
    // Players were cut off by the restart: hold their seats for the grace period.
    for (const seat of this.#seats.values()) {
      if (seat.control === "human" && !seat.held) this.#startGrace(seat);
    }
    this.#ctx.log(`restored match ${id} (code ${rec.code}) at turn ${state.turn}/${rec.config.turns}`);
    this.#armIdle();
    if (state.ended) {
      this.#phase = "ended";
      this.state.phase = "ended";
    } else {
      this.#beginTurn();
    }
    await this.#publishMetadata();
  }

  #initSeats(): void {
    this.#seats.clear();
    for (const company of this.#rec.config.seats) {
      const r = this.#rec.seats[company] ?? { control: "vacant", name: "", tokenHash: "", held: false };
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
        bounds: null,
        fallback: null,
      });
    }
  }

  #initSync(): void {
    const s = this.state;
    s.matchId = this.#rec.id;
    s.code = this.#rec.code;
    s.scenario = this.#rec.config.scenario;
    s.variant = this.#rec.config.variant;
    s.mode = this.#rec.settings.mode;
    s.turns = this.#rec.config.turns;
    s.turnSeconds = this.#rec.settings.turnSeconds;
    s.phase = this.#phase;
    for (const seat of this.#seats.values()) {
      const sync = new SeatSync();
      sync.company = seat.company;
      s.seats.set(seat.company, sync);
    }
    this.#refreshFigures(true);
    this.#syncSeats();
  }

  // ---------------------------------------------------------------- joining

  override async onJoin(client: Client, options: unknown): Promise<void> {
    let name: string;
    let role: Role;
    let wantSeat: CompanyId | undefined;
    let token: string | undefined;
    let code: string | undefined;
    const creator = this.#creatorPending;
    if (creator) {
      const raw = typeof options === "object" && options !== null ? { ...(options as Record<string, unknown>) } : {};
      delete raw[ROOM_CONTEXT_KEY];
      delete raw[RESTORE_KEY];
      const p = CreateOptionsSchema.safeParse(raw);
      if (!p.success) throw joinError("join/invalid_options", p.error.issues.map((i) => i.message).join("; "));
      name = p.data.name ?? "Player";
      role = p.data.role ?? "player";
      wantSeat = p.data.seat;
      token = p.data.token;
      code = p.data.code;
    } else {
      const p = JoinOptionsSchema.safeParse(options ?? {});
      if (!p.success) {
        throw joinError("join/invalid_options", p.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; "));
      }
      name = p.data.name;
      role = p.data.role;
      wantSeat = p.data.seat;
      token = p.data.token;
      code = p.data.code;
    }
    if (code !== undefined && code.toUpperCase().replace(/[\s-]/g, "") !== this.#rec.code) {
      throw joinError("join/bad_code", "the join code does not match this match");
    }
    name = sanitiseName(name);
    const data: ClientData = {
      role,
      seat: null,
      host: false,
      name,
      limiter: new RateLimiter(this.#ctx.ratePerSecond, this.#ctx.rateBurst, Date.now()),
    };
    let issuedToken = "";

    if (creator) {
      this.#creatorPending = false;
      issuedToken = newToken();
      this.#rec = { ...this.#rec, hostTokenHash: hashToken(issuedToken) };
      data.host = true;
      if (role === "player") {
        const seat = wantSeat ? this.#seats.get(wantSeat) : [...this.#seats.values()].find((s) => s.control === "vacant");
        if (seat?.control !== "vacant") throw joinError("join/no_free_seat", "no seat is free for the creator");
        this.#claimSeat(seat, client, name, hashToken(issuedToken));
        data.seat = seat.company;
      }
      if (this.#soloFill) {
        for (const s of this.#seats.values()) if (s.control === "vacant") s.control = "ai";
      }
      await this.#ctx.storage.updateMatch(this.#rec.id, { hostTokenHash: this.#rec.hostTokenHash });
    } else if (role === "teacher") {
      if (!tokenMatches(token, this.#rec.hostTokenHash)) throw joinError("auth/bad_token", "the teacher token is not valid for this match");
      data.host = true;
      issuedToken = token ?? "";
    } else if (role === "player") {
      let seat: SeatRuntime | undefined;
      if (token !== undefined) {
        seat = [...this.#seats.values()].find((s) => tokenMatches(token, s.tokenHash));
        if (!seat) throw joinError("auth/bad_token", "the seat token is not valid for this match");
        if (wantSeat !== undefined && wantSeat !== seat.company) throw joinError("auth/bad_token", `the token belongs to another seat than ${wantSeat}`);
        this.#reclaimSeat(seat, client, name);
        issuedToken = token;
      } else {
        if (this.#phase === "ended") throw joinError("join/match_ended", "the match is over; join as a spectator");
        if (wantSeat !== undefined) {
          seat = this.#seats.get(wantSeat);
          if (!seat) throw joinError("join/no_such_seat", `${wantSeat} is not a seat in this match`);
          if (seat.control !== "vacant") throw joinError("join/seat_taken", `${wantSeat} is already taken`);
        } else {
          seat = [...this.#seats.values()].find((s) => s.control === "vacant");
          if (!seat) throw joinError("join/no_free_seat", "every seat is taken; join as a spectator");
        }
        issuedToken = newToken();
        this.#claimSeat(seat, client, name, hashToken(issuedToken));
      }
      data.seat = seat.company;
      if (tokenMatches(issuedToken, this.#rec.hostTokenHash)) data.host = true;
    } else {
      this.#spectators += 1;
      this.state.spectators = this.#spectators;
    }

    client.userData = data;
    const view = new StateView();
    if (data.seat) {
      const sync = this.state.seats.get(data.seat);
      if (sync) view.add(sync);
    }
    client.view = view;
    this.#cancelIdle();
    this.#syncSeats();
    await this.#persistSeats();

    const welcome: WelcomeMessage = { seat: data.seat, role: data.role, token: issuedToken, code: this.#rec.code, matchId: this.#rec.id };
    client.send("welcome", welcome);

    if (this.#phase === "lobby") {
      this.#maybeAutoStart();
    } else if (this.#phase === "deciding" && data.seat) {
      this.#sendTurnStarted(this.#seats.get(data.seat));
      this.#checkAllReady();
    }
  }

  #claimSeat(seat: SeatRuntime, client: Client, name: string, tokenHash: string): void {
    seat.control = "human";
    seat.held = false;
    seat.name = name;
    seat.tokenHash = tokenHash;
    seat.client = client;
    if (this.#phase === "deciding") {
      // A seat AI was covering: the human takes over this turn's decision.
      seat.pending = null;
      seat.ready = false;
    }
  }

  /** Ends a seat's grace period and any pending reconnection; returns the client that held it. */
  #detachSeat(seat: SeatRuntime, reason: string): Client | null {
    const old = seat.client;
    this.#stopGrace(seat);
    if (seat.reconnection) {
      const r = seat.reconnection;
      seat.reconnection = null;
      r.reject(new Error(reason));
    }
    return old;
  }

  #reclaimSeat(seat: SeatRuntime, client: Client, name: string): void {
    const old = this.#detachSeat(seat, "seat reclaimed with its token");
    seat.client = client;
    seat.name = name;
    const wasHeld = seat.held;
    seat.control = "human";
    seat.held = false;
    if (wasHeld && this.#phase === "deciding") {
      seat.pending = null;
      seat.ready = false;
    }
    if (old && old !== client) {
      const od = old.userData as ClientData | undefined;
      if (od) od.seat = null;
      old.leave(4001, "seat reclaimed from another connection");
    }
  }

  override onDrop(client: Client): void {
    const data = client.userData as ClientData | undefined;
    if (!data?.seat) return;
    const seat = this.#seats.get(data.seat);
    if (!seat || seat.client !== client) return;
    const reconnection = this.allowReconnection(client, this.#ctx.graceSeconds);
    seat.reconnection = reconnection;
    reconnection.catch(() => undefined);
    this.#syncSeats();
  }

  override onReconnect(client: Client): void {
    const data = client.userData as ClientData | undefined;
    if (!data?.seat) return;
    const seat = this.#seats.get(data.seat);
    if (!seat) return;
    seat.reconnection = null;
    seat.client = client;
    this.#cancelIdle();
    this.#syncSeats();
    if (this.#phase === "deciding") this.#sendTurnStarted(seat);
  }

  override async onLeave(client: Client): Promise<void> {
    const data = client.userData as ClientData | undefined;
    if (data) {
      if (data.role === "spectator" || (data.role === "teacher" && !data.seat)) {
        if (data.role === "spectator") {
          this.#spectators = Math.max(0, this.#spectators - 1);
          this.state.spectators = this.#spectators;
        }
      } else if (data.seat) {
        const seat = this.#seats.get(data.seat);
        if (seat && seat.client === client) {
          seat.client = null;
          seat.reconnection = null;
          if (this.#phase === "lobby") {
            seat.control = "vacant";
            seat.name = "";
            seat.tokenHash = "";
          } else if (seat.control === "human") {
            this.#holdSeat(seat);
          }
          this.#syncSeats();
          await this.#persistSeats();
        }
      }
    }
    if (this.clients.length === 0) this.#armIdle();
  }

  /** AI plays a human's seat until the player returns with its token. */
  #holdSeat(seat: SeatRuntime): void {
    this.#stopGrace(seat);
    seat.held = true;
    if (this.#phase === "deciding" && !seat.ready) {
      if (!seat.pending) seat.pending = this.#aiFor(seat.company);
      seat.ready = true;
      this.#checkAllReady();
    }
  }

  #startGrace(seat: SeatRuntime): void {
    this.#stopGrace(seat);
    seat.graceTimer = this.clock.setTimeout(() => {
      seat.graceTimer = null;
      if (!seat.client && seat.control === "human" && !seat.held) {
        this.#holdSeat(seat);
        this.#syncSeats();
        void this.#persistSeats();
      }
    }, this.#ctx.graceSeconds * 1000);
  }

  #stopGrace(seat: SeatRuntime): void {
    seat.graceTimer?.clear();
    seat.graceTimer = null;
  }

  #armIdle(): void {
    this.#cancelIdle();
    this.#idleTimer = this.clock.setTimeout(() => {
      if (this.clients.length === 0) {
        this.#ctx.log(`disposing idle room ${this.roomId}`);
        void this.disconnect();
      }
    }, this.#ctx.idleSeconds * 1000);
  }

  #cancelIdle(): void {
    this.#idleTimer?.clear();
    this.#idleTimer = null;
  }

  // ---------------------------------------------------------------- messages

  #error(client: Client, code: string, message: string, detail?: unknown): void {
    const m: ErrorMessage = detail === undefined ? { code, message } : { code, message, detail };
    client.send("error", m);
  }

  async #dispatch(client: Client, type: string | number, message: unknown): Promise<void> {
    const data = client.userData as ClientData | undefined;
    if (!data) return;
    if (!data.limiter.take(Date.now())) {
      this.#error(client, "protocol/rate_limited", "too many messages; slow down");
      return;
    }
    const size = payloadBytes(message);
    if (size > this.#ctx.maxMessageBytes) {
      this.#error(client, "protocol/payload_too_large", `message is ${size} bytes; the limit is ${this.#ctx.maxMessageBytes}`);
      return;
    }
    if (typeof type !== "string" || !Object.hasOwn(CLIENT_MESSAGES, type)) {
      this.#error(client, "protocol/unknown_message", `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
      return;
    }
    const t = type as ClientMessageType;
    const parsed = CLIENT_MESSAGES[t].safeParse(message === null ? undefined : message);
    if (!parsed.success) {
      this.#error(
        client,
        "protocol/invalid_payload",
        `${t}: ${issues(parsed.error)
          .map((i) => `${i.path || "message"}: ${i.message}`)
          .join("; ")}`,
        issues(parsed.error),
      );
      return;
    }
    if (t.startsWith("teacher:") && !data.host) {
      this.#error(client, "auth/not_host", `${t} is for the host or teacher only`);
      return;
    }
    switch (t) {
      case "decide":
        return this.#onDecide(client, data, parsed.data as z.infer<(typeof CLIENT_MESSAGES)["decide"]>);
      case "ready":
        return this.#onReady(client, data, true);
      case "unready":
        return this.#onReady(client, data, false);
      case "chat": {
        const text = sanitiseChat((parsed.data as { text: string }).text);
        if (text.length === 0) {
          this.#error(client, "protocol/invalid_payload", "chat: text is empty after cleaning");
          return;
        }
        this.broadcast("chat", { from: data.name, seat: data.seat, text });
        return;
      }
      case "teacher:start":
        if (this.#phase !== "lobby") {
          this.#error(client, "rule/wrong_phase", "the match has already started");
          return;
        }
        return this.#start();
      case "teacher:pause":
        return this.#pause(client);
      case "teacher:resume":
        return this.#resume(client);
      case "teacher:advance":
        if (this.#phase !== "deciding") {
          this.#error(client, "rule/wrong_phase", "no turn is open to advance");
          return;
        }
        return this.#resolve();
      case "teacher:event":
        return this.#onTeacherEvent(client, parsed.data as z.infer<(typeof CLIENT_MESSAGES)["teacher:event"]>);
      case "teacher:seat":
        return this.#onTeacherSeat(client, parsed.data as { seat: CompanyId; ai: boolean });
    }
  }

  #seatOf(client: Client, data: ClientData): SeatRuntime | null {
    if (data.role !== "player" || !data.seat) {
      this.#error(client, "auth/not_seated", "only a seated player can do that");
      return null;
    }
    const seat = this.#seats.get(data.seat);
    if (!seat || seat.client !== client) {
      this.#error(client, "auth/not_seated", "this connection no longer holds its seat");
      return null;
    }
    return seat;
  }

  #onDecide(client: Client, data: ClientData, msg: { turn: number; decision: Decision }): void {
    const seat = this.#seatOf(client, data);
    if (!seat) return;
    if (this.#phase !== "deciding") {
      this.#error(client, "rule/wrong_phase", `decisions are closed (phase ${this.#phase})`);
      return;
    }
    if (msg.turn !== this.#engine.turn) {
      this.#error(client, "rule/wrong_turn", `the open turn is ${this.#engine.turn}, not ${msg.turn}`);
      return;
    }
    const company = this.#engine.companies[seat.company];
    if (company?.status !== "active") {
      this.#error(client, "rule/seat_out", "this company has defaulted and cannot decide");
      return;
    }
    const check = validateDecision(this.#engine, seat.company, msg.decision);
    if (!check.ok) {
      this.#error(client, "rule/invalid_decision", check.errors.map((e) => e.message).join("; "), check.errors);
      return;
    }
    seat.pending = msg.decision;
    this.#syncSeat(seat);
  }

  #onReady(client: Client, data: ClientData, ready: boolean): void {
    const seat = this.#seatOf(client, data);
    if (!seat) return;
    if (this.#phase !== "deciding") {
      this.#error(client, "rule/wrong_phase", `no turn is open (phase ${this.#phase})`);
      return;
    }
    seat.ready = ready;
    this.#syncSeat(seat);
    if (ready) this.#checkAllReady();
  }

  #onTeacherSeat(client: Client, msg: { seat: CompanyId; ai: boolean }): void {
    const seat = this.#seats.get(msg.seat);
    if (!seat) {
      this.#error(client, "rule/no_such_seat", `${msg.seat} is not a seat in this match`);
      return;
    }
    if (this.#phase === "ended") {
      this.#error(client, "rule/wrong_phase", "the match is over");
      return;
    }
    if (msg.ai) {
      const old = this.#detachSeat(seat, "seat given to AI");
      seat.client = null;
      seat.control = "ai";
      seat.held = false;
      seat.name = "";
      seat.tokenHash = "";
      if (old) {
        const od = old.userData as ClientData | undefined;
        if (od) {
          od.seat = null;
          od.role = "spectator";
        }
        const sync = this.state.seats.get(seat.company);
        if (sync) old.view?.remove(sync);
        this.#spectators += 1;
        this.state.spectators = this.#spectators;
        const w: WelcomeMessage = { seat: null, role: "spectator", token: "", code: this.#rec.code, matchId: this.#rec.id };
        old.send("welcome", w);
      }
      if (this.#phase === "deciding") {
        seat.pending = this.#aiFor(seat.company);
        seat.ready = true;
      }
    } else {
      if (seat.control === "human" && !seat.held) {
        this.#error(client, "rule/seat_taken", `${msg.seat} is held by a player`);
        return;
      }
      seat.control = "vacant";
      seat.held = false;
      seat.name = "";
      seat.tokenHash = "";
    }
    this.#syncSeats();
    void this.#persistSeats();
    if (this.#phase === "lobby") this.#maybeAutoStart();
    else this.#checkAllReady();
  }

  // ---------------------------------------------------------------- turns

  #maybeAutoStart(): void {
    if (this.#phase !== "lobby") return;
    if ([...this.#seats.values()].every((s) => s.control !== "vacant")) this.#start();
  }

  #start(): void {
    if (this.#phase !== "lobby") return;
    for (const s of this.#seats.values()) if (s.control === "vacant") s.control = "ai";
    this.#rec = { ...this.#rec, status: "active" };
    void this.#ctx.storage.updateMatch(this.#rec.id, { status: "active", seats: this.#seatRecords() });
    this.#beginTurn();
    void this.#publishMetadata();
  }

  /** AI plays: AI seats, vacant seats in a running match, and held seats. */
  #aiPlays(seat: SeatRuntime): boolean {
    return seat.control !== "human" || seat.held;
  }

  #aiFor(company: CompanyId): Decision {
    return aiDecision(this.#engine, company, this.#rec.settings.difficulty, aiSeedFor(this.#rec.config.seed));
  }

  #turnMs(): number {
    if (this.#rec.settings.turnSeconds <= 0) return 0;
    return this.#ctx.turnMsOverride ?? this.#rec.settings.turnSeconds * 1000;
  }

  #beginTurn(): void {
    this.#phase = "deciding";
    this.state.phase = "deciding";
    for (const seat of this.#seats.values()) {
      const company = this.#engine.companies[seat.company];
      const active = company?.status === "active";
      seat.bounds = active ? decisionBounds(this.#engine, seat.company) : null;
      seat.fallback = active ? defaultDecision(this.#engine, seat.company) : null;
      seat.pending = null;
      seat.ready = !active;
      if (active && this.#aiPlays(seat)) {
        seat.pending = this.#aiFor(seat.company);
        seat.ready = true;
      }
    }
    this.#armTimer(this.#paused ? null : this.#turnMs());
    this.#syncSeats();
    for (const seat of this.#seats.values()) this.#sendTurnStarted(seat);
    this.#checkAllReady();
  }

  #armTimer(ms: number | null): void {
    this.#timer?.clear();
    this.#timer = null;
    if (ms === null || ms <= 0) {
      this.state.deadline = 0;
      return;
    }
    const turn = this.#engine.turn;
    this.state.deadline = Date.now() + ms;
    this.#timer = this.clock.setTimeout(() => {
      this.#timer = null;
      if (this.#phase === "deciding" && this.#engine.turn === turn) void this.#resolve();
    }, ms);
  }

  #pause(client: Client): void {
    if (this.#phase !== "deciding" && this.#phase !== "lobby") {
      this.#error(client, "rule/wrong_phase", "nothing to pause");
      return;
    }
    if (this.#paused) {
      this.#error(client, "rule/already_paused", "the timer is already paused");
      return;
    }
    this.#paused = true;
    this.state.paused = true;
    if (this.#timer && this.state.deadline > 0) {
      this.#remainingMs = Math.max(0, this.state.deadline - Date.now());
    }
    this.#timer?.clear();
    this.#timer = null;
    this.state.deadline = 0;
  }

  #resume(client: Client): void {
    if (!this.#paused) {
      this.#error(client, "rule/not_paused", "the timer is not paused");
      return;
    }
    this.#paused = false;
    this.state.paused = false;
    if (this.#phase === "deciding") {
      this.#armTimer(this.#remainingMs ?? this.#turnMs());
      for (const seat of this.#seats.values()) this.#sendTurnStarted(seat);
    }
    this.#remainingMs = null;
  }

  #sendTurnStarted(seat: SeatRuntime | undefined): void {
    if (!seat?.client || !seat.bounds || !seat.fallback || this.#phase !== "deciding") return;
    const m: TurnStartedMessage = {
      turn: this.#engine.turn,
      quarter: this.#engine.quarter,
      ...(this.state.deadline > 0 ? { deadline: this.state.deadline } : {}),
      bounds: seat.bounds,
      defaultDecision: seat.fallback,
    };
    seat.client.send("turn:started", m);
  }

  #checkAllReady(): void {
    if (this.#phase !== "deciding") return;
    const seats = [...this.#seats.values()];
    if (!seats.every((s) => s.ready)) return;
    const humans = seats.filter((s) => s.control === "human" && !s.held);
    // With no player present, only the timer (or the teacher) moves the match on.
    if (humans.length > 0 && !humans.some((s) => s.client)) return;
    if (humans.length === 0 && this.clients.length === 0) return;
    void this.#resolve();
  }

  /** "If every seat had restrained": the same config, seed and teacher events, re-simulated. */
  async #counterfactual(): Promise<readonly SeatScore[]> {
    const events: Record<number, readonly ScheduledEvent[]> = {};
    for (const t of await this.#ctx.storage.getTurns(this.#rec.id)) if (t.events && t.events.length > 0) events[t.turn] = t.events;
    return restrainedScores(this.#engine.config, events);
  }

  /** A teacher's event joins the open turn's schedule; it is revealed with the turn and kept in the log. */
  #onTeacherEvent(client: Client, e: z.infer<(typeof CLIENT_MESSAGES)["teacher:event"]>): void {
    if (this.#phase !== "deciding") {
      this.#error(client, "rule/wrong_phase", "events can be injected only while a turn is open");
      return;
    }
    const event: ScheduledEvent = {
      turn: this.#engine.turn,
      kind: e.kind,
      ...(e.target ? { target: e.target } : {}),
      ...(e.magnitudeBp !== undefined ? { magnitudeBp: e.magnitudeBp } : {}),
    };
    const v = validateInjectedEvent(this.#engine, event);
    if (!v.ok) {
      this.#error(client, v.errors[0]?.code ?? "event/invalid", v.errors.map((x) => x.message).join("; "), v.errors);
      return;
    }
    if (this.#injected.length >= 8) {
      this.#error(client, "rule/too_many_events", "at most 8 events per turn");
      return;
    }
    this.#injected.push(event);
  }

  async #resolve(): Promise<void> {
    if (this.#phase !== "deciding") return;
    this.#phase = "resolving";
    this.state.phase = "resolving";
    this.#timer?.clear();
    this.#timer = null;
    this.state.deadline = 0;
    const before = this.#engine;
    const decisions: Partial<Record<CompanyId, Decision>> = {};
    for (const seat of this.#seats.values()) {
      const company = before.companies[seat.company];
      if (company?.status !== "active") continue;
      decisions[seat.company] = seat.pending ?? seat.fallback ?? defaultDecision(before, seat.company);
    }
    let after: MatchState;
    let report: TurnResolvedMessage["report"];
    try {
      const r = resolveTurn(injectEvents(before, this.#injected), decisions);
      after = r.state;
      report = r.report;
    } catch (e) {
      this.#ctx.log(`engine failed resolving ${this.#rec.id} turn ${before.turn}: ${e instanceof Error ? e.stack : String(e)}`);
      this.#phase = "deciding";
      this.state.phase = "deciding";
      this.broadcast("error", { code: "server/engine_error", message: "the turn could not be resolved; it stays open" } satisfies ErrorMessage);
      return;
    }
    const hash = hashState(after);
    const scores: readonly SeatScore[] | null = after.ended ? score(after) : null;
    try {
      // Persist BEFORE the reveal: a crash after this point never loses a revealed turn.
      await this.#ctx.storage.appendTurn(
        this.#rec.id,
        { turn: before.turn, decisions, hash, resolvedAt: new Date().toISOString(), ...(this.#injected.length > 0 ? { events: [...this.#injected] } : {}) },
        scores ? { finalHash: hash, scores } : undefined,
      );
    } catch (e) {
      this.#ctx.log(`storage failed for ${this.#rec.id} turn ${before.turn}: ${e instanceof Error ? e.message : String(e)}`);
      this.#phase = "deciding";
      this.state.phase = "deciding";
      this.broadcast("error", { code: "server/storage_error", message: "the turn could not be saved; it stays open" } satisfies ErrorMessage);
      this.#armTimer(5000);
      return;
    }
    this.#engine = after;
    this.#injected = [];
    this.state.hash = hash;
    this.#refreshFigures(false);
    const resolved: TurnResolvedMessage = { turn: before.turn, hash, report };
    this.broadcast("turn:resolved", resolved);
    if (after.ended && scores) {
      this.#phase = "ended";
      this.state.phase = "ended";
      this.#rec = { ...this.#rec, status: "ended" };
      for (const seat of this.#seats.values()) {
        seat.pending = null;
        seat.ready = false;
        this.#stopGrace(seat);
      }
      this.#syncSeats();
      const ended: MatchEndedMessage = { scores, replayId: this.#rec.id, counterfactual: await this.#counterfactual() };
      this.broadcast("match:ended", ended);
      await this.#publishMetadata();
      return;
    }
    this.#beginTurn();
  }

  // ---------------------------------------------------------------- view sync

  #refreshFigures(full: boolean): void {
    const eng = this.#engine;
    const pub = viewFor(eng, null);
    this.state.turn = eng.turn;
    this.state.year = eng.quarter.year;
    this.state.q = eng.quarter.q;
    this.state.market = JSON.stringify(pub.market);
    for (const company of eng.config.seats) {
      const sync = this.state.seats.get(company);
      const c = pub.companies[company];
      if (!sync || !c) continue;
      sync.status = c.status;
      sync.rating = c.rating;
      sync.cash = c.cash;
      sync.debt = c.debt;
      sync.sharePriceCents = c.sharePriceCents;
      sync.marketCap = c.marketCap;
      sync.startMarketCap = c.startMarketCap;
      sync.aiRevenue = c.aiRevenue;
      sync.aiShareBp = c.aiShareBp;
      sync.capabilityBp = c.capabilityBp;
      sync.installedMw = c.installedMw;
      sync.poweredMw = c.poweredMw;
      sync.usableMw = c.usableMw;
      sync.strandedMw = c.strandedMw;
      sync.fleetCustomShareBp = c.fleetCustomShareBp;
      sync.coreRevenue = c.coreRevenue;
      // Append-only series: send only what is new (a full refresh rebuilds them).
      if (full) {
        sync.capexHistory.clear();
        sync.aiRevenueHistory.clear();
      }
      for (let i = sync.capexHistory.length; i < c.capexHistory.length; i++) sync.capexHistory.push(c.capexHistory[i] ?? 0);
      for (let i = sync.aiRevenueHistory.length; i < c.aiRevenueHistory.length; i++) sync.aiRevenueHistory.push(c.aiRevenueHistory[i] ?? 0);
      const from = full ? 0 : Math.max(0, c.history.length - 1);
      if (full) sync.history.clear();
      for (let i = from; i < c.history.length; i++) {
        const h = c.history[i];
        if (!h) continue;
        const q = new QuarterSync();
        q.turn = h.turn;
        q.year = h.quarter.year;
        q.q = h.quarter.q;
        q.revenue = h.income.revenue;
        q.aiRevenue = h.income.aiRevenue;
        q.netIncome = h.income.netIncome;
        q.freeCashFlow = h.cashFlow.freeCashFlow;
        q.capex = h.capex;
        q.cash = h.balance.cash;
        q.debt = h.balance.debt;
        q.sharePriceCents = h.sharePriceCents;
        q.marketCap = h.marketCap;
        q.rating = h.rating;
        q.aiShareBp = h.aiShareBp;
        q.strandedMw = h.strandedMw;
        const { income: inc, cashFlow: f, balance: b } = h;
        Object.assign(q, {
          coreRevenue: inc.coreRevenue,
          coreCosts: inc.coreCosts,
          powerCost: inc.powerCost,
          aiOpex: inc.aiOpex,
          depreciation: inc.depreciation,
          rnd: inc.rnd,
          operatingIncome: inc.operatingIncome,
          interestExpense: inc.interestExpense,
          interestIncome: inc.interestIncome,
          tax: inc.tax,
          operatingCashFlow: f.operatingCashFlow,
          energyPayments: f.energyPayments,
          debtIssued: f.debtIssued,
          emergencyBorrowing: f.emergencyBorrowing,
          equityIssued: f.equityIssued,
          debtRepaid: f.debtRepaid,
          buybacks: f.buybacks,
          dividends: f.dividends,
          ppe: b.ppe,
          otherAssets: b.otherAssets,
          totalAssets: b.totalAssets,
          otherLiabilities: b.otherLiabilities,
          totalLiabilities: b.totalLiabilities,
          equity: b.equity,
          installedMw: h.installedMw,
          poweredMw: h.poweredMw,
          usableMw: h.usableMw,
        });
        sync.history.push(q);
      }
      const own = viewFor(eng, company).own;
      if (own) {
        const tranches = JSON.stringify(own.tranches);
        if (sync.tranches !== tranches) sync.tranches = tranches;
        const pipeline = JSON.stringify(own.powerPipeline);
        if (sync.powerPipeline !== pipeline) sync.powerPipeline = pipeline;
        sync.chipMaturityBp = own.chipProgram.maturityBp;
        sync.chipSlipQuarters = own.chipProgram.slipQuarters;
        sync.serverLifeQuarters = own.serverLifeQuarters;
        sync.contractedPerQuarter = own.contracted.perQuarter;
        sync.contractedQuartersLeft = own.contracted.quartersLeft;
        sync.coreMarginBp = own.coreMarginBp;
        sync.coreGrowthBp = own.coreGrowthBp;
        this.#syncAssets(sync, own.assets);
      }
    }
  }

  /** Update the seat's private asset map in place, so a turn only sends changed fields. */
  #syncAssets(sync: SeatSync, assets: readonly Vintage[]): void {
    const seen = new Map<string, number>();
    const keep = new Set<string>();
    const added: VintageSync[] = [];
    for (const a of assets) {
      const base = `${a.kind}:${a.chip ?? ""}:${a.boughtTurn}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const key = n === 0 ? base : `${base}:${n}`;
      keep.add(key);
      let v = sync.assets.get(key);
      const fresh = v === undefined;
      if (!v) v = new VintageSync();
      v.kind = a.kind;
      v.chip = a.chip ?? "";
      v.boughtTurn = a.boughtTurn;
      v.inServiceTurn = a.inServiceTurn;
      v.cost = a.cost;
      v.mw = a.mw;
      v.lifeQuarters = a.lifeQuarters;
      if (fresh) {
        sync.assets.set(key, v);
        added.push(v);
      }
    }
    for (const key of [...sync.assets.keys()]) if (!keep.has(key)) sync.assets.delete(key);
    // Entries added to a view-tagged collection after the seat joined its view must be added to
    // that view explicitly (schema 5 does not propagate visibility to new children).
    if (added.length > 0) {
      for (const client of this.clients) {
        const data = client.userData as ClientData | undefined;
        if (data?.seat === sync.company && client.view) for (const v of added) client.view.add(v);
      }
    }
  }

  #syncSeat(seat: SeatRuntime): void {
    const sync = this.state.seats.get(seat.company);
    if (!sync) return;
    sync.name = seat.name;
    sync.control = seat.control;
    sync.held = seat.held;
    sync.connected = seat.client !== null && seat.reconnection === null;
    sync.committed = seat.pending !== null;
    sync.ready = seat.ready;
    sync.pending = seat.pending ? JSON.stringify(seat.pending) : "";
  }

  #syncSeats(): void {
    for (const seat of this.#seats.values()) this.#syncSeat(seat);
  }

  #seatRecords(): Partial<Record<CompanyId, SeatRecord>> {
    const out: Partial<Record<CompanyId, SeatRecord>> = {};
    for (const s of this.#seats.values()) out[s.company] = { control: s.control, name: s.name, tokenHash: s.tokenHash, held: s.held };
    return out;
  }

  async #persistSeats(): Promise<void> {
    const seats = this.#seatRecords();
    this.#rec = { ...this.#rec, seats };
    try {
      await this.#ctx.storage.updateMatch(this.#rec.id, { seats });
    } catch (e) {
      this.#ctx.log(`storage failed saving seats of ${this.#rec.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async #publishMetadata(): Promise<void> {
    await this.setMetadata({
      matchId: this.#rec.id,
      code: this.#rec.code,
      mode: this.#rec.settings.mode,
      phase: this.#phase,
      scenario: this.#rec.config.scenario,
      seats: this.#rec.config.seats.length,
    });
  }

  override onDispose(): void {
    this.#timer?.clear();
    for (const s of this.#seats.values()) this.#stopGrace(s);
  }
}
