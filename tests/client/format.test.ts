import { describe, expect, test } from "vitest";
import {
  billionsToMillions,
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
    [50, "50百万美元"],
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
