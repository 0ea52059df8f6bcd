/**
 * The decision panel's limit flags: one short line under a field for each reason the engine gives
 * (`bounds.*`), with the full sentence a click away. Several long sentences under one narrow field
 * pushed the Commit button off a 720 px screen; a reason whose sentence is already short has no
 * `.short` and is shown whole.
 */
import type { BilingualString } from "./bilingual.ts";

export const LIMIT_STRINGS = {
  "limit.title": { en: "Why this is limited", "zh-CN": "为何受限" },
  "bounds.window_shut.short": { en: "Bond window shut ({quarters} q)", "zh-CN": "债券窗口关闭（{quarters}季）" },
  "bounds.order_book.short": { en: "Half the {book} order book", "zh-CN": "订单簿{book}的一半" },
  "bounds.leverage_cap.short": { en: "Lenders' 4.5× covenant", "zh-CN": "受4.5倍杠杆契约限制" },
  "bounds.payout_debt.short": { en: "Cut: you paid out debt", "zh-CN": "额度削减：借钱派息" },
  "bounds.century_rating.short": { en: "100-year bond needs {min}", "zh-CN": "百年债需{min}评级" },
  "bounds.maturing.short": { en: "{amount} due now, from cash", "zh-CN": "本季{amount}到期" },
  "bounds.maturing_year.short": { en: "{amount} due in {quarters} q", "zh-CN": "{quarters}季内{amount}到期" },
  "bounds.maturing_year_shut.short": { en: "{amount} due, window shut", "zh-CN": "{amount}到期，窗口关闭" },
  "bounds.defaulted.short": { en: "Defaulted: out of the match", "zh-CN": "已违约出局" },
  "bounds.doors_shut.short": { en: "No bridge, no share sale", "zh-CN": "无过桥贷款、无增发" },
} as const satisfies Readonly<Record<string, BilingualString>>;
