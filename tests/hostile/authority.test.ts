/**
 * Every teacher and host message from someone without the authority is refused (and changes
 * nothing); guessed tokens never open a seat, a host role or the teacher's; names cannot claim a role.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Player, until, useTestApp } from "../server/harness.ts";
import { FULL, summary } from "./summary.ts";

const GUESSES = FULL ? 2000 : 200;
const env = useTestApp("hostile-authority", { ratePerSecond: 1000, rateBurst: 1000, http: { lookupsPerMinute: 100_000 } });

/** A schema-valid payload for each privileged message: only the authority check can refuse it. */
const PRIVILEGED: readonly [string, unknown, "auth/not_host" | "auth/not_teacher"][] = [
  ["teacher:start", undefined, "auth/not_host"],
  ["teacher:pause", undefined, "auth/not_host"],
  ["teacher:resume", undefined, "auth/not_host"],
  ["teacher:extend", { seconds: 60 }, "auth/not_host"],
  ["teacher:advance", undefined, "auth/not_host"],
  ["teacher:seat", { seat: "microsoft", ai: true }, "auth/not_host"],
  ["teacher:event", { kind: "rate_move", magnitudeBp: 25 }, "auth/not_teacher"],
  ["teacher:assign", { seat: "microsoft", name: "Team A", tokenHash: "a".repeat(64) }, "auth/not_teacher"],
  ["teacher:undo", { turn: 0 }, "auth/not_teacher"],
];

describe("authority", () => {
  it("refuses every privileged message to students and spectators, and teacher messages to the host", async () => {
    const host = await Player.create(env.app.wsUrl, { name: "Hana", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 600 });
    const student = await Player.join(env.app.wsUrl, host.room.roomId, { name: "Sam" });
    const spectator = await Player.join(env.app.wsUrl, host.room.roomId, { name: "Sol", role: "spectator" });
    await student.turnStarted(0);
    // The AI seats decide in a worker: wait until the state is still.
    const settled = () => ["alphabet", "meta"].every((s) => host.room.state.seats.get(s)?.ready === true);
    await until(settled, 60_000, "AI seats ready");
    for (const p of [host, student, spectator]) await p.sync();
    const before = [host, student, spectator].map((p) => JSON.stringify(p.room.state.toJSON()));
    let refused = 0;
    let tried = 0;
    for (const who of [student, spectator, host]) {
      for (const [type, payload, code] of PRIVILEGED) {
        if (who === host && code === "auth/not_host") continue;
        tried++;
        const err = await who.errorAfter(() => who.room.send(type, payload));
        expect(err?.code, `${type} from ${who.welcome.role}${who.welcome.host ? " (host)" : ""}`).toBe(code);
        if (err?.code === code) refused++;
      }
    }
    for (const p of [host, student, spectator]) await p.sync();
    const changed = [host, student, spectator].filter((p, i) => JSON.stringify(p.room.state.toJSON()) !== before[i]).length;
    expect(changed).toBe(0);

    // Token guessing: random seat tokens, host tokens and teacher keys never get in.
    let guessedIn = 0;
    const kinds = [
      (t: string) => ({ name: "Eve", token: t }),
      (t: string) => ({ name: "Eve", role: "teacher", token: t }),
      (t: string) => ({ name: "Eve", role: "spectator", token: t }),
      (t: string) => ({ name: "Eve", token: t, seat: "microsoft" }),
    ];
    for (let i = 0; i < GUESSES; i++) {
      const options = kinds[i % kinds.length]!(randomBytes(16).toString("hex"));
      try {
        const p = await Player.join(env.app.wsUrl, host.room.roomId, options);
        guessedIn++;
        await p.leave();
      } catch (e) {
        expect(String(e)).toMatch(/auth\/bad_token/);
      }
    }
    const mine = await fetch(`${env.app.httpUrl}/api/matches/mine`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tokens: Array.from({ length: 20 }, () => randomBytes(16).toString("hex")) }),
    });
    expect(await mine.json()).toEqual({ matches: [] });

    // A name cannot claim a role, whatever the spelling.
    let impersonated = 0;
    for (const name of ["Teacher", "TEACHER", "Тeacher", "t-e-a-c-h-e-r", "Host", "AI", "A.I.", "Admin", "System", "老师", "主持人"]) {
      try {
        const p = await Player.join(env.app.wsUrl, host.room.roomId, { name, role: "spectator" });
        impersonated++;
        await p.leave();
      } catch (e) {
        expect(String(e)).toMatch(/join\/reserved_name/);
      }
    }
    summary(
      "authority",
      `${refused}/${tried} privileged messages from students, spectators and the host refused with auth/*; ${changed} state changes; ` +
        `${guessedIn}/${GUESSES} guessed tokens got in; ${impersonated}/11 role names accepted`,
    );
    expect(refused).toBe(tried);
    expect(guessedIn).toBe(0);
    expect(impersonated).toBe(0);
    await Promise.all([host.leave(), student.leave(), spectator.leave()]);
  }, 300_000);
});
