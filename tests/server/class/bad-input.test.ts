/**
 * The bad-input treatment for the classroom: every refused join, message and HTTP request gets a
 * typed error and changes nothing (the stored class record is compared before and after). Every
 * teacher message is tried from a student, a projector, and — for the match-level teacher
 * messages — a seated player, a spectator and the host of an ordinary match.
 */
import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { describe, expect, test } from "vitest";
import { CLASS_MESSAGES, type TeacherClassView } from "../../../shared/protocol/class.ts";
import { useTestApp, Member, Player, createClass, getJson, postJson } from "./harness.ts";

const env = useTestApp("class-bad", { classHttp: { createsPerMinute: 6, lookupsPerMinute: 30 } });

/** A valid payload of every class message (so only the sender's authority can refuse it). */
function validPayloads(team: string): Record<string, unknown> {
  return {
    "class:assign": { team, match: 0, seat: "meta" },
    "class:unassign": { team },
    "class:autofill": {},
    "class:seat": { match: 0, seat: "meta", ai: true },
    "class:remove": { team },
    "class:start": {},
    "class:pause": {},
    "class:resume": { match: 0 },
    "class:extend": { seconds: 60 },
    "class:advance": { match: 0 },
    "class:event": { kind: "rate_move", magnitude: 25 },
    "class:undo": { match: 0, turn: 0 },
    "class:project": { match: 0, stage: "market" },
    "class:end": {},
  };
}

async function stored(classId: string): Promise<string> {
  const row = await env.app.storage.getClass(classId);
  return JSON.stringify([row?.status, row?.record]);
}

describe("joining a class", () => {
  test("a role comes from a secret: a wrong key, a guessed token, an option or a name never makes a teacher", async () => {
    const c = await createClass(env.app.httpUrl, {});
    const before = await stored(c.classId);
    const tries: [Record<string, unknown>, RegExp][] = [
      [{ role: "teacher", key: "0".repeat(32) }, /auth\/bad_key/],
      [{ role: "teacher" }, /join\/invalid_options/],
      [{ role: "teacher", key: c.teacherKey.slice(0, -1) }, /auth\/bad_key/],
      [{ role: "student", name: "Sam", key: c.teacherKey }, /join\/invalid_options/],
      [{ role: "student", name: "Sam", teacher: true }, /join\/invalid_options/],
      [{ role: "student", token: "f".repeat(32) }, /auth\/bad_token/],
      [{ role: "student", name: "Teacher" }, /join\/reserved_name/],
      [{ role: "student", name: "T e a c h e r" }, /join\/reserved_name/],
      [{ role: "student", name: "老师队" }, /join\/reserved_name/],
      [{ role: "student", name: "Tеacher" }, /join\/reserved_name/],
      [{ role: "student", name: "   " }, /join\/name_required/],
      [{ role: "admin" }, /join\/invalid_options/],
      [{}, /join\/invalid_options/],
      [{ role: "projector", key: c.teacherKey }, /join\/invalid_options/],
    ];
    for (const [opts, code] of tries) await expect(new Client(env.app.wsUrl).joinById(c.roomId, opts), JSON.stringify(opts)).rejects.toThrow(code);
    expect(await stored(c.classId)).toBe(before);
    // A class room is opened by the server only: a client cannot create one.
    const rooms = (await matchMaker.query({ name: "class" })).length;
    await expect(new Client(env.app.wsUrl).create("class", { role: "teacher", key: "x".repeat(32) })).rejects.toThrow();
    expect((await matchMaker.query({ name: "class" })).length).toBe(rooms);
  });
});

