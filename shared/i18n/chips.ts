/**
 * Chip R&D's payoff (issue 11): R&D designs the programme's next generation, so the custom servers
 * bought after it do more work per MW, with diminishing returns.
 */
import type { BilingualString } from "./bilingual.ts";

export const CHIPS_STRINGS = {
  "chips.rndNext": {
    en: "It also designs your next chip generation: custom servers bought later do more work per MW (less and less per extra dollar).",
    "zh-CN": "它还推动下一代自研芯片的设计：此后购入的自研服务器每MW算力更高（但每多投入一美元，收益递减）。",
  },
} as const satisfies Readonly<Record<string, BilingualString>>;
