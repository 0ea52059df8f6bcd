/**
 * Chip R&D's payoff (issue 11): R&D designs the programme's next generation, so the custom servers
 * bought after it do more work per MW, with diminishing returns. The decision panel's note is one
 * short sentence (the panel must fit 720 px in its tallest quarter); the glossary says the rest.
 */
import type { BilingualString } from "./bilingual.ts";

export const CHIPS_STRINGS = {
  "chips.rndNext": {
    en: "It also designs better next-gen chips.",
    "zh-CN": "它还推动设计更好的下一代芯片。",
  },
} as const satisfies Readonly<Record<string, BilingualString>>;
