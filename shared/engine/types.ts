/**
 * State, decision and report types. Everything is plain JSON: integers for money (millions of
 * US dollars, "$M"), basis points ("Bp", 10_000 = 100%) for rates and shares, so hashes agree
 * across JavaScript engines.
 */
import type { ChipType, CompanyId, DealKind, EventKind, ParLevel, Rating, Regime, ScenarioId, Scoring, Tenor, Variant } from "./ids.ts";

export const STATE_VERSION = 1;
export const ENGINE_VERSION = "2.3.0";

/** A seat's choices for one quarter. Money in $M per quarter. */
export interface Decision {
  /** AI capex committed this quarter (servers + data-centre shells). */
  readonly capex: number;
  /** Share of this quarter's new compute bought as own custom silicon, in bp. */
  readonly customShareBp: number;
  /** Spend on the custom-silicon programme this quarter (expensed as R&D). */
  readonly chipRnd: number;
  readonly debtIssue: number;
  readonly debtTenor: Tenor;
  /** Early repayment of outstanding bonds (nearest maturity first). */
  readonly debtRepay: number;
  /** Sealed bids on this quarter's energy deals: upfront payment in $M. */
  readonly energyBids: readonly EnergyBid[];
  readonly buybacks: number;
  readonly dividends: number;
}

/** The money fields of a decision: whole $M from 0 to `DECISION_MONEY_MAX`. */
export const DECISION_MONEY_FIELDS = ["capex", "chipRnd", "debtIssue", "debtRepay", "buybacks", "dividends"] as const satisfies readonly (keyof Decision)[];
/** The hard cap on a money field from outside, $M: hostile input stays far from integer overflow. */
export const DECISION_MONEY_MAX = 10_000_000;
/** Sealed energy bids one decision may carry. */
export const MAX_ENERGY_BIDS = 8;

export interface EnergyBid {
  readonly dealId: string;
  readonly amount: number;
}

export interface MatchConfig {
  readonly scenario: ScenarioId;
  readonly variant: Variant;
  readonly turns: number;
  readonly seats: readonly CompanyId[];
  /** uint32 */
  readonly seed: number;
  readonly scoring: Scoring;
  /** When false, only the scenario's scheduled events happen (for calibration runs). */
  readonly randomEvents: boolean;
  /**
   * The handicap's par level: the AI level (the match's AI opponents) whose usual results are each
   * seat's par. Absent = `normal`, the product's default level; only the handicap reads it.
   */
  readonly parLevel?: ParLevel;
}

export type MatchConfigInput = Partial<MatchConfig>;

export interface Quarter {
  readonly year: number;
  /** 1..4 */
  readonly q: number;
}

export interface DebtTranche {
  readonly id: string;
  readonly principal: number;
  readonly couponBp: number;
  readonly issuedTurn: number;
  /** Turn index at which the principal falls due (absolute quarter index from scenario start). */
  readonly maturityTurn: number;
  readonly tenor: Tenor | 1;
  readonly emergency: boolean;
}

/** One cohort of assets bought in one quarter. */
export interface Vintage {
  readonly kind: "ai_servers" | "facilities" | "traditional" | "power";
  readonly chip?: ChipType;
  /** Quarter index (negative = before the match) in which it was paid for. */
  readonly boughtTurn: number;
  /** Quarter index from which it is installed (and depreciates). */
  readonly inServiceTurn: number;
  readonly cost: number;
  /** MW of IT load this cohort of servers draws (0 for non-server assets). */
  readonly mw: number;
  readonly lifeQuarters: number;
}

export interface PowerContract {
  readonly dealId: string;
  readonly kind: DealKind;
  readonly mw: number;
  readonly onlineTurn: number;
  /** Running cost per MW per quarter, $M × 1000 (thousands of dollars). */
  readonly costPerMwQK: number;
}

export interface CoreBusiness {
  /** Quarterly revenue without AI's lift or the customers won or lost to rivals, $M. */
  readonly baseRevenue: number;
  /** Quarterly revenue reported: base × (1 + lift) × (1 + share shift), $M. */
  readonly revenue: number;
  readonly baseMarginBp: number;
  /** Margin reported: base + the cost-to-serve lift. */
  readonly marginBp: number;
  /** Underlying annual growth, bp. */
  readonly growthBp: number;
  /** Customers won (+) or lost (−) to rivals with better models since the opening, bp of the lifted revenue. */
  readonly shareShiftBp: number;
  /** Capability at the opening (bp of the leader's): standing is measured against it. */
  readonly openingCapabilityBp: number;
  /** Revenue lift from internal AI use (ad efficiency), bp. */
  readonly liftRevenueBp: number;
  /** Margin lift from internal AI use (cost-to-serve), bp. */
  readonly liftMarginBp: number;
}

