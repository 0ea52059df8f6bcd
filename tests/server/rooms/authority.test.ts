/** Who may do what: one table, checked for every role and action. */
import { describe, expect, it } from "vitest";
import { ACTIONS, authorize, teacherPrincipal, type Action, type Principal } from "../../../server/rooms/authority.ts";

const player: Principal = { role: "player", seat: "amazon", host: false, teacher: false, name: "Bob" };
const hostPlayer: Principal = { ...player, seat: "microsoft", host: true, name: "Ann" };
const spectator: Principal = { role: "spectator", seat: null, host: false, teacher: false, name: "Eve" };
const teacher = teacherPrincipal();

const HOST_ACTIONS: readonly Action[] = ["start", "pause", "resume", "extend", "advance", "kick"];
const TEACHER_ACTIONS: readonly Action[] = ["event", "undo", "assign"];

describe("authorize", () => {
  it.each(ACTIONS)("%s: the table answers for every principal", (action) => {
    const ok = (p: Principal) => authorize(p, action).ok;
    if (TEACHER_ACTIONS.includes(action)) {
      expect([ok(player), ok(hostPlayer), ok(spectator), ok(teacher)]).toEqual([false, false, false, true]);
      expect(authorize(hostPlayer, action)).toMatchObject({ code: "auth/not_teacher" });
    } else if (HOST_ACTIONS.includes(action)) {
      expect([ok(player), ok(hostPlayer), ok(spectator), ok(teacher)]).toEqual([false, true, false, true]);
      expect(authorize(player, action)).toMatchObject({ code: "auth/not_host" });
    } else if (action === "chat") {
      expect([ok(player), ok(hostPlayer), ok(spectator), ok(teacher)]).toEqual([true, true, true, true]);
    } else {
      expect([ok(player), ok(hostPlayer), ok(spectator), ok(teacher)]).toEqual([true, true, false, false]);
      expect(authorize(spectator, action)).toMatchObject({ code: "auth/not_seated" });
    }
  });
});
