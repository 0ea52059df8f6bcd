import { describe, expect, test } from "vitest";
import { createMatch, score } from "../../shared/engine/index.ts";
import { decideFor, flatRestraintPolicy, restrainedScores } from "../../shared/ai/index.ts";
import { decideActive, playMatch } from "../../shared/engine/play.ts";
import { viewFor, decisionBounds, defaultDecision } from "../../shared/engine/index.ts";
import { COMPANY_PARAMS } from "../../shared/rules/params.ts";

const config = createMatch({ seed: 9, turns: 6 }).config;

describe("the all-restrain counterfactual", () => {
  test("is deterministic and scores every seat", () => {
    const a = restrainedScores(config);
    expect(a.map((s) => s.company)).toEqual(config.seats);
    expect(restrainedScores(config)).toEqual(a);
  });

  test("differs from the match actually played on the guidance path", () => {
    const s = playMatch(config, (st) => decideActive(st, (id) => decideFor(st, id, "guidance", 1)));
    const played = score(s);
    const cf = restrainedScores(config);
    expect(cf.map((x) => x.tsrBp)).not.toEqual(played.map((x) => x.tsrBp));
  });

  test("restraint holds capex at a quarter of the 2024 level", () => {
    const s = createMatch(config);
    for (const id of s.config.seats) {
      const d = flatRestraintPolicy(viewFor(s, id), { bounds: decisionBounds(s, id), defaultDecision: defaultDecision(s, id), seed: 1 });
      expect(d.capex).toBe(Math.round((COMPANY_PARAMS[id].capexHistory["2024"] ?? 0) / 4));
    }
  });

  test("teacher events are replayed into the counterfactual", () => {
    const calm = restrainedScores(config);
    const shocked = restrainedScores(config, { 1: [{ turn: 1, kind: "antitrust", target: "alphabet", magnitudeBp: 3000 }] });
    expect(shocked.find((x) => x.company === "alphabet")!.tsrBp).toBeLessThan(calm.find((x) => x.company === "alphabet")!.tsrBp);
  });
});