export interface ChipProgram {
  /** 0..10_000: 10_000 = mature (full cost advantage). */
  readonly maturityBp: number;
  /** Quarters left in a slip: no maturity or design progress. */
  readonly slipQuarters: number;
  /** Design progress beyond the programme's documented chip, bp of a generation (10_000 = one generation ahead): what R&D buys. */
  readonly designBp: number;
  /** Extra work per MW of the custom servers installed or on order, MW-weighted, bp over the documented chip. */
  readonly fleetUpliftBp: number;
}

export interface IncomeStatement {
  readonly coreRevenue: number;
  readonly aiRevenue: number;
  readonly revenue: number;
  readonly coreCosts: number;
  readonly powerCost: number;
  readonly aiOpex: number;
  readonly depreciation: number;
  readonly rnd: number;
  readonly operatingIncome: number;
  readonly interestExpense: number;
  readonly interestIncome: number;
  readonly pretaxIncome: number;
  readonly tax: number;
  readonly netIncome: number;
}

export interface CashFlowStatement {
  readonly netIncome: number;
  readonly depreciation: number;
  readonly operatingCashFlow: number;
  readonly capex: number;
  readonly energyPayments: number;
  readonly investingCashFlow: number;
  readonly freeCashFlow: number;
  readonly debtIssued: number;
  readonly emergencyBorrowing: number;
  /** Shares sold at a discount when lenders would lend no more. */
  readonly equityIssued: number;
  readonly debtRepaid: number;
  readonly buybacks: number;
  readonly dividends: number;
  readonly financingCashFlow: number;
  readonly netChangeInCash: number;
}

export interface BalanceSheet {
  readonly cash: number;
  readonly ppe: number;
  readonly otherAssets: number;
  readonly totalAssets: number;
  readonly debt: number;
  readonly otherLiabilities: number;
  readonly totalLiabilities: number;
  readonly equity: number;
}

export interface QuarterRecord {
  readonly turn: number;
  readonly quarter: Quarter;
  readonly income: IncomeStatement;
  readonly cashFlow: CashFlowStatement;
  readonly balance: BalanceSheet;
  readonly capex: number;
  readonly installedMw: number;
  readonly poweredMw: number;
  readonly usableMw: number;
  readonly strandedMw: number;
  /** Depreciation of AI servers and their data-centre shells (part of `income.depreciation`). */
  readonly aiDepreciation: number;
  /** Bonds asked for this quarter that the market did not fill ($M). */
  readonly debtRefused: number;
  readonly aiShareBp: number;
  readonly sharePriceCents: number;
  readonly marketCap: number;
  readonly rating: Rating;
}

