/**
 * Room `class`: the network face of one class session, and thin. It admits the teacher (by the
 * teacher key), student teams (a new team by name, a returning one by its token) and projectors;
 * turns each teacher message into a pure change of the class record (orchestration.ts) or a
 * command to the class's matches (match-link.ts); persists the record before anything is
 * announced; follows every match's feed; and sends each member its own view (views.ts).
 */
import { randomBytes } from "node:crypto";
import { Room, ServerError, type Client, type Delayed } from "@colyseus/core";
import { eventShapeErrors, type TurnReport } from "../../shared/engine/index.ts";
import type { CreateOptions, ErrorMessage } from "../../shared/protocol/index.ts";
import {
  CLASS_MESSAGES,
  ClassJoinOptionsSchema,
  type ClassMessage,
  type ClassMessageType,
  type ClassRole,
  type ClassView,
  type ClassWelcome,
  type MatchLive,
} from "../../shared/protocol/class.ts";
import { RateLimiter, hashToken, newToken, payloadBytes, tokenMatches } from "../util.ts";
import { impersonatedRole, sanitiseName } from "../rooms/names.ts";
import { issues } from "../rooms/dispatch.ts";
import { CLASS_CONTEXT_KEY, takeClassRequest, type ClassContext } from "./context.ts";
import { eventsKey, meterOf, type EventsByTurn, type RestrainPath } from "./dilemma.ts";
import { matchLink, type MatchLink } from "./match-link.ts";
import type { FeedMessage } from "./match-feed.ts";
import * as orch from "./orchestration.ts";
import { parseClassRecord, type ClassRecord } from "./record.ts";
import { projectorView, studentView, teacherView, type ClassRuntime } from "./views.ts";

interface Member {
  readonly role: ClassRole;
  team: string | null;
  readonly limiter: RateLimiter;
  /** The last view sent, as JSON: a member is sent its view only when it changed. */
  sent: string;
}

type Outcome = ErrorMessage | null;

function joinError(code: string, message: string): ServerError {
  return new ServerError(4400, `${code}: ${message}`);
}

function err(code: string, message: string, detail?: unknown): ErrorMessage {
  return detail === undefined ? { code, message } : { code, message, detail };
}

function memberOf(client: Client): Member | undefined {
  return client.userData as Member | undefined;
}

/** Views are sent at most this often (ms): a burst of match feeds becomes one update. */
const FLUSH_MS = 40;
const MAX_MESSAGE_BYTES = 4096;

export class ClassRoom extends Room {
  override maxClients = 250;
  override autoDispose = false;
  override maxMessagesPerSecond = 100;

  #ctx!: ClassContext;
  #link!: MatchLink;
  #rec!: ClassRecord;
  #keyHash = "";
  readonly #live = new Map<number, MatchLive>();
  readonly #reports = new Map<number, TurnReport>();
  readonly #paths = new Map<number, { readonly key: string; readonly path: RestrainPath }>();
  readonly #unfollow: (() => void)[] = [];
  readonly #teamConnections = new Map<string, number>();
  #queue: Promise<void> = Promise.resolve();
  #flushTimer: Delayed | null = null;
  #idleTimer: Delayed | null = null;

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    const ctx = options[CLASS_CONTEXT_KEY] as ClassContext | undefined;
    if (!ctx) throw joinError("server/misconfigured", "class context missing");
    this.#ctx = ctx;
    const request = takeClassRequest(ctx, options);
    if (!request) throw joinError("class/not_allowed", "a class is created with POST /api/classes, not by a client");
    const row = await ctx.storage.getClass(request.classId);
    if (!row) throw joinError("class/not_found", `no class ${request.classId}`);
    const parsed = parseClassRecord(row.record);
    if (!parsed.ok) throw joinError("class/corrupt", `class ${row.id} cannot be read: ${parsed.message}`);
    this.#rec = parsed.record;
    this.#keyHash = row.teacherKeyHash;
    this.#link = matchLink(ctx);
    this.roomId = row.id;
    // Only by id (from the class code): never `join`ed by matchmaking.
    await this.setPrivate(true);
    this.onMessage("*", (client: Client, type: string | number, message: unknown) => this.#onMessage(client, type, message));
    for (const slot of this.#rec.slots) {
      if (slot.final) this.#live.set(slot.index, slot.final);
      if (slot.matchId) this.#follow(slot.index, slot.matchId);
    }
    this.#armIdle();
  }

