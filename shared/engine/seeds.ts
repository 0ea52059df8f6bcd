/**
 * Seeds derived from the match seed, one function per purpose, so every runtime (server, CLI,
 * balance, bench, tests) derives them the same way and none reads the match's own RNG.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * The AIs' own seed for a match: the first four bytes (little-endian) of SHA-256 over
 * `capital-purgatory/ai-seed/<matchSeed>`. One-way, so an AI's choices reveal nothing about the
 * engine's RNG; stable, so a restored match asks its AIs the same questions with the same seed.
 */
export function aiSeedFor(matchSeed: number): number {
  const d = sha256(utf8ToBytes(`capital-purgatory/ai-seed/${matchSeed}`));
  return (d[0]! | (d[1]! << 8) | (d[2]! << 16) | (d[3]! << 24)) >>> 0;
}
