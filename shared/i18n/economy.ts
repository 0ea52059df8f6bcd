/**
 * The economy's words: why a price moved (the headline for a quarter's biggest move, by its main
 * part), rating actions and their reasons, and why a decision field is limited (`bounds.*`).
 */
import type { BilingualString } from "./bilingual.ts";

export const ECONOMY_STRINGS = {
  "headline.why.earnings_up": {
    en: "{company} rises {changeBp}: earnings beat what the market expected",
    "zh-CN": "{company}上涨{changeBp}：盈利超出市场预期",
  },
  "headline.why.earnings_down": {
    en: "{company} falls {changeBp}: earnings miss and depreciation bites",
    "zh-CN": "{company}下跌{changeBp}：盈利不及预期，折旧侵蚀利润",
  },
  "headline.why.capex_up": { en: "{company} rises {changeBp}: investors reward its spending", "zh-CN": "{company}上涨{changeBp}：投资者为其支出买单" },
  "headline.why.capex_down": {
    en: "{company} falls {changeBp}: capex outruns the revenue to show for it",
    "zh-CN": "{company}下跌{changeBp}：资本开支跑在收入前面——“利润率胜于愿景”",
  },
  "headline.why.position_up": {
    en: "{company} rises {changeBp}: its models pull ahead and customers follow",
    "zh-CN": "{company}上涨{changeBp}：模型领先，客户随之而来",
  },
  "headline.why.position_down": {
    en: "{company} falls {changeBp}: falling behind, it is losing customers",
    "zh-CN": "{company}下跌{changeBp}：技术落后，客户正在流失",
  },
  "headline.why.credit_up": { en: "{company} rises {changeBp} as its credit strengthens", "zh-CN": "{company}上涨{changeBp}：信用改善" },
  "headline.why.credit_down": { en: "{company} falls {changeBp}: leverage worries shareholders", "zh-CN": "{company}下跌{changeBp}：杠杆令股东不安" },
  "headline.why.sentiment_up": { en: "{company} rises {changeBp} with a warming market", "zh-CN": "{company}随市场回暖上涨{changeBp}" },
  "headline.why.sentiment_down": { en: "{company} falls {changeBp} as the whole sector sours", "zh-CN": "{company}随板块走弱下跌{changeBp}" },
  "headline.why.cash_up": { en: "{company} rises {changeBp} on its cash pile", "zh-CN": "{company}凭现金储备上涨{changeBp}" },
  "headline.why.cash_down": { en: "{company} falls {changeBp} as cash drains away", "zh-CN": "{company}下跌{changeBp}：现金持续流出" },
  "headline.why.event_up": { en: "{company} jumps {changeBp} on the news", "zh-CN": "{company}因消息大涨{changeBp}" },
  "headline.why.event_down": { en: "{company} falls {changeBp} on the news", "zh-CN": "{company}因消息下跌{changeBp}" },
  "headline.why.noise_up": { en: "{company} drifts up {changeBp} in a quiet quarter", "zh-CN": "{company}在平静的季度里小幅上涨{changeBp}" },
  "headline.why.noise_down": { en: "{company} drifts down {changeBp} in a quiet quarter", "zh-CN": "{company}在平静的季度里小幅下跌{changeBp}" },

  "headline.downgrade.leverage": {
    en: "Agencies cut {company} from {ratingFrom} to {ratingTo} on its debt load",
    "zh-CN": "评级机构因负债过重将{company}从{ratingFrom}下调至{ratingTo}",
  },
  "headline.downgrade.coverage": {
    en: "Agencies cut {company} from {ratingFrom} to {ratingTo}: interest eats its earnings",
    "zh-CN": "评级机构将{company}从{ratingFrom}下调至{ratingTo}：利息侵蚀盈利",
  },
  "headline.downgrade.payout_debt": {
    en: "Agencies cut {company} from {ratingFrom} to {ratingTo} for paying out borrowed money",
    "zh-CN": "{company}借钱派发股东回报，评级从{ratingFrom}下调至{ratingTo}",
  },
  "headline.downgrade.distress": {
    en: "{company} cut from {ratingFrom} to {ratingTo} as it scrambles for cash",
    "zh-CN": "{company}四处筹措现金，评级从{ratingFrom}下调至{ratingTo}",
  },
  "headline.downgrade.improved": {
    en: "Agencies move {company} from {ratingFrom} to {ratingTo}",
    "zh-CN": "评级机构将{company}从{ratingFrom}调整为{ratingTo}",
  },
  "headline.downgrade.default": { en: "{company} rated in default", "zh-CN": "{company}被评为违约" },
  "headline.upgrade": { en: "Agencies lift {company} from {ratingFrom} to {ratingTo}", "zh-CN": "评级机构将{company}从{ratingFrom}上调至{ratingTo}" },
  "headline.watch_negative": { en: "{company} ({ratingFrom}) put on negative watch", "zh-CN": "{company}（{ratingFrom}）被列入负面观察名单" },

  "credit.reason.leverage": { en: "debt high for its EBITDA", "zh-CN": "负债相对EBITDA过高" },
  "credit.reason.coverage": { en: "interest thinly covered", "zh-CN": "利息覆盖过薄" },
  "credit.reason.payout_debt": { en: "paid out borrowed money", "zh-CN": "借钱回报股东" },
  "credit.reason.distress": { en: "needed a bridge or a share sale", "zh-CN": "需过桥贷款或增发" },
  "credit.reason.improved": { en: "ratios improved", "zh-CN": "财务比率改善" },
  "credit.reason.default": { en: "could not pay its debts", "zh-CN": "无力偿债" },

  "bounds.window_shut": {
    en: "The bond window is shut ({quarters} quarters left): no one is buying AI debt",
    "zh-CN": "债券窗口关闭（还剩{quarters}个季度）：无人购买AI债务",
  },
  "bounds.order_book": {
    en: "Orders of {book} at {rating}: a deal may take half the book",
    "zh-CN": "{rating}评级下订单{book}：单笔发行最多占一半",
  },
  "bounds.leverage_cap": {
    en: "Lenders' covenant: net debt may not pass 4.5× EBITDA once the money is spent",
    "zh-CN": "贷款人契约：资金花出后净负债不得超过EBITDA的4.5倍",
  },
  "bounds.payout_debt": {
    en: "Lenders cut your capacity: last quarter you paid out borrowed money",
    "zh-CN": "贷款人削减了你的额度：上季度你用借来的钱派发回报",
  },
  "bounds.century_rating": {
    en: "A 100-year bond needs {min} or better and little debt (you are {rating})",
    "zh-CN": "百年债需要{min}或以上评级且负债很低（你目前为{rating}）",
  },
  "bounds.chip_maturity": {
    en: "Capped by programme maturity ({maturityBp})",
    "zh-CN": "受芯片项目成熟度（{maturityBp}）限制",
  },
  "bounds.buyback_float": { en: "Max {maxBp} of shares a quarter", "zh-CN": "每季度最多回购{maxBp}股份" },
  "bounds.energy_unneeded": {
    en: "You could not use half of this deal's {mw} within its {quarters}-quarter lead time: no bidding to hoard the grid",
    "zh-CN": "在{quarters}个季度的交付期内你用不上这笔交易{mw}的一半：不得为囤积电网而竞价",
  },
  "decide.dealsClosed": {
    en: "Closed to you: {deals}. You could not use half of it when it arrives (no hoarding the grid).",
    "zh-CN": "你不可竞价：{deals}。电力到位时你用不上一半（不得囤积电网）。",
  },
  "bounds.maturing": {
    en: "Bonds of {amount} fall due this quarter and are repaid from your cash: keep it or refinance",
    "zh-CN": "本季度有{amount}债券到期，将用现金偿还：留足现金或再融资",
  },
  "preview.maturing": { en: "Bonds falling due", "zh-CN": "到期债券" },
  "preview.hole": {
    en: "Short by {amount} once the bonds due are repaid: lenders decide between a bridge, a share sale and default",
    "zh-CN": "偿还到期债券后缺口{amount}：由贷款人决定过桥贷款、增发还是违约",
  },
  "board.nvidiaPriceMargin": { en: "Nvidia · margin", "zh-CN": "英伟达 · 毛利率" },
  "board.adoption": { en: "Adoption", "zh-CN": "采用指数" },
  "board.backlog": { en: "Backlog", "zh-CN": "积压订单" },
  "bounds.defaulted": { en: "This company has defaulted and is out of the match", "zh-CN": "该公司已违约出局" },
  "bounds.ended": { en: "The match is over", "zh-CN": "比赛已结束" },
} as const satisfies Readonly<Record<string, BilingualString>>;