export interface CompanyState {
  readonly id: CompanyId;
  readonly status: "active" | "defaulted";
  readonly defaultedTurn: number | null;
  readonly cash: number;
  readonly otherAssets: number;
  readonly otherLiabilities: number;
  /** Book equity, rolled forward from income and owner flows; the balance sheet must agree. */
  readonly equity: number;
  readonly tranches: readonly DebtTranche[];
  readonly nextTrancheSeq: number;
  readonly rating: Rating;
  readonly creditWatch: CreditWatch;
  /** Quarters left in which lenders cut this seat's capacity: it paid out borrowed money. */
  readonly lendersWaryQuarters: number;
  readonly core: CoreBusiness;
  readonly assets: readonly Vintage[];
  readonly power: {
    readonly onlineMw: number;
    /** Contracted capacity not yet online. */
    readonly pipeline: readonly PowerContract[];
    /** Running cost of the MW already online, thousands of $ per MW per quarter (weighted). */
    readonly costPerMwQK: number;
    /** Temporary outage, MW unavailable this quarter. */
    readonly outageMw: number;
  };
  readonly chipProgram: ChipProgram;
  /** Server life policy, quarters (12–16). */
  readonly serverLifeQuarters: number;
  /** Cumulative training compute, MW-quarters. */
  readonly trainingCompute: number;
  /** Model capability relative to the leader, bp (leader = 10_000). */
  readonly capabilityBp: number;
  readonly aiRevenue: number;
  readonly aiShareBp: number;
  /** Contracted AI revenue per quarter from circular mega-deals, with quarters left. */
  readonly contracted: { readonly perQuarter: number; readonly quartersLeft: number };
  readonly sharesOutstandingM: number;
  readonly sharePriceCents: number;
  readonly marketCap: number;
  readonly startMarketCap: number;
  /** Buybacks + dividends paid during the match. */
  readonly cashReturned: number;
  /** Dividends paid per share during the match, cents (for total shareholder return). */
  readonly dividendsPerShareCents: number;
  /** The market's valuation of the seat: the anchor fixed at the opening, what it looked at last quarter, and the noise on top. */
  readonly valuation: {
    readonly anchor: ValuationAnchor;
    readonly inputs: ValuationInputs;
    /** Company-specific noise on the fair value, bp (AR(1)). */
    readonly residualBp: number;
    readonly startPriceCents: number;
    /** Fair value per share now, cents: the price without noise (what the final score counts). */
    readonly fairPriceCents: number;
  };
  /** What the market expects of the seat for the coming quarter (public). */
  readonly consensus: Consensus;
  readonly cumulativeFcf: number;
  readonly history: readonly QuarterRecord[];
  /** Capex per quarter before the match (oldest first) and during it: for growth comparisons. */
  readonly capexHistory: readonly number[];
  readonly aiRevenueHistory: readonly number[];
}

export interface EnergyDeal {
  readonly id: string;
  readonly kind: DealKind;
  readonly region: string;
  readonly mw: number;
  readonly leadQuarters: number;
  /** Minimum acceptable upfront payment, $M. */
  readonly reservePrice: number;
  readonly costPerMwQK: number;
}

export interface ScheduledEvent {
  readonly turn: number;
  readonly kind: EventKind;
  readonly target?: CompanyId;
  readonly magnitudeBp?: number;
}

export interface ActiveEvent {
  readonly kind: EventKind;
  readonly turn: number;
  readonly target?: CompanyId;
  readonly magnitudeBp: number;
}

export interface MarketState {
  /** Industry AI demand at the reference price, $M per quarter. */
  readonly demandPotential: number;
  /** Quarterly growth of the adoption path, bp. */
  readonly demandGrowthBp: number;
  /** Hidden drift of the adoption path for this match (boom / base / bust), bp per quarter. */
  readonly demandDriftBp: number;
  /** Demand multiplier left by efficiency shocks (Jevons recovery pulls it back), bp. */
  readonly efficiencyBp: number;
  /** AI compute of firms outside the match (neoclouds, labs), MW. */
  readonly outsideMw: number;
  readonly industryAiRevenue: number;
  /** Revenue per usable MW this quarter, thousands of $. */
  readonly yieldPerMwK: number;
  readonly nvidia: {
    /** Quarterly supply to the whole market, MW of servers. */
    readonly supplyMw: number;
    /** Price of Nvidia servers, $M per MW ×1000 (thousands of $ per MW). */
    readonly priceK: number;
    readonly unitCostK: number;
    readonly grossMarginBp: number;
    readonly revenue: number;
    readonly leadQuarters: number;
  };
  readonly energy: {
    readonly offers: readonly EnergyDeal[];
    readonly gridQueueQuarters: number;
    readonly nextDealSeq: number;
  };
  readonly bonds: {
    readonly baseRateBp: number;
    readonly aiIgShareBp: number;
    readonly crowdingBp: number;
    readonly windowOpen: boolean;
    readonly windowShutQuarters: number;
    /** AI-related investment-grade debt outstanding, $M (seats and the outside world). */
    readonly aiDebt: number;
    /** The whole investment-grade market, $M. */
    readonly igDebt: number;
  };
  /** Market-wide noise on every seat's fair value, bp (AR(1)): the sector's mood beyond the regime. */
  readonly marketNoiseBp: number;
  /** The adoption path the market priced at the opening, carried forward: demand at the reference price it expects this quarter, $M. */
  readonly expectedPotential: number;
  /** The cost of equity accrued since the opening, bp (10_000 at the opening). */
  readonly timeValueBp: number;
  readonly sentiment: {
    readonly regime: Regime;
    /** Market mood score, bp around 0 (positive = optimistic). */
    readonly scoreBp: number;
    /**
     * The multiple the mood puts on every seat (bp): the regime's, scaled by how the industry's AI
     * revenue covers its capex against the opening, moving half way to its target each quarter.
     */
    readonly moodBp: number;
    /** The industry's coverage (AI revenue ÷ capex, four quarters, bp) at the opening: the mood is measured against it. */
    readonly openingCoverageBp: number;
    readonly quartersInRegime: number;
  };
  readonly events: readonly ActiveEvent[];
}

