/**
 * AI opponents' names and one-line descriptions, en + zh-CN, keyed like the main tables so a
 * client helper can merge them (`for (const [k, v] of Object.entries(AI_STRINGS)) en[k] = v.en`).
 */
import type { BilingualString } from "./bilingual.ts";

export type AiString = BilingualString;

export const AI_STRINGS = {
  "ai.personality.guidance": { en: "Guidance follower", "zh-CN": "指引跟随者" },
  "ai.personality.guidance.about": {
    en: "Spends along its company's published capex guidance.",
    "zh-CN": "按公司公布的资本开支指引投入。",
  },
  "ai.personality.disciplined": { en: "Disciplined", "zh-CN": "纪律派" },
  "ai.personality.disciplined.about": {
    en: "Caps capex growth at the end-2025 consensus; protects free cash flow and its rating.",
    "zh-CN": "资本开支增速封顶于2025年底的市场共识，守护自由现金流与信用评级。",
  },
  "ai.personality.tit_for_tat": { en: "Tit-for-tat capex", "zh-CN": "针锋相对" },
  "ai.personality.tit_for_tat.about": {
    en: "Matches the rivals' average capex growth of the last quarter.",
    "zh-CN": "跟随对手上一季度资本开支的平均增速。",
  },
  "ai.personality.grim_trigger": { en: "Grim trigger", "zh-CN": "冷酷触发" },
  "ai.personality.grim_trigger.about": {
    en: "Restrains until any rival breaks ranks, then invests heavily forever.",
    "zh-CN": "保持克制，直到有对手率先加码，此后永远全力投入。",
  },
  "ai.personality.arms_racer": { en: "Arms racer", "zh-CN": "军备竞赛者" },
  "ai.personality.arms_racer.about": {
    en: "Maximises its share of compute and borrows to do it: under-investing is the bigger risk.",
    "zh-CN": "追求最大算力份额，不惜举债：投资不足才是更大的风险。",
  },
  "ai.personality.energy_first": { en: "Energy-first builder", "zh-CN": "能源优先建设者" },
  "ai.personality.energy_first.about": {
    en: "Secures power early, then builds compute into it.",
    "zh-CN": "先锁定电力，再按电力建设算力。",
  },
  "ai.personality.leveraged": { en: "Leveraged challenger", "zh-CN": "杠杆挑战者" },
  "ai.personality.leveraged.about": {
    en: "Oracle-style: a debt-funded build-out against contracted demand.",
    "zh-CN": "甲骨文式：以合同需求为依托、举债扩建。",
  },
  "ai.personality.planner": { en: "Planner", "zh-CN": "谋划者" },
  "ai.personality.planner.about": {
    en: "Simulates its options a few quarters ahead against models of its rivals.",
    "zh-CN": "针对对手模型，向前模拟数个季度来比较各种选择。",
  },
  "ai.trick.hoard_cash": { en: "Cash hoarder", "zh-CN": "囤积现金" },
  "ai.trick.all_in_debt": { en: "All-in debt", "zh-CN": "全力举债" },
  "ai.trick.zero_capex": { en: "Zero capex", "zh-CN": "零资本开支" },
  "ai.trick.loot_then_wipe": { en: "Loot then wipe", "zh-CN": "举债分红再回购" },
  "ai.trick.energy_hog": { en: "Energy hog", "zh-CN": "电力囤积" },
  "ai.trick.energy_snipe": { en: "Energy sniper", "zh-CN": "底价狙击电力" },
  "ai.trick.race_then_payout": { en: "Race then pay out", "zh-CN": "先竞赛后派现" },
  "ai.trick.final_payout": { en: "Final-quarter payout", "zh-CN": "末季大派现" },
  "ai.trick.oscillating_capex": { en: "Oscillating capex", "zh-CN": "资本开支忽高忽低" },
  "ai.difficulty.easy.about": {
    en: "Predictable rule-followers that never look ahead.",
    "zh-CN": "按规则行事、从不前瞻的对手。",
  },
  "ai.difficulty.normal.about": {
    en: "Strategic rivals that react to you, with a short look-ahead.",
    "zh-CN": "会对你作出反应的战略型对手，带短期前瞻。",
  },
  "ai.difficulty.hard.about": {
    en: "Planners that simulate the next quarters with the game's own engine.",
    "zh-CN": "用游戏引擎模拟未来数个季度的谋划型对手。",
  },
} as const satisfies Readonly<Record<string, AiString>>;

export type AiStringKey = keyof typeof AI_STRINGS;
