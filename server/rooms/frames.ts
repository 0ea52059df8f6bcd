/**
 * The frame guard: every WebSocket frame a connection sends is checked before Colyseus decodes it.
 * Colyseus closes the connection and prints a stack trace for a frame it cannot decode; here a
 * malformed or unsupported frame gets a typed `error` and the connection stays open, and frames
 * beyond a hard per-second cap close it (a raw flood), as Colyseus' own cap would.
 */
import { Protocol } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import { unpack } from "msgpackr";

/** Colyseus' frame header: the low 5 bits are the protocol code (the rest are modifiers). */
const CODE_MASK = 31;
/** Frames Colyseus handles itself without decoding a payload. */
const PASS_THROUGH: ReadonlySet<number> = new Set([Protocol.JOIN_ROOM, Protocol.LEAVE_ROOM, Protocol.PING]);

export type FrameVerdict = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

const OK: FrameVerdict = { ok: true };

/** Decodes what Colyseus would decode for a room message (type, then a msgpack payload), without acting on it. */
export function checkFrame(buffer: Uint8Array | undefined): FrameVerdict {
  if (!buffer || buffer.byteLength === 0) return { ok: false, code: "protocol/malformed_frame", message: "empty frame" };
  const code = (buffer[0] ?? 0) & CODE_MASK;
  if (PASS_THROUGH.has(code)) return OK;
  if (code !== Protocol.ROOM_DATA)
    return { ok: false, code: "protocol/unsupported_frame", message: `frame kind ${code} is not used by this server; send room messages` };
  try {
    const offset = typeEnd(buffer);
    if (buffer.byteLength > offset) unpack(buffer.subarray(offset, buffer.byteLength));
  } catch (e) {
    return { ok: false, code: "protocol/malformed_frame", message: `the frame does not decode: ${e instanceof Error ? e.message.slice(0, 120) : "bad bytes"}` };
  }
  return OK;
}

/** Message types are short ASCII names (or numbers); anything else is refused before it is decoded. */
const TYPE_BYTES = /^[\x21-\x7e]{1,64}$/;

/** Where the message type ends, checking it is whole and plain (Colyseus would decode junk, logging per byte). */
function typeEnd(b: Uint8Array): number {
  const head = b[1];
  if (head === undefined) throw new Error("no message type");
  let start: number;
  let len: number;
  if (head >= 0xa0 && head <= 0xbf) [start, len] = [2, head & 0x1f];
  else if (head === 0xd9) [start, len] = [3, b[2] ?? Number.POSITIVE_INFINITY];
  else {
    const it = { offset: 1 };
    const n = decode.number(b as Buffer, it);
    if (!Number.isFinite(n) || it.offset > b.byteLength) throw new Error("bad message type");
    return it.offset;
  }
  if (start + len > b.byteLength) throw new Error("message type cut short");
  if (!TYPE_BYTES.test(Buffer.from(b.subarray(start, start + len)).toString("latin1"))) throw new Error("message type is not a plain name");
  return start + len;
}

interface Guarded {
  _onMessage(client: unknown, buffer: Uint8Array): void;
}

export interface GuardHooks<C> {
  /** A frame was refused: answer the sender (rate-limited by the caller). */
  refuse(client: C, verdict: Exclude<FrameVerdict, { ok: true }>): void;
  /** More than the hard cap of frames in a second: close the connection. */
  flood(client: C): void;
  readonly maxFramesPerSecond: number;
}

/**
 * Wraps the room's frame handler. Colyseus binds `_onMessage` per connection when it joins, so
 * installing the wrapper in `onCreate` covers every connection of the room.
 */
export function installFrameGuard<C extends object>(room: object, hooks: GuardHooks<C>): void {
  const target = room as Guarded;
  const original = target._onMessage.bind(room);
  const counts = new WeakMap<C, { second: number; n: number }>();
  target._onMessage = (client: unknown, buffer: Uint8Array) => {
    const c = client as C;
    const second = Math.floor(Date.now() / 1000);
    const count = counts.get(c);
    if (count?.second === second) count.n += 1;
    else counts.set(c, { second, n: 1 });
    if ((counts.get(c)?.n ?? 0) > hooks.maxFramesPerSecond) return hooks.flood(c);
    const verdict = checkFrame(buffer);
    if (verdict.ok) return original(client, buffer);
    hooks.refuse(c, verdict);
  };
}