export interface MatchState {
  readonly version: typeof STATE_VERSION;
  readonly engineVersion: string;
  readonly config: MatchConfig;
  /** Number of resolved turns; the next turn to resolve has this index. */
  readonly turn: number;
  readonly quarter: Quarter;
  readonly ended: boolean;
  /** uint32 PRNG state. Never shown to clients. */
  readonly rng: number;
  readonly companies: Readonly<Partial<Record<CompanyId, CompanyState>>>;
  readonly market: MarketState;
  readonly schedule: readonly ScheduledEvent[];
  /** Industry-wide totals per resolved turn, for charts. */
  readonly industryHistory: readonly IndustryRecord[];
  /** The decisions that stood last quarter (after defaults replaced missing or illegal ones): public after the reveal, and part of the hash so a replay's log is pinned exactly. */
  readonly lastDecisions: Readonly<Partial<Record<CompanyId, Decision>>>;
}

export interface IndustryRecord {
  readonly turn: number;
  readonly quarter: Quarter;
  readonly capex: number;
  readonly aiRevenue: number;
  readonly netIncome: number;
  readonly freeCashFlow: number;
  readonly nvidiaPriceK: number;
  readonly nvidiaMarginBp: number;
  readonly aiIgShareBp: number;
  readonly baseRateBp: number;
  /** Whether the bond window was open when this quarter's bonds were priced. */
  readonly windowOpen: boolean;
  readonly regime: Regime;
  readonly strandedMw: number;
  readonly yieldPerMwK: number;
  /** Public leading indicators: the adoption index (demand at the reference price, bp of the opening) and the seats' contracted backlog, $M. */
  readonly adoptionIndexBp: number;
  readonly backlog: number;
  /** The four-quarter coverage of capex by AI revenue the market's mood is driven by, bp. */
  readonly aiCoverageBp: number;
}

