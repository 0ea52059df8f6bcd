/**
 * The life of one match, without the network: lobby → turns (open, reading, deciding, resolving)
 * → ended. It owns the engine state, the seats and the clock, asks the AI for AI-played seats,
 * resolves and persists each turn before revealing it, and keeps the synced view current. The
 * Colyseus room (match-room.ts) feeds it connections and commands; `ports` are its only outside.
 */
import { decisionBounds, defaultDecision, type MatchState, type ScheduledEvent } from "../../shared/engine/index.ts";
import { restrainedScores } from "../../shared/ai/index.ts";
import type { ErrorMessage, MatchEndedMessage, TurnResolvedMessage, TurnStartedMessage, TurnUndoneMessage } from "../../shared/protocol/index.ts";
import { type MatchSync, SeatSync } from "../../shared/sync/state.ts";
import { aiSeedFor } from "../../shared/engine/seeds.ts";
import type { MatchRecord } from "../storage/types.ts";
import type { RoomContext } from "./context.ts";
import type { MatchStore } from "./match-store.ts";
import { projectClock, projectFigures, projectSeat } from "./projection.ts";
import { SeatTable, type SeatRuntime } from "./seats.ts";
import { TurnClock, type Scheduler } from "./turn-clock.ts";
import { resolveOneTurn } from "./turn-resolution.ts";
import { TurnHasher } from "../replay.ts";

export type Phase = "lobby" | "deciding" | "resolving" | "ended";

export interface FlowPorts<C> {
  readonly ctx: RoomContext;
  readonly store: MatchStore;
  readonly state: MatchSync;
  readonly scheduler: Scheduler;
  send(client: C, type: string, message: unknown): void;
  broadcast(type: string, message: unknown): void;
  /** How many connections the room has (players, teacher, spectators). */
  connections(): number;
  /** Private children created after a seat's view was set up must join that view explicitly. */
  addToSeatView(company: string, items: readonly object[]): void;
  /** Tells the host and the teacher about a seat's player. */
  presence(seat: SeatRuntime<C>, state: "dropped" | "back" | "ai"): void;
}

export class MatchFlow<C> {
  readonly seats: SeatTable<C>;
  readonly clock: TurnClock;
  #rec: MatchRecord;
  #engine: MatchState;
  #phase: Phase = "lobby";
  /** Teacher events for the open turn. */
  #injected: ScheduledEvent[] = [];
  #disposed = false;
  readonly #p: FlowPorts<C>;
  /** Each turn's hash, in the match's scheme (chained for new matches); an undo rewinds it with the log. */
  #hasher: TurnHasher;

  constructor(ports: FlowPorts<C>, rec: MatchRecord, engine: MatchState, lastHash = "", hasher = new TurnHasher()) {
    this.#p = ports;
    this.#hasher = hasher;
    this.#rec = rec;
    this.#engine = engine;
    this.seats = new SeatTable(rec.config.seats, rec.seats);
    this.clock = new TurnClock(ports.scheduler, Date.now, {
      expired: () => void this.resolve(),
      readingOver: () => this.checkAllReady(),
      changed: () => projectClock(ports.state, this.clock.view),
    });
    const s = ports.state;
    s.matchId = rec.id;
    s.code = rec.code;
    s.scenario = rec.config.scenario;
    s.variant = rec.config.variant;
    s.mode = rec.settings.mode;
    s.turns = rec.config.turns;
    s.turnSeconds = rec.settings.turnSeconds;
    s.hash = lastHash;
    s.phase = this.#phase;
    for (const seat of this.seats.list()) {
      const sync = new SeatSync();
      sync.company = seat.company;
      s.seats.set(seat.company, sync);
    }
    this.#project(true);
    this.syncSeats();
  }

  get rec(): MatchRecord {
    return this.#rec;
  }
  get engine(): MatchState {
    return this.#engine;
  }
  get phase(): Phase {
    return this.#phase;
  }
  /** Teacher events waiting for the open turn. */
  get injected(): readonly ScheduledEvent[] {
    return this.#injected;
  }

  /** Creator's host token and teacher key, once known. */
  async setKeys(hostTokenHash: string, teacherKeyHash: string): Promise<void> {
    this.#rec = { ...this.#rec, hostTokenHash, teacherKeyHash };
    await this.#p.store.update(this.#rec.id, { hostTokenHash, teacherKeyHash });
  }

  /** A restored match picks up where its log ends; players cut off by the restart get their grace period. */
  resume(): void {
    for (const seat of this.seats.list()) if (seat.control === "human" && !seat.held) this.#startGrace(seat);
    if (this.#engine.ended) this.#setPhase("ended");
    else this.beginTurn(false);
  }

  dispose(): void {
    this.#disposed = true;
    this.clock.stop();
    this.seats.stopAll();
  }

  // ---------------------------------------------------------------- seats

  /** AI plays a human's seat until the player returns with its token. */
  holdSeat(seat: SeatRuntime<C>): void {
    this.seats.stopGrace(seat);
    seat.held = true;
    this.#p.presence(seat, "ai");
    if (this.#phase !== "deciding" || seat.ready) return;
    if (seat.pending) {
      seat.ready = true;
      this.checkAllReady();
    } else this.requestAi(seat);
  }

  #startGrace(seat: SeatRuntime<C>): void {
    this.seats.startGrace(seat, this.#p.scheduler, this.#p.ctx.graceSeconds * 1000, () => {
      this.holdSeat(seat);
      this.syncSeats();
      void this.persistSeats();
    });
  }

