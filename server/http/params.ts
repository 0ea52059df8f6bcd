/** Shared parsers for URL parts: each bad value is a 400 with a sentence, never a 500. */
import { z } from "zod";
import { CODE_PATTERN, normaliseCode } from "../util.ts";
import { HttpError } from "./errors.ts";

export const MatchIdSchema = z.string().regex(/^m[0-9a-f]{16}$/, "match id must be 'm' and 16 hex characters");
export const CodeSchema = z
  .string()
  .transform(normaliseCode)
  .pipe(z.string().regex(CODE_PATTERN, "a join code is 6 characters from A-Z and 2-9 without look-alikes (no O, 0, I, 1, L)"));

export function parseParam<T>(schema: z.ZodType<T>, value: unknown, code: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, code, r.error.issues[0]?.message ?? "bad value");
  return r.data;
}
