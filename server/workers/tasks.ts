/** The messages between the pool and its workers. */
import type { CompanyId, MatchState } from "../../shared/engine/index.ts";
import type { Difficulty, ReplayFile } from "../../shared/protocol/index.ts";

export type TaskBody =
  | { readonly kind: "ai"; readonly state: MatchState; readonly seat: CompanyId; readonly difficulty: Difficulty; readonly seed: number }
  | { readonly kind: "verify"; readonly file: ReplayFile }
  | { readonly kind: "spin"; readonly ms: number };

export type TaskRequest = TaskBody & { readonly id: number };

export type TaskResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };
