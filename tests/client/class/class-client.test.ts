/** The classroom's browser modules that need no browser: page addresses, the restated vocabulary, units of the event menu. */
import { describe, expect, test } from "vitest";
import {
  CLASS_MAX_TURN_SECONDS,
  CLASS_MIN_TURN_SECONDS,
  CLASS_ROOM_NAME,
  CLASS_STATUSES,
  MAX_MATCHES,
  PROJECTOR_STAGES,
} from "../../../shared/protocol/class.ts";
import * as vocab from "../../../client/src/class/vocab.ts";
import { classPageOf, normaliseCode, projectorLink, studentLink, teacherLink } from "../../../client/src/class/route.ts";
import { INJECT_BOUNDS, EVENT_KINDS } from "../../../shared/engine/index.ts";
import { TABLES } from "../../../shared/i18n/index.ts";
import { moveReachBp } from "../../../client/src/class/projector-views.ts";

describe("vocabulary restated for the browser", () => {
  test("equals the protocol's", () => {
    expect(vocab.PROJECTOR_STAGES).toEqual(PROJECTOR_STAGES);
    expect(vocab.CLASS_STATUSES).toEqual(CLASS_STATUSES);
    expect(vocab.MAX_MATCHES).toBe(MAX_MATCHES);
    expect(vocab.CLASS_MIN_TURN_SECONDS).toBe(CLASS_MIN_TURN_SECONDS);
    expect(vocab.CLASS_MAX_TURN_SECONDS).toBe(CLASS_MAX_TURN_SECONDS);
    expect(vocab.CLASS_ROOM_NAME).toBe(CLASS_ROOM_NAME);
  });

  test("every stage, event preview and unit has its words in both languages", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      const table = TABLES[lang];
      for (const s of PROJECTOR_STAGES) expect(table[`class.stage.${s}`], s).toBeTruthy();
      for (const k of EVENT_KINDS) expect(table[`class.ev.preview.${k}`], k).toBeTruthy();
      for (const u of new Set(Object.values(INJECT_BOUNDS).map((b) => b.unit))) if (u !== "none") expect(table[`class.ev.unit.${u}`], u).toBeTruthy();
    }
  });
});

describe("page addresses", () => {
  const id = "c0123456789abcdef";
  const key = "0123456789abcdef0123456789abcdef";
  test("teacher, student and projector pages parse from their links", () => {
    const link = new URL(teacherLink("https://x.test", id, key));
    expect(classPageOf(link.pathname, link.hash)).toEqual({ kind: "teacher", classId: id, key });
    expect(classPageOf("/teach")).toEqual({ kind: "teacher", classId: null, key: null });
    expect(classPageOf(`/teach/${id}`, "#key=not-a-key!")).toEqual({ kind: "teacher", classId: id, key: null });
    expect(classPageOf(new URL(studentLink("https://x.test", "AB3CDE")).pathname)).toEqual({ kind: "student", code: "AB3CDE" });
    expect(classPageOf("/class/ab3-cde")).toEqual({ kind: "student", code: "AB3CDE" });
    expect(classPageOf("/class")).toEqual({ kind: "student", code: null });
    expect(classPageOf(new URL(projectorLink("https://x.test", "AB3CDE")).pathname)).toEqual({ kind: "projector", code: "AB3CDE" });
    for (const p of ["/", "/teach/nope", "/projector", "/class/<script>", "/replay/m0123456789abcdef", "/teach/c0123456789abcdef/x"])
      expect(classPageOf(p), p).toBeNull();
    expect(normaliseCode(" ab 3-cd e")).toBe("AB3CDE");
  });
});

describe("the projector's price-move waterfall", () => {
  test("its scale reaches the furthest running sum, not only the largest part or the total", () => {
    const zero = { earningsBp: 0, capexBp: 0, positionBp: 0, creditBp: 0, sentimentBp: 0, cashBp: 0, eventsBp: 0, residualBp: 0 };
    // +500 then +300 then −600: the bar runs out to +800 before it comes back to +200.
    expect(moveReachBp({ ...zero, earningsBp: 500, sentimentBp: 300, residualBp: -600, totalBp: 200 })).toBe(800);
    expect(moveReachBp({ ...zero, earningsBp: -400, cashBp: -100, totalBp: -500 })).toBe(500);
    expect(moveReachBp({ ...zero, totalBp: 0 })).toBe(0);
  });
});
