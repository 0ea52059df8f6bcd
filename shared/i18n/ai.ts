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
    en: "Microsoft-style: caps capex growth at the end-2025 consensus and at its cash flow, borrows nothing, keeps a top rating and hands spare cash back.",
    "zh-CN": "微软式：资本开支增速不超过2025年底的市场共识和经营现金流，不举债，守住顶级评级，把富余现金还给股东。",
  },
  "ai.personality.tit_for_tat": { en: "Tit-for-tat capex", "zh-CN": "针锋相对" },
  "ai.personality.tit_for_tat.about": {
    en: "Matches the rivals' average capex growth of the last quarter, within an investment-grade rating.",
    "zh-CN": "跟随对手上一季度资本开支的平均增速，同时保持投资级评级。",
  },
  "ai.personality.grim_trigger": { en: "Grim trigger", "zh-CN": "冷酷触发" },
  "ai.personality.grim_trigger.about": {
    en: "Restrains until a rival spends far past its published guidance, races for a year to punish it, then forgives.",
    "zh-CN": "保持克制；一旦有对手的投入远超其公布的指引，就全力竞赛一年作为惩罚，之后既往不咎。",
  },
  "ai.personality.arms_racer": { en: "Arms racer", "zh-CN": "军备竞赛者" },
  "ai.personality.arms_racer.about": {
    en: "Zuckerberg-style: under-investing is the bigger risk. Out-builds its guidance and its rivals, but only as far as an A− rating allows, and pays its dividend only from free cash flow.",
    "zh-CN": "扎克伯格式：投资不足才是更大的风险。投入超过自身指引和对手，但以守住A−评级为限，且只用自由现金流派息。",
  },
  "ai.personality.energy_first": { en: "Energy-first builder", "zh-CN": "能源优先建设者" },
  "ai.personality.energy_first.about": {
    en: "Amazon-style: secures power early, then builds compute into it on its own chips.",
    "zh-CN": "亚马逊式：先锁定电力，再用自研芯片按电力建设算力。",
  },
  "ai.personality.leveraged": { en: "Leveraged challenger", "zh-CN": "杠杆挑战者" },
  "ai.personality.leveraged.about": {
    en: "Oracle-style: a debt-funded build-out against contracted demand in the cheapest notes, down to the last investment-grade notch.",
    "zh-CN": "甲骨文式：以合同需求为依托、用最便宜的短期票据举债扩建，评级最低守在投资级最后一档。",
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
    en: "Each company plays its documented character as a plain rule.",
    "zh-CN": "每家公司按文献中的性格机械行事，从不前瞻。",
  },
  "ai.difficulty.normal.about": {
    en: "The same characters, each testing its call a year ahead.",
    "zh-CN": "同样的性格，但每家会先向前模拟一年再出手。",
  },
  "ai.difficulty.hard.about": {
    en: "Planners that simulate the next quarters with the game's own engine.",
    "zh-CN": "用游戏引擎模拟未来数个季度的谋划型对手。",
  },
} as const satisfies Readonly<Record<string, AiString>>;

export type AiStringKey = keyof typeof AI_STRINGS;
