/** Dispatch order: rate limit, size, type, schema, authority — each a typed error, nothing run. */
import { describe, expect, it } from "vitest";
import { dispatch } from "../../../server/rooms/dispatch.ts";
import type { Principal } from "../../../server/rooms/authority.ts";
import { RateLimiter } from "../../../server/util.ts";

const student: Principal = { role: "player", seat: "amazon", host: false, teacher: false, name: "Bob" };
const limits = { maxMessageBytes: 4096, now: 0 };
const roomy = () => new RateLimiter(10, 20, 0);

describe("dispatch", () => {
  it("answers each kind of bad message with its code", () => {
    const code = (type: unknown, msg: unknown, p = student) => {
      const d = dispatch(p, roomy(), type, msg, limits);
      return d.ok ? "ok" : d.error.code;
    };
    expect(code("hack", {})).toBe("protocol/unknown_message");
    expect(code(7, {})).toBe("protocol/unknown_message");
    expect(code("__proto__", {})).toBe("protocol/unknown_message");
    expect(code("decide", { turn: -1 })).toBe("protocol/invalid_payload");
    expect(code("chat", { text: "x".repeat(5000) })).toBe("protocol/payload_too_large");
    expect(code("teacher:pause", undefined)).toBe("auth/not_host");
    expect(code("teacher:event", { kind: "rate_move" })).toBe("auth/not_teacher");
    expect(code("ready", undefined)).toBe("ok");
    expect(code("ready", null)).toBe("ok");
    expect(code("ping", { id: 3 })).toBe("ok");
  });

  it("rate-limits everything but ping", () => {
    const limiter = new RateLimiter(1, 2, 0);
    const codes = [1, 2, 3].map(() => {
      const d = dispatch(student, limiter, "ready", undefined, limits);
      return d.ok ? "ok" : d.error.code;
    });
    expect(codes).toEqual(["ok", "ok", "protocol/rate_limited"]);
    expect(dispatch(student, limiter, "ping", { id: 1 }, limits).ok).toBe(true);
  });
});