/** A headline for the reveal: an i18n key and its parameters, never a rendered sentence. */
export interface Headline {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Why a seat's share price moved this quarter. Each part is in bp of the opening share price and
 * the parts sum exactly to `totalBp` (the reveal shows them; balance tests check the sum).
 */
export interface PriceMove {
  readonly totalBp: number;
  /** Earnings against the consensus, and the forward earnings (after depreciation and interest) they imply. */
  readonly earningsBp: number;
  /** Capex against the consensus, judged against the AI revenue it delivers ("margins over visions"). */
  readonly capexBp: number;
  /** The AI position the market capitalises: capability, share of AI demand, backlog, the core's outlook. */
  readonly positionBp: number;
  /** Leverage, rating actions, distress, equity raises. */
  readonly creditBp: number;
  /** The market's regime and the sector's move: the same for every seat. */
  readonly sentimentBp: number;
  /** Cash paid out (dividends leave the price; buybacks retire shares) or burnt. */
  readonly cashBp: number;
  /** Events aimed at this seat (mega-deal, antitrust, outage). */
  readonly eventsBp: number;
  /** What the model does not explain: company-specific noise. */
  readonly residualBp: number;
}

/** The parts of a price move, in the order reports, charts and exports list them; they sum to `totalBp`. */
export const PRICE_MOVE_PARTS = [
  "earningsBp",
  "capexBp",
  "positionBp",
  "creditBp",
  "sentimentBp",
  "cashBp",
  "eventsBp",
  "residualBp",
] as const satisfies readonly Exclude<keyof PriceMove, "totalBp">[];
export type PriceMovePart = (typeof PRICE_MOVE_PARTS)[number];

/** One figure the market had a public consensus for, and what the seat delivered. */
export interface Expectation {
  readonly consensus: number;
  readonly actual: number;
}

/** The quarter's figures against the consensus formed before it ($M). */
export interface SeatExpectations {
  readonly capex: Expectation;
  readonly aiRevenue: Expectation;
  readonly coreRevenue: Expectation;
  readonly netIncome: Expectation;
}

/** Credit-watch state an agency puts on a seat before it moves the rating. */
export type CreditWatch = "none" | "negative" | "positive";

export interface SeatReport {
  readonly company: CompanyId;
  readonly decision: Decision;
  /** Present when the submitted decision was not legal and the default stood instead. */
  readonly replacedInvalid: boolean;
  readonly capexSpent: number;
  readonly mwOrdered: number;
  readonly energyWon: readonly string[];
  readonly debtIssued: number;
  readonly couponBp: number;
  readonly bondCoverageBp: number;
  readonly emergencyBorrowing: number;
  readonly equityIssued: number;
  readonly aiRevenue: number;
  readonly netIncome: number;
  readonly freeCashFlow: number;
  readonly sharePriceChangeBp: number;
  readonly ratingBefore: Rating;
  readonly ratingAfter: Rating;
  /** i18n key of the reason for a rating action or watch (`credit.reason.*`), or null. */
  readonly ratingReason: string | null;
  readonly creditWatch: CreditWatch;
  readonly strandedMw: number;
  readonly defaulted: boolean;
  readonly priceMove: PriceMove;
  readonly expectations: SeatExpectations;
}

export interface AuctionResult {
  readonly dealId: string;
  readonly kind: DealKind;
  readonly mw: number;
  readonly winner: CompanyId | null;
  readonly price: number;
  readonly bids: number;
  /** Every sealed bid, revealed with the result (losing bids included), in canonical seat order. */
  readonly bidders: readonly { readonly company: CompanyId; readonly amount: number }[];
}

export interface TurnReport {
  readonly turn: number;
  readonly quarter: Quarter;
  readonly seats: readonly SeatReport[];
  readonly auctions: readonly AuctionResult[];
  readonly events: readonly ActiveEvent[];
  readonly market: {
    readonly industryAiRevenue: number;
    readonly industryCapex: number;
    readonly nvidiaPriceK: number;
    readonly nvidiaMarginBp: number;
    readonly baseRateBp: number;
    readonly aiIgShareBp: number;
    readonly windowOpen: boolean;
    readonly regimeBefore: Regime;
    readonly regimeAfter: Regime;
    /** Public leading indicators (as in the industry record). */
    readonly adoptionIndexBp: number;
    readonly backlog: number;
  };
  readonly headlines: readonly Headline[];
  readonly ended: boolean;
}

export interface ValidationError {
  /** Namespaced, e.g. `decision/over_budget`. */
  readonly code: string;
  readonly message: string;
  /** Field path, e.g. `energyBids.0.amount`. */
  readonly path: string;
}

export type ValidationResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly ValidationError[] };

export interface Range {
  readonly min: number;
  readonly max: number;
}

/**
 * Why a bound is where it is, for the player: an i18n key (`bounds.*`) with its parameters, on
 * the decision field it limits (`debtIssue`, `debtTenors`, `customShareBp`, `capex`, `buybacks`…).
 */
