/**
 * The credit market's doors: why bridge lenders or shareholders turned a seat away, and why it
 * defaulted (rating reasons `credit.reason.*` set by the engine's finance step), the headlines
 * for the downgrades that follow (`headline.downgrade.<reason>`), and the warning a decision's
 * bounds can give before the doors shut (`bounds.doors_shut`, when `paidOutBorrowedLately`).
 */
import type { BilingualString } from "./bilingual.ts";

export const CREDIT_STRINGS = {
  "credit.reason.refinance_failed": {
    en: "its bridge loan fell due and the bond market would not refinance it",
    "zh-CN": "过桥贷款到期，债券市场不愿为其再融资",
  },
  "credit.reason.bridge_refused_payout": {
    en: "bridge lenders turned it away: it pays its shareholders with borrowed money",
    "zh-CN": "过桥贷款方拒绝放贷：它在用借来的钱回报股东",
  },
  "credit.reason.bridge_refused_junk": {
    en: "bridge lenders turned it away: it is rated below investment grade",
    "zh-CN": "过桥贷款方拒绝放贷：其评级已跌破投资级",
  },
  "credit.reason.default_equity_shut": {
    en: "lenders had shut the door, and shareholders would not refill a hole dug by paying them borrowed money",
    "zh-CN": "贷款人已关上大门，股东也不愿填补用借来的钱派发回报所挖出的窟窿",
  },
  "credit.reason.default_too_big": {
    en: "the hole was bigger than its lenders and a share sale could fill",
    "zh-CN": "资金缺口超出了贷款人和折价增发所能填补的范围",
  },

  "bounds.doors_shut": {
    en: "You paid out borrowed money in the last year: if cash runs short, no bridge loan, and in a sour market no share sale either",
    "zh-CN": "过去一年你用借来的钱派发回报：现金不足时不会有过桥贷款，市场低迷时也无法增发股票",
  },

  "headline.downgrade.refinance_failed": {
    en: "{company} cut from {ratingFrom} to {ratingTo}: no one will refinance its bridge loan",
    "zh-CN": "{company}的过桥贷款无人接手再融资，评级从{ratingFrom}下调至{ratingTo}",
  },
  "headline.downgrade.bridge_refused_payout": {
    en: "{company} cut from {ratingFrom} to {ratingTo}: lenders shut the door on a company paying out borrowed money",
    "zh-CN": "贷款人对借钱派发回报的{company}关上大门，评级从{ratingFrom}下调至{ratingTo}",
  },
  "headline.downgrade.bridge_refused_junk": {
    en: "{company} cut from {ratingFrom} to {ratingTo}: at junk, no bank will bridge it",
    "zh-CN": "{company}跌入垃圾级，银行拒绝提供过桥贷款，评级从{ratingFrom}下调至{ratingTo}",
  },
} as const satisfies Readonly<Record<string, BilingualString>>;
