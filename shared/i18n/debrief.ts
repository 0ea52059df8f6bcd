/**
 * The debrief's strings (issue 13), en + zh-CN: the lesson's sentences (`debrief.lesson.*`, chosen
 * and filled in by shared/debrief/lesson.ts), the screens' labels, "what really happened" rows
 * and the exports' column headers.
 */
import type { BilingualString } from "./bilingual.ts";

export const DEBRIEF_STRINGS = {
  // ---- the lesson ----
  "debrief.lesson.gain": {
    en: "Racing paid for {company}: it scored {actual} as played, against {alone} had it alone held back ({gain} better).",
    "zh-CN": "加码竞赛让{company}获益：实际得分{actual}，而若只有它克制，得分为{alone}（多出{gain}）。",
  },
  "debrief.lesson.gainOthers": { en: "Racing paid for {companies} too.", "zh-CN": "{companies}也从竞赛中获益。" },
  "debrief.lesson.gainNone": {
    en: "Racing paid for no one: {companies} raced, and each would have scored more holding back alone.",
    "zh-CN": "竞赛没有让任何人获益：{companies}加码投入，但每一家若独自克制都会得分更高。",
  },
  "debrief.lesson.noRace": {
    en: "None of the {n} seats raced: every seat kept its capex within 10% of the restraint path.",
    "zh-CN": "{n}个席位都没有加码竞赛：每家的资本开支都在克制路径的10%以内。",
  },
  "debrief.lesson.sucker": {
    en: "{company} was the sucker: it held back (capex {capex} of the restraint path) while rivals raced, and scored {actual}, {loss} below the {restrained} it would have had if everyone had restrained.",
    "zh-CN": "{company}成了“冤大头”：它保持克制（资本开支为克制路径的{capex}），对手却在加码；它得分{actual}，比所有人都克制时的{restrained}低{loss}。",
  },
  "debrief.lesson.suckerSpared": {
    en: "{companies} held back while others raced, yet scored no less than if everyone had restrained: nobody paid the sucker's price.",
    "zh-CN": "{companies}在对手加码时保持克制，得分却不低于所有人都克制的情形：没有人付出“冤大头”的代价。",
  },
  "debrief.lesson.suckerWouldBe": {
    en: "Nobody was the sucker, because everyone raced. Had {company} alone held back, it would have scored {alone} instead of {actual}: the sucker's payoff.",
    "zh-CN": "没有人成为“冤大头”，因为所有人都在加码。若只有{company}克制，它的得分会是{alone}而不是{actual}：这就是“冤大头”的收益。",
  },
  "debrief.lesson.suckerNone": {
    en: "Nobody was the sucker, and holding back alone would have cost no seat anything in this match.",
    "zh-CN": "没有人成为“冤大头”；在这局中，独自克制也不会让任何席位吃亏。",
  },
  "debrief.lesson.industryLost": {
    en: "The race cost the industry {cost}: the {n} companies ended worth {actual} (market value plus cash returned), against {restrained} had every seat restrained.",
    "zh-CN": "这场竞赛让整个行业损失了{cost}：{n}家公司最终价值{actual}（市值加上返还的现金），而若所有席位都克制，将是{restrained}。",
  },
  "debrief.lesson.industryGained": {
    en: "The race added {gain} to the industry: the {n} companies ended worth {actual} (market value plus cash returned), against {restrained} had every seat restrained.",
    "zh-CN": "这场竞赛为整个行业增加了{gain}：{n}家公司最终价值{actual}（市值加上返还的现金），而若所有席位都克制，将是{restrained}。",
  },
  "debrief.lesson.industryEven": {
    en: "The race left the industry where all-restrain would have: the {n} companies ended worth {actual}.",
    "zh-CN": "竞赛前后行业价值持平：{n}家公司最终价值{actual}，与所有人都克制时相同。",
  },
  "debrief.lesson.profit": {
    en: "Profits over the match: {actual} as played, {restrained} all restrained — {ratio} of capex against {restrainedRatio} (the documents: 2–3× before the race, 0.69× in 2026).",
    "zh-CN":
      "整局累计利润：实际{actual}，全部克制时{restrained}；利润为资本开支的{ratio}，全部克制时为{restrainedRatio}（文献：竞赛前为2–3倍，2026年为0.69倍）。",
  },
  "debrief.lesson.temptation": {
    en: "The temptation: had {company} raced while every rival restrained, it would have scored {race}, against {restrained} with everyone restraining.",
    "zh-CN": "诱惑所在：若{company}加码而所有对手都克制，它将得分{race}，而所有人都克制时只有{restrained}。",
  },
  "debrief.lesson.temptationNone": {
    en: "Here even racing alone would not have paid: every seat scored more with everyone restraining than racing while the others held back.",
    "zh-CN": "在这局中，即便独自加码也不划算：每个席位在所有人都克制时的得分，都高于自己加码、他人克制时的得分。",
  },
  "debrief.lesson.dilemmaAll": {
    en: "For all {n} seats the payoffs ran T > R > P > S: each did better racing whatever the others did, yet all did better restraining together. That is the prisoner's dilemma.",
    "zh-CN": "{n}个席位的收益全部满足 T > R > P > S：无论对手怎么做，加码都更有利；但所有人一起克制却更好。这就是囚徒困境。",
  },
  "debrief.lesson.dilemmaSome": {
    en: "For {k} of {n} seats ({companies}) the payoffs ran T > R > P > S: the prisoner's dilemma held for them; the matrix shows where it broke for the others.",
    "zh-CN": "{n}个席位中有{k}个（{companies}）的收益满足 T > R > P > S：对它们而言囚徒困境成立；其余席位在哪里不成立，请看收益矩阵。",
  },
  "debrief.lesson.dilemmaNone": {
    en: "In this match no seat's payoffs ran T > R > P > S: the matrix shows which step of the dilemma failed.",
    "zh-CN": "在这局中，没有席位的收益满足 T > R > P > S：收益矩阵显示了困境在哪一环不成立。",
  },
  "debrief.lesson.ending.cloud2": {
    en: "Ending: Cloud 2.0 — in the final year the AI revenue covered the AI line's costs ({coverage}).",
    "zh-CN": "结局：云计算2.0——最后一年的AI收入覆盖了AI业务的成本（{coverage}）。",
  },
  "debrief.lesson.ending.gc": {
    en: "Ending: Global Crossing — by the documents' test, at least one heavy investor failed to earn its cost of capital.",
    "zh-CN": "结局：环球电讯——按文献的标准，至少有一家重投入者没有赚回资本成本。",
  },
  "debrief.lesson.ending.gc.defaulted": { en: "{companies} defaulted.", "zh-CN": "{companies}违约。" },
  "debrief.lesson.ending.gc.belowRiskFree": {
    en: "{companies} returned less than the risk-free {riskFree} over the match.",
    "zh-CN": "{companies}整局回报低于无风险收益{riskFree}。",
  },
  "debrief.lesson.ending.gc.window": { en: "The bond window shut on borrowers.", "zh-CN": "债券发行窗口对借款人关闭。" },
  "debrief.lesson.ending.neither": {
    en: "Ending: neither Cloud 2.0 nor Global Crossing — in the final year AI revenue covered {coverage} of the AI line's costs, and no seat failed the bear tests.",
    "zh-CN": "结局：既非云计算2.0，也非环球电讯——最后一年AI收入覆盖了AI业务成本的{coverage}，且没有席位触发熊市标准。",
  },
  "debrief.lesson.ending.restrained.cloud2": {
    en: "Had every seat restrained, the ending would have been Cloud 2.0 (AI revenue covering {coverage} of its costs).",
    "zh-CN": "若所有席位都克制，结局将是云计算2.0（AI收入覆盖成本的{coverage}）。",
  },
  "debrief.lesson.ending.restrained.gc": {
    en: "Had every seat restrained, the ending would still have been Global Crossing (AI revenue covering {coverage} of its costs).",
    "zh-CN": "若所有席位都克制，结局仍会是环球电讯（AI收入覆盖成本的{coverage}）。",
  },
  "debrief.lesson.ending.restrained.both": {
    en: "Had every seat restrained, both tests would have held: Cloud 2.0 (coverage {coverage}) and Global Crossing.",
    "zh-CN": "若所有席位都克制，两个标准都会成立：云计算2.0（覆盖率{coverage}）与环球电讯。",
  },
  "debrief.lesson.ending.restrained.neither": {
    en: "Had every seat restrained, neither ending would have come (AI revenue covering {coverage} of its costs).",
    "zh-CN": "若所有席位都克制，两种结局都不会出现（AI收入覆盖成本的{coverage}）。",
  },
  // ---- parameter rendering ----
  "debrief.points": { en: "{value} points", "zh-CN": "{value}个百分点" },
  "debrief.and": { en: " and ", "zh-CN": "和" },
  "debrief.listSep": { en: ", ", "zh-CN": "、" },
  // ---- the screens ----
  "debrief.title": { en: "Debrief", "zh-CN": "复盘" },
  "debrief.loading": { en: "Re-running the match to build the debrief…", "zh-CN": "正在重新模拟本局，生成复盘……" },
  "debrief.failed": { en: "The debrief could not be built: {reason}", "zh-CN": "无法生成复盘：{reason}" },
  "debrief.tab.lesson": { en: "The lesson", "zh-CN": "启示" },
  "debrief.tab.matrix": { en: "Payoff matrix", "zh-CN": "收益矩阵" },
  "debrief.tab.history": { en: "Decisions", "zh-CN": "决策历史" },
  "debrief.tab.charts": { en: "Charts", "zh-CN": "图表" },
  "debrief.tab.reality": { en: "What really happened", "zh-CN": "真实世界" },
  "debrief.lessonTitle": { en: "What this match shows", "zh-CN": "这局告诉我们什么" },
  "debrief.leaderboard": { en: "Two leaderboards: your score and the industry's", "zh-CN": "两张排行榜：个人得分与行业整体" },
  "debrief.col.rank": { en: "#", "zh-CN": "名次" },
  "debrief.col.company": { en: "Company", "zh-CN": "公司" },
  "debrief.industryRow": { en: "Industry", "zh-CN": "行业合计" },
  "debrief.welfare.valueLost": {
    en: "Against all-restrain, the race cost the industry {value} of value.",
    "zh-CN": "与全部克制相比，这场竞赛让行业损失了{value}的价值。",
  },
  "debrief.welfare.valueGained": {
    en: "Against all-restrain, the race added {value} of value to the industry.",
    "zh-CN": "与全部克制相比，这场竞赛为行业增加了{value}的价值。",
  },
  "debrief.welfare.profitLost": { en: "It cost {profit} of profit over the match.", "zh-CN": "整局累计利润减少了{profit}。" },
  "debrief.welfare.profitGained": { en: "It added {profit} of profit over the match.", "zh-CN": "整局累计利润增加了{profit}。" },
  "debrief.col.private": { en: "Private score", "zh-CN": "个人得分" },
  "debrief.col.welfareValue": { en: "Value created", "zh-CN": "创造价值" },
  "debrief.col.welfareProfit": { en: "Profit", "zh-CN": "利润" },
  "debrief.valueNote": {
    en: "Value created = end market cap + cash returned − equity raised − opening market cap, summed over the match.",
    "zh-CN": "创造价值 = 期末市值 + 返还现金 − 增发融资 − 期初市值，按整局累计。",
  },
  "debrief.matrixTitle": { en: "The payoff matrix of this match, seat by seat", "zh-CN": "本局的收益矩阵（逐个席位）" },
  "debrief.matrixFor": { en: "Payoffs of {company}", "zh-CN": "{company}的收益" },
  "debrief.rivalsRestrain": { en: "Rivals restrain", "zh-CN": "对手克制" },
  "debrief.rivalsRace": { en: "Rivals as they played", "zh-CN": "对手按实际决策" },
  "debrief.youRace": { en: "Race", "zh-CN": "加码" },
  "debrief.youRestrain": { en: "Restrain", "zh-CN": "克制" },
  "debrief.cell.T": {
    en: "T: it races (the documents' guidance path), every rival restrains — re-run",
    "zh-CN": "T：它加码（按文献中的指引路径），所有对手克制——重新模拟",
  },
  "debrief.cell.R": { en: "R: every seat restrains (capex at its 2024 level) — re-run", "zh-CN": "R：所有席位克制（资本开支维持2024年水平）——重新模拟" },
  "debrief.cell.P": { en: "P: the match as played", "zh-CN": "P：实际对局" },
  "debrief.cell.S": {
    en: "S: it restrains, every rival repeats its recorded decisions — re-run",
    "zh-CN": "S：它克制，所有对手重复其实际决策——重新模拟",
  },
  "debrief.matrixHow": {
    en: "Every cell is this match re-run with the same seed and events; only the policies differ. Restrain = capex held at the 2024 level; race = the documents' guidance path (≈ +70% in 2026).",
    "zh-CN": "每个格子都是用同一随机种子和事件重新模拟本局，只有策略不同。克制 = 资本开支维持2024年水平；加码 = 文献中的指引路径（2026年约+70%）。",
  },
  "debrief.orderHolds": { en: "a prisoner's dilemma for this seat", "zh-CN": "对该席位构成囚徒困境" },
  "debrief.orderFails": { en: "not a prisoner's dilemma for this seat", "zh-CN": "对该席位不构成囚徒困境" },
  "debrief.matrixRead": {
    en: "Read a card along its rows: did racing pay, whatever the rivals did? Down its columns: what did the rivals' racing do to this seat? The highest cell is shaded.",
    "zh-CN": "横着读：无论对手怎么做，加码是否更划算？竖着读：对手的加码给这个席位带来了什么？最高的格子以底色标出。",
  },
  "debrief.you.title": { en: "Your seat: {company}", "zh-CN": "你的席位：{company}" },
  "debrief.you.line": {
    en: "As played {P} · restraining alone {S} · everyone restraining {R} · racing while the rest restrained {T}",
    "zh-CN": "实际 {P} · 独自克制 {S} · 所有人克制 {R} · 独自加码而他人克制 {T}",
  },
  "debrief.valueChart": { en: "Value created per company: as played vs all restrain", "zh-CN": "各公司创造的价值：实际与全部克制" },
  "debrief.raced": { en: "Raced: capex {ratio} of the restraint path", "zh-CN": "加码：资本开支为克制路径的{ratio}" },
  "debrief.heldBack": { en: "Held back: capex {ratio} of the restraint path", "zh-CN": "克制：资本开支为克制路径的{ratio}" },
  "debrief.adjusted": {
    en: "{n} recorded decisions were trimmed to stay legal in the re-runs' changed markets.",
    "zh-CN": "重新模拟中，市场条件改变，{n}个实际决策被裁剪以保持合法。",
  },
  "debrief.historyTitle": { en: "Every decision, quarter by quarter, and the market's reaction", "zh-CN": "每个季度的每项决策，以及市场的反应" },
  "debrief.hist.quarter": { en: "Quarter", "zh-CN": "季度" },
  "debrief.hist.capex": { en: "Capex", "zh-CN": "资本开支" },
  "debrief.hist.custom": { en: "Own chips", "zh-CN": "自研芯片" },
  "debrief.hist.debt": { en: "Bonds", "zh-CN": "发债" },
  "debrief.hist.returns": { en: "Buybacks + dividends", "zh-CN": "回购+分红" },
  "debrief.hist.energy": { en: "Energy won", "zh-CN": "获得能源" },
  "debrief.hist.capexVsConsensus": { en: "Capex vs consensus", "zh-CN": "资本开支对比预期" },
  "debrief.hist.aiVsConsensus": { en: "AI revenue vs consensus", "zh-CN": "AI收入对比预期" },
  "debrief.hist.move": { en: "Share price", "zh-CN": "股价" },
  "debrief.hist.rating": { en: "Rating", "zh-CN": "评级" },
  "debrief.hist.market": { en: "Industry capex / AI revenue (annualised)", "zh-CN": "行业资本开支 / AI收入（年化）" },
  "debrief.hist.why": { en: "Main reason for the move", "zh-CN": "股价变动的主因" },
  "debrief.move.earningsBp": { en: "earnings vs consensus", "zh-CN": "盈利对比预期" },
  "debrief.move.capexBp": { en: "capex vs consensus", "zh-CN": "资本开支对比预期" },
  "debrief.move.positionBp": { en: "AI position", "zh-CN": "AI竞争地位" },
  "debrief.move.creditBp": { en: "credit", "zh-CN": "信用" },
  "debrief.move.sentimentBp": { en: "market sentiment", "zh-CN": "市场情绪" },
  "debrief.move.cashBp": { en: "cash paid out", "zh-CN": "现金回报" },
  "debrief.move.eventsBp": { en: "events", "zh-CN": "事件" },
  "debrief.move.residualBp": { en: "company-specific noise", "zh-CN": "公司特有波动" },
  "debrief.hist.replaced": { en: "default stood", "zh-CN": "采用默认决策" },
  "debrief.hist.seat": { en: "Seat", "zh-CN": "席位" },
  "debrief.hist.all": { en: "All seats", "zh-CN": "全部席位" },
  "debrief.chart.capex": { en: "Capex per quarter", "zh-CN": "每季度资本开支" },
  "debrief.chart.price": { en: "Share price", "zh-CN": "股价" },
  "debrief.chart.hurdle": { en: "Industry AI revenue vs capex (annualised)", "zh-CN": "行业AI收入与资本开支（年化）" },
  "debrief.chart.restrained": { en: "Capex: as played vs all restrain (industry)", "zh-CN": "资本开支：实际与全部克制（行业）" },
  "debrief.chart.asPlayed": { en: "As played", "zh-CN": "实际" },
  "debrief.chart.allRestrain": { en: "All restrain", "zh-CN": "全部克制" },
  "debrief.realityTitle": { en: "The match's {year} next to the documents' {year}", "zh-CN": "本局的{year}年与文献中的{year}年对比" },
  "debrief.realityNone": {
    en: "This match did not play a year the documents report (2025 or 2026).",
    "zh-CN": "本局没有进行到文献报告的年份（2025或2026年）。",
  },
  "debrief.col.figure": { en: "Figure", "zh-CN": "指标" },
  "debrief.col.match": { en: "This match", "zh-CN": "本局" },
  "debrief.col.docs": { en: "The documents", "zh-CN": "文献" },
  "debrief.col.source": { en: "Figure ids", "zh-CN": "数据编号" },
  "debrief.partialYear": { en: "{n} of 4 quarters played", "zh-CN": "已进行4个季度中的{n}个" },
  "debrief.reality.capex4": { en: "Capex, the four hyperscalers", "zh-CN": "四大云厂商资本开支" },
  "debrief.reality.capex": { en: "Capex, {company}", "zh-CN": "{company}资本开支" },
  "debrief.reality.capexConsensus": { en: "Capex, {company} (Jan-2026 consensus)", "zh-CN": "{company}资本开支（2026年1月市场预期）" },
  "debrief.reality.aiRevenue": { en: "Industry AI revenue", "zh-CN": "行业AI收入" },
  "debrief.reality.aiHurdle": { en: "Industry AI revenue vs the $600B/$650B hurdle", "zh-CN": "行业AI收入对比6000亿/6500亿美元门槛" },
  "debrief.reality.profit": { en: "Net income, the four", "zh-CN": "四家公司净利润" },
  "debrief.reality.profitToCapex": { en: "Profit ÷ capex, the four", "zh-CN": "四家公司利润÷资本开支" },
  "debrief.reality.fcf4": { en: "Free cash flow, the four (docs: capex ≈ operating cash flow)", "zh-CN": "四家公司自由现金流（文献：资本开支≈经营现金流）" },
  "debrief.reality.ocfCovers": {
    en: "Seats whose operating cash flow covered capex (docs: only Microsoft)",
    "zh-CN": "经营现金流覆盖资本开支的席位数（文献：仅微软）",
  },
  "debrief.reality.bondIssue": { en: "Largest bond issue, {company}", "zh-CN": "{company}最大单笔发债" },
  "debrief.reality.aiIgShare": { en: "AI debt share of the IG bond market", "zh-CN": "AI债务占投资级债券市场的比例" },
  "debrief.reality.worstMove": {
    en: "{company}'s worst share move (docs: one day, 29 Jan 2026; match: a quarter)",
    "zh-CN": "{company}最大股价跌幅（文献：2026年1月29日单日；本局：单季度）",
  },
  "debrief.reality.bestMove": {
    en: "{company}'s best share move (docs: one day, 29 Jan 2026; match: a quarter)",
    "zh-CN": "{company}最大股价涨幅（文献：2026年1月29日单日；本局：单季度）",
  },
  "debrief.export.label": { en: "Export:", "zh-CN": "导出：" },
  "debrief.export.scores": { en: "scores (CSV)", "zh-CN": "得分（CSV）" },
  "debrief.export.decisions": { en: "decisions (CSV)", "zh-CN": "决策（CSV）" },
  "debrief.export.statements": { en: "statements (CSV)", "zh-CN": "财务报表（CSV）" },
  "debrief.export.json": { en: "everything (JSON)", "zh-CN": "全部（JSON）" },
} as const satisfies Readonly<Record<string, BilingualString>>;

export type DebriefStringKey = keyof typeof DEBRIEF_STRINGS;
