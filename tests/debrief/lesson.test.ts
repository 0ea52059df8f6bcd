/**
 * The lesson's sentences follow the numbers: a property over seeds and seat personalities, and
 * every line's key exists in both languages with exactly the parameters it is given.
 * `DEBRIEF_PROPERTY_RUNS=200 npx vitest run tests/debrief/lesson.test.ts` for the full count.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { endingVerdict } from "../../shared/engine/index.ts";
import { LANGS, TABLES, placeholders } from "../../shared/i18n/index.ts";
import { DEBRIEF_STRINGS } from "../../shared/i18n/debrief.ts";
import { buildDebrief, findRun, outcomeIn, payoffOf, type Debrief, type LessonLine, type LessonValue } from "../../shared/debrief/index.ts";
import type { CompanyId } from "../../shared/engine/index.ts";
import { PERSONAS, playLog } from "./helpers.ts";

const RUNS = Number(process.env.DEBRIEF_PROPERTY_RUNS ?? 30);

function byKey(lines: readonly LessonLine[], key: string): LessonLine | undefined {
  return lines.find((l) => l.key === `debrief.lesson.${key}`);
}
function id(v: LessonValue | undefined): CompanyId {
  if (v?.kind !== "company") throw new Error(`expected a company, got ${JSON.stringify(v)}`);
  return v.id;
}
function ids(v: LessonValue | undefined): readonly CompanyId[] {
  if (v?.kind !== "companies") throw new Error(`expected companies, got ${JSON.stringify(v)}`);
  return v.ids;
}
function num(v: LessonValue | undefined): number {
  if (!v) throw new Error("missing parameter");
  switch (v.kind) {
    case "score":
    case "points":
    case "ratio":
      return v.bp;
    case "money":
      return v.m;
    case "count":
      return v.n;
    default:
      throw new Error(`not a number: ${JSON.stringify(v)}`);
  }
}

/** Every claim of the lesson checked against the runs it was built from. */
function checkLesson(d: Debrief, finalState: Parameters<typeof endingVerdict>[0]): void {
  const L = d.lesson;
  const rows = d.payoff.seats;
  const row = (c: CompanyId) => rows.find((r) => r.company === c)!;
  const racers = rows.filter((r) => r.raced);

  for (const l of L) {
    for (const lang of LANGS) {
      const template = TABLES[lang][l.key];
      expect(template, `${l.key} in ${lang}`).toBeDefined();
      expect(placeholders(template!), l.key).toEqual(Object.keys(l.params).sort());
    }
  }

  const gain = byKey(L, "gain");
  const noRace = byKey(L, "noRace");
  const gainNone = byKey(L, "gainNone");
  expect([gain, noRace, gainNone].filter(Boolean)).toHaveLength(1);
  if (gain) {
    const c = id(gain.params.company);
    const alone = payoffOf(outcomeIn(findRun(d.runs, "onlyRestrain", c), c)!, d.config.scoring);
    const actual = payoffOf(outcomeIn(findRun(d.runs, "actual"), c)!, d.config.scoring);
    // The seat named as having gained by racing really scored more than in its only-me-restrain run.
    expect(actual).toBeGreaterThan(alone);
    expect(row(c).raced).toBe(true);
    expect([num(gain.params.actual), num(gain.params.alone), num(gain.params.gain)]).toEqual([actual, alone, actual - alone]);
    for (const r of racers) expect(r.P - r.S).toBeLessThanOrEqual(actual - alone);
    const others = byKey(L, "gainOthers");
    const expected = racers.filter((r) => r.P > r.S && r.company !== c).map((r) => r.company);
    if (expected.length === 0) expect(others).toBeUndefined();
    else expect([...ids(others?.params.companies)].sort()).toEqual([...expected].sort());
  }
  if (noRace) expect(racers).toHaveLength(0);
  if (gainNone) {
    expect(racers.length).toBeGreaterThan(0);
    for (const r of racers) expect(r.P).toBeLessThanOrEqual(r.S);
  }

  const sucker = byKey(L, "sucker");
  if (sucker) {
    const c = id(sucker.params.company);
    expect(row(c).raced).toBe(false);
    expect(racers.length).toBeGreaterThan(0);
    expect(row(c).P).toBeLessThan(row(c).R);
    expect(num(sucker.params.actual)).toBe(row(c).P);
    expect(num(sucker.params.restrained)).toBe(row(c).R);
    expect(num(sucker.params.loss)).toBe(row(c).R - row(c).P);
    for (const r of rows.filter((x) => !x.raced)) expect(r.P - r.R).toBeGreaterThanOrEqual(row(c).P - row(c).R);
  }
  const wouldBe = byKey(L, "suckerWouldBe");
  if (wouldBe) {
    expect(rows.every((r) => r.raced)).toBe(true);
    const c = id(wouldBe.params.company);
    expect(num(wouldBe.params.alone)).toBe(row(c).S);
    expect(row(c).S).toBeLessThan(row(c).P);
  }
  if (byKey(L, "suckerSpared")) for (const r of rows.filter((x) => !x.raced)) expect(r.P).toBeGreaterThanOrEqual(r.R);
  if (byKey(L, "suckerNone")) for (const r of rows) expect(r.P).toBeLessThanOrEqual(r.S);

  const cost = d.welfare.allRestrain.value - d.welfare.actual.value;
  const lost = byKey(L, "industryLost");
  const gained = byKey(L, "industryGained");
  expect(Boolean(lost)).toBe(cost > 0);
  expect(Boolean(gained)).toBe(cost < 0);
  if (lost) expect(num(lost.params.cost)).toBe(num(lost.params.restrained) - num(lost.params.actual));
  if (gained) expect(num(gained.params.gain)).toBe(num(gained.params.actual) - num(gained.params.restrained));
  for (const l of [lost, gained].filter(Boolean)) {
    expect(num(l!.params.actual)).toBe(findRun(d.runs, "actual")!.industry.value);
    expect(num(l!.params.restrained)).toBe(findRun(d.runs, "allRestrain")!.industry.value);
  }
  const profit = byKey(L, "profit")!;
  expect(num(profit.params.actual)).toBe(findRun(d.runs, "actual")!.seats.reduce((s, x) => s + x.netIncome, 0));

  const t = byKey(L, "temptation");
  if (t) {
    const c = id(t.params.company);
    expect(num(t.params.race)).toBe(row(c).T);
    expect(row(c).T).toBeGreaterThan(row(c).R);
    for (const r of rows.filter((x) => x.T > x.R)) expect(r.T - r.R).toBeLessThanOrEqual(row(c).T - row(c).R);
  } else for (const r of rows) expect(r.T).toBeLessThanOrEqual(r.R);

  const k = rows.filter((r) => r.T > r.R && r.R > r.P && r.P > r.S).length;
  expect(Boolean(byKey(L, "dilemmaAll"))).toBe(k === rows.length);
  expect(Boolean(byKey(L, "dilemmaNone"))).toBe(k === 0);
  const some = byKey(L, "dilemmaSome");
  if (some) expect(num(some.params.k)).toBe(k);

  const v = endingVerdict(finalState);
  expect(d.verdict).toEqual(v);
  expect(Boolean(byKey(L, "ending.cloud2"))).toBe(v.cloud2);
  expect(Boolean(byKey(L, "ending.gc"))).toBe(v.globalCrossing);
  expect(Boolean(byKey(L, "ending.neither"))).toBe(!v.cloud2 && !v.globalCrossing);
  if (byKey(L, "ending.gc.defaulted")) expect(ids(byKey(L, "ending.gc.defaulted")!.params.companies)).toEqual(v.defaulted);
  const rv = findRun(d.runs, "allRestrain")!.verdict;
  const restrainedKey = rv.cloud2 && rv.globalCrossing ? "both" : rv.cloud2 ? "cloud2" : rv.globalCrossing ? "gc" : "neither";
  expect(byKey(L, `ending.restrained.${restrainedKey}`)).toBeDefined();
}

