import { describe, expect, test } from "vitest";
import {
  billionsToMillions,
  formatBp,
  formatMoneyChange,
  formatPerMw,
  formatPriceTick,
  fromInputUnits,
  moneyUnit,
  niceTicks,
  toInputUnits,
  formatChange,
  formatClock,
  formatMoney,
  formatMw,
  formatPercent,
  formatPrice,
  groupThousands,
  millionsToBillions,
} from "../../client/src/format.ts";

describe("formatMoney (input in $M)", () => {
  test.each([
    [0, "$0"],
    [950, "$950M"],
    [2450, "$2.45B"],
    [37_500, "$37.5B"],
    [650_000, "$650B"],
    [1_250_000, "$1.25T"],
    [-12_300, "−$12.3B"],
    [1000, "$1B"],
  ])("en %d → %s", (m, s) => expect(formatMoney(m, "en")).toBe(s));

  test.each([
    [0, "0美元"],
    [50, "0.5亿美元"],
    [95, "0.95亿美元"],
    [5, "0.05亿美元"],
    [950, "9.5亿美元"],
    [37_500, "375亿美元"],
    [650_000, "6500亿美元"],
    [1_250_000, "1.25万亿美元"],
    [-20_000, "−200亿美元"],
  ])("zh-CN %d → %s", (m, s) => expect(formatMoney(m, "zh-CN")).toBe(s));

  test("non-finite input shows a dash", () => {
    expect(formatMoney(Number.NaN)).toBe("—");
  });
});

describe("rates, prices, power", () => {
  test("percent from bp", () => {
    expect(formatPercent(1250)).toBe("12.5%");
    expect(formatPercent(7500, 0)).toBe("75%");
    expect(formatPercent(-920)).toBe("−9.2%");
    expect(formatPercent(4)).toBe("0%");
    expect(formatChange(420)).toBe("+4.2%");
    expect(formatChange(-1200)).toBe("−12%");
    expect(formatChange(0)).toBe("0%");
  });
  test("share price from cents", () => {
    expect(formatPrice(41_235)).toBe("$412.35");
    expect(formatPrice(123_456_7)).toBe("$12,345.67");
    expect(formatPrice(5)).toBe("$0.05");
  });
  test("MW and GW", () => {
    expect(formatMw(850)).toBe("850 MW");
    expect(formatMw(12_400)).toBe("12.4 GW");
    expect(formatMw(5000)).toBe("5 GW");
  });
  test("thousands and clock", () => {
    expect(groupThousands(1234567)).toBe("1,234,567");
    expect(formatClock(125)).toBe("2:05");
    expect(formatClock(-3)).toBe("0:00");
    expect(formatClock(0.2)).toBe("0:01");
  });
});

describe("decision inputs in $B ↔ engine $M", () => {
  test("round trip to one decimal", () => {
    expect(millionsToBillions(21_649)).toBe(21.6);
    expect(billionsToMillions("21.6", 0, 100_000)).toBe(21_600);
    expect(billionsToMillions("3,5", 0, 100_000)).toBe(3500);
  });
  test("clamped to the server's bounds; garbage → min", () => {
    expect(billionsToMillions("500", 0, 187_800)).toBe(187_800);
    expect(billionsToMillions("-4", 100, 5000)).toBe(100);
    expect(billionsToMillions("abc", 7, 5000)).toBe(7);
    expect(billionsToMillions("", 0, 5000)).toBe(0);
  });
});

