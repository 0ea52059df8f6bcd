/**
 * The connection to the authoritative server: create/join a `match` room, keep the latest synced
 * state as a plain snapshot, remember the server's messages, and recover from network trouble.
 * Scenes read from here and send through here; nothing in the client decides a game rule.
 */
import { Client, type Room } from "@colyseus/sdk";
import type { CompanyId } from "../../shared/engine/ids.ts";
import type { Decision, TurnReport } from "../../shared/engine/types.ts";
import type { MarketView } from "../../shared/engine/view.ts";
import type {
  CreateOptions,
  ErrorMessage,
  JoinOptions,
  MatchEndedMessage,
  SeatPresenceMessage,
  TurnResolvedMessage,
  TurnStartedMessage,
  TurnUndoneMessage,
  WelcomeMessage,
} from "../../shared/protocol/messages.ts";
import { CLOSE_SEAT_RECLAIMED } from "../../shared/sync/close-codes.ts";
import type { ToJSON } from "@colyseus/schema";
import { MatchSync, type QuarterSync, type SEAT_PRIVATE_FIELDS, type SeatSync } from "../../shared/sync/state.ts";

/**
 * The synced state as the client holds it (`toJSON()` of the schema in shared/sync/state.ts): the
 * types come from the schema, so a field the server does not send cannot be read here. A seat's
 * private fields are present only in its own view.
 */
export type QuarterSnap = ToJSON<QuarterSync>;
type SeatJson = ToJSON<SeatSync>;
type SeatPrivate = (typeof SEAT_PRIVATE_FIELDS)[number];
export type SeatSnap = Omit<SeatJson, "company" | SeatPrivate> & Partial<Pick<SeatJson, SeatPrivate>> & { company: CompanyId };
export type MatchSnap = Omit<ToJSON<MatchSync>, "seats"> & { seats: Record<string, SeatSnap> };

export type NetStatus = "ok" | "lost" | "failed";

// biome-ignore lint/suspicious/noExplicitAny: the room's state type is the server's, which the client only sees through the synced schema.
type AnyRoom = Room<any, any>;
type Listener = () => void;

const SAVE_KEY = "cp.session";

export class Session {
  readonly client: Client;
  room: AnyRoom | null = null;
  welcome: WelcomeMessage | null = null;
  snap: MatchSnap | null = null;
  turnStarted: TurnStartedMessage | null = null;
  /** Reveals seen, in order. The latest not yet shown is `unseenReveal`. */
  reports: TurnReport[] = [];
  unseenReveal: TurnReport | null = null;
  ended: MatchEndedMessage | null = null;
  lastError: ErrorMessage | null = null;
  status: NetStatus = "ok";
  /** The last seat that dropped, came back or was taken over by AI (told to hosts and teachers). */
  presence: SeatPresenceMessage | null = null;
  /** Our own pending decision as last sent (for the panel), and whether we said ready. */
  sentDecision: Decision | null = null;
  /** This client created the match (it may start it from the lobby). */
  creator = false;
  private listeners = new Set<Listener>();
  private name = "Player";

  constructor(url: string) {
    this.client = new Client(url);
  }

