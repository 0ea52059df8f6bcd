/** Step 2: Nvidia's pricing and margin, custom silicon, the chip programme. */
import { describe, expect, test } from "vitest";
import { COMPANY_PARAMS, MARKET_PARAMS } from "../../shared/rules/params.ts";
import {
  advanceProgram,
  aiShareOfCapex,
  blendUpliftBp,
  buyCompute,
  customPriceK,
  designGainBp,
  fleetEfficiencyBp,
  grossMarginBp,
  maxCustomShareBp,
  newChipUpliftBp,
  nextNvidia,
  nvidiaDemandAtListMw,
  nvidiaPriceK,
  nvidiaUnitCostK,
} from "../../shared/engine/chips.ts";
import { createMatch, decisionBounds, resolveTurn, type ChipProgram, type CompanyId, type Decision } from "../../shared/engine/index.ts";
import { hasKey } from "../../shared/i18n/index.ts";
import { defaultDecisions } from "./helpers.ts";

const P = MARKET_PARAMS.chips;
const LIST = P.nvidiaBasePriceK;

describe("Nvidia pricing", () => {
  test("at balanced supply the price is the list price and the gross margin ≈ 75%", () => {
    expect(nvidiaPriceK(5000, 5000)).toBe(LIST);
    const gm = grossMarginBp(LIST);
    expect(gm).toBeGreaterThanOrEqual(7300);
    expect(gm).toBeLessThanOrEqual(7700);
    expect(nvidiaUnitCostK()).toBeLessThan(LIST);
  });

  test("excess demand raises the price; slack lowers it", () => {
    const supply = 5000;
    const prices = [2000, 4000, 5000, 5500, 6000, 8000, 20_000].map((d) => nvidiaPriceK(d, supply));
    for (let i = 1; i < prices.length; i++) expect(prices[i]!).toBeGreaterThanOrEqual(prices[i - 1]!);
    expect(nvidiaPriceK(6000, supply)).toBeGreaterThan(LIST);
    expect(nvidiaPriceK(4000, supply)).toBeLessThan(LIST);
  });

  test("the price stays between its floor and its cap", () => {
    expect(nvidiaPriceK(1_000_000, 100)).toBe(Math.round((LIST * P.priceCapBp) / 10_000));
    expect(nvidiaPriceK(0, 5000)).toBe(Math.round((LIST * P.priceFloorBp) / 10_000));
    expect(nvidiaPriceK(100, 0)).toBe(LIST);
  });

  test("gross margin rises with price", () => {
    expect(grossMarginBp(nvidiaPriceK(8000, 5000))).toBeGreaterThan(grossMarginBp(LIST));
    expect(grossMarginBp(nvidiaPriceK(1000, 5000))).toBeLessThan(grossMarginBp(LIST));
    expect(grossMarginBp(0)).toBe(0);
  });

  test("nextNvidia: supply grows, lead time lengthens under shortage, revenue = sold MW × price", () => {
    const m = { supplyMw: 5000, priceK: LIST, unitCostK: nvidiaUnitCostK(), grossMarginBp: 7500, revenue: 0, leadQuarters: P.nvidiaLeadQuarters };
    const tight = nextNvidia(m, 7000);
    const slack = nextNvidia(m, 3000);
    expect(tight.supplyMw).toBeGreaterThan(5000);
    expect(tight.leadQuarters).toBe(P.nvidiaLeadQuarters + 1);
    expect(slack.leadQuarters).toBe(P.nvidiaLeadQuarters);
    expect(tight.priceK).toBeGreaterThan(slack.priceK);
    expect(slack.revenue).toBe(Math.round((3000 * slack.priceK) / 1000));
  });
});

