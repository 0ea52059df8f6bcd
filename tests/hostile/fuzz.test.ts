/**
 * Fuzzing the message layer over real connections: N generated messages and raw frames that must
 * be refused (bad types, bad payloads, wrong roles, malformed bytes), from players, the host and
 * spectators at once. Each is answered with exactly one typed `error` (or a rate limit); the
 * server never crashes; no synced state changes for anyone.
 */
import { pack, unpack } from "msgpackr";
import { describe, expect, it } from "vitest";
import type { Principal } from "../../server/rooms/authority.ts";
import { dispatch } from "../../server/rooms/dispatch.ts";
import { RateLimiter } from "../../server/util.ts";
import { CLIENT_MESSAGES, type TurnStartedMessage } from "../../shared/protocol/index.ts";
import { Player, getJson, until, useTestApp } from "../server/harness.ts";
import { FULL, summary } from "./summary.ts";

const N = FULL ? 20_400 : 2_400;
// A generous message rate so most of the fuzz reaches the parser (the rate limit has its own test).
const env = useTestApp("hostile-fuzz", { ratePerSecond: 1000, rateBurst: 1000, log: (l: string) => logged.push(l) });
const logged: string[] = [];

/** A small seeded PRNG (mulberry32): the same fuzz every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = Object.keys(CLIENT_MESSAGES);
const ODD_TYPES = [
  "",
  "__proto__",
  "constructor",
  "toString",
  "teacher:",
  "teacher:*",
  "DECIDE",
  "decide ",
  "ready\u0000",
  "chat\u202e",
  "💥",
  "x".repeat(300),
  "hasOwnProperty",
];
const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -0,
  2 ** 53,
  "",
  "0",
  "\u0000",
  "🙂".repeat(50),
  [],
  {},
  [[[[[]]]]],
  { __proto__: { polluted: 1 } },
  "x".repeat(5000),
];

function value(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 3 ? 5 : 8));
  switch (k) {
    case 0:
      return ODD_VALUES[Math.floor(r() * ODD_VALUES.length)];
    case 1:
      return Math.floor((r() - 0.5) * 2 ** (Math.floor(r() * 60) + 1));
    case 2:
      return r() * 1e6 - 5e5;
    case 3:
      return String.fromCharCode(...Array.from({ length: Math.floor(r() * 20) }, () => Math.floor(r() * 0xffff)));
    case 4:
      return r() < 0.5;
    case 5:
      return Array.from({ length: Math.floor(r() * 5) }, () => value(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const keys = ["turn", "decision", "text", "kind", "target", "magnitudeBp", "seat", "ai", "seconds", "id", "capex", "x"];
      for (let i = Math.floor(r() * 5); i > 0; i--) o[keys[Math.floor(r() * keys.length)] ?? "x"] = value(r, depth + 1);
      return o;
    }
  }
}

/** A valid decision with one field broken. */
function brokenDecide(r: () => number, ts: TurnStartedMessage): unknown {
  const d: Record<string, unknown> = { ...ts.defaultDecision };
  const keys = Object.keys(d);
  const key = keys[Math.floor(r() * keys.length)] ?? "capex";
  const how = Math.floor(r() * 5);
  if (how === 0) delete d[key];
  else if (how === 1) d[key] = value(r, 3);
  else if (how === 2) d["extra"] = 1;
  else if (how === 3) d["capex"] = ts.bounds.capex.max + 1 + Math.floor(r() * 1e6);
  else return { turn: ts.turn + 1 + Math.floor(r() * 5), decision: d };
  return { turn: ts.turn, decision: d };
}

