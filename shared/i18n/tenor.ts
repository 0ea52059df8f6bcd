/**
 * The refinancing wall (issue 11): short notes that fall due inside the match, next year's
 * maturities under the tenor control, and the agencies' notch for a wall the seat cannot
 * refinance while the bond window is shut (`credit.reason.maturity_wall`).
 */
import type { BilingualString } from "./bilingual.ts";

export const TENOR_STRINGS = {
  "bounds.maturing_year": {
    en: "Bonds of {amount} fall due within {quarters} quarters: refinance them at that quarter's coupon while the window is open",
    "zh-CN": "{amount}债券将在{quarters}个季度内到期：需趁发债窗口开放时按届时利率再融资",
  },
  "bounds.maturing_year_shut": {
    en: "Bonds of {amount} fall due within {quarters} quarters and the bond window is shut: agencies mark down what your cash ({cash}) does not cover",
    "zh-CN": "{amount}债券将在{quarters}个季度内到期，而发债窗口已关闭：现金（{cash}）覆盖不了的部分会被评级机构下调",
  },
  "tenor.quoteDue": { en: "{n} y · {coupon} · due {quarter}", "zh-CN": "{n}年 · {coupon} · {quarter}到期" },
  "tenor.dueInMatch": {
    en: "Cheaper now, but it falls due in {quarter}, inside the match: you refinance it then at that quarter's coupon and rating, if the bond window is open.",
    "zh-CN": "现在更便宜，但将在{quarter}（比赛期内）到期：届时须按当季利率与评级再融资，前提是发债窗口开放。",
  },
  "credit.reason.maturity_wall": {
    en: "debt falls due within a year while the bond window is shut",
    "zh-CN": "一年内有债务到期而发债窗口关闭",
  },
  "headline.downgrade.maturity_wall": {
    en: "{company} cut from {ratingFrom} to {ratingTo}: a wall of debt falls due while the bond market is shut",
    "zh-CN": "债市关闭之际{company}面临债务到期墙，评级从{ratingFrom}下调至{ratingTo}",
  },
} as const satisfies Readonly<Record<string, BilingualString>>;
