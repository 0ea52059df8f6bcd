import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** Rebuilds plain objects with sorted keys; refuses NaN and ±Infinity, which JSON would turn into null. */
function canonicalReplacer(_key: string, v: unknown): unknown {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`non-finite number in state: ${v}`);
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src).sort()) out[k] = src[k];
  return out;
}

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` fields dropped. Numbers are
 * printed by `JSON.stringify`, which is exact for the integers the state holds.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, canonicalReplacer) ?? "null";
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of the canonical JSON of a match state. */
export function hashState(state: unknown): string {
  return sha256Hex(canonicalJson(state));
}