describe("class messages", () => {
  test("every teacher message from a student or a projector: auth/not_teacher, nothing changed", async () => {
    const c = await createClass(env.app.httpUrl, { matches: 1 });
    const teacher = await Member.join(env.app.wsUrl, c.roomId, { role: "teacher", key: c.teacherKey });
    const student = await Member.join(env.app.wsUrl, c.roomId, { role: "student", name: "Sam" });
    const projector = await Member.join(env.app.wsUrl, c.roomId, { role: "projector" });
    const team = student.welcome.team!.id;
    const before = await stored(c.classId);
    const payloads = validPayloads(team);
    expect(Object.keys(payloads).sort()).toEqual(
      Object.keys(CLASS_MESSAGES)
        .filter((k) => k !== "ping")
        .sort(),
    );
    for (const who of [student, projector])
      for (const [type, payload] of Object.entries(payloads)) {
        const e = await who.errorAfter(() => who.room.send(type, payload));
        expect(e?.code, `${type} from ${who === student ? "student" : "projector"}`).toBe("auth/not_teacher");
      }
    expect(await stored(c.classId)).toBe(before);
    // The student's own view never carries another team's token or the teacher's roster details.
    expect(JSON.stringify(student.view)).not.toMatch(/tokenHash|"token"/);
    await Promise.all([teacher.leave(), student.leave(), projector.leave()]);
  });

  test("malformed, unknown and oversized messages from the teacher: typed errors, nothing changed", async () => {
    const c = await createClass(env.app.httpUrl, { matches: 2 });
    const teacher = await Member.join(env.app.wsUrl, c.roomId, { role: "teacher", key: c.teacherKey });
    const student = await Member.join(env.app.wsUrl, c.roomId, { role: "student", name: "Sam" });
    const team = student.welcome.team!.id;
    await teacher.viewWhere<TeacherClassView>((v) => v.teams.length === 1);
    const before = await stored(c.classId);
    const bad: [string, unknown, string][] = [
      ["class:assign", { team, match: 8, seat: "meta" }, "protocol/invalid_payload"],
      ["class:assign", { team: "nobody", match: 0, seat: "meta" }, "protocol/invalid_payload"],
      ["class:assign", { team, match: 0, seat: "nvidia" }, "protocol/invalid_payload"],
      ["class:assign", { team, match: 0, seat: "meta", extra: 1 }, "protocol/invalid_payload"],
      ["class:assign", { team, match: 1.5, seat: "meta" }, "protocol/invalid_payload"],
      ["class:seat", { match: 0, seat: "meta", ai: "yes" }, "protocol/invalid_payload"],
      ["class:extend", { seconds: 1 }, "protocol/invalid_payload"],
      ["class:extend", { seconds: 1e9 }, "protocol/invalid_payload"],
      ["class:event", { kind: "meteor" }, "protocol/invalid_payload"],
      ["class:event", { kind: "rate_move", magnitude: "25" }, "protocol/invalid_payload"],
      ["class:undo", { match: 0 }, "protocol/invalid_payload"],
      ["class:project", { match: 0, stage: "everything" }, "protocol/invalid_payload"],
      ["class:start", { now: true }, "protocol/invalid_payload"],
      ["class:start", "go", "protocol/invalid_payload"],
      ["class:nuke", {}, "protocol/unknown_message"],
      ["teacher:event", { kind: "rate_move" }, "protocol/unknown_message"],
      ["class:assign", { team, match: 0, seat: "meta", pad: "x".repeat(5000) }, "protocol/payload_too_large"],
      // Well-formed, refused by the class's rules.
      ["class:assign", { team: "t00000000", match: 0, seat: "meta" }, "class/no_such_team"],
      ["class:assign", { team, match: 5, seat: "meta" }, "class/no_such_match"],
      ["class:assign", { team, match: 0, seat: "oracle" }, "class/no_such_seat"],
      ["class:seat", { match: 3, seat: "meta", ai: true }, "class/no_such_match"],
      ["class:pause", {}, "class/wrong_phase"],
      ["class:advance", { match: 0 }, "class/wrong_phase"],
      ["class:event", { kind: "rate_move", magnitude: 25 }, "class/wrong_phase"],
      ["class:event", { kind: "rate_move", magnitude: 10_000 }, "event/out_of_bounds"],
      ["class:event", { kind: "chip_slip", target: "meta", magnitude: 9997 }, "event/out_of_bounds"],
      ["class:event", { kind: "grid_outage", target: "tesla" }, "event/bad_target"],
      ["class:event", { kind: "rate_move", target: "meta", magnitude: 25 }, "event/unexpected_target"],
      ["class:undo", { match: 0, turn: 0 }, "class/wrong_phase"],
      ["class:project", { match: 4, stage: "market" }, "class/no_such_match"],
      ["class:start", {}, "class/no_teams"],
    ];
    for (const [type, payload, code] of bad) {
      const e = await teacher.errorAfter(() => teacher.room.send(type, payload));
      expect(e?.code, `${type} ${JSON.stringify(payload).slice(0, 80)}`).toBe(code);
    }
    expect(await stored(c.classId)).toBe(before);

    // After the start: removing a team is refused, and so is undoing a quarter nobody played.
    expect(await teacher.errorAfter(() => teacher.room.send("class:assign", { team, match: 1, seat: "alphabet" }))).toBeNull();
    expect(await teacher.errorAfter(() => teacher.room.send("class:start"))).toBeNull();
    await teacher.viewWhere<TeacherClassView>((v) => v.slots[1]?.live?.phase === "deciding");
    const running = await stored(c.classId);
    expect((await teacher.errorAfter(() => teacher.room.send("class:remove", { team })))?.code).toBe("class/wrong_phase");
    expect((await teacher.errorAfter(() => teacher.room.send("class:start")))?.code).toBe("class/wrong_phase");
    expect((await teacher.errorAfter(() => teacher.room.send("class:undo", { match: 1, turn: 0 })))?.code).toBe("rule/nothing_to_undo");
    expect((await teacher.errorAfter(() => teacher.room.send("class:advance", { match: 0 })))?.code).toBe("class/match_not_running");
    expect((await teacher.errorAfter(() => teacher.room.send("class:resume", {})))?.code).toBe("rule/not_paused");
    expect(await stored(c.classId)).toBe(running);
    await Promise.all([teacher.leave(), student.leave()]);
  });
});

