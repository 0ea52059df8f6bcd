/** viewFor: what a seat or a spectator may see. */
import { describe, expect, test } from "vitest";
import { COMPANIES, createMatch, viewFor, type CompanyId, type MatchState } from "../../shared/engine/index.ts";
import { keysIn, play, scriptedDecisions } from "./helpers.ts";

const SEATS: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
const { states } = play({ seed: 70, seats: SEATS, turns: 5 }, scriptedDecisions);
const MID: MatchState = states[3]!;

/** Keys that must never reach a client. */
const SECRET_KEYS = ["rng", "seed", "schedule", "demandDriftBp"];
/** Private to the owning seat. */
const PRIVATE_KEYS = ["tranches", "powerPipeline", "chipProgram", "assets", "contracted", "serverLifeQuarters", "coreMarginBp", "coreGrowthBp"];

describe("spectator view", () => {
  const v = viewFor(MID, null);

  test("no own company, no seed, no RNG, no hidden drift or schedule anywhere", () => {
    expect(v.seat).toBeNull();
    expect(v.own).toBeNull();
    const keys = keysIn(v);
    for (const k of SECRET_KEYS) expect(keys.has(k), k).toBe(false);
    expect(JSON.stringify(v)).not.toContain(String(MID.rng));
  });

  test("no seat's private fields", () => {
    const keys = keysIn(v.companies);
    for (const k of PRIVATE_KEYS) expect(keys.has(k), k).toBe(false);
  });

  test("public figures of every seat agree with the state", () => {
    expect(Object.keys(v.companies).sort()).toEqual([...SEATS].sort());
    for (const id of SEATS) {
      const c = MID.companies[id]!;
      const p = v.companies[id]!;
      expect(p.marketCap).toBe(c.marketCap);
      expect(p.cash).toBe(c.cash);
      expect(p.debt).toBe(c.tranches.reduce((s, t) => s + t.principal, 0));
      expect(p.history).toEqual(c.history);
      expect(p.strandedMw).toBe(p.installedMw - p.usableMw);
    }
    expect(v.turn).toBe(MID.turn);
    expect(v.market.energyOffers).toEqual(MID.market.energy.offers);
    expect(v.config).toEqual((({ seed: _s, ...rest }) => rest)(MID.config));
  });
});

describe("seat view", () => {
  test("a seat sees its own private fields and nobody else's", () => {
    for (const id of SEATS) {
      const v = viewFor(MID, id);
      const c = MID.companies[id]!;
      expect(v.seat).toBe(id);
      expect(v.own).not.toBeNull();
      expect(v.own!.id).toBe(id);
      expect(v.own!.tranches).toEqual(c.tranches);
      expect(v.own!.powerPipeline).toEqual(c.power.pipeline);
      expect(v.own!.chipProgram).toEqual(c.chipProgram);
      expect(v.own!.assets).toEqual(c.assets);
      const othersKeys = keysIn(v.companies);
      for (const k of PRIVATE_KEYS) expect(othersKeys.has(k), `${id} sees ${k} of others`).toBe(false);
      const keys = keysIn(v);
      for (const k of SECRET_KEYS) expect(keys.has(k), k).toBe(false);
      // Another seat's debt tranche ids never appear in this seat's view.
      for (const other of SEATS.filter((o) => o !== id)) for (const t of MID.companies[other]!.tranches) expect(JSON.stringify(v)).not.toContain(`"${t.id}"`);
    }
  });

  test("a seat not in the match is treated as a spectator", () => {
    const v = viewFor(MID, "tesla");
    expect(v.seat).toBeNull();
    expect(v.own).toBeNull();
  });

  test("viewFor does not mutate the state", () => {
    const before = JSON.stringify(MID);
    const v = viewFor(MID, "meta");
    expect(() => JSON.stringify(v)).not.toThrow();
    expect(JSON.stringify(MID)).toBe(before);
  });

  test("every seat can be viewed in every scenario at the start", () => {
    const s = createMatch({ seed: 1, seats: [...COMPANIES], scenario: "buildout" });
    for (const id of COMPANIES) expect(viewFor(s, id).own!.id).toBe(id);
  });
});