function rawFrame(r: () => number): Uint8Array {
  // Never the frames Colyseus handles itself (join, leave, ping): those are not malformed.
  let code = 0;
  do code = Math.floor(r() * 256);
  while ([10, 12, 18].includes(code & 31));
  const bytes = new Uint8Array(1 + Math.floor(r() * 40));
  bytes[0] = code;
  for (let i = 1; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
  return bytes;
}

const LOOSE = new RateLimiter(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 0);

describe("fuzzed messages", () => {
  it(`${N} refused messages and frames: each answered once, no crash, no state change`, async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 8, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 600 });
    const bob = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob" });
    const watchers = await Promise.all([1, 2, 3].map((i) => Player.join(env.app.wsUrl, ann.room.roomId, { name: `Watcher ${i}`, role: "spectator" })));
    const ts = await bob.turnStarted(0);
    await ann.turnStarted(0);
    expect(await ann.errorAfter(() => ann.room.send("teacher:pause"))).toBeNull();
    const everyone = [ann, bob, ...watchers];
    const closes: string[] = [];
    for (const [i, p] of everyone.entries()) p.room.onLeave((code: number, reason?: string) => closes.push(`client ${i} closed ${code} ${reason ?? ""}`));
    const principals: Principal[] = [
      { role: "player", seat: "microsoft", host: true, teacher: false, name: "Ann" },
      { role: "player", seat: "amazon", host: false, teacher: false, name: "Bob" },
      ...watchers.map((): Principal => ({ role: "spectator", seat: null, host: false, teacher: false, name: "W" })),
    ];
    await Promise.all(everyone.map((p) => p.sync()));
    // AI seats decide in a worker: wait until the state is still (both AI seats ready).
    const settled = () => ["alphabet", "meta"].every((s) => ann.room.state.seats.get(s)?.ready === true);
    await until(settled, 60_000, "AI seats ready");
    await Promise.all(everyone.map((p) => p.sync()));
    const before = everyone.map((p) => JSON.stringify(p.room.state.toJSON()));

    const r = rng(20_26);
    let sent = 0;
    let raw = 0;
    let skippedValid = 0;
    const perClient = Math.ceil(N / everyone.length);
    const answers = { typed: 0, rateLimited: 0, other: 0, missing: 0 };
    await Promise.all(
      everyone.map(async (p, who) => {
        const conn = p.room.connection as unknown as { send(data: Uint8Array): void };
        let mine = 0;
        while (mine < perClient) {
          // 60 frames a second per connection: well under the hard cap (500/s, beyond which the connection is closed by design).
          const started = Date.now();
          const from = p.log.length;
          let batch = 0;
          while (batch < 60 && mine < perClient) {
            if (r() < 0.1) {
              conn.send(rawFrame(r));
              raw++;
            } else {
              const roll = r();
              const type: unknown =
                roll < 0.1 ? ODD_TYPES[Math.floor(r() * ODD_TYPES.length)] : roll < 0.15 ? Math.floor(r() * 1000) : TYPES[Math.floor(r() * TYPES.length)];
              const generated = type === "decide" && r() < 0.6 ? brokenDecide(r, ts) : value(r);
              // What the server will see is the MessagePack round trip (e.g. a key set to undefined is
              // dropped, so { x: undefined } arrives as {}): judge and send that form.
              let payload: unknown;
              try {
                payload = unpack(pack(generated));
              } catch {
                skippedValid++;
                continue;
              }
              const principal = principals[who] as Principal;
              if (dispatch(principal, LOOSE, type, payload, { maxMessageBytes: 4096, now: 0 }).ok) {
                skippedValid++;
                continue;
              }
              try {
                p.room.send(type as string, payload);
              } catch {
                // The SDK itself cannot encode it (its send buffer): not sent, not counted.
                skippedValid++;
                continue;
              }
            }
            batch++;
            mine++;
            sent++;
          }
          try {
            await p.sync(from);
          } catch (e) {
            throw new Error(`${String(e).slice(0, 200)}; closes: ${closes.join("; ")}; last sent batch of ${batch}`);
          }
          const errs = p.log.slice(from).filter((m) => m.type === "error");
          for (const e of errs) {
            const code = (e.payload as { code?: unknown }).code;
            if (code === "protocol/rate_limited") answers.rateLimited++;
            else if (typeof code === "string" && /^(protocol|auth|rule|event)\/[a-z_]+$/.test(code)) answers.typed++;
            else answers.other++;
          }
          answers.missing += batch - errs.length;
          const wait = 1000 - (Date.now() - started);
          if (wait > 0) await new Promise((res) => setTimeout(res, wait));
        }
      }),
    );
    await Promise.all(everyone.map((p) => p.sync()));
    const after = everyone.map((p) => JSON.stringify(p.room.state.toJSON()));
    const changed = after.filter((a, i) => a !== before[i]).length;
    const health = await getJson(`${env.app.httpUrl}/healthz`);
    const open = everyone.filter((p) => p.room.connection.isOpen).length;
    summary(
      "fuzz",
      `${sent} refused messages (${raw} raw frames) from ${everyone.length} connections: ${answers.typed} typed errors, ${answers.rateLimited} rate-limited, ` +
        `${answers.other} other answers, ${answers.missing} unanswered; ${changed} state changes; ${logged.filter((l) => /fail|Error/.test(l)).length} errors logged; ` +
        `server ${health.status === 200 ? "up" : "DOWN"}, ${open}/${everyone.length} connections open (${skippedValid} generated messages were valid or unencodable by the SDK and not sent)`,
    );
    expect(sent).toBeGreaterThanOrEqual(N);
    expect(answers.missing).toBe(0);
    expect(answers.other).toBe(0);
    expect(answers.typed + answers.rateLimited).toBe(sent);
    expect(changed).toBe(0);
    expect(health.status).toBe(200);
    expect(open).toBe(everyone.length);
    expect(logged.filter((l) => /fail|Error/.test(l))).toEqual([]);
    await Promise.all(everyone.map((p) => p.leave()));
  }, 600_000);
});
