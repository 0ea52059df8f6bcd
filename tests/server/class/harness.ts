/** Class-room test helpers: a real server, the real @colyseus/sdk, HTTP by fetch. No mocks. */
import { Client, type Room } from "@colyseus/sdk";
import type { ClassView, ClassWelcome, CreatedClass, StudentClassView, TeacherClassView, ProjectorClassView } from "../../../shared/protocol/class.ts";
import { postJson } from "../harness.ts";

import type { AppHandle, AppOptions } from "../../../server/app.ts";
import { startTestApp as startQuiet } from "../harness.ts";

export { Player, freeTestPort, tempDataDir, until, tweak, getJson, postJson } from "../harness.ts";

/** The server's log goes to the console with CP_TEST_LOG=1 (debugging). */
export function startTestApp(port: number, dataDir: string, extra: Partial<AppOptions> = {}): Promise<AppHandle> {
  return startQuiet(port, dataDir, process.env["CP_TEST_LOG"] ? { log: (l: string) => console.log(`[server] ${l}`), ...extra } : extra);
}

/** One connection to a class room that records every message. */
export class Member {
  readonly room: Room;
  readonly log: { type: string; payload: unknown }[] = [];
  #waiters: (() => void)[] = [];
  #pings = 0;

  constructor(room: Room) {
    this.room = room;
    room.reconnection.enabled = false;
    room.onMessage("*", (type, payload) => {
      this.log.push({ type: String(type), payload });
      const w = this.#waiters;
      this.#waiters = [];
      for (const f of w) f();
    });
  }

  static async join(wsUrl: string, roomId: string, options: Record<string, unknown>): Promise<Member> {
    const m = new Member(await new Client(wsUrl).joinById(roomId, options));
    await m.waitFor("class:welcome");
    return m;
  }

  get welcome(): ClassWelcome {
    const w = this.log.find((m) => m.type === "class:welcome");
    if (!w) throw new Error("no welcome yet");
    return w.payload as ClassWelcome;
  }

  /** The latest view received. */
  get view(): ClassView | null {
    for (let i = this.log.length - 1; i >= 0; i--) if (this.log[i]?.type === "class:state") return this.log[i]!.payload as ClassView;
    return null;
  }

  get teacher(): TeacherClassView {
    const v = this.view;
    if (v?.role !== "teacher") throw new Error("not a teacher view");
    return v;
  }

  get student(): StudentClassView {
    const v = this.view;
    if (v?.role !== "student") throw new Error("not a student view");
    return v;
  }

  get projector(): ProjectorClassView {
    const v = this.view;
    if (v?.role !== "projector") throw new Error("not a projector view");
    return v;
  }

  async waitFor<T = unknown>(type: string, pred: (m: T) => boolean = () => true, timeoutMs = 20_000, from = 0): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = from; i < this.log.length; i++) {
        const m = this.log[i];
        if (m && m.type === type && pred(m.payload as T)) return m.payload as T;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${type}; last: ${JSON.stringify(this.log.at(-1)).slice(0, 400)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a view (the latest one first) that satisfies `pred`. */
  async viewWhere<V extends ClassView>(pred: (v: V) => boolean, timeoutMs = 20_000): Promise<V> {
    const from = Math.max(0, this.log.map((m) => m.type).lastIndexOf("class:state"));
    return this.waitFor<V>("class:state", pred, timeoutMs, from);
  }

  /** Sends `x` then a ping; the error `x` caused (if any) has arrived once the pong is back. */
  async errorAfter(send: () => void): Promise<{ code: string; message: string; detail?: unknown } | null> {
    const from = this.log.length;
    send();
    await this.sync(from);
    for (let i = from; i < this.log.length; i++) if (this.log[i]?.type === "error") return this.log[i]!.payload as { code: string; message: string };
    return null;
  }

  async sync(from = this.log.length): Promise<void> {
    const id = ++this.#pings;
    this.room.send("ping", { id });
    await this.waitFor<{ id: number }>("pong", (m) => m.id === id, 20_000, from);
  }

  async leave(): Promise<void> {
    if (!this.room.connection.isOpen) return;
    await this.room.leave(true).catch(() => undefined);
  }
}

export async function createClass(httpUrl: string, settings: Record<string, unknown>): Promise<CreatedClass> {
  const r = await postJson(`${httpUrl}/api/classes`, { settings });
  if (r.status !== 201) throw new Error(`class not created: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as CreatedClass;
}
