/** Names cannot impersonate a role, however they are spelled; real holders may use their own. */
import { describe, expect, it } from "vitest";
import { impersonatedRole, sanitiseName } from "../../../server/rooms/names.ts";

const nobody = { host: false, teacher: false };

describe("impersonatedRole", () => {
  it.each([
    "Teacher",
    "teacher",
    "TEACHER",
    "Mr Teacher",
    "T e a c h e r",
    "t.e.a.c.h.e.r",
    "Τeacher", // Greek capital tau
    "Тeacher", // Cyrillic Te
    "ｔｅａｃｈｅｒ", // full-width
    "Teach3r",
    "Host",
    "the host",
    "AI",
    "A I",
    "[AI]",
    "AI bot",
    "Admin",
    "System",
    "老师",
    "王老师",
    "系统",
    "主持人",
  ])("refuses %s for a student", (name) => {
    expect(impersonatedRole(sanitiseName(name), nobody)).not.toBeNull();
  });

  it.each(["Ann", "Kai", "Aiden", "Hostess", "Tea Chest", "Claire", "Bob", "李雷", "Maya"])("accepts %s", (name) => {
    expect(impersonatedRole(sanitiseName(name), nobody)).toBeNull();
  });

  it("a real teacher may be called Teacher, a real host Host; nobody may be AI", () => {
    expect(impersonatedRole("Teacher", { host: true, teacher: true })).toBeNull();
    expect(impersonatedRole("Host", { host: true, teacher: false })).toBeNull();
    expect(impersonatedRole("Teacher", { host: true, teacher: false })).toBe("teacher");
    expect(impersonatedRole("AI", { host: true, teacher: true })).toBe("ai");
  });
});
