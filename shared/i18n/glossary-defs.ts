/**
 * The glossary's definitions: for each term, a plain-language definition a first-year student can
 * follow and an example from the game or the documents, in both languages. Loaded on demand by
 * the client (client/src/glossary.ts); the names live in glossary.ts.
 */
import type { BilingualString } from "./bilingual.ts";
import type { GlossaryTerm } from "./glossary.ts";

export interface GlossaryDef {
  readonly def: BilingualString;
  readonly ex: BilingualString;
}

export const GLOSSARY_DEFS: Readonly<Record<GlossaryTerm, GlossaryDef>> = {
  capex: {
    def: {
      en: "Capital expenditure: cash spent now on things that last years — here AI servers and the data-centre buildings around them. It leaves your cash at once but reaches your profit only slowly, as depreciation.",
      "zh-CN": "资本性支出：现在花出去、能用好几年的钱——在这里就是AI服务器和容纳它们的数据中心。现金立刻流出，但只会通过折旧慢慢计入利润。",
    },
    ex: {
      en: "Microsoft spent $37.5B in one quarter (FY26 Q2), +66% on the year before, and its shares fell 12%.",
      "zh-CN": "微软单季度资本开支375亿美元（2026财年第二季度），同比增长66%，股价随后下跌12%。",
    },
  },
  ai_revenue: {
    def: {
      en: "Money customers pay for AI: cloud compute, model access, AI features. Your share of the industry's AI demand grows with your usable compute and your model's capability.",
      "zh-CN": "客户为AI付的钱：云算力、模型调用、AI功能。你在全行业AI需求中的份额，随可用算力和模型能力增长。",
    },
    ex: {
      en: "The whole industry earned about $50B of AI revenue in 2025 against hundreds of billions of capex.",
      "zh-CN": "2025年全行业AI收入约500亿美元，而资本开支高达数千亿美元。",
    },
  },
  hurdle: {
    def: {
      en: "How much AI revenue a year the industry would need to earn back what it is spending on AI infrastructure. The dashed line on the industry chart.",
      "zh-CN": "全行业每年需要多少AI收入，才能收回在AI基础设施上的投入。行业图表中的虚线。",
    },
    ex: {
      en: "Sequoia's “AI's $600B question” (2024); later estimates put it at $650B.",
      "zh-CN": "红杉资本提出的“AI的6000亿美元问题”（2024年）；后来的估算为6500亿美元。",
    },
  },
  ocf: {
    def: {
      en: "Cash your business brings in during a quarter before any investment: profit plus the depreciation that costs no cash. The budget counts on it repeating this quarter.",
      "zh-CN": "一个季度里业务本身带来的现金（投资之前）：利润加上不花现金的折旧。预算假定本季度会重复上季度的经营现金流。",
    },
    ex: { en: "Cash now + expected operating cash flow = what you can spend without borrowing.", "zh-CN": "现有现金 + 预计经营现金流 = 不借钱时可以花的钱。" },
  },
  fcf: {
    def: {
      en: "Operating cash flow minus capex (and energy deals paid): the cash left after investing. Negative means you are spending more than the business earns.",
      "zh-CN": "经营现金流减去资本开支（及已付的能源合约）：投资之后剩下的现金。为负表示花得比业务赚得多。",
    },
    ex: {
      en: "In 2026 only Microsoft's operating cash flow covers its capex; the four's free cash flow together is near zero.",
      "zh-CN": "2026年只有微软的经营现金流能覆盖其资本开支；四家合计的自由现金流接近零。",
    },
  },
  net_income: {
    def: {
      en: "Revenue minus every cost, depreciation, interest and tax: the profit of the quarter.",
      "zh-CN": "收入减去所有成本、折旧、利息和税：本季度的利润。",
    },
    ex: { en: "Markets compare it with the consensus: beating it lifts the price.", "zh-CN": "市场把它与市场共识比较：超出预期会推高股价。" },
  },
  depreciation: {
    def: {
      en: "The cost of a long-lived asset spread over its life. AI servers last 3–4 years, so each quarter about a fourteenth of their price becomes a cost — even when they sit unpowered.",
      "zh-CN": "把长期资产的成本分摊到使用年限里。AI服务器寿命3–4年，所以每个季度约有其价格的十四分之一计为成本——即使没通电也一样。",
    },
    ex: { en: "The 2023–2024 purchases make a depreciation “cliff” in 2026–2027.", "zh-CN": "2023–2024年的采购会在2026–2027年形成折旧“悬崖”。" },
  },
  cash: {
    def: {
      en: "Money in the bank. Below zero at the end of a quarter, you must borrow at a penalty rate; if nobody will lend, you default.",
      "zh-CN": "账上的钱。季度末若低于零，就必须以惩罚利率紧急借款；若无人愿借，公司违约出局。",
    },
    ex: { en: "谷歌 and Microsoft start with over $100B each.", "zh-CN": "谷歌和微软开局时各有超过1000亿美元现金。" },
  },
  debt: {
    def: {
      en: "Bonds you owe, each with its own coupon and maturity. Interest is paid every quarter; the principal falls due at maturity.",
      "zh-CN": "你欠下的债券，每笔有各自的票面利率和到期日。利息每季度支付，本金到期偿还。",
    },
    ex: { en: "Meta goes from net cash to net debt in the documents.", "zh-CN": "资料中，Meta从净现金转为净负债。" },
  },
  bonds: {
    def: {
      en: "Borrowing from investors: you receive cash now and pay a fixed coupon every year until the bond matures. Repaying early retires the nearest maturities first.",
      "zh-CN": "向投资者借钱：现在拿到现金，此后每年支付固定票息，直到债券到期。提前偿还时先还最近到期的债券。",
    },
    ex: {
      en: "Oracle's $25B issue drew $129B of orders; Meta's $30B drew about $125B.",
      "zh-CN": "甲骨文250亿美元的发行吸引了1290亿美元认购；Meta的300亿美元吸引了约1250亿美元。",
    },
  },
  tenor: {
    def: {
      en: "How many years until a bond must be repaid: 5, 10, 30 or 100. Longer bonds pay a higher coupon but postpone repayment; the 100-year (century) bond is only for top ratings.",
      "zh-CN": "债券多少年后必须偿还：5年、10年、30年或100年。期限越长票息越高，但还款推迟；100年期（世纪债）只对顶级评级开放。",
    },
    ex: { en: "谷歌 sold a 100-year bond.", "zh-CN": "谷歌发行过100年期债券。" },
  },
  coupon: {
    def: {
      en: "The interest rate a bond pays each year: the base rate, plus a spread for your rating and leverage, plus a crowding premium when AI debt floods the market, plus a premium for longer tenors.",
      "zh-CN": "债券每年支付的利率：基准利率，加上与评级和杠杆相关的利差，加上AI债务挤占市场时的拥挤溢价，再加上期限溢价。",
    },
    ex: { en: "The quote next to each tenor is what you would pay if you issued now.", "zh-CN": "每个期限旁的报价，就是你现在发行需要支付的利率。" },
  },
  rating: {
    def: {
      en: "A grade from AAA (safest) down to CCC, then D (default), set by your leverage. A lower rating makes borrowing dearer and can close the longest tenors.",
      "zh-CN": "从AAA（最安全）到CCC、再到D（违约）的等级，由杠杆决定。评级越低，借钱越贵，最长的期限也可能不再开放。",
    },
    ex: { en: "Microsoft is AAA; a heavy debt-funded build-out can cost a notch or two.", "zh-CN": "微软是AAA；大规模举债扩建可能让评级下调一两级。" },
  },
  credit_watch: {
    def: {
      en: "A warning from the rating agency that your rating may move soon (negative: down; positive: up).",
      "zh-CN": "评级机构发出的预警：你的评级可能很快调整（负面：下调；正面：上调）。",
    },
    ex: { en: "Shown in the reveal next to the rating.", "zh-CN": "揭晓时显示在评级旁边。" },
  },
  leverage: {
    def: {
      en: "Net debt (debt minus cash) divided by a year of EBITDA (operating profit before depreciation). 1.0× means a year of earnings would repay the debt. More leverage, lower rating.",
      "zh-CN": "净债务（债务减现金）除以一年的EBITDA（折旧前经营利润）。1.0倍表示一年的盈利可以还清债务。杠杆越高，评级越低。",
    },
    ex: { en: "Net cash counts as 0×.", "zh-CN": "净现金记为0倍。" },
  },
  coverage: {
    def: {
      en: "How many times over investors asked for a bond issue: orders divided by the amount sold. High coverage means cheap money is easy to find; it falls when sentiment sours.",
      "zh-CN": "投资者的认购额是发行额的多少倍：认购订单除以发行规模。倍数高说明融资容易；市场情绪转差时会下降。",
    },
    ex: { en: "谷歌's $20B drew over $100B: more than 5× covered.", "zh-CN": "谷歌的200亿美元发行获得超过1000亿美元认购：超过5倍。" },
  },
  bond_window: {
    def: {
      en: "Whether the bond market lends to AI borrowers at all this quarter. When it shuts (the “bond vigilantes”), nobody can issue until it reopens.",
      "zh-CN": "本季度债券市场是否还愿意借钱给AI企业。窗口关闭时（“债券义勇军”），谁都无法发债，直到重新打开。",
    },
    ex: { en: "A shut window is one way the match ends badly (“Global Crossing”).", "zh-CN": "窗口关闭是比赛走向坏结局（“环球电讯”）的途径之一。" },
  },
  emergency: {
    def: {
      en: "If your cash goes below zero, the engine borrows for you at a penalty rate; if even that is refused, you sell shares at a discount, and then you default.",
      "zh-CN": "现金跌破零时，引擎会以惩罚利率替你借款；若仍被拒绝，你会折价增发股票，最后违约。",
    },
    ex: { en: "Keep the preview's “cash left” above zero to avoid it.", "zh-CN": "让预览中的“季度末剩余现金”保持在零以上即可避免。" },
  },
  stranded: {
    def: {
      en: "Servers installed without power to run them. They earn nothing and still depreciate: shown dark and hatched on your board. Win energy deals to power them.",
      "zh-CN": "已安装却没有电力运行的服务器。它们不产生收入，却照样折旧：在面板上显示为深色斜线部分。赢得能源合约才能让它们通电。",
    },
    ex: { en: "From 2026, power — not chips — limits at least one company.", "zh-CN": "从2026年起，至少有一家公司受限于电力而不是芯片。" },
  },
  energy_deal: {
    def: {
      en: "Scarce power contracts auctioned each quarter by sealed bids: the highest bid wins and pays the next-highest bid (the reserve if it bid alone), so bidding what the deal is worth to you is best. Grid connections are cheap but slow; nuclear PPAs fast and dear; gas turbines fast and costly to run. The reserve is the lowest legal bid.",
      "zh-CN":
        "每季度以密封竞价拍卖的稀缺电力合约：出价最高者中标，按第二高的出价支付（只有一家出价时按底价），所以按合约对你的真实价值出价最合适。电网接入便宜但慢；核电购电协议快但贵；燃气轮机快但运行成本高。底价是最低的合法出价。",
    },
    ex: {
      en: "The Talen/Cumulus nuclear deal; grid queues of up to five years in Northern Virginia.",
      "zh-CN": "Talen/Cumulus核电交易；北弗吉尼亚的电网排队长达五年。",
    },
  },
  capability: {
    def: {
      en: "How good your AI models are relative to the leader (100% = the leader), built up by training on your usable compute. Tiers 1–4; falling far behind erodes your core business.",
      "zh-CN": "你的AI模型相对领先者的水平（100%＝领先者），靠在可用算力上训练逐步积累。分为1–4级；落后太多会侵蚀核心业务。",
    },
    ex: { en: "The fear of becoming the next IBM keeps everyone investing.", "zh-CN": "对沦为“下一个IBM”的恐惧，让每家公司都不敢停止投资。" },
  },
  custom_silicon: {
    def: {
      en: "Your own AI chips (TPU, Trainium, Maia…) instead of Nvidia's. Once your programme is mature they cost 40–50% less per unit of inference work; training still needs Nvidia, so the share is capped by maturity.",
      "zh-CN": "自家的AI芯片（TPU、Trainium、Maia等）替代英伟达。项目成熟后，单位推理工作量的成本低40–50%；训练仍需英伟达，因此自研占比受成熟度限制。",
    },
    ex: { en: "谷歌's TPU and Amazon's Trainium are mature; Meta's programme is early.", "zh-CN": "谷歌的TPU和亚马逊的Trainium已成熟；Meta的项目尚处早期。" },
  },
  chip_rnd: {
    def: {
      en: "Spending on your custom-chip programme. It is an expense (it lowers profit now) and raises the programme's maturity faster; programmes can slip. It also designs your next chip generation: custom servers bought later do more work per MW, less and less per extra dollar.",
      "zh-CN":
        "投入自研芯片项目的研发费用。它计入费用（当期利润下降），让项目更快成熟；项目可能延期。它还推动下一代自研芯片的设计：此后购入的自研服务器每MW算力更高，但每多投入一美元，收益递减。",
    },
    ex: { en: "Maia 200 arrives around 2026.", "zh-CN": "Maia 200预计在2026年前后推出。" },
  },
  nvidia_margin: {
    def: {
      en: "The share of Nvidia's price that is profit. When everyone buys at once, Nvidia's price and margin rise: your rivals' orders make your chips dearer.",
      "zh-CN": "英伟达售价中利润所占的比例。大家同时抢购时，英伟达的价格和毛利率都会上升：对手的订单会让你的芯片更贵。",
    },
    ex: { en: "About 75% in the documents.", "zh-CN": "资料中约为75%。" },
  },
  adoption: {
    def: {
      en: "How much AI the world buys at a reference price, against the opening (100 = the opening). It leads revenue: when it runs ahead of the path the market priced, the AI line can pay; when it lags, capacity turns into a glut.",
      "zh-CN": "在参考价格下全球购买的AI用量，以开局为100。它领先于收入：跑在市场预期路径之前，AI业务才可能回本；落后则产能过剩。",
    },
    ex: {
      en: "Cloud 2.0 needs it well above the path; Global Crossing follows when it stalls.",
      "zh-CN": "“云2.0”需要它远高于预期路径；它停滞时就走向“环球电讯”式结局。",
    },
  },
  backlog: {
    def: {
      en: "Revenue customers have signed for but not yet received, across the companies in the match. Served only as the seller's compute comes online, so it is support for the bull case, not cash.",
      "zh-CN": "客户已签约但尚未交付的收入（本局所有公司合计）。只有卖方算力上线后才能兑现，所以它支撑看涨逻辑，但不是现金。",
    },
    ex: {
      en: "The documents cite a $1.5T cloud backlog (Feb 2026); Oracle's OpenAI contract is ≈$300B.",
      "zh-CN": "资料提到云积压订单达1.5万亿美元（2026年2月）；甲骨文与OpenAI的合同约3000亿美元。",
    },
  },
  ig_share: {
    def: {
      en: "AI-related debt as a share of the investment-grade bond market. The higher it climbs, the more every AI borrower pays (crowding).",
      "zh-CN": "AI相关债务在投资级债券市场中的占比。占比越高，所有AI借款人付出的利率越高（拥挤效应）。",
    },
    ex: { en: "About 14% at the end of 2025.", "zh-CN": "2025年底约为14%。" },
  },
  share_price: {
    def: {
      en: "What one share trades at. It moves on surprises against expectations, not on the news itself: beating the consensus lifts it, blind spending is punished.",
      "zh-CN": "每股的交易价格。它对“超出或低于预期”作出反应，而不是对消息本身：超出市场共识会推高股价，盲目投入会受惩罚。",
    },
    ex: { en: "Meta +9% on efficient AI monetisation; Microsoft −12% on record capex.", "zh-CN": "Meta因AI变现高效上涨9%；微软因创纪录的资本开支下跌12%。" },
  },
  market_cap: {
    def: { en: "Share price × shares outstanding: what the market says the whole company is worth.", "zh-CN": "股价×总股本：市场认为整家公司值多少钱。" },
    ex: { en: "Buybacks reduce the share count.", "zh-CN": "回购会减少股本。" },
  },
  consensus: {
    def: {
      en: "What analysts expected you to report this quarter (capex, AI revenue, core revenue, net income). The reveal shows each figure against it: the gap is what moves the price.",
      "zh-CN": "分析师对你本季度业绩（资本开支、AI收入、核心收入、净利润）的预期。揭晓时每个数字都与之对比：差距才是推动股价的因素。",
    },
    ex: { en: "Capex far above the consensus without AI revenue to match is punished.", "zh-CN": "资本开支远超共识、AI收入却跟不上，会受到惩罚。" },
  },
  price_move: {
    def: {
      en: "The quarter's share-price change split into parts that add up to it: earnings against the consensus, capex against the consensus, the AI position, credit, market sentiment, cash paid out, events, and what the model does not explain (residual).",
      "zh-CN":
        "把本季度的股价变动拆成几部分，相加正好等于总变动：盈利对比共识、资本开支对比共识、AI地位、信用、市场情绪、派发的现金、事件，以及模型无法解释的部分（残差）。",
    },
    ex: { en: "Read the bars in the reveal: green pushed the price up, orange pulled it down.", "zh-CN": "看揭晓页中的条形：绿色推高股价，橙色拉低股价。" },
  },
  sentiment: {
    def: {
      en: "The market's mood about AI, the same for everyone: euphoria → scrutiny → disillusionment → recovery, driven by the industry's AI revenue against its capex. In scrutiny, capex that revenue does not follow is punished harder.",
      "zh-CN": "市场对AI的整体情绪，对所有人相同：狂热→审视→幻灭→复苏，由全行业AI收入与资本开支之比驱动。在审视阶段，收入跟不上的资本开支会受到更重的惩罚。",
    },
    ex: { en: "A “DeepSeek moment” efficiency shock can turn the mood.", "zh-CN": "“DeepSeek时刻”式的效率冲击可能扭转市场情绪。" },
  },
  buybacks: {
    def: {
      en: "Using cash to buy your own shares: fewer shares share the company, and the cash counts as returned to shareholders in your score.",
      "zh-CN": "用现金买回自家股票：分享公司的股份变少，这笔现金在计分中算作返还给股东。",
    },
    ex: { en: "Cash returned competes with capex for the same dollars.", "zh-CN": "返还股东的现金与资本开支争夺同一笔钱。" },
  },
  dividends: {
    def: {
      en: "Cash paid to shareholders. The share price drops by what leaves the company, but the cash counts in total shareholder return.",
      "zh-CN": "直接派发给股东的现金。股价会因现金流出而下跌，但这笔现金计入股东总回报。",
    },
    ex: { en: "Your score counts dividends paid plus the change in market value.", "zh-CN": "你的得分＝已派股息＋市值变化。" },
  },
  tsr: {
    def: {
      en: "Your score: the change in market cap plus cash returned (buybacks, dividends), as a share of the market cap you started with. A defaulted company scores last.",
      "zh-CN": "你的得分：市值变化加上返还的现金（回购、股息），除以开局市值。违约的公司排名最后。",
    },
    ex: { en: "+25% means shareholders are a quarter richer than at the start.", "zh-CN": "+25%表示股东比开局时富了四分之一。" },
  },
  dilemma: {
    def: {
      en: "Game theory's names for the four outcomes: T (temptation) — you invest while rivals restrain; R (reward) — everyone restrains; P (punishment) — everyone invests; S (sucker) — you restrain while rivals invest. Here T > R > P > S: each company gains by investing, yet all together do worse.",
      "zh-CN":
        "博弈论对四种结局的称呼：T（诱惑）——你投资而对手克制；R（奖励）——大家都克制；P（惩罚）——大家都投资；S（受骗）——你克制而对手投资。这里T > R > P > S：每家公司单独投资都更有利，但大家一起投资时整体更差。",
    },
    ex: { en: "The end screen shows what everyone would have scored had all restrained.", "zh-CN": "结束页会显示：如果所有人都克制，每家会得多少分。" },
  },
};