  syncSeat(seat: SeatRuntime<C>): void {
    projectSeat(this.#p.state, seat);
  }

  syncSeats(): void {
    for (const seat of this.seats.list()) projectSeat(this.#p.state, seat);
  }

  async persistSeats(): Promise<void> {
    const seats = this.seats.records();
    this.#rec = { ...this.#rec, seats };
    await this.#p.store.update(this.#rec.id, { seats });
  }

  // ---------------------------------------------------------------- turns

  maybeAutoStart(): void {
    if (this.#phase === "lobby" && this.seats.list().every((s) => s.control !== "vacant")) this.start();
  }

  /** Lobby → first turn; seats still empty become AI. */
  start(): void {
    if (this.#phase !== "lobby") return;
    for (const s of this.seats.list()) if (s.control === "vacant") s.control = "ai";
    this.#rec = { ...this.#rec, status: "active", seats: this.seats.records() };
    void this.#p.store.update(this.#rec.id, { status: "active", seats: this.#rec.seats });
    this.beginTurn(false);
  }

  /** A teacher's event for the open turn (already validated by the engine). */
  inject(event: ScheduledEvent): boolean {
    if (this.#injected.length >= 8) return false;
    this.#injected.push(event);
    return true;
  }

  #turnMs(): number {
    if (this.#rec.settings.turnSeconds <= 0) return 0;
    return this.#p.ctx.turnMsOverride ?? this.#rec.settings.turnSeconds * 1000;
  }

  /** Opens the next turn; after a reveal its timer waits until the reveal has been read. */
  beginTurn(afterReveal: boolean): void {
    this.#setPhase("deciding");
    for (const seat of this.seats.list()) {
      const active = this.#engine.companies[seat.company]?.status === "active";
      seat.bounds = active ? decisionBounds(this.#engine, seat.company) : null;
      seat.fallback = active ? defaultDecision(this.#engine, seat.company) : null;
      seat.pending = null;
      seat.ready = !active;
      seat.acked = false;
    }
    const reading = afterReveal && this.seats.connectedHumans().length > 0 ? this.#p.ctx.revealMs : 0;
    this.clock.startTurn(this.#turnMs(), reading);
    this.syncSeats();
    for (const seat of this.seats.list()) {
      this.sendTurnStarted(seat);
      if (!seat.ready && this.seats.aiPlays(seat)) this.requestAi(seat);
    }
    this.checkAllReady();
  }

  /** Asks the AI for a seat's decision; it counts only if the turn and the seat's control are unchanged. */
  requestAi(seat: SeatRuntime<C>): void {
    const turn = this.#engine.turn;
    const stillWanted = (): boolean => !this.#disposed && this.#phase === "deciding" && this.#engine.turn === turn && this.seats.aiPlays(seat) && !seat.ready;
    this.#p.ctx
      .ai(this.#engine, seat.company, this.#rec.settings.difficulty, aiSeedFor(this.#rec.config.seed))
      .catch((e: unknown) => {
        this.#p.ctx.log(`AI failed for ${seat.company} in match ${this.#rec.id} turn ${turn}: ${e instanceof Error ? e.message : String(e)}; default stands`);
        return seat.fallback;
      })
      .then((d) => {
        if (!stillWanted()) return;
        seat.pending = d ?? seat.fallback;
        seat.ready = true;
        this.syncSeat(seat);
        this.checkAllReady();
      });
  }

  sendTurnStarted(seat: SeatRuntime<C>): void {
    if (!seat.client || !seat.bounds || !seat.fallback || this.#phase !== "deciding") return;
    const deadline = this.clock.view.deadline;
    const m: TurnStartedMessage = {
      turn: this.#engine.turn,
      quarter: this.#engine.quarter,
      ...(deadline > 0 ? { deadline } : {}),
      bounds: seat.bounds,
      defaultDecision: seat.fallback,
    };
    this.#p.send(seat.client, "turn:started", m);
  }

  /** The reading pause ends once every connected player has acknowledged the reveal. */
  maybeEndReading(): void {
    if (this.#phase === "deciding" && this.clock.reading && this.seats.connectedHumans().every((s) => s.acked)) this.clock.endReading();
  }

  checkAllReady(): void {
    if (this.#phase !== "deciding") return;
    const seats = this.seats.list();
    if (!seats.every((s) => s.ready)) return;
    const humans = seats.filter((s) => s.control === "human" && !s.held);
    // With no player present, only the timer (or the teacher) moves the match on.
    if (humans.length > 0 && !humans.some((s) => s.client)) return;
    if (humans.length === 0 && this.#p.connections() === 0) return;
    void this.resolve();
  }

  async resolve(): Promise<void> {
    if (this.#phase !== "deciding") return;
    this.#setPhase("resolving");
    this.clock.stop();
    const before = this.#engine;
    let r: ReturnType<typeof resolveOneTurn>;
    try {
      r = resolveOneTurn(before, this.seats.list(), this.#injected, (b, a) => this.#hasher.hash(b, a));
    } catch (e) {
      this.#p.ctx.log(`engine failed resolving ${this.#rec.id} turn ${before.turn}: ${e instanceof Error ? e.stack : String(e)}`);
      this.#setPhase("deciding");
      this.#p.broadcast("error", { code: "server/engine_error", message: "the turn could not be resolved; it stays open" });
      return;
    }
    const events = this.#injected.length > 0 ? { events: [...this.#injected] } : {};
    const turn = { turn: before.turn, decisions: r.decisions, hash: r.hash, resolvedAt: new Date().toISOString(), ...events };
    // Persist BEFORE the reveal: a crash after this point never loses a revealed turn.
    if (!(await this.#p.store.appendTurn(this.#rec.id, turn, r.scores ? { finalHash: r.hash, scores: r.scores } : undefined))) {
      this.#setPhase("deciding");
      this.#p.broadcast("error", { code: "server/storage_error", message: "the turn could not be saved; it stays open" });
      this.clock.startTurn(5000, 0);
      return;
    }
    this.#hasher.commit(r.hash);
    if (this.#disposed) return;
    this.#engine = r.after;
    this.#injected = [];
    this.#p.state.hash = r.hash;
    this.#project(false);
    this.#p.broadcast("turn:resolved", { turn: before.turn, hash: r.hash, report: r.report } satisfies TurnResolvedMessage);
    if (!r.scores) return this.beginTurn(true);
    this.#setPhase("ended");
    this.#rec = { ...this.#rec, status: "ended" };
    for (const seat of this.seats.list()) {
      seat.pending = null;
      seat.ready = false;
      this.seats.stopGrace(seat);
    }
    this.syncSeats();
    const counterfactual = restrainedScores(this.#engine.config, await this.#p.store.eventsByTurn(this.#rec.id));
    this.#p.broadcast("match:ended", { scores: r.scores, replayId: this.#rec.id, counterfactual } satisfies MatchEndedMessage);
  }

  /**
   * The teacher takes back the last played quarter (`turn` must be it): the turn leaves the log, the
   * state is re-run from the log without it (the engine is a fold), and the quarter opens again,
   * without the events injected into it. Also after the match ended. Null when done.
   */
  async undo(turn: number): Promise<ErrorMessage | null> {
    if (this.#phase === "resolving") return { code: "rule/wrong_phase", message: "a quarter is being resolved; try again in a moment" };
    if (this.#engine.turn === 0) return { code: "rule/nothing_to_undo", message: "no quarter has been played yet" };
    if (turn !== this.#engine.turn - 1) return { code: "rule/wrong_turn", message: `the last played quarter is turn ${this.#engine.turn - 1}, not ${turn}` };
    const phase = this.#phase;
    // Locks the match (no decision, no resolve) while the log changes.
    this.#setPhase("resolving");
    this.clock.stop();
    if (!(await this.#p.store.dropLastTurn(this.#rec.id, turn))) {
      this.#setPhase(phase);
      if (phase === "deciding") this.clock.startTurn(this.#turnMs(), 0);
      return { code: "server/storage_error", message: "the quarter could not be taken back; nothing changed" };
    }
    const r = await this.#p.store.restore(this.#rec.id);
    if (this.#disposed) return null;
    if (!r.ok) {
      // The log lost its last turn but does not re-run: the match cannot go on safely.
      this.#p.ctx.log(`undo of turn ${turn} in ${this.#rec.id} left a log that does not re-run: ${r.message}`);
      await this.#p.store.update(this.#rec.id, { status: "abandoned" });
      this.#setPhase("ended");
      return { code: "server/storage_error", message: "the match log could not be re-run after the undo" };
    }
    this.#engine = r.state;
    this.#hasher = r.hasher;
    this.#injected = [];
    this.#rec = { ...this.#rec, status: "active" };
    this.#p.state.hash = r.lastHash;
    this.#project(true);
    this.#p.broadcast("turn:undone", { turn, hash: r.lastHash } satisfies TurnUndoneMessage);
    // A paused clock stays paused into the reopened quarter (TurnClock keeps pausing across turns).
    this.beginTurn(false);
    return null;
  }

  #setPhase(phase: Phase): void {
    this.#phase = phase;
    this.#p.state.phase = phase;
  }

  #project(full: boolean): void {
    projectFigures(this.#p.state, this.#engine, full, (company, items) => this.#p.addToSeatView(company, items));
  }
}