  on(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of [...this.listeners]) fn();
  }

  get seat(): CompanyId | null {
    return (this.welcome?.seat as CompanyId | null | undefined) ?? null;
  }

  get market(): MarketView | null {
    if (!this.snap?.market) return null;
    try {
      return JSON.parse(this.snap.market) as MarketView;
    } catch {
      return null;
    }
  }

  async create(opts: CreateOptions): Promise<void> {
    this.name = opts.name ?? "Player";
    this.creator = true;
    this.attach(await this.client.create("match", opts, MatchSync));
  }

  async joinByCode(code: string, opts: JoinOptions): Promise<void> {
    this.name = opts.name;
    const clean = code.trim().toUpperCase();
    const res = await fetch(`/api/codes/${encodeURIComponent(clean)}`);
    if (!res.ok) {
      let message = `${res.status}`;
      try {
        const body = (await res.json()) as { message?: string; error?: { message?: string } };
        message = body.message ?? body.error?.message ?? message;
      } catch {
        // keep status
      }
      throw new Error(message);
    }
    const body = (await res.json()) as { roomId?: string; matchId?: string; classPath?: string };
    if (body.classPath) throw new ClassCodeError(body.classPath);
    const roomId = body.roomId ?? body.matchId;
    if (!roomId) throw new Error("no room for this code");
    this.attach(await this.client.joinById(roomId, { ...opts, code: clean }, MatchSync));
  }

  /**
   * Rejoin after the connection could not be recovered, or after a reload: first the SDK's
   * reconnection token (same room, within the grace period), then the join code (the room may be
   * new after a server restart) with the seat token — which also takes the seat back from the AI
   * that held it. Throws when neither works.
   */
  async rejoin(): Promise<void> {
    const saved = loadSaved();
    if (!saved) throw new Error("nothing to rejoin");
    this.name = saved.name || this.name;
    let room: AnyRoom | null = null;
    if (saved.reconnectionToken) {
      try {
        room = await this.client.reconnect(saved.reconnectionToken, MatchSync);
      } catch {
        room = null;
      }
    }
    if (!room) {
      let roomId = saved.roomId;
      if (saved.code) {
        const res = await fetch(`/api/codes/${encodeURIComponent(saved.code)}`);
        if (res.status === 404) throw new RejoinRefused("the match is gone");
        if (res.ok) {
          const body = (await res.json()) as { roomId?: string | null };
          if (body.roomId === null) throw new RejoinRefused("the match has ended");
          roomId = body.roomId ?? roomId;
        }
      }
      const role = saved.role === "spectator" || saved.role === "teacher" ? saved.role : "player";
      const opts = { name: this.name, role, code: saved.code, ...(saved.token ? { token: saved.token } : {}) } as JoinOptions;
      try {
        room = await this.client.joinById(roomId, opts, MatchSync);
      } catch (e) {
        // The server refused us (bad token, seat given away, match over): retrying cannot help.
        if (/\b(auth|join)\/[a-z_]+/.test(String((e as Error)?.message))) throw new RejoinRefused((e as Error).message);
        throw e;
      }
    }
    this.attach(room);
    this.status = "ok";
    this.emit();
  }

  /**
   * After a reload (or a browser restart): back into the saved match without a click. The banner
   * shows "Reconnecting…" meanwhile; a refusal clears the saved seat and lands on the title.
   */
  async resume(): Promise<boolean> {
    const saved = loadSaved();
    if (!saved || saved.ended || this.room) return false;
    this.name = saved.name || this.name;
    this.status = "lost";
    this.emit();
    return this.retryRejoin(() => this.room === null);
  }

  private attach(room: AnyRoom): void {
    this.room = room;
    this.status = "ok";
    room.onStateChange((state: { toJSON?: () => unknown }) => {
      this.snap = (typeof state.toJSON === "function" ? state.toJSON() : state) as MatchSnap;
      this.emit();
    });
    room.onMessage("welcome", (m: WelcomeMessage) => {
      this.welcome = m;
      // The server says who hosts (a reloaded host is still host).
      if (m.host) this.creator = true;
      this.save();
      this.emit();
    });
    room.onMessage("turn:started", (m: TurnStartedMessage) => {
      this.turnStarted = m;
      this.sentDecision = null;
      this.emit();
    });
    room.onMessage("turn:resolved", (m: TurnResolvedMessage) => {
      if (!this.reports.some((r) => r.turn === m.report.turn)) {
        this.reports.push(m.report);
        this.unseenReveal = m.report;
      }
      this.emit();
    });
    room.onMessage("turn:undone", (m: TurnUndoneMessage) => {
      // The teacher took the quarter back: its reveal is void, and the quarter opens again (turn:started follows).
      this.reports = this.reports.filter((r) => r.turn < m.turn);
      if (this.unseenReveal && this.unseenReveal.turn >= m.turn) this.unseenReveal = null;
      this.ended = null;
      this.emit();
    });
    room.onMessage("match:ended", (m: MatchEndedMessage) => {
      this.ended = m;
      // Nothing to rejoin after a reload: the end screen reads the replay file.
      this.save(true);
      this.emit();
    });
    room.onMessage("error", (m: ErrorMessage) => {
      this.lastError = m;
      this.emit();
    });
    room.onMessage("seat:presence", (m: SeatPresenceMessage) => {
      this.presence = m;
      this.emit();
    });
    room.onMessage("*", () => {
      // other messages (chat, future additions) are ignored without a warning
    });
    room.onDrop(() => {
      this.status = "lost";
      this.emit();
    });
    room.onReconnect(() => {
      this.status = "ok";
      this.save();
      this.emit();
    });
    room.onLeave((code: number) => {
      if (this.room !== room) return;
      // 1000 = we left on purpose; 4000+ = the server closed the room (match over).
      if (code === 1000 || this.ended) return;
      if (code === CLOSE_SEAT_RECLAIMED) {
        // Our seat token was used from another tab or device: that one plays now, no tug of war.
        this.room = null;
        this.lastError = { code: "net/replaced", message: "this seat is now played from another window" };
        clearSaved(true);
        this.status = "ok";
        this.emit();
        return;
      }
      this.status = "failed";
      this.emit();
      void this.retryRejoin(() => this.room === room);
    });
    this.save();
    this.emit();
  }

  /**
   * About a minute of retries (a restarting server restores its matches), then the Retry button.
   * A refusal (bad token, match over) stops at once and forgets the saved seat.
   */
  private async retryRejoin(stillWanted: () => boolean): Promise<boolean> {
    for (let attempt = 0; attempt < 30 && stillWanted(); attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(4000, 500 * attempt)));
      try {
        await this.rejoin();
        return true;
      } catch (e) {
        if (e instanceof RejoinRefused) {
          clearSaved();
          this.room = null;
          this.status = "ok";
          this.lastError = { code: "net/rejoin_refused", message: e.message };
          this.emit();
          return false;
        }
      }
    }
    if (stillWanted()) {
      this.status = "failed";
      this.emit();
    }
    return false;
  }

  /** The seat token and how to find the room again: this tab's copy, and the browser's last one. */
  private save(ended = false): void {
    if (!this.room) return;
    // Until this connection's `welcome` arrives, keep what the last one said (a reload mid-rejoin).
    const before = loadSaved();
    const w = this.welcome ?? (before && before.roomId === this.room.roomId ? before : null);
    const saved: Saved = {
      roomId: this.room.roomId,
      reconnectionToken: this.room.reconnectionToken,
      token: w?.token ?? "",
      seat: w?.seat ?? null,
      role: w?.role ?? "player",
      code: w?.code ?? "",
      name: this.name,
      ended: ended || this.ended !== null,
    };
    const text = JSON.stringify(saved);
    for (const store of storages()) {
      try {
        store.setItem(SAVE_KEY, text);
      } catch {
        // not saved there: rejoin will need the code
      }
    }
  }

  decide(decision: Decision): void {
    if (!this.room || !this.turnStarted) return;
    this.sentDecision = decision;
    this.room.send("decide", { turn: this.turnStarted.turn, decision });
    this.emit();
  }

  /**
   * Says ready (or not) for `turn`, the quarter the decision form belongs to: if that quarter has
   * been resolved meanwhile (the teacher advanced it, the timer ran out), the server refuses it
   * rather than counting it for the next quarter.
   */
  ready(on: boolean, turn = this.turnStarted?.turn): void {
    this.room?.send(on ? "ready" : "unready", turn === undefined ? {} : { turn });
  }

  /** "I have read the reveal": the next quarter's timer starts once every connected player said so. */
  ackReveal(): void {
    this.room?.send("reveal:ack", {});
  }

  start(): void {
    this.room?.send("teacher:start", {});
  }

  async leave(): Promise<void> {
    const r = this.room;
    this.room = null;
    clearSaved();
    if (r) await r.leave(true).catch(() => undefined);
  }

  mySeat(): SeatSnap | null {
    const s = this.seat;
    return s && this.snap ? (this.snap.seats[s] ?? null) : null;
  }

  seatsInOrder(): SeatSnap[] {
    return this.snap ? Object.values(this.snap.seats) : [];
  }
}

