/**
 * Room `match`: the network face of one match, and thin. It turns Colyseus' events into calls on
 * the match's modules — admission (join.ts), dispatch and authority (dispatch.ts, authority.ts),
 * commands (commands.ts), the match's life (match-flow.ts: seats, clock, turns, persistence,
 * projection) — and owns only what is about connections: views, spectators, reconnection, idling.
 */
import { CloseCode, Room, ServerError, type Client, type Delayed } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { CreateOptions, ErrorMessage, PongMessage } from "../../shared/protocol/index.ts";
import { CLOSE_SEAT_RECLAIMED } from "../../shared/sync/close-codes.ts";
import { MatchSync } from "../../shared/sync/state.ts";
import { RateLimiter, hashToken, newJoinCode, newMatchId, newSeed, newToken } from "../util.ts";
import type { Principal } from "./authority.ts";
import { runCommand, type Outcome } from "./commands.ts";
import { ROOM_CONTEXT_KEY, SERVER_REQUEST_KEY, takeServerRequest, type RoomContext } from "./context.ts";
import { dispatch, type Command } from "./dispatch.ts";
import { installFrameGuard } from "./frames.ts";
import { planJoin } from "./join.ts";
import { MatchFlow, type FlowPorts } from "./match-flow.ts";
import { parseCreateOptions, setupMatch, type SetupIds } from "./match-setup.ts";
import { branchAi, persistBranch, setupBranch } from "./branch.ts";
import { MatchStore } from "./match-store.ts";
import { seatView } from "./projection.ts";
import type { SeatRuntime } from "./seats.ts";
import { Members, memberOf, type Member } from "./members.ts";
import { MatchFeed } from "../class/match-feed.ts";
import type { MatchLive } from "../../shared/protocol/class.ts";

/** How often a classroom match checks whether its class summary changed (ms). */
const FEED_MS = 200;

export { ROOM_CONTEXT_KEY, type RoomContext } from "./context.ts";

/** A refused create comes back over HTTP (matchmaking), so it needs an HTTP status; 4400 there became a 500 with no reason. */
function createError(code: string, message: string): ServerError {
  return new ServerError(400, `${code}: ${message}`);
}

function joinError(code: string, message: string): ServerError {
  return new ServerError(4400, `${code}: ${message}`);
}

/** A room created but never joined lingers at most this long. */
const UNJOINED_SECONDS = 60;

/** Orchestrator commands are not rate-limited. */
const UNLIMITED = new RateLimiter(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 0);

export class MatchRoom extends Room<{ state: MatchSync }> {
  override maxClients = 64;
  override autoDispose = false;
  /**
   * Hard cap: beyond this Colyseus closes the connection (a raw flood); below it our own token bucket
   * answers each extra message with `protocol/rate_limited` and the connection stays usable. Frames
   * are counted when handled, so a busy server sees a client's burst late: the cap is generous.
   */
  override maxMessagesPerSecond = 500;