describe("the lesson in words", () => {
  test("its sentences follow the match's numbers (property over seeds and personalities)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.constantFrom(...PERSONAS), { minLength: 4, maxLength: 4 }),
        fc.constantFrom(4, 5),
        fc.constantFrom("reckoning" as const, "buildout" as const),
        fc.constantFrom<readonly CompanyId[]>(
          ["microsoft", "amazon", "alphabet", "meta"],
          ["microsoft", "amazon", "alphabet", "meta", "oracle"],
          ["meta", "oracle", "tesla"],
        ),
        (seed, who, turns, scenario, seats) => {
          const played = playLog({ seed, turns, who, scenario, seats });
          const r = buildDebrief(played.input);
          expect(r.ok).toBe(true);
          if (r.ok) checkLesson(r.debrief, played.state);
        },
      ),
      { numRuns: RUNS, seed: 20260513 },
    );
  }, 120_000);

  test("every lesson key is in the debrief table and rendered the same way in both languages", () => {
    const keys = Object.keys(DEBRIEF_STRINGS).filter((k) => k.startsWith("debrief.lesson."));
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) expect(placeholders(DEBRIEF_STRINGS[k as keyof typeof DEBRIEF_STRINGS]["zh-CN"])).toEqual(placeholders(TABLES.en[k]!));
  });
});
