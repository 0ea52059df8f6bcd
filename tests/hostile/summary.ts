/** One summary line per hostile test, with its figure: printed, and collected for the report. */
import { appendFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

const OUT = resolve(import.meta.dirname, "../../test-artifacts");

/** `full` runs the counts the issue asks for; the default is the CI size that `npm test` runs. */
export const FULL = process.env["HOSTILE"] === "full";

export function summary(name: string, line: string): void {
  const text = `[hostile] ${name}: ${line}`;
  console.log(text);
  try {
    mkdirSync(OUT, { recursive: true });
    appendFileSync(join(OUT, "hostile-summary.txt"), `${new Date().toISOString()} ${text}\n`);
  } catch {
    // the printed line is what counts
  }
}
