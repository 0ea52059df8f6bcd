/** Small server-side helpers: ids, join codes, tokens, rate limiting. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** Join-code alphabet without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;
export const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

export function newJoinCode(): string {
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** Codes are typed by people: accept lower case, spaces and dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function newMatchId(): string {
  return `m${randomBytes(8).toString("hex")}`;
}

/** 32 hex characters: the secret a seat or the host keeps to reclaim its place. */
export function newToken(): string {
  return randomBytes(16).toString("hex");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenMatches(token: string | undefined, hash: string): boolean {
  if (!token || !hash) return false;
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newSeed(): number {
  return randomBytes(4).readUInt32LE(0);
}

/** Token bucket: `burst` messages at once, refilled at `perSecond`. Time is passed in (ms). */
export class RateLimiter {
  readonly #perSecond: number;
  readonly #burst: number;
  #tokens: number;
  #last: number;

  constructor(perSecond: number, burst: number, now: number) {
    this.#perSecond = perSecond;
    this.#burst = burst;
    this.#tokens = burst;
    this.#last = now;
  }

  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.#last);
    this.#last = now;
    this.#tokens = Math.min(this.#burst, this.#tokens + (elapsed * this.#perSecond) / 1000);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/** Approximate wire size of a decoded message, in UTF-8 bytes of its JSON. */
export function payloadBytes(message: unknown): number {
  if (message === undefined) return 0;
  try {
    const s = JSON.stringify(message);
    return s === undefined ? 0 : Buffer.byteLength(s, "utf8");
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
