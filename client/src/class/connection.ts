/**
 * A connection to a class room (`class`), for the teacher console, a student team's page or the
 * projector. It finds the room over HTTP (by class id or class code: the server reopens a room that
 * went idle or did not survive a restart), joins with the member's secret, keeps the latest view,
 * and comes back by itself after a dropped connection or a server restart. A refusal (a bad key,
 * a team removed) stops the retries: trying again cannot help.
 */
import { Client, type Room } from "@colyseus/sdk";
import type { ErrorMessage } from "../../../shared/protocol/messages.ts";
import type { ClassLocation, ClassView, ClassWelcome } from "../../../shared/protocol/class.ts";

export type ClassCredentials =
  | { readonly role: "teacher"; readonly classId: string; readonly key: string }
  | { readonly role: "student"; readonly code: string; readonly name?: string; readonly token?: string }
  | { readonly role: "projector"; readonly code: string };

export type ClassNetStatus = "connecting" | "ok" | "lost" | "failed" | "refused";

/** Close code: the teacher removed this team from the class. */
export const CLOSE_REMOVED = 4401;

/** The game server: the page's own origin, or the server's port while Vite serves the page in development. */
export function gameServerUrl(): string {
  return import.meta.env.MODE === "development" ? `${location.protocol}//${location.hostname}:2567` : `${location.protocol}//${location.host}`;
}

/** An HTTP answer's typed error, as a readable message. */
async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return body.error ? `${body.error.code ?? res.status}: ${body.error.message ?? ""}` : `${res.status}`;
  } catch {
    return String(res.status);
  }
}

export class RefusedError extends Error {}

/** Where a class's room is: by id (the teacher) or by class code (students, projector). */
export async function locate(c: ClassCredentials): Promise<ClassLocation> {
  const path = c.role === "teacher" ? `/api/classes/${encodeURIComponent(c.classId)}` : `/api/class-codes/${encodeURIComponent(c.code)}`;
  const res = await fetch(path);
  if (res.ok) return (await res.json()) as ClassLocation;
  const message = await errorOf(res);
  if (res.status === 404 || res.status === 400) throw new RefusedError(message);
  throw new Error(message);
}

// biome-ignore lint/suspicious/noExplicitAny: the class room has no synced schema state; views arrive as messages.
type AnyRoom = Room<any, any>;

export class ClassConnection {
  status: ClassNetStatus = "connecting";
  view: ClassView | null = null;
  welcome: ClassWelcome | null = null;
  location: ClassLocation | null = null;
  /** The last refused message (or join), for the screen to show. */
  lastError: ErrorMessage | null = null;
  #creds: ClassCredentials;
  #room: AnyRoom | null = null;
  #client = new Client(gameServerUrl());
  #listeners = new Set<() => void>();
  #closed = false;
  #pings = 0;
  #pongs = new Map<number, () => void>();

  constructor(creds: ClassCredentials) {
    this.#creds = creds;
  }

  get credentials(): ClassCredentials {
    return this.#creds;
  }

  on(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #emit(): void {
    for (const fn of [...this.#listeners]) fn();
  }

  /** Joins (or re-joins); throws a RefusedError when the server refuses the member. */
  async connect(): Promise<void> {
    this.status = "connecting";
    this.#emit();
    const loc = await locate(this.#creds);
    this.location = loc;
    const c = this.#creds;
    const options =
      c.role === "teacher"
        ? { role: "teacher", key: c.key }
        : c.role === "projector"
          ? { role: "projector" }
          : c.token
            ? { role: "student", token: c.token }
            : { role: "student", name: c.name ?? "" };
    let room: AnyRoom;
    try {
      room = await this.#client.joinById(loc.roomId, options);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/\b(auth|join|class)\/[a-z_]+/.test(message)) throw new RefusedError(message);
      throw e;
    }
    this.#attach(room);
  }

  /** Connects, and keeps trying (a server starting up, a lost network) unless the server refuses. */
  start(): void {
    void this.connect().catch((e: unknown) => this.#failed(e));
  }

  #failed(e: unknown): void {
    if (e instanceof RefusedError) {
      this.status = "refused";
      this.lastError = { code: "class/refused", message: e.message };
      this.#emit();
      return;
    }
    this.status = "failed";
    this.#emit();
    void this.#retry();
  }

  /** Sends a teacher message; its refusal (if any) lands in `lastError`. */
  send(type: string, payload: unknown = {}): void {
    this.#room?.send(type, payload);
  }

  /** Resolves once the room has handled everything sent so far. */
  sync(): Promise<void> {
    const room = this.#room;
    if (!room) return Promise.resolve();
    const id = ++this.#pings;
    return new Promise<void>((resolve) => {
      this.#pongs.set(id, resolve);
      room.send("ping", { id });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const r = this.#room;
    this.#room = null;
    if (r) await r.leave(true).catch(() => undefined);
  }

  #attach(room: AnyRoom): void {
    this.#room = room;
    this.status = "ok";
    room.onMessage("class:welcome", (m: ClassWelcome) => {
      this.welcome = m;
      // From now on the team comes back with its token, not its name.
      const c = this.#creds;
      if (c.role === "student" && m.team) this.#creds = { role: "student", code: c.code, token: m.team.token };
      this.#emit();
    });
    room.onMessage("class:state", (v: ClassView) => {
      this.view = v;
      this.#emit();
    });
    room.onMessage("error", (e: ErrorMessage) => {
      this.lastError = e;
      this.#emit();
    });
    room.onMessage("pong", (m: { id: number }) => {
      this.#pongs.get(m.id)?.();
      this.#pongs.delete(m.id);
    });
    room.onDrop(() => {
      this.status = "lost";
      this.#emit();
    });
    room.onReconnect(() => {
      this.status = "ok";
      this.#emit();
    });
    room.onLeave((code: number) => {
      if (this.#room !== room || this.#closed) return;
      this.#room = null;
      if (code === CLOSE_REMOVED) {
        this.status = "refused";
        this.lastError = { code: "class/removed", message: "removed from the class by the teacher" };
        this.#emit();
        return;
      }
      this.status = "failed";
      this.#emit();
      void this.#retry();
    });
    this.#emit();
  }

  /** About a minute of retries (a restarting server reopens its classes), then the screen offers a button. */
  async #retry(): Promise<void> {
    for (let attempt = 0; attempt < 30 && !this.#closed && !this.#room; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(4000, 500 * (attempt + 1))));
      try {
        await this.connect();
        return;
      } catch (e) {
        if (e instanceof RefusedError) {
          this.status = "refused";
          this.lastError = { code: "class/refused", message: e.message };
          this.#emit();
          return;
        }
      }
    }
    if (!this.#room) {
      this.status = "failed";
      this.#emit();
    }
  }

  /** The screen's "Retry" button. */
  retry(): void {
    if (!this.#room && !this.#closed) void this.#retry();
  }
}
