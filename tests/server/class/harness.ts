/** Class-room test helpers: a real server, the real @colyseus/sdk, HTTP by fetch. No mocks. */
import { Client, type Room } from "@colyseus/sdk";
import type { ClassView, ClassWelcome, CreatedClass, StudentClassView, TeacherClassView, ProjectorClassView } from "../../../shared/protocol/class.ts";
import { postJson, Recorder } from "../harness.ts";

export { Player, freeTestPort, startTestApp, tempDataDir, until, tweak, getJson, postJson, useTestApp } from "../harness.ts";

/** One connection to a class room (a 20 s patience: a class starts several matches). */
export class Member extends Recorder {
  constructor(room: Room) {
    super(room, 20_000);
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

  /** Waits for a view (the latest one first) that satisfies `pred`. */
  async viewWhere<V extends ClassView>(pred: (v: V) => boolean, timeoutMs = 20_000): Promise<V> {
    const from = Math.max(0, this.log.map((m) => m.type).lastIndexOf("class:state"));
    return this.waitFor<V>("class:state", pred, timeoutMs, from);
  }
}

export async function createClass(httpUrl: string, settings: Record<string, unknown>): Promise<CreatedClass> {
  const r = await postJson(`${httpUrl}/api/classes`, { settings });
  if (r.status !== 201) throw new Error(`class not created: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as CreatedClass;
}