describe("one money format per language", () => {
  test("Chinese never writes 百万 or 十亿: every amount in 亿美元 (万亿 from ten thousand 亿)", () => {
    for (const m of [1, 7, 50, 95, 999, 1000, 4321, 37_500, 99_999, 650_000, 1_250_000, -3]) {
      const s = formatMoney(m, "zh-CN");
      expect(s, String(m)).toMatch(/^−?[\d.]+(万亿|亿)美元$/);
      expect(s).not.toMatch(/百万|十亿/);
    }
  });
  test("inputs use the same unit as figures: $B in English, 亿美元 in Chinese, exact to the $M", () => {
    expect(moneyUnit("en").label).toBe("$B");
    expect(moneyUnit("zh-CN").label).toBe("亿美元");
    expect(toInputUnits(21_649, "en")).toBe("21.649");
    expect(toInputUnits(21_649, "zh-CN")).toBe("216.49");
    expect(toInputUnits(37_500, "zh-CN")).toBe("375");
    expect(fromInputUnits("216.49", "zh-CN", 0, 100_000)).toBe(21_649);
    expect(fromInputUnits("375", "zh-CN", 0, 100_000)).toBe(37_500);
    expect(fromInputUnits("21.649", "en", 0, 100_000)).toBe(21_649);
    // An untouched value survives the round trip exactly (no "over budget by $8M" from rounding).
    for (const m of [0, 1, 999, 21_649, 151_397]) for (const l of ["en", "zh-CN"] as const) expect(fromInputUnits(toInputUnits(m, l), l, 0, 1e9)).toBe(m);
  });
  test("per-MW prices, signed changes, bp", () => {
    expect(formatPerMw(38_500, "en")).toBe("$38.5M/MW");
    expect(formatPerMw(38_500, "zh-CN")).toBe("3850万美元/兆瓦");
    expect(formatPerMw(100, "zh-CN")).toBe("10万美元/兆瓦");
    expect(formatPerMw(150_000, "zh-CN")).toBe("1.5亿美元/兆瓦");
    expect(formatMoneyChange(2500, "en")).toBe("+$2.5B");
    expect(formatMoneyChange(-300, "en")).toBe("−$300M");
    expect(formatMoneyChange(0, "en")).toBe("$0");
    expect(formatBp(35)).toBe("+35 bp");
    expect(formatBp(-1200)).toBe("−1,200 bp");
    expect(formatPrice(41_235, "zh-CN")).toBe("412.35美元");
    expect(formatPriceTick(75_000, "en")).toBe("$750");
    expect(formatPriceTick(100_000, "en")).toBe("$1,000");
    expect(formatPriceTick(25_050, "en")).toBe("$250.50");
    expect(formatPriceTick(75_000, "zh-CN")).toBe("750美元");
    expect(formatMw(850, "zh-CN")).toBe("850兆瓦");
    expect(formatMw(12_400, "zh-CN")).toBe("12.4吉瓦");
  });
  test("no negative zero", () => {
    expect(formatPercent(-4)).toBe("0%");
    expect(formatChange(-4)).toBe("0%");
    expect(formatMoney(-0.2, "en")).toBe("$0M");
  });
});

describe("niceTicks: axis values on round numbers", () => {
  test.each([
    [0, 7210, [0, 2000, 4000, 6000, 8000]],
    [0, 14_400, [0, 5000, 10_000, 15_000]],
    [0, 650_000, [0, 200_000, 400_000, 600_000, 800_000]],
    [-3000, 9000, [-5000, 0, 5000, 10_000]],
    [0, 1, [0, 0.25, 0.5, 0.75, 1]],
  ])("[%d, %d] → %j", (lo, hi, want) => expect(niceTicks(lo, hi, 4)).toEqual(want));
  test("every tick is a 1, 2, 2.5 or 5 multiple of a power of ten, and they cover the data", () => {
    for (const [lo, hi] of [
      [0, 37_123],
      [-12_000, 3],
      [5, 5],
      [0, 0.3],
      [123, 98_765],
    ] as const) {
      const t = niceTicks(lo, hi, 4);
      expect(t[0]!).toBeLessThanOrEqual(Math.min(lo, hi));
      expect(t.at(-1)!).toBeGreaterThanOrEqual(Math.max(lo, hi));
      const step = t[1]! - t[0]!;
      const mant = step / 10 ** Math.floor(Math.log10(step));
      expect(
        [1, 2, 2.5, 5].some((k) => Math.abs(k - mant) < 1e-9),
        `${lo},${hi}: ${t}`,
      ).toBe(true);
    }
  });
});