describe("custom silicon: each programme's own economics", () => {
  const PROGRAMMED = ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"] as const;

  test("a mature programme costs its documented share of Nvidia's list price; an immature one costs the same as Nvidia", () => {
    for (const id of PROGRAMMED) {
      const prog = COMPANY_PARAMS[id].chipProgram;
      expect(customPriceK(id, 10_000)).toBe(Math.round((LIST * (10_000 - prog.discountBp)) / 10_000));
      expect(customPriceK(id, 0)).toBe(LIST);
      expect(customPriceK(id, 5000)).toBeGreaterThan(customPriceK(id, 10_000));
    }
    // CAL-CHIP-02: the programmes mature in the documents (Trainium, TPU) cost 50–60% of Nvidia.
    for (const id of ["amazon", "alphabet"] as const) {
      const ratio = (customPriceK(id, 10_000) * 10_000) / LIST;
      expect(ratio).toBeGreaterThanOrEqual(5000);
      expect(ratio).toBeLessThanOrEqual(6000);
    }
  });

  test("the custom share is capped by maturity and by the programme", () => {
    for (const id of PROGRAMMED) {
      expect(maxCustomShareBp(id, 0)).toBe(0);
      expect(maxCustomShareBp(id, 8000)).toBeGreaterThan(maxCustomShareBp(id, 4000));
      expect(maxCustomShareBp(id, 10_000)).toBeLessThan(10_000); // some work stays on Nvidia
    }
    expect(maxCustomShareBp("alphabet", 10_000)).toBeGreaterThan(maxCustomShareBp("meta", 10_000));
  });

  test("training and serving efficiency follow the programme: TPUs train like GPUs, Maia and MTIA are built to serve", () => {
    expect(fleetEfficiencyBp("alphabet", 5000, "training")).toBe(10_000);
    expect(fleetEfficiencyBp("meta", 5000, "training")).toBeLessThan(10_000);
    expect(fleetEfficiencyBp("microsoft", 5000, "inference")).toBeGreaterThan(10_000);
    for (const id of PROGRAMMED) expect(fleetEfficiencyBp(id, 0, "training")).toBe(10_000);
  });

  test("decisionBounds follow each seat's programme maturity and quote its chip price", () => {
    const s = createMatch({ seed: 3, seats: ["microsoft", "amazon", "oracle"] });
    for (const id of s.config.seats) {
      const b = decisionBounds(s, id);
      expect(b.customShareBp.max).toBe(maxCustomShareBp(id, s.companies[id]!.chipProgram.maturityBp));
      expect(b.chipPricesK).toEqual({ nvidia: s.market.nvidia.priceK, custom: customPriceK(id, s.companies[id]!.chipProgram.maturityBp) });
    }
  });
});

describe("buying compute", () => {
  test("the parts add up to the AI capex and shells are never negative", () => {
    for (const [capex, share, mat, price] of [
      [50_000, 0, 0, LIST],
      [50_000, 6000, 10_000, LIST],
      [1, 0, 0, LIST],
      [37, 5000, 5000, 35_000],
      [123_457, 3000, 8000, 21_250],
    ] as const) {
      const b = buyCompute("amazon", capex, share, mat, price);
      expect(b.nvidiaServerCost + b.customServerCost + b.facilityCost).toBe(capex);
      expect(b.facilityCost).toBeGreaterThanOrEqual(0);
      expect(b.nvidiaMw).toBeGreaterThanOrEqual(0);
    }
  });

  test("a dollar buys more MW of mature custom silicon than of Nvidia, and fewer MW when Nvidia is dear", () => {
    const nv = buyCompute("alphabet", 100_000, 0, 10_000, LIST);
    const cu = buyCompute("alphabet", 100_000, 10_000, 10_000, LIST);
    expect(cu.customMw).toBeGreaterThan(nv.nvidiaMw);
    expect(buyCompute("alphabet", 100_000, 0, 0, nvidiaPriceK(10_000, 5000)).nvidiaMw).toBeLessThan(nv.nvidiaMw);
  });

  test("traditional capex takes its share and demand at list price ignores the custom part", () => {
    const { traditional, ai } = aiShareOfCapex(100_000);
    expect(traditional + ai).toBe(100_000);
    expect(traditional).toBe(Math.round((100_000 * MARKET_PARAMS.capex.traditionalShareBp) / 10_000));
    expect(nvidiaDemandAtListMw(ai, 5000)).toBeLessThan(nvidiaDemandAtListMw(ai, 0));
    expect(nvidiaDemandAtListMw(ai, 10_000)).toBe(0);
  });
});

