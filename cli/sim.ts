/**
 * `npm run sim -- --seed N --turns N --out FILE [--seats a,b] [--policies p,q] [--scenario] [--variant]`
 * Plays a headless match between built-in AI policies and writes its replay file (version 2, chained
 * turn hashes; `--format 1` writes version 1, whole-state hashes). Same arguments → byte-identical
 * file (createdAt is fixed unless --created-at is given).
 */
import { writeFileSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { COMPANIES, isCompanyId, score, type CompanyId } from "../shared/engine/index.ts";
import { ReplayFileSchema, describeIssues, type ReplayFile } from "../shared/protocol/index.ts";
import { simReplayFile, simulateMatch, type SimOptions } from "./simulate.ts";
import { isAiId, AI_IDS } from "./ai-ids.ts";

function int(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
}

function list(v: string): string[] {
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

const program = new Command()
  .name("sim")
  .description("Play a headless match between AI policies and write the replay file.")
  .option("--seed <n>", "match seed (uint32)", int("seed", 0, 0xffffffff), 1)
  .option("--turns <n>", "quarters to play (4–24)", int("turns", 4, 24), 12)
  .option("--scenario <id>", "reckoning | buildout", "reckoning")
  .option("--variant <id>", "guide | cons", "guide")
  .option("--seats <list>", `comma-separated companies (${COMPANIES.join(", ")})`, list, ["microsoft", "amazon", "alphabet", "meta"])
  .option("--policies <list>", `AI per seat, cycled (${AI_IDS.join(", ")})`, list, ["guidance", "disciplined"])
  .option("--created-at <iso>", "createdAt written into the file", "2026-01-01T00:00:00.000Z")
  .option("--format <n>", "replay file version: 2 (chained hashes) or 1 (whole-state hashes)", int("format", 1, 2), 2)
  .requiredOption("--out <file>", "where to write the replay JSON")
  .showHelpAfterError();

program.parse();
const o = program.opts<{
  seed: number;
  turns: number;
  scenario: string;
  variant: string;
  seats: string[];
  policies: string[];
  createdAt: string;
  format: 1 | 2;
  out: string;
}>();

const bad = o.seats.filter((s) => !isCompanyId(s));
if (bad.length > 0) program.error(`unknown seat(s): ${bad.join(", ")}; choose from ${COMPANIES.join(", ")}`);
const badPolicies = o.policies.filter((p) => !isAiId(p));
if (badPolicies.length > 0) program.error(`unknown policy: ${badPolicies.join(", ")}; choose from ${AI_IDS.join(", ")}`);
if (o.scenario !== "reckoning" && o.scenario !== "buildout") program.error("scenario must be reckoning or buildout");
if (o.variant !== "guide" && o.variant !== "cons") program.error("variant must be guide or cons");

const opts: SimOptions = {
  config: {
    seed: o.seed,
    turns: o.turns,
    scenario: o.scenario as "reckoning" | "buildout",
    variant: o.variant as "guide" | "cons",
    seats: o.seats as CompanyId[],
  },
  policies: o.policies as SimOptions["policies"],
  scheme: o.format === 1 ? "state" : "chain",
};
const { state, turns } = simulateMatch(opts);
const check = ReplayFileSchema.safeParse(simReplayFile(state, turns, o.format, o.createdAt));
if (!check.success) {
  console.error(`internal error, replay does not match its schema:\n${describeIssues(check.error.issues).join("\n")}`);
  process.exit(1);
}
const file: ReplayFile = check.data;
writeFileSync(o.out, `${JSON.stringify(file, null, 1)}\n`);
console.log(`wrote ${o.out}: version ${file.version}, ${turns.length} turns, final hash ${(turns[turns.length - 1]?.hash ?? "").slice(0, 16)}…`);
for (const s of score(state)) console.log(`  #${s.rank} ${s.company.padEnd(10)} TSR ${(s.tsrBp / 100).toFixed(1)}%${s.defaulted ? " (defaulted)" : ""}`);
