import { describe, expect, test } from "vitest";
import { COMPANIES } from "../../shared/engine/ids.ts";
import { contrastRatio, CSS, MIN_FONT_PX, SEAT_TEXT, SURFACES } from "../../client/src/theme.ts";

describe("contrast-safe palette (WCAG AA, 4.5:1)", () => {
  test("the ratio matches WCAG's reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    // Microsoft's Okabe-Ito blue on the panel: the 3.1:1 the issue measured.
    expect(contrastRatio("#0072b2", SURFACES.panel)).toBeCloseTo(3.1, 1);
  });
  test.each(Object.entries(CSS))("text colour %s reaches 4.5:1 on every surface", (_, color) => {
    for (const [name, bg] of Object.entries(SURFACES)) expect(contrastRatio(color, bg), `${color} on ${name}`).toBeGreaterThanOrEqual(4.5);
  });
  test("every seat's text colour reaches 4.5:1 on every surface", () => {
    for (const id of COMPANIES)
      for (const [name, bg] of Object.entries(SURFACES)) expect(contrastRatio(SEAT_TEXT[id], bg), `${id} on ${name}`).toBeGreaterThanOrEqual(4.5);
  });
  test("the type floor renders at 12 CSS px at 1280×720", () => {
    expect(MIN_FONT_PX * (1280 / 1600)).toBeGreaterThanOrEqual(12);
  });
});
