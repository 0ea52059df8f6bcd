/**
 * Malformed WebSocket frames: each gets a typed error and the connection stays usable (Colyseus
 * alone closes the connection and logs a stack trace per frame).
 */
import { pack } from "msgpackr";
import { describe, expect, it } from "vitest";
import { checkFrame } from "../../server/rooms/frames.ts";
import { useTestApp, Player } from "./harness.ts";

const env = useTestApp("frames", { log: (l) => logged.push(l), ratePerSecond: 1000, rateBurst: 1000 });
const logged: string[] = [];

const ROOM_DATA = 13;
/** A room message as the SDK encodes it: code, type as a msgpack-ish string, msgpack payload. */
function roomData(type: string, payload: unknown): Uint8Array {
  const t = Buffer.from(type);
  return Buffer.concat([Buffer.from([ROOM_DATA, 0xa0 | t.length]), t, pack(payload)]);
}

const BAD: [string, Uint8Array][] = [
  ["empty", new Uint8Array(0)],
  ["unknown frame kind", new Uint8Array([99, 1, 2, 3])],
  ["bytes message", new Uint8Array([17, 0xa4, 0x63, 0x68, 0x61, 0x74, 1, 2])],
  ["request frame", new Uint8Array([21, 1, 0xa4, 0x63, 0x68, 0x61, 0x74])],
  ["type string cut short", new Uint8Array([ROOM_DATA, 0xbf, 0x61, 0x62])],
  ["payload not msgpack", Buffer.concat([Buffer.from([ROOM_DATA, 0xa4]), Buffer.from("chat"), Buffer.from([0xc1, 0xc1, 0xc1])])],
  ["payload cut short", Buffer.concat([Buffer.from([ROOM_DATA, 0xa4]), Buffer.from("chat"), Buffer.from([0x82, 0xa4, 0x74])])],
  ["random bytes", Buffer.from([ROOM_DATA, 0xd9, 0xff, 0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef])],
];

describe("checkFrame", () => {
  it.each(BAD)("refuses %s", (_name, frame) => {
    expect(checkFrame(frame).ok).toBe(false);
  });
  it("passes a well-formed room message", () => {
    expect(checkFrame(roomData("chat", { text: "hi" }))).toEqual({ ok: true });
  });
});

describe("malformed frames over a real connection", () => {
  it("each gets a typed error; nothing closes; nothing is logged as a crash", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"] });
    const conn = ann.room.connection as unknown as { send(data: Uint8Array): void };
    for (const [name, frame] of BAD) {
      const err = await ann.errorAfter(() => conn.send(frame));
      expect(err?.code, name).toMatch(/^protocol\/(malformed_frame|unsupported_frame)$/);
      expect(ann.room.connection.isOpen, name).toBe(true);
    }
    // A well-formed frame with a bad payload is the schema's business.
    const err = await ann.errorAfter(() => conn.send(roomData("chat", { text: 7 })));
    expect(err?.code).toBe("protocol/invalid_payload");
    expect(await ann.errorAfter(() => ann.room.send("chat", { text: "still here" }))).toBeNull();
    expect(logged.filter((l) => /failed|Error/.test(l))).toEqual([]);
    await ann.leave();
  });
});
