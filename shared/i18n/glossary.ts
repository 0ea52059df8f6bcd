/**
 * The glossary (player screens): each term's name (keys `glossary.<term>`, in the i18n tables so
 * every term on screen can be labelled). The definitions and examples are in glossary-defs.ts,
 * loaded when the glossary first opens, so they stay out of the first download.
 */
import type { BilingualString } from "./bilingual.ts";

export const GLOSSARY_TERMS = [
  "capex",
  "ai_revenue",
  "hurdle",
  "ocf",
  "fcf",
  "net_income",
  "depreciation",
  "cash",
  "debt",
  "bonds",
  "tenor",
  "coupon",
  "rating",
  "credit_watch",
  "leverage",
  "coverage",
  "bond_window",
  "emergency",
  "stranded",
  "energy_deal",
  "capability",
  "custom_silicon",
  "chip_rnd",
  "nvidia_margin",
  "ig_share",
  "adoption",
  "backlog",
  "share_price",
  "market_cap",
  "consensus",
  "price_move",
  "sentiment",
  "buybacks",
  "dividends",
  "tsr",
  "dilemma",
] as const;
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

/** Each term's name, in both languages (the definitions load with the glossary: glossary-defs.ts). */
const NAMES: Readonly<Record<GlossaryTerm, BilingualString>> = {
  capex: { en: "Capex", "zh-CN": "资本开支" },
  ai_revenue: { en: "AI revenue", "zh-CN": "AI收入" },
  hurdle: { en: "The $600B hurdle", "zh-CN": "6000亿美元门槛" },
  ocf: { en: "Operating cash flow", "zh-CN": "经营现金流" },
  fcf: { en: "Free cash flow (FCF)", "zh-CN": "自由现金流" },
  net_income: { en: "Net income", "zh-CN": "净利润" },
  depreciation: { en: "Depreciation", "zh-CN": "折旧" },
  cash: { en: "Cash", "zh-CN": "现金" },
  debt: { en: "Debt", "zh-CN": "债务" },
  bonds: { en: "Bonds", "zh-CN": "债券" },
  tenor: { en: "Tenor", "zh-CN": "期限" },
  coupon: { en: "Coupon", "zh-CN": "票面利率" },
  rating: { en: "Credit rating", "zh-CN": "信用评级" },
  credit_watch: { en: "Credit watch", "zh-CN": "信用观察" },
  leverage: { en: "Leverage", "zh-CN": "杠杆率" },
  coverage: { en: "Order-book coverage", "zh-CN": "认购倍数" },
  bond_window: { en: "The bond window", "zh-CN": "债券发行窗口" },
  emergency: { en: "Emergency borrowing", "zh-CN": "紧急借款" },
  stranded: { en: "Stranded compute", "zh-CN": "闲置算力" },
  energy_deal: { en: "Energy deals", "zh-CN": "能源合约" },
  capability: { en: "Capability", "zh-CN": "模型能力" },
  custom_silicon: { en: "Custom silicon", "zh-CN": "自研芯片" },
  chip_rnd: { en: "Chip R&D", "zh-CN": "芯片研发" },
  nvidia_margin: { en: "Nvidia's margin", "zh-CN": "英伟达毛利率" },
  ig_share: { en: "AI share of IG bonds", "zh-CN": "AI占投资级债券比例" },
  adoption: { en: "Adoption index", "zh-CN": "采用指数" },
  backlog: { en: "Contracted backlog", "zh-CN": "合同积压订单" },
  share_price: { en: "Share price", "zh-CN": "股价" },
  market_cap: { en: "Market cap", "zh-CN": "市值" },
  consensus: { en: "Consensus", "zh-CN": "市场共识" },
  price_move: { en: "Why the price moved", "zh-CN": "股价变动原因" },
  sentiment: { en: "Market sentiment", "zh-CN": "市场情绪" },
  buybacks: { en: "Buybacks", "zh-CN": "股票回购" },
  dividends: { en: "Dividends", "zh-CN": "股息" },
  tsr: { en: "Total shareholder return (TSR)", "zh-CN": "股东总回报" },
  dilemma: { en: "The dilemma (T, R, P, S)", "zh-CN": "囚徒困境（T、R、P、S）" },
};

const META: Readonly<Record<string, BilingualString>> = {
  "glossary.title": { en: "Glossary", "zh-CN": "术语表" },
  "glossary.all": { en: "All terms", "zh-CN": "全部术语" },
  "glossary.what": { en: "What is “{term}”?", "zh-CN": "“{term}”是什么？" },
  "glossary.open": { en: "Glossary", "zh-CN": "术语表" },
};

function build(): Record<string, BilingualString> {
  const out: Record<string, BilingualString> = { ...META };
  for (const k of GLOSSARY_TERMS) out[`glossary.${k}`] = NAMES[k];
  return out;
}

export const GLOSSARY_STRINGS: Readonly<Record<string, BilingualString>> = build();
