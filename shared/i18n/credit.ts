/**
 * The credit market's doors: why bridge lenders or shareholders turned a seat away, and why it
 * defaulted (rating reasons `credit.reason.*` set by the engine's finance step), the headlines
 * for the downgrades that follow (`headline.downgrade.<reason>`), and the warning a decision's
 * bounds can give before the doors shut (`bounds.doors_shut`, when `paidOutBorrowedLately`).
 */
import type { BilingualString } from "./bilingual.ts";

export const CREDIT_STRINGS = {
  "credit.reason.refinance_failed": {
    en: "bridge fell due, no one refinanced it",
    "zh-CN": "过桥贷款到期无人再融资",
  },
  "credit.reason.bridge_refused_payout": {
    en: "no bridge: paid out borrowed money",
    "zh-CN": "借钱回报股东，无人提供过桥贷款",
  },
  "credit.reason.bridge_refused_junk": {
    en: "no bridge below investment grade",
    "zh-CN": "跌破投资级，无人提供过桥贷款",
  },
  "credit.reason.default_equity_shut": {
    en: "paid out borrowed money: no bridge, no share buyers",
    "zh-CN": "借钱回报股东：无过桥贷款，也无人认购新股",
  },
  "credit.reason.default_too_big": {
    en: "hole too big for a bridge and a share sale",
    "zh-CN": "缺口超出过桥贷款与增发所能填补",
  },

  "bounds.doors_shut": {
    en: "You paid out borrowed money lately: no bridge if cash runs short, and no share sale in a sour market",
    "zh-CN": "你近期借钱回报股东：现金不足时无过桥贷款，市场低迷时也无法增发",
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