  #ctx!: RoomContext;
  #store!: MatchStore;
  #flow!: MatchFlow<Client>;
  #creatorPending = false;
  #fillWithAi = false;
  #idleTimer: Delayed | null = null;
  #members!: Members;
  #queue: Promise<void> = Promise.resolve();
  /** Classroom matches: the live summary their class follows (server/class). */
  #feed: MatchFeed | null = null;

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    const ctx = options[ROOM_CONTEXT_KEY] as RoomContext | undefined;
    if (!ctx) throw joinError("server/misconfigured", "room context missing");
    this.#ctx = ctx;
    this.#store = new MatchStore(ctx.storage, ctx.log);
    this.state = new MatchSync();
    this.#members = new Members({ state: this.state, clients: () => this.clients, match: () => this.#flow.rec });
    // Matchmaking only by id or code: `join`/`joinOrCreate` never land a stranger here.
    await this.setPrivate(true);
    this.onMessage("*", (client: Client, type: string | number, message: unknown) => this.#onMessage(client, type, message));
    // A frame Colyseus cannot decode gets a typed error here, instead of a closed connection and a stack trace.
    installFrameGuard<Client>(this, {
      maxFramesPerSecond: this.maxMessagesPerSecond,
      refuse: (client, verdict) => this.#members.refuse(client, verdict.code, verdict.message),
      flood: (client) => client.leave(CloseCode.WITH_ERROR, "too many frames"),
    });
    // Also a room nobody ever joins goes away (sooner: a creator who never connects is not coming back).
    this.#armIdle(Math.min(ctx.idleSeconds, UNJOINED_SECONDS));

    const request = takeServerRequest(ctx, options);
    if (request?.kind === "restore") {
      const r = await this.#store.restore(request.matchId);
      if (!r.ok) {
        // Not retried at every start: the match is closed with its reason (its replay stays readable).
        await this.#store.update(request.matchId, { status: "abandoned", closedReason: `its log does not re-run: ${r.message}` });
        ctx.log(`match ${request.matchId} cannot be restored (${r.message}): closed`);
        throw joinError("restore_failed", r.message);
      }
      this.roomId = r.rec.id;
      this.#ctx = { ...ctx, ai: await branchAi(r.rec, ctx.storage, ctx.ai) };
      this.#flow = new MatchFlow(this.#ports(), r.rec, r.state, r.lastHash, r.hasher);
      ctx.log(`restored match ${r.rec.id} at turn ${r.state.turn}/${r.rec.config.turns}`);
      this.#startFeed();
      this.#flow.resume();
      return;
    }
    const { [ROOM_CONTEXT_KEY]: _c, [SERVER_REQUEST_KEY]: _r, ...clientOptions } = options;
    const parsed = request?.kind === "create" ? { ok: true as const, options: request.options } : parseCreateOptions(clientOptions);
    if (!parsed.ok) throw createError("join/invalid_options", parsed.message);
    let code = newJoinCode();
    for (let i = 0; i < 20 && (await this.#store.codeInUse(code)); i++) code = newJoinCode();
    const teacherKeyHash = request?.kind === "create" ? request.teacherKeyHash : "";
    const ids: SetupIds = { id: newMatchId(), code, seed: newSeed(), now: new Date().toISOString(), teacherKeyHash };
    if (parsed.options.branch) return this.#createBranch(parsed.options, ids);
    const setup = setupMatch(parsed.options, ids);
    if (!setup.ok) throw createError("join/invalid_options", setup.message);
    this.roomId = setup.match.record.id;
    this.#fillWithAi = setup.match.fillWithAi;
    this.#creatorPending = !(request?.kind === "create" && request.noCreator);
    await this.#store.create(setup.match.record);
    this.#flow = new MatchFlow(this.#ports(), setup.match.record, setup.match.engine);
    this.#startFeed();
  }

  #startFeed(): void {
    if (this.#flow.rec.settings.mode !== "classroom") return;
    this.#feed = new MatchFeed({ publish: (channel, message) => void this.presence.publish(channel, message) }, () => this.#flow);
    this.clock.setInterval(() => this.#feed?.tick(), FEED_MS);
  }

  /** A classroom match's public summary, for its class (called through `matchMaker.remoteRoomCall`). */
  classLive(): MatchLive | null {
    return this.#feed?.live() ?? null;
  }

  /** A branch of a finished match (branch.ts): its kept quarters are logged before the creator joins. */
  async #createBranch(options: CreateOptions, ids: SetupIds): Promise<void> {
    const b = await setupBranch(options, ids, this.#ctx.storage);
    if (!b.ok) throw createError(b.code, b.message);
    await persistBranch(this.#ctx.storage, b.start);
    const { record, engine } = b.start.match;
    this.#ctx = { ...this.#ctx, ai: await branchAi(record, this.#ctx.storage, this.#ctx.ai) };
    this.roomId = record.id;
    this.#fillWithAi = true;
    this.#creatorPending = true;
    this.#flow = new MatchFlow(this.#ports(), record, engine, b.start.lastHash, b.start.hasher);
  }

  #ports(): FlowPorts<Client> {
    return {
      ctx: this.#ctx,
      store: this.#store,
      state: this.state,
      scheduler: this.clock,
      send: (client, type, message) => client.send(type, message),
      broadcast: (type, message) => {
        this.broadcast(type, message);
        this.#feed?.onBroadcast(type, message);
      },
      connections: () => this.clients.length,
      presence: (seat, state) => this.#members.presence(seat, state),
      addToSeatView: (company, items) => {
        for (const client of this.clients)
          if (memberOf(client)?.principal.seat === company && client.view) for (const v of items) client.view.add(v as Parameters<StateView["add"]>[0]);
      },
    };
  }

  // ---------------------------------------------------------------- connections

  override async onJoin(client: Client, options: unknown): Promise<void> {
    const flow = this.#flow;
    const creator = this.#creatorPending;
    const raw = typeof options === "object" && options !== null ? { ...(options as Record<string, unknown>) } : {};
    delete raw[ROOM_CONTEXT_KEY];
    delete raw[SERVER_REQUEST_KEY];
    const rec = flow.rec;
    const joinCtx = {
      creator,
      ended: flow.phase === "ended",
      code: rec.code,
      hostTokenHash: rec.hostTokenHash,
      teacherKeyHash: rec.teacherKeyHash,
      seats: flow.seats,
    };
    const plan = planJoin(joinCtx, raw);
    if (!plan.ok) throw joinError(plan.code, plan.message);
    const token = plan.token === "new" ? newToken() : plan.token;
    const midTurn = flow.phase === "deciding";
    if (creator) {
      this.#creatorPending = false;
      const hostTokenHash = hashToken(token);
      await flow.setKeys(hostTokenHash, plan.teacher && rec.teacherKeyHash === "" ? hostTokenHash : rec.teacherKeyHash);
    }
    if (plan.seat && plan.reclaim) {
      const old = flow.seats.reclaim(plan.seat, client, plan.name, midTurn);
      this.#members.presence(plan.seat, "back");
      if (old) {
        this.#members.unseat(old);
        old.leave(CLOSE_SEAT_RECLAIMED, "seat reclaimed from another connection");
      }
    } else if (plan.seat) flow.seats.claim(plan.seat, client, plan.name, hashToken(token), midTurn);
    if (creator && this.#fillWithAi) for (const s of flow.seats.list()) if (s.control === "vacant") s.control = "ai";

    const seat = plan.seat?.company ?? null;
    const principal: Principal = { role: plan.role, seat, host: plan.host, teacher: plan.teacher, name: plan.name };
    const shownToken = plan.role === "spectator" && !plan.host ? "" : token;
    client.userData = { principal, limiter: new RateLimiter(this.#ctx.ratePerSecond, this.#ctx.rateBurst, Date.now()), token: shownToken } satisfies Member;
    if (plan.role === "spectator") this.#members.addSpectators(1);
    client.view = new StateView();
    seatView(client.view, this.state, seat);
    this.#cancelIdle();
    flow.syncSeats();
    await flow.persistSeats();
    this.#members.welcome(client);
    if (flow.phase === "lobby") flow.maybeAutoStart();
    else if (flow.phase === "deciding" && plan.seat) {
      flow.sendTurnStarted(plan.seat);
      flow.checkAllReady();
    }
  }

  override onDrop(client: Client): void {
    const seat = this.#ownSeat(client);
    if (!seat) return;
    const reconnection = this.allowReconnection(client, this.#ctx.graceSeconds);
    seat.reconnection = reconnection;
    reconnection.catch(() => undefined);
    this.#flow.syncSeats();
    this.#members.presence(seat, "dropped");
    this.#flow.maybeEndReading();
  }

  override onReconnect(client: Client): void {
    // A reloaded page reconnects with the SDK's token and knows nothing yet: tell it who it is.
    this.#members.welcome(client);
    const seatId = memberOf(client)?.principal.seat;
    const seat = seatId ? this.#flow.seats.get(seatId) : undefined;
    if (!seat) return;
    seat.reconnection = null;
    seat.client = client;
    this.#cancelIdle();
    this.#flow.syncSeats();
    this.#members.presence(seat, "back");
    if (this.#flow.phase === "deciding") this.#flow.sendTurnStarted(seat);
  }

  override async onLeave(client: Client): Promise<void> {
    if (memberOf(client)?.principal.role === "spectator") this.#members.addSpectators(-1);
    const seat = this.#ownSeat(client);
    if (seat) {
      seat.client = null;
      seat.reconnection = null;
      if (this.#flow.phase === "lobby") this.#flow.seats.vacate(seat);
      else if (seat.control === "human") this.#flow.holdSeat(seat);
      this.#flow.syncSeats();
      await this.#flow.persistSeats();
      this.#flow.maybeEndReading();
    }
    if (this.clients.length === 0) this.#armIdle();
  }

  override onDispose(): void {
    this.#flow?.dispose();
    this.#cancelIdle();
  }

  /** The seat this connection plays, if it still holds it. */
  #ownSeat(client: Client): SeatRuntime<Client> | null {
    const seatId = memberOf(client)?.principal.seat;
    const seat = seatId ? this.#flow.seats.get(seatId) : undefined;
    return seat && seat.client === client ? seat : null;
  }

  /** An empty room disposes itself after `seconds` (the match stays in storage, restorable by its code). */
  #armIdle(seconds = this.#ctx.idleSeconds): void {
    this.#cancelIdle();
    this.#idleTimer = this.clock.setTimeout(() => {
      if (this.clients.length > 0) return;
      this.#ctx.log(`disposing idle room ${this.roomId}`);
      void this.disconnect();
    }, seconds * 1000);
  }

  #cancelIdle(): void {
    this.#idleTimer?.clear();
    this.#idleTimer = null;
  }

  // ---------------------------------------------------------------- commands

  /**
   * Messages are handled one at a time, in arrival order, each answered (if refused) before the
   * next starts: so a `ping`'s `pong` proves every earlier message of the room was handled and its
   * effect on the synced state was sent.
   */
  #onMessage(client: Client, type: string | number, message: unknown): void {
    const now = Date.now();
    this.#queue = this.#queue.then(async () => {
      const data = memberOf(client);
      if (!data) return;
      const d = dispatch(data.principal, data.limiter, type, message, { maxMessageBytes: this.#ctx.maxMessageBytes, now });
      if (!d.ok) return client.send("error", d.error satisfies ErrorMessage);
      if (d.command.type === "ping") {
        // Flush pending state first: after the pong a client's state reflects every earlier message.
        this.broadcastPatch();
        return client.send("pong", { id: d.command.payload.id } satisfies PongMessage);
      }
      const e = await this.#run(data.principal, this.#ownSeat(client), d.command);
      if (e) client.send("error", e satisfies ErrorMessage);
    });
    // A bug in one handler is logged and must not stall the queue for every later message.
    this.#queue = this.#queue.catch((e: unknown) =>
      this.#ctx.log(`message ${String(type).slice(0, 40)} failed in ${this.roomId}: ${e instanceof Error ? e.stack : String(e)}`),
    );
  }

  /**
   * Runs a command for a principal that is not a connection (a classroom orchestrator acting for the
   * teacher): the same parse, authority and rule checks as a client's message. Null when done.
   */
  async command(principal: Principal, type: string, payload: unknown): Promise<Outcome> {
    const d = dispatch(principal, UNLIMITED, type, payload, { maxMessageBytes: Number.MAX_SAFE_INTEGER, now: Date.now() });
    if (!d.ok) return d.error;
    return d.command.type === "ping" ? null : this.#run(principal, null, d.command);
  }

  #run(principal: Principal, seat: SeatRuntime<Client> | null, command: Command): Promise<Outcome> {
    return runCommand(this.#flow, { principal, seat }, command, {
      broadcast: (type, message) => this.broadcast(type, message),
      toSpectator: (client) => this.#members.toSpectator(client),
    });
  }
}