describe("the chip programme", () => {
  const prog = (maturityBp: number, slipQuarters = 0, designBp = 0): ChipProgram => ({ maturityBp, slipQuarters, designBp, fleetUpliftBp: 0 });
  const REF = MARKET_PARAMS.chips.rndReferenceQ;

  test("R&D buys maturity at the programme's rate at the reference spend, with diminishing returns around it, capped at 100%", () => {
    const p0 = prog(3000);
    const gain = (rnd: number) => advanceProgram("meta", p0, rnd).maturityBp - advanceProgram("meta", p0, 0).maturityBp;
    expect(advanceProgram("meta", p0, 0).maturityBp).toBeGreaterThanOrEqual(3000);
    expect(gain(REF)).toBe(Math.floor(REF / COMPANY_PARAMS.meta.chipProgram.rndPerMaturityBp));
    // Four times the money: twice the progress, not four times.
    expect(gain(4 * REF)).toBe(2 * gain(REF));
    expect(gain(REF / 4)).toBe(Math.floor(gain(REF) / 2));
    expect(advanceProgram("meta", prog(9990), 1_000_000).maturityBp).toBe(10_000);
    expect(advanceProgram("oracle", prog(0), 0).maturityBp).toBe(0);
  });

  test("R&D designs the next generation: half the fastest pace at the reference spend, never faster than a generation in `generationQuarters`; none without R&D", () => {
    const G = MARKET_PARAMS.chips.generationQuarters;
    const fastest = Math.floor(10_000 / G);
    expect(designGainBp(0)).toBe(0);
    expect(designGainBp(REF)).toBe(Math.floor(fastest / 2));
    // Four times the money: less than twice the pace, and below the fastest.
    expect(designGainBp(4 * REF)).toBeLessThan(2 * designGainBp(REF));
    expect(designGainBp(4 * REF)).toBeGreaterThan(designGainBp(REF));
    expect(designGainBp(1_000_000)).toBeLessThan(fastest);
    let p = prog(10_000);
    for (let q = 0; q < 2 * G; q++) p = advanceProgram("alphabet", p, REF);
    expect(p.designBp).toBeGreaterThanOrEqual(10_000 - 2 * G);
    expect(p.maturityBp).toBe(10_000);
    expect(advanceProgram("alphabet", prog(10_000), 0).designBp).toBe(0);
  });

  test("the newest chip's lead narrows: one generation ahead is half the most a programme can lead by, two are two thirds", () => {
    const L = MARKET_PARAMS.chips.maxLeadBp;
    expect(newChipUpliftBp(prog(10_000, 0, 0))).toBe(0);
    expect(newChipUpliftBp(prog(10_000, 0, 10_000))).toBe(Math.floor(L / 2));
    expect(newChipUpliftBp(prog(10_000, 0, 20_000))).toBe(Math.floor((L * 2) / 3));
    expect(newChipUpliftBp(prog(10_000, 0, 1_000_000))).toBeLessThan(L);
  });

  test("the fleet's uplift is the MW-weighted average of its custom servers; the uplift raises work per MW of the custom share only", () => {
    expect(blendUpliftBp(0, 300, 100, 2000)).toBe(500);
    expect(blendUpliftBp(700, 0, 0, 2000)).toBe(700);
    expect(blendUpliftBp(1000, 100, 100, 1000)).toBe(1000);
    const share = 6000;
    expect(fleetEfficiencyBp("amazon", share, "training", 1500)).toBeGreaterThan(fleetEfficiencyBp("amazon", share, "training"));
    expect(fleetEfficiencyBp("amazon", 0, "inference", 5000)).toBe(10_000);
    const base = COMPANY_PARAMS.alphabet.chipProgram.inferenceBp;
    expect(fleetEfficiencyBp("alphabet", 10_000, "inference", 2000)).toBe(base + Math.floor((base * 2000) / 10_000));
  });

  test("a slipping programme stands still (maturity and design) and the slip counts down", () => {
    const p = advanceProgram("microsoft", prog(4000, 2, 1234), 5000);
    expect(p).toEqual({ maturityBp: 4000, slipQuarters: 1, designBp: 1234, fleetUpliftBp: 0 });
  });
});

