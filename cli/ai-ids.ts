import { DIFFICULTY_IDS, PERSONALITIES, TRICKS, type AiId } from "../shared/ai/index.ts";

export const AI_IDS: readonly AiId[] = [...PERSONALITIES, ...DIFFICULTY_IDS, ...TRICKS];

export function isAiId(x: string): x is AiId {
  return (AI_IDS as readonly string[]).includes(x);
}
