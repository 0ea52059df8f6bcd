import { describe, expect, test, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const NODE = process.execPath;
const dir = mkdtempSync(join(tmpdir(), "cp-cli-"));

function run(script: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(NODE, [script, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("sim and replay verify", () => {
  const a = join(dir, "a.json");
  const b = join(dir, "b.json");
  beforeAll(() => {
    expect(run("cli/sim.ts", ["--seed", "42", "--turns", "6", "--out", a]).code).toBe(0);
    expect(run("cli/sim.ts", ["--seed", "42", "--turns", "6", "--out", b]).code).toBe(0);
  });

  test("the same seed writes a byte-identical file", () => {
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    const c = join(dir, "c.json");
    run("cli/sim.ts", ["--seed", "43", "--turns", "6", "--out", c]);
    expect(readFileSync(c, "utf8")).not.toBe(readFileSync(a, "utf8"));
  });

  test("verify passes on an untouched file (version 2, chained hashes, by default)", () => {
    expect(JSON.parse(readFileSync(a, "utf8")).version).toBe(2);
    const r = run("cli/replay.ts", ["verify", a]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/version 2 \(chain hashes\), all 6 turns match/);
  });

  test("--format 1 writes a version-1 file (whole-state hashes) that still verifies and catches tampering", () => {
    const v1 = join(dir, "v1.json");
    expect(run("cli/sim.ts", ["--seed", "42", "--turns", "6", "--format", "1", "--out", v1]).code).toBe(0);
    const file = JSON.parse(readFileSync(v1, "utf8"));
    expect(file.version).toBe(1);
    // Same match, other hash scheme: the same decisions, different hashes.
    const v2 = JSON.parse(readFileSync(a, "utf8"));
    expect(file.turns.map((t: { decisions: unknown }) => t.decisions)).toEqual(v2.turns.map((t: { decisions: unknown }) => t.decisions));
    expect(file.turns[5].hash).not.toBe(v2.turns[5].hash);
    const ok = run("cli/replay.ts", ["verify", v1]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/version 1 \(state hashes\), all 6 turns match/);
    const seat = Object.keys(file.turns[2].decisions)[0]!;
    file.turns[2].decisions[seat].capex += 700;
    const t = join(dir, "v1-tampered.json");
    writeFileSync(t, JSON.stringify(file));
    const bad = run("cli/replay.ts", ["verify", t]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/turn 2 diverges/);
  });

  test("a file from another engine version is refused with both versions named (exit 2)", () => {
    const file = JSON.parse(readFileSync(a, "utf8"));
    const mine = file.engineVersion as string;
    file.engineVersion = "0.0.1-old";
    const f = join(dir, "old-engine.json");
    writeFileSync(f, JSON.stringify(file));
    const r = run("cli/replay.ts", ["verify", f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("0.0.1-old");
    expect(r.err).toContain(mine);
    expect(r.err).toMatch(/cannot be verified or replayed here/);
  });

  test("a tampered decision is caught at its turn", () => {
    const file = JSON.parse(readFileSync(a, "utf8"));
    const seat = Object.keys(file.turns[3].decisions)[0]!;
    file.turns[3].decisions[seat].capex += 500;
    const t = join(dir, "tampered.json");
    writeFileSync(t, JSON.stringify(file));
    const r = run("cli/replay.ts", ["verify", t]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/turn 3 diverges/);
  });

  test.each([
    ["malformed JSON", "{oops", /JSON does not parse/],
    ["a wrong version", JSON.stringify({ version: 9 }), /unsupported replay version 9: this build reads versions 1 and 2/],
    ["a missing field", JSON.stringify({ version: 1, seed: 1 }), /invalid replay file:[\s\S]*engineVersion/],
  ])("%s gets a clear error, not a stack trace", (_name, text, message) => {
    const f = join(dir, "bad.json");
    writeFileSync(f, text);
    const r = run("cli/replay.ts", ["verify", f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("sim rejects unknown seats and policies with a sentence", () => {
    const r = run("cli/sim.ts", ["--seats", "microsoft,nvidia", "--out", join(dir, "x.json")]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/unknown seat\(s\): nvidia/);
    const p = run("cli/sim.ts", ["--policies", "yolo", "--out", join(dir, "y.json")]);
    expect(p.err).toMatch(/unknown policy: yolo/);
  });
});