describe("match-level teacher messages", () => {
  test("teacher:assign and teacher:undo need the teacher key: refused to a player, a spectator and a host", async () => {
    const host = await Player.create(env.app.wsUrl, { name: "Hana", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"] });
    const guest = await Player.join(env.app.wsUrl, host.room.roomId, { name: "Gus", code: host.welcome.code });
    const watcher = await Player.join(env.app.wsUrl, host.room.roomId, { name: "Wen", role: "spectator" });
    await host.turnStarted(0);
    for (const p of [host, guest, watcher]) {
      for (const [type, payload] of [
        ["teacher:assign", { seat: "amazon", name: "X", tokenHash: "a".repeat(64) }],
        ["teacher:undo", { turn: 0 }],
        ["teacher:event", { kind: "rate_move", magnitudeBp: 25 }],
      ] as const) {
        const e = await p.errorAfter(() => p.room.send(type, payload));
        expect(e?.code, `${type} from ${p.welcome.role}${p.welcome.host ? " (host)" : ""}`).toBe("auth/not_teacher");
      }
    }
    // Malformed ones are refused before any authority question.
    expect((await host.errorAfter(() => host.room.send("teacher:assign", { seat: "amazon", name: "X", tokenHash: "not-a-hash" })))?.code).toBe(
      "protocol/invalid_payload",
    );
    expect((await host.errorAfter(() => host.room.send("teacher:undo", { turn: -1 })))?.code).toBe("protocol/invalid_payload");
    await Promise.all([host.leave(), guest.leave(), watcher.leave()]);
  });
});

describe("HTTP", () => {
  test("bad requests are 4xx with a typed error", async () => {
    const post = (body: unknown, type = "application/json") => postJson(`${env.app.httpUrl}/api/classes`, body, type);
    const code = (r: { body: unknown }) => (r.body as { error?: { code?: string } }).error?.code;
    expect(code(await post("{not json"))).toBe("http/invalid_json");
    const wrongType = await post({ settings: {} }, "text/plain");
    expect([wrongType.status, code(wrongType)]).toEqual([415, "http/unsupported_media_type"]);
    for (const settings of [
      { matches: 9 },
      { turns: 100 },
      { seats: ["meta", "meta"] },
      { seats: ["meta"] },
      { turnSeconds: 5 },
      { colour: "red" },
      { scenario: "utopia" },
    ]) {
      const r = await post({ settings });
      expect([r.status, code(r)], JSON.stringify(settings)).toEqual([400, "http/invalid_body"]);
    }
    expect(code(await post({ settings: {}, extra: 1 }))).toBe("http/invalid_body");
    const list = await getJson(`${env.app.httpUrl}/api/classes`);
    expect([list.status, code(list)]).toEqual([405, "http/method_not_allowed"]);
    for (const [path, status, c] of [
      ["/api/classes/nope", 400, "http/invalid_id"],
      ["/api/classes/c0000000000000000", 404, "http/not_found"],
      ["/api/class-codes/%ZZ", 400, "http/bad_url"],
      ["/api/class-codes/OOOOOO", 400, "http/invalid_code"],
      ["/api/class-codes/ABCDEFGHJK", 400, "http/invalid_code"],
      ["/api/class-codes/ZZZZZZ", 404, "http/not_found"],
    ] as const) {
      const r = await getJson(`${env.app.httpUrl}${path}`);
      expect([r.status, code(r)], path).toEqual([status, c]);
    }
  });

  test("class lookups are rate-limited per address: a class code is not found by brute force", async () => {
    let limited: Response | null = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await fetch(`${env.app.httpUrl}/api/class-codes/ZZZZZ${"ABCDEFGHJK"[i % 10]}`);
      if (r.status === 429) limited = r;
      else expect(r.status).toBe(404);
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("60");
  });

  test("class creation is rate-limited per address (429 with Retry-After)", async () => {
    let limited: Response | null = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const r = await fetch(`${env.app.httpUrl}/api/classes`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (r.status === 429) limited = r;
      else expect(r.status).toBe(201);
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("60");
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe("http/rate_limited");
  });
});
