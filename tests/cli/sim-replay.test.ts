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

  test("verify passes on an untouched file", () => {
    const r = run("cli/replay.ts", ["verify", a]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/all 6 turns match/);
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
    ["a wrong version", JSON.stringify({ version: 9 }), /unsupported replay version 9/],
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