  // ---------------------------------------------------------------- members

  override async onJoin(client: Client, options: unknown): Promise<void> {
    const raw = typeof options === "object" && options !== null ? { ...(options as Record<string, unknown>) } : {};
    const p = ClassJoinOptionsSchema.safeParse(raw);
    if (!p.success)
      throw joinError(
        "join/invalid_options",
        issues(p.error)
          .map((i) => `${i.path || "options"}: ${i.message}`)
          .join("; "),
      );
    const o = p.data;
    let team: { id: string; name: string; token: string } | undefined;
    if (o.role === "teacher" && !tokenMatches(o.key, this.#keyHash)) throw joinError("auth/bad_key", "the teacher key is not valid for this class");
    if (o.role === "student") team = await this.#serial(() => this.#admitStudent(o.name, o.token));
    // The teacher's console may send a burst (several matches at once); others as in a match room.
    const limiter = o.role === "teacher" ? new RateLimiter(20, 60, Date.now()) : new RateLimiter(10, 20, Date.now());
    const member: Member = { role: o.role, team: team?.id ?? null, limiter, sent: "" };
    client.userData = member;
    if (team) this.#teamConnections.set(team.id, (this.#teamConnections.get(team.id) ?? 0) + 1);
    this.#cancelIdle();
    client.send("class:welcome", { role: o.role, classId: this.#rec.id, code: this.#rec.code, ...(team ? { team } : {}) } satisfies ClassWelcome);
    this.#markDirty();
  }

  /** A returning team by its token; a new one by its name (the team token is minted here, only its hash is kept). */
  async #admitStudent(rawName: string, token: string | undefined): Promise<{ id: string; name: string; token: string }> {
    if (token !== undefined) {
      const t = this.#rec.teams.find((x) => tokenMatches(token, x.tokenHash));
      if (!t) throw joinError("auth/bad_token", "this team token is not valid for this class");
      return { id: t.id, name: t.name, token };
    }
    const name = sanitiseName(rawName, "");
    if (name === "") throw joinError("join/name_required", "give your team a name");
    const claimed = impersonatedRole(name, { host: false, teacher: false });
    if (claimed !== null) throw joinError("join/reserved_name", `the name ${JSON.stringify(name)} is reserved (it reads as "${claimed}"); choose another`);
    const fresh = newToken();
    const team = { id: `t${randomBytes(4).toString("hex")}`, name, tokenHash: hashToken(fresh), joinedAt: new Date().toISOString() };
    const ch = orch.addTeam(this.#rec, team);
    if (!ch.ok) throw joinError(ch.code, ch.message);
    if (!(await this.#save(ch.record))) throw joinError("server/storage_error", "the team could not be saved; try again");
    return { id: team.id, name, token: fresh };
  }

  override onDrop(client: Client): void {
    this.allowReconnection(client, this.#ctx.graceSeconds).catch(() => undefined);
  }

  override onLeave(client: Client): void {
    const team = memberOf(client)?.team;
    if (team) {
      const n = (this.#teamConnections.get(team) ?? 1) - 1;
      if (n <= 0) this.#teamConnections.delete(team);
      else this.#teamConnections.set(team, n);
    }
    this.#markDirty();
    if (this.clients.length === 0) this.#armIdle();
  }

  override onDispose(): void {
    for (const f of this.#unfollow) f();
    this.#cancelIdle();
    this.#flushTimer?.clear();
  }

  #armIdle(): void {
    this.#cancelIdle();
    this.#idleTimer = this.clock.setTimeout(() => {
      if (this.clients.length > 0) return;
      this.#ctx.log(`disposing idle class room ${this.roomId}`);
      void this.disconnect();
    }, this.#ctx.idleSeconds * 1000);
  }

  #cancelIdle(): void {
    this.#idleTimer?.clear();
    this.#idleTimer = null;
  }

  // ---------------------------------------------------------------- views

  #runtime(): ClassRuntime {
    const live = new Map<number, MatchLive>();
    for (const [i, l] of this.#live) {
      const p = this.#paths.get(i);
      live.set(i, p ? { ...l, meter: meterOf(l, p.path) } : l);
    }
    return {
      connectedTeams: new Set(this.#teamConnections.keys()),
      live,
      reports: this.#reports,
      projectors: this.clients.filter((c) => memberOf(c)?.role === "projector").length,
    };
  }

  #markDirty(): void {
    if (this.#flushTimer) return;
    this.#flushTimer = this.clock.setTimeout(() => {
      this.#flushTimer = null;
      this.#flush();
    }, FLUSH_MS);
  }

  /** Sends every member its view if it changed. */
  #flush(): void {
    const rt = this.#runtime();
    let teacher: string | null = null;
    let projector: string | null = null;
    for (const client of this.clients) {
      const m = memberOf(client);
      if (!m) continue;
      let text: string;
      if (m.role === "teacher") text = teacher ??= JSON.stringify(teacherView(this.#rec, rt));
      else if (m.role === "projector") text = projector ??= JSON.stringify(projectorView(this.#rec, rt));
      else {
        const v = m.team ? studentView(this.#rec, rt, m.team) : null;
        if (!v) continue;
        text = JSON.stringify(v);
      }
      if (text === m.sent) continue;
      m.sent = text;
      client.send("class:state", JSON.parse(text) as ClassView);
    }
  }

  // ---------------------------------------------------------------- matches

  #follow(index: number, matchId: string): void {
    this.#unfollow.push(this.#link.follow(matchId, (m) => this.#onFeed(index, m)));
    void this.#link.live(matchId).then((live) => {
      if (live) this.#onFeed(index, { matchId, live });
    });
  }

  #onFeed(index: number, m: FeedMessage): void {
    const before = this.#live.get(index);
    this.#live.set(index, m.live);
    if (m.report) this.#reports.set(index, m.report);
    if (m.undone !== undefined) {
      this.#reports.delete(index);
      if (this.#rec.slots[index]?.final) this.#enqueue(() => this.#matchRevived(index));
    }
    if (!this.#reports.has(index) && m.live.turn > 0) void this.#loadReport(index, m.matchId);
    if (!before || before.turn !== m.live.turn || m.undone !== undefined) void this.#refreshMeter(index, m.matchId);
    if (m.live.phase === "ended" && !this.#rec.slots[index]?.final) this.#enqueue(() => this.#matchEnded(index, m.live));
    this.#markDirty();
  }

  /** The match's last report after a restart (its room revealed it before this class room existed). */
  async #loadReport(index: number, matchId: string): Promise<void> {
    try {
      const rec = await this.#ctx.storage.getMatch(matchId);
      if (!rec) return;
      const turns = await this.#ctx.storage.getTurns(matchId);
      const report = await this.#ctx.pool.lastReport(rec.config, turns);
      const live = this.#live.get(index);
      if (report && !this.#reports.has(index) && live && report.turn === live.turn - 1) {
        this.#reports.set(index, report);
        this.#markDirty();
      }
    } catch (e) {
      this.#ctx.log(`class ${this.#rec.id}: report of ${matchId} unavailable: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The all-restrain path, re-run only when the match's teacher events changed. */
  async #refreshMeter(index: number, matchId: string): Promise<void> {
    try {
      const rec = await this.#ctx.storage.getMatch(matchId);
      if (!rec) return;
      const events: Record<number, NonNullable<(typeof turns)[number]["events"]>> = {};
      const turns = await this.#ctx.storage.getTurns(matchId);
      for (const t of turns) if (t.events && t.events.length > 0) events[t.turn] = t.events;
      const key = eventsKey(events as EventsByTurn);
      if (this.#paths.get(index)?.key === key) return this.#markDirty();
      const path = await this.#ctx.pool.restrain(rec.config, events);
      this.#paths.set(index, { key, path });
      this.#markDirty();
    } catch (e) {
      this.#ctx.log(`class ${this.#rec.id}: dilemma meter of ${matchId} unavailable: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * An ended match keeps its final summary in the class record (its room goes away). The class
   * itself ends only when the teacher says so: a last quarter can still be taken back meanwhile.
   */
  async #matchEnded(index: number, live: MatchLive): Promise<void> {
    if (this.#rec.slots[index]?.final) return;
    const slots = this.#rec.slots.map((s) => (s.index === index ? { ...s, final: live } : s));
    await this.#save({ ...this.#rec, slots });
    this.#markDirty();
  }

  /** An undo after the end: the match plays again, so its final summary no longer holds. */
  async #matchRevived(index: number): Promise<void> {
    const slots = this.#rec.slots.map((s) => (s.index === index ? { ...s, final: null } : s));
    await this.#save({ ...this.#rec, slots });
  }

  // ---------------------------------------------------------------- messages

  /**
   * Messages and record changes run one at a time, in arrival order: every change starts from the
   * record the previous one saved, and a `pong` proves every earlier message was handled.
   */
  #enqueue(fn: () => Promise<void>, what = "update"): void {
    this.#queue = this.#queue
      .then(fn)
      .catch((e: unknown) => this.#ctx.log(`class ${what} failed in ${this.roomId}: ${e instanceof Error ? e.stack : String(e)}`));
  }

  /** Runs `fn` in the queue and answers its result (or its error). */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn);
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  #onMessage(client: Client, type: string | number, message: unknown): void {
    const now = Date.now();
    this.#enqueue(
      async () => {
        const m = memberOf(client);
        if (!m) return;
        const e = await this.#handle(client, m, type, message, now);
        if (e) client.send("error", e);
      },
      `message ${String(type).slice(0, 40)}`,
    );
  }

  async #handle(client: Client, m: Member, type: string | number, message: unknown, now: number): Promise<Outcome> {
    if (type !== "ping" && !m.limiter.take(now)) return err("protocol/rate_limited", "too many messages; slow down");
    const size = payloadBytes(message);
    if (size > MAX_MESSAGE_BYTES) return err("protocol/payload_too_large", `message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}`);
    if (typeof type !== "string" || !Object.hasOwn(CLASS_MESSAGES, type))
      return err("protocol/unknown_message", `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
    const t = type as ClassMessageType;
    const parsed = CLASS_MESSAGES[t].safeParse(message === null ? undefined : message);
    if (!parsed.success) {
      const list = issues(parsed.error);
      return err("protocol/invalid_payload", `${t}: ${list.map((i) => `${i.path || "message"}: ${i.message}`).join("; ")}`, list);
    }
    if (t === "ping") {
      this.#flush();
      client.send("pong", { id: (parsed.data as ClassMessage<"ping">).id });
      return null;
    }
    if (m.role !== "teacher") return err("auth/not_teacher", `${t} is for the teacher only (it needs the teacher key)`);
    return this.#teacher(t, parsed.data);
  }

  async #teacher(t: Exclude<ClassMessageType, "ping">, p: unknown): Promise<Outcome> {
    const rec = this.#rec;
    switch (t) {
      case "class:assign": {
        const a = p as ClassMessage<"class:assign">;
        return this.#change(orch.assign(rec, a.team, a.match, a.seat));
      }
      case "class:unassign":
        return this.#change(orch.unassign(rec, (p as ClassMessage<"class:unassign">).team));
      case "class:autofill":
        return this.#change(orch.autofill(rec));
      case "class:seat": {
        const a = p as ClassMessage<"class:seat">;
        return this.#change(orch.setSeatAi(rec, a.match, a.seat, a.ai));
      }
      case "class:remove": {
        const team = (p as ClassMessage<"class:remove">).team;
        const e = await this.#change(orch.removeTeam(rec, team));
        if (!e) for (const c of this.clients) if (memberOf(c)?.team === team) c.leave(4401, "removed from the class by the teacher");
        return e;
      }
      case "class:start":
        return this.#change(orch.start(rec));
      case "class:project": {
        const a = p as ClassMessage<"class:project">;
        return this.#change(orch.project(rec, a.match, a.stage));
      }
      case "class:end":
        return this.#change(orch.end(rec));
      case "class:pause":
      case "class:resume":
        return this.#toMatches((p as ClassMessage<"class:pause">).match, t === "class:pause" ? "teacher:pause" : "teacher:resume", {});
      case "class:extend": {
        const a = p as ClassMessage<"class:extend">;
        return this.#toMatches(a.match, "teacher:extend", { seconds: a.seconds });
      }
      case "class:advance":
        return this.#toMatches((p as ClassMessage<"class:advance">).match, "teacher:advance", {});
      case "class:event": {
        const a = p as ClassMessage<"class:event">;
        const e = { kind: a.kind, ...(a.target ? { target: a.target } : {}), ...(a.magnitude !== undefined ? { magnitudeBp: a.magnitude } : {}) };
        // Checked here first, so an event meant for every match is refused before any match gets it.
        const shape = eventShapeErrors(e, rec.settings.seats);
        if (shape.length > 0) return err(shape[0]!.code, shape.map((x) => x.message).join("; "), shape);
        return this.#toMatches(a.match, "teacher:event", e);
      }
      case "class:undo": {
        const a = p as ClassMessage<"class:undo">;
        return this.#toMatches(a.match, "teacher:undo", { turn: a.turn });
      }
    }
  }

  /** Persists a change of the record, then carries out its effects on the matches. */
  async #change(ch: orch.Change): Promise<Outcome> {
    if (!ch.ok) return err(ch.code, ch.message);
    if (ch.record !== this.#rec && !(await this.#save(ch.record))) return err("server/storage_error", "the class could not be saved; nothing changed");
    const failures: ErrorMessage[] = [];
    for (const effect of ch.effects) {
      const e = await this.#effect(effect);
      if (e) failures.push(e);
    }
    this.#markDirty();
    if (failures.length === 0) return null;
    return err("class/partly_done", `the class changed, but ${failures.length} match step(s) failed: ${failures.map((f) => f.message).join("; ")}`, failures);
  }

  async #effect(effect: orch.Effect): Promise<Outcome> {
    const slot = this.#rec.slots[effect.match];
    if (!slot) return err("class/no_such_match", `no match ${effect.match + 1}`);
    if (effect.kind === "create") return this.#createMatch(effect.match);
    if (!slot.matchId) return null;
    if (effect.kind === "ai") return this.#link.command(slot.matchId, "teacher:seat", { seat: effect.seat, ai: true });
    const team = this.#rec.teams.find((x) => x.id === effect.team);
    if (!team) return err("class/no_such_team", `no team ${effect.team}`);
    return this.#link.command(slot.matchId, "teacher:assign", { seat: effect.seat, name: team.name, tokenHash: team.tokenHash });
  }

  /** Creates a slot's match (AI in the seats marked so), seats its teams, and starts it. */
  async #createMatch(index: number): Promise<Outcome> {
    const s = this.#rec.settings;
    const slot = this.#rec.slots[index]!;
    const options: CreateOptions = {
      mode: "classroom",
      scenario: s.scenario,
      variant: s.variant,
      turns: s.turns,
      seats: [...s.seats],
      aiSeats: slot.seats.filter((x) => x.ai || x.team === null).map((x) => x.company),
      turnSeconds: s.turnSeconds,
      scoring: s.scoring,
      difficulty: s.difficulty,
    };
    let matchId: string;
    try {
      matchId = await this.#link.create(options, this.#keyHash);
    } catch (e) {
      this.#ctx.log(`class ${this.#rec.id}: match ${index + 1} could not be created: ${e instanceof Error ? e.message : String(e)}`);
      return err("class/match_failed", `match ${index + 1} could not be created`);
    }
    if (!(await this.#save(orch.matchCreated(this.#rec, index, matchId))))
      return err("server/storage_error", `match ${index + 1} was created but not saved in the class`);
    this.#follow(index, matchId);
    for (const seat of slot.seats) {
      if (!seat.team || seat.ai) continue;
      const e = await this.#effect({ kind: "reserve", match: index, seat: seat.company, team: seat.team });
      if (e) return e;
    }
    return this.#link.command(matchId, "teacher:start", {});
  }

  /** A teacher command to one match or every running one; refused only if every match refused it. */
  async #toMatches(match: number | undefined, type: string, payload: unknown): Promise<Outcome> {
    const scope = orch.scopedMatches(this.#rec, match);
    if (!scope.ok) return err(scope.code, scope.message);
    const failures: { match: number; code: string; message: string }[] = [];
    for (const slot of scope.matches) {
      const e = await this.#link.command(slot.matchId!, type, payload);
      if (e) failures.push({ match: slot.index, code: e.code, message: e.message });
    }
    this.#markDirty();
    if (failures.length === 0) return null;
    const first = failures[0]!;
    if (failures.length === scope.matches.length)
      return err(
        first.code,
        scope.matches.length === 1 ? first.message : `no match took it: ${failures.map((f) => `match ${f.match + 1}: ${f.message}`).join("; ")}`,
        failures,
      );
    return err("class/partly_done", `${failures.map((f) => `match ${f.match + 1}: ${f.message}`).join("; ")}`, failures);
  }

  async #save(next: ClassRecord): Promise<boolean> {
    try {
      await this.#ctx.storage.updateClass(next.id, next.status, next);
      this.#rec = next;
      return true;
    } catch (e) {
      this.#ctx.log(`class ${next.id}: storage failed: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }
}