/**
 * The game server: the page's own origin in production (`npm start` serves both); under
 * `npm run dev` the page comes from Vite, and the rooms live on the game server's port.
 */
function gameServerUrl(): string {
  // MODE, not DEV: DEV follows NODE_ENV, which a test runner sets even for a production build.
  return import.meta.env.MODE === "development" ? `${location.protocol}//${location.hostname}:2567` : `${location.protocol}//${location.host}`;
}

interface Saved {
  roomId: string;
  reconnectionToken: string;
  token: string;
  seat: string | null;
  role: string;
  code: string;
  name: string;
  /** The match was over when saved: nothing to rejoin. */
  ended: boolean;
}

class RejoinRefused extends Error {}

/** This tab first (two tabs may play two matches), then the browser's last match (after a restart). */
function storages(): Storage[] {
  const out: Storage[] = [];
  try {
    out.push(sessionStorage);
  } catch {
    // no session storage
  }
  try {
    out.push(localStorage);
  } catch {
    // no local storage
  }
  return out;
}

function loadSaved(): Saved | null {
  for (const store of storages()) {
    try {
      const raw = store.getItem(SAVE_KEY);
      if (raw) return JSON.parse(raw) as Saved;
    } catch {
      // unreadable: try the next
    }
  }
  return null;
}

/** Forget the saved seat (`tabOnly`: keep the browser's copy, another tab plays it). */
function clearSaved(tabOnly = false): void {
  const all = storages();
  for (const store of tabOnly ? all.slice(0, 1) : all) {
    try {
      store.removeItem(SAVE_KEY);
    } catch {
      // ignore
    }
  }
}

/** On page load: rejoin the saved match, if any (a reload, a crash, a server restart). */
export function resumeSaved(): Promise<boolean> {
  return getSession().resume();
}

let session: Session | null = null;
const everySession = new Set<Listener>();

/** Listens to the current session and to every session created later (the router, the banner). */
export function onAnySession(fn: Listener): void {
  everySession.add(fn);
  session?.on(fn);
}

function fresh(): Session {
  const s = new Session(gameServerUrl());
  for (const fn of everySession) s.on(fn);
  return s;
}

export function getSession(): Session {
  if (!session) session = fresh();
  return session;
}

export function resetSession(): Session {
  const old = session;
  session = fresh();
  if (old?.room) void old.leave();
  return session;
}

/** The code typed was a class's: the team belongs on its class page, not in a match. */
export class ClassCodeError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`class code: ${path}`);
    this.path = path;
  }
}