describe("chips inside resolveTurn", () => {
  const seats: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];

  function withCapex(capex: number): ReturnType<typeof resolveTurn> {
    const s = createMatch({ seed: 5, seats, randomEvents: false });
    const d = defaultDecisions(s) as Record<CompanyId, Decision>;
    for (const id of seats) d[id] = { ...d[id], capex: Math.min(capex, decisionBounds(s, id).budget), customShareBp: 0 };
    return resolveTurn(s, d);
  }

  test("an industry-wide capex surge raises Nvidia's price and margin; a capex strike lowers them", () => {
    const surge = withCapex(120_000);
    const strike = withCapex(0);
    expect(surge.state.market.nvidia.priceK).toBeGreaterThan(LIST);
    expect(surge.report.market.nvidiaMarginBp).toBeGreaterThan(7500);
    expect(strike.state.market.nvidia.priceK).toBeLessThan(LIST);
    expect(strike.state.market.nvidia.priceK).toBeGreaterThanOrEqual(Math.round((LIST * P.priceFloorBp) / 10_000));
  });

  test("custom purchases stay within the maturity cap and arrive after the foundry lead time", () => {
    const s = createMatch({ seed: 5, seats, randomEvents: false });
    const d = defaultDecisions(s) as Record<CompanyId, Decision>;
    const max = decisionBounds(s, "amazon").customShareBp.max;
    d.amazon = { ...d.amazon, capex: 80_000, customShareBp: max };
    const r = resolveTurn(s, d);
    const fresh = r.state.companies.amazon!.assets.filter((v) => v.boughtTurn === 0 && v.kind === "ai_servers");
    const custom = fresh.find((v) => v.chip === "custom")!;
    const nvidia = fresh.find((v) => v.chip === "nvidia")!;
    expect(custom.inServiceTurn).toBe(P.customLeadQuarters);
    expect(nvidia.inServiceTurn).toBe(s.market.nvidia.leadQuarters);
    expect(custom.mw + nvidia.mw).toBe(r.report.seats.find((x) => x.company === "amazon")!.mwOrdered);
    // Custom dollars ≈ the chosen share of the AI capex (servers + shells), not more.
    const ai = aiShareOfCapex(80_000).ai;
    const customMwShareBp = (custom.mw * 10_000) / (custom.mw + nvidia.mw);
    expect(custom.cost + Math.round((custom.mw * MARKET_PARAMS.capex.facilityCostK) / 1000)).toBeLessThanOrEqual(Math.round((ai * max) / 10_000) + 1);
    expect(customMwShareBp).toBeGreaterThan(max); // cheaper chips: more MW per dollar
  });

  test("R&D pays inside the match: the custom servers bought after it carry the new generation, and the same capex trains more", () => {
    const play = (rnd: number) => {
      let s = createMatch({ seed: 5, seats, randomEvents: false, turns: 12 });
      for (let q = 0; q < 8; q++) {
        const d = defaultDecisions(s) as Record<CompanyId, Decision>;
        const b = decisionBounds(s, "amazon");
        d.amazon = { ...d.amazon, capex: Math.min(60_000, b.budget - rnd), customShareBp: b.customShareBp.max, chipRnd: rnd };
        s = resolveTurn(s, d).state;
      }
      return s.companies.amazon!;
    };
    const none = play(0);
    const rnd = play(2_000);
    expect(none.chipProgram.designBp).toBe(0);
    expect(none.chipProgram.fleetUpliftBp).toBe(0);
    expect(rnd.chipProgram.designBp).toBe(8 * designGainBp(2_000));
    // The fleet holds older custom servers too: its uplift is below what the newest chips carry.
    expect(rnd.chipProgram.fleetUpliftBp).toBeGreaterThan(0);
    expect(rnd.chipProgram.fleetUpliftBp).toBeLessThan(newChipUpliftBp(rnd.chipProgram));
    expect(rnd.trainingCompute).toBeGreaterThan(none.trainingCompute);
    // The decision screen says what R&D buys, in both languages.
    expect(hasKey("chips.rndNext")).toBe(true);
  });
});
