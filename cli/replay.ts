/**
 * `npm run replay -- verify FILE`: re-simulates a replay file (version 1 or 2). Exit 0 when every
 * hash matches; exit 1 naming the first divergent turn; exit 2 for a file that is not a valid
 * replay, or one recorded by another engine version (which this build cannot re-simulate).
 */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { parseReplayText, verifyReplay } from "../shared/protocol/index.ts";

const program = new Command().name("replay").description("Work with replay files.").showHelpAfterError();

program
  .command("verify")
  .argument("<file>", "replay JSON file")
  .description("re-simulate and check every turn's hash")
  .action((path: string) => {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      console.error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      process.exit(2);
    }
    const parsed = parseReplayText(text);
    if (!parsed.ok) {
      console.error(`${path}: ${parsed.error}`);
      process.exit(2);
    }
    const t0 = performance.now();
    const v = verifyReplay(parsed.file);
    const ms = (performance.now() - t0).toFixed(1);
    if (v.ok) {
      console.log(`${path}: OK — version ${v.version} (${v.scheme} hashes), ${v.message} in ${ms} ms; final hash ${v.finalHash}`);
      return;
    }
    if (v.reason === "engine_version") {
      console.error(`${path}: CANNOT VERIFY — ${v.message}`);
      process.exit(2);
    }
    console.error(`${path}: FAILED — ${v.message}`);
    if (v.expectedHash) console.error(`  recorded ${v.expectedHash}\n  computed ${v.gotHash}`);
    process.exit(1);
  });

program.parse();
