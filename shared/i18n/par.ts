/**
 * The handicap score in words (issue 11): each company against its own par, in its usual swings,
 * so a teacher can read a result out ("Microsoft beat its par of +12% by 1.3 swings").
 * `class.scoring.handicap` completes the class setup's list of scorings (shared/i18n/classroom.ts).
 */
import type { BilingualString } from "./bilingual.ts";

export const PAR_STRINGS = {
  "class.scoring.handicap": { en: "Handicap: return against each company's par", "zh-CN": "让分：各公司回报对照自身基准" },
  "par.tab": { en: "Par", "zh-CN": "基准" },
  "par.swings": { en: "{n} swings", "zh-CN": "{n}个波幅" },
  "par.score": { en: "Score (swings above par)", "zh-CN": "得分（高于基准的波幅）" },
  "par.title": { en: "Scores against par", "zh-CN": "对照基准的得分" },
  "par.explain": {
    en: "Handicap scoring, like golf: each company is measured against its own par, counted in its usual swings (one swing is half the spread of its middle half of results). Par comes from simulated {n}-quarter matches against {level} AI opponents and is set so that every company finishes first equally often. The best hand does not win by itself; playing it better than usual does.",
    "zh-CN":
      "让分计分，和高尔夫一样：每家公司都与自己的基准比较，以它常见的波幅为单位计算（一个波幅是其中间一半结果跨度的一半）。基准来自面对{level}难度AI对手的{n}个季度模拟比赛，设定为让每家公司获得第一的机会相同。起手牌最好并不能自动获胜，打得比平常更好才行。",
  },
  "par.beat": { en: "{company} beat its par of {par} by {swings} swings", "zh-CN": "{company}超出其基准{par}，高出{swings}个波幅" },
  "par.missed": { en: "{company} missed its par of {par} by {swings} swings", "zh-CN": "{company}未达其基准{par}，低了{swings}个波幅" },
  "par.matched": { en: "{company} matched its par of {par}", "zh-CN": "{company}恰好达到其基准{par}" },
  "par.short.beat": { en: "beat its par of {par} by {swings} swings", "zh-CN": "超出其基准{par}，高出{swings}个波幅" },
  "par.short.missed": { en: "missed its par of {par} by {swings} swings", "zh-CN": "未达其基准{par}，低了{swings}个波幅" },
  "par.short.matched": { en: "matched its par of {par}", "zh-CN": "恰好达到其基准{par}" },
  "par.defaulted": { en: "{company} defaulted: last, whatever its par", "zh-CN": "{company}已违约：无论基准如何均排最后" },
  "par.detail": { en: "return {tsr} · par {par} · one swing {swing}", "zh-CN": "回报{tsr} · 基准{par} · 一个波幅{swing}" },
} as const satisfies Record<string, BilingualString>;

export type ParStringKey = keyof typeof PAR_STRINGS;
