/** Command-line number options of the balance tools: a clear refusal naming the option. */
import { InvalidArgumentError } from "commander";

/** Parses a whole number (range checks are the zod schema's job, after parsing). */
export function wholeNumber(name: string): (v: string) => number {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} must be a whole number, got "${v}"`);
    return n;
  };
}