export interface BoundReason {
  readonly field: string;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The price of each tenor if the seat issued now (coupon in bp), before it commits. */
export interface BondQuote {
  readonly tenor: Tenor;
  readonly couponBp: number;
  /** The quarter a bond issued now falls due: a wall to refinance when it is inside the match. */
  readonly due: Quarter;
  /** True when it falls due before the match ends (refinanced then at that quarter's coupon, rating and window). */
  readonly dueInMatch: boolean;
}

/** Each field's legal range for a seat now: what clients draw and bots sample from. */
export interface DecisionBounds {
  readonly capex: Range;
  readonly customShareBp: Range;
  readonly chipRnd: Range;
  readonly debtIssue: Range;
  readonly debtTenors: readonly Tenor[];
  readonly debtRepay: Range;
  /** Deals on offer; `usable` is false when the seat could not use half the deal's MW by the time it comes online (it may not bid). */
  readonly energyDeals: readonly { readonly dealId: string; readonly minBid: number; readonly maxBid: number; readonly usable: boolean }[];
  readonly buybacks: Range;
  readonly dividends: Range;
  /** Cash + what the bond market will lend this quarter: the total all outflows must fit in. */
  readonly budget: number;
  /** Principal of the bonds falling due this quarter, repaid from cash after the decision's outflows, $M. */
  readonly maturingNow: number;
  /** Principal falling due in the four quarters after this one: next year's refinancing wall, $M. */
  readonly maturingWithinYear: number;
  /** Why each limited field is limited (a closed window, the rating, the leverage cap, maturity…). */
  readonly reasons: readonly BoundReason[];
  /** Coupons on offer now, per legal tenor (empty when the window is shut). */
  readonly bondQuotes: readonly BondQuote[];
  /** This quarter's compute prices, thousands of $ per MW: Nvidia list and the seat's own silicon. */
  readonly chipPricesK: { readonly nvidia: number; readonly custom: number };
}

/**
 * The documents' two endings, by their own tests (balance/README.md): "Cloud 2.0" when the four's
 * AI line covers its costs in the match's final year; "Global Crossing" when a seat defaults, the
 * bond window is shut at the end, or a seat's TSR is below the risk-free return over the match.
 */
export interface EndingVerdict {
  readonly cloud2: boolean;
  readonly globalCrossing: boolean;
  /** AI revenue ÷ the AI line's costs over the last four quarters, bp (≥ 10_000 = covered). */
  readonly aiCoverageBp: number;
  readonly defaulted: readonly CompanyId[];
  /** Seats whose TSR fell short of the risk-free return over the match. */
  readonly belowRiskFree: readonly CompanyId[];
  readonly riskFreeBp: number;
  readonly windowShut: boolean;
}

export interface SeatScore {
  readonly company: CompanyId;
  /** Score in bp (TSR: 10_000 = +100%; handicap: 10_000 = one swing above par). */
  readonly scoreBp: number;
  readonly rank: number;
  readonly tsrBp: number;
  readonly cumulativeFcf: number;
  readonly aiShareBp: number;
  readonly defaulted: boolean;
  /** Under the handicap scoring, once a quarter is played: the par and swing the score counts from, so screens can say it in words. */
  readonly par?: SeatPar;
}

/** A seat's par: the TSR it usually has after this many quarters against the hard AI, and its usual swing around it, bp. */
export interface SeatPar {
  readonly parBp: number;
  readonly swingBp: number;
}

/** What the market expects of a seat for the coming quarter, $M. */
export interface Consensus {
  readonly capex: number;
  /** The capex expected over the next four quarters (the first is `capex`), $M. */
  readonly capexYear: number;
  readonly coreRevenue: number;
  readonly aiRevenue: number;
  readonly netIncome: number;
}

/** What the market looks at, all integers ($M, bp). */
export interface ValuationInputs {
  /** Forward annual after-tax core earnings (revenue × margin − non-AI depreciation), $M. */
  readonly coreNopat: number;
  /** Forward annual after-tax earnings of the AI line, $M (negative while it loses money). */
  readonly aiNopat: number;
  /** Where the core is heading (lift, erosion, capability edge), bp around 10_000. */
  readonly outlookBp: number;
  /** The seat's AI franchise before mood and risk, $M. */
  readonly franchise: number;
  /**
   * How far the core multiple has faded since the opening (bp): the opening multiple paid for the
   * growth the market expected, so as that growth arrives the multiple fades and an expected
   * quarter returns the cost of equity, not the growth twice.
   */
  readonly fadeBp: number;
  /** The cost of equity accrued since the opening (bp): what the franchise and other value earn when nothing is new. */
  readonly timeValueBp: number;
  readonly regimeBp: number;
  /** Rating, leverage and stranded compute, bp around 10_000. */
  readonly riskBp: number;
  /** The market's trust in this seat's capital discipline (capex against its evidence), bp around 0. */
  readonly capexPremiumBp: number;
  /** The glow of recent beats or misses against the consensus, bp around 0. */
  readonly beatPremiumBp: number;
  /** Events aimed at the seat (mega-deal pop, antitrust discount), bp around 0. */
  readonly eventPremiumBp: number;
  readonly netCash: number;
}

/**
 * Fixed per seat at the opening: the core multiple that makes the opening value the documents'
 * price (at most `maxCoreMultiple`), and what the price holds beyond it — the market's other value
 * (brand, options: Tesla's autonomy bet), which moves with mood and risk but not with earnings.
 */
export interface ValuationAnchor {
  readonly coreMultipleBp: number;
  readonly floorNopat: number;
  readonly otherValue: number;
  /** Leverage the market shrugs at for this seat: the free level, or its opening leverage if higher (Oracle's is priced in). */
  readonly leverageFreeBp: number;
}
