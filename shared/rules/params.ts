/**
 * Tuned numbers come from balance/params/*.json, where every leaf is `{ v, cite }` or
 * `{ v, inferred }`. This module strips the citations and parses the values with zod at load, so
 * a typo fails here with its path instead of later as a NaN in a hash; the citations stay in the
 * JSON, where tests/balance checks them against figures.json. The types are derived from the
 * schemas: one source for every parameter's shape.
 */
import { z } from "zod";
import companiesJson from "#params/companies.json" with { type: "json" };
import marketsJson from "#params/markets.json" with { type: "json" };
import parJson from "#params/par.json" with { type: "json" };
import {
  CHIP_PROGRAMS,
  COMPANIES,
  type CompanyId,
  DEAL_KINDS,
  MAX_TURNS,
  MIN_TURNS,
  PAR_LEVELS,
  type ParLevel,
  RATINGS,
  REGIMES,
  TENORS,
} from "../engine/ids.ts";

type Leaf = { v: unknown; cite?: unknown; inferred?: unknown };

function isLeaf(x: unknown): x is Leaf {
  return typeof x === "object" && x !== null && "v" in x && ("cite" in x || "inferred" in x);
}

/** Replaces every `{ v, cite | inferred }` leaf by its value; drops `about` notes. */
export function unwrapParams(x: unknown): unknown {
  if (isLeaf(x)) return x.v;
  if (Array.isArray(x)) return x.map(unwrapParams);
  if (typeof x === "object" && x !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== "about") out[k] = unwrapParams(v);
    return out;
  }
  return x;
}

const int = z.number().int();
const nonNeg = int.min(0);
const bp = int.min(-100_000).max(1_000_000);
const span = z.tuple([nonNeg, nonNeg]);
const byScenario = <T extends z.ZodType>(t: T) => z.object({ reckoning: t, buildout: t });
const byVariant = <T extends z.ZodType>(t: T) => z.object({ guide: t, cons: t });
const byRegime = <T extends z.ZodType>(t: T) => z.object({ euphoria: t, scrutiny: t, disillusionment: t, recovery: t });
const byDeal = <T extends z.ZodType>(t: T) => z.object({ grid: t, nuclear_ppa: t, smr: t, gas_turbine: t });
const yearMap = z.record(z.string().regex(/^\d{4}$/), nonNeg);

export const ChipProgramParamsSchema = z.object({
  name: z.enum(CHIP_PROGRAMS),
  /** Starting maturity, bp (10_000 = mature). */
  maturityBp: nonNeg.max(10_000),
  /** Price cut against Nvidia's list per MW at full maturity, bp. */
  discountBp: nonNeg.max(9_000),
  /** Training work per MW against an Nvidia MW, bp. */
  trainingBp: nonNeg.max(20_000),
  /** Inference (serving) work per MW against an Nvidia MW, bp. */
  inferenceBp: nonNeg.max(20_000),
  /** Largest share of a quarter's new compute the programme can supply, per bp of maturity. */
  maxShareOfMaturityBp: nonNeg.max(10_000),
  /** $M of programme R&D per bp of maturity gained. */
  rndPerMaturityBp: int.min(1),
});

export const CompanyParamsSchema = z.object({
  capexHistory: yearMap,
  capex2026: byVariant(nonNeg),
  coreRevenueQ: nonNeg,
  coreMarginBp: nonNeg.max(10_000),
  coreGrowthBp: bp,
  /** The most internal AI use can add to core revenue (ad efficiency) and to its margin (cost-to-serve), bp. */
  coreLift: z.object({ revenueCapBp: nonNeg, marginCapBp: nonNeg }),
  aiRunRateQ: nonNeg,
  /** How much the market judges this seat's capex by its cloud AI revenue (rest: by its core), bp. */
  aiEvidenceBp: nonNeg.max(10_000),
  cash: nonNeg,
  /** Legacy bonds: principal, coupon and the quarter each tranche falls due (the refinancing wall). */
  legacyDebt: z.array(z.object({ principal: nonNeg, couponBp: nonNeg, maturesInQuarters: int.min(1), tenor: z.union(TENORS.map((t) => z.literal(t))) })),
  sharesM: int.min(1),
  priceCents: z.object({ reckoning: int.min(1), buildout: int.min(1) }),
  /** Quarterly dividend per share at the start, cents (0 = pays none). */
  dividendCentsQ: nonNeg,
  openingRating: z.enum(RATINGS),
  /** Agencies' view of the business beyond its ratios (scale, diversity), in notches; negative = better. */
  businessNotch: int.min(-3).max(8),
  chipProgram: ChipProgramParamsSchema,
  serverLifeQuarters: int.min(8).max(24),
  powerHeadroomBp: nonNeg,
  powerPipeline: z.array(z.object({ kind: z.enum(DEAL_KINDS), mw: nonNeg, inQuarters: int.min(0) })),
  organicMwQ: nonNeg,
  aiMarketWeightBp: nonNeg,
  /** How much of the core a capability gap can erode (search and ads fully; an iPhone hardly), bp. */
  obsolescenceExposureBp: nonNeg.max(10_000),
  /** Share of usable compute spent training the seat's own models, bp. */
  trainingShareBp: nonNeg.max(10_000),
  traditionalGrossM: nonNeg,
  otherAssets: nonNeg,
  otherLiabilities: nonNeg,
  contractedQ: nonNeg.optional(),
  contractedQuarters: nonNeg.optional(),
});

export const MarketParamsSchema = z.object({
  capex: z.object({
    historicalAiShareBp: yearMap,
    traditionalShareBp: nonNeg,
    traditionalLifeQuarters: int.min(1),
    facilityLifeQuarters: int.min(1),
    powerAssetLifeQuarters: int.min(1),
    facilityCostK: nonNeg,
    historicalAllInCostK: int.min(1),
  }),
  chips: z.object({
    nvidiaBasePriceK: int.min(1),
    nvidiaGrossMarginBp: nonNeg,
    nvidiaSupplyMwQ: nonNeg,
    nvidiaSupplyGrowthBp: bp,
    priceElasticityBp: nonNeg,
    priceFloorBp: nonNeg,
    priceCapBp: nonNeg,
    nvidiaLeadQuarters: int.min(0),
    customLeadQuarters: int.min(0),
    baseMaturityGainBp: nonNeg,
    /** Programme R&D a quarter that designs at half the fastest pace, $M (pace = fastest × R&D ÷ (R&D + this)). */
    rndReferenceQ: int.min(1),
    /** Quarters a generation takes at the fastest pace. */
    generationQuarters: int.min(1),
    /** The most extra work per MW a programme's newest chip can do over its documented one, bp (g generations ahead: this × g ÷ (g + 1)). */
    maxLeadBp: nonNeg,
    outsideNvidiaDemandMwQ: nonNeg,
  }),
  demand: z.object({
    potentialQ: byScenario(nonNeg),
    growthBp: bp,
    aiRunRateYearEarlierBp: nonNeg,
    aiRunRateGrowthBpQ: nonNeg,
    scarcityCapBp: nonNeg,
    growthNoiseBp: nonNeg,
    driftBp: z.object({ boom: bp, base: bp, bust: bp }),
    driftChanceBp: z.object({ boom: nonNeg, bust: nonNeg }),
    refYieldK: int.min(1),
    jevonsBp: nonNeg,
    outsideMw: byScenario(nonNeg),
    outsideGrowthBp: bp,
    outsideWeightBp: nonNeg,
    shareSmoothingBp: nonNeg,
    aiOpexBp: nonNeg,
    contractYieldMultBp: nonNeg,
  }),
  capability: z.object({ decayBp: nonNeg }),
  core: z.object({
    /** MW of AI compute per $B of annual core revenue that the full lift needs. */
    liftNeedMwPerCoreBn: int.min(1),
    /** Share of the gap to its target the lift closes each quarter, bp. */
    liftSpeedBp: nonNeg.max(10_000),
    /** Share of a laggard's exposed core that moves to the leaders each quarter per point of standing lost, bp. */
    customerShiftBp: nonNeg,
    /** What a seat ahead wins, as a share of the rate a seat behind loses, bp. */
    winnerShareBp: nonNeg.max(10_000),
    /** The most customers (bp of its lifted core) a seat ahead can win over the match. */
    winnerCapBp: nonNeg,
    /** Quarterly noise on the core's underlying revenue, bp (earnings surprises). */
    revenueNoiseBp: nonNeg,
  }),
  energy: z.object({
    powerCostK: z.object({ grid: nonNeg, nuclear_ppa: nonNeg, smr: nonNeg, gas_turbine: nonNeg, organic: nonNeg }),
    gridQueueQuarters: int.min(1),
    offersPerQuarter: z.object({ min: nonNeg, max: nonNeg }),
    kindWeights: byDeal(nonNeg),
    mw: byDeal(span),
    leadQuarters: byDeal(span),
    reservePerMwK: byDeal(nonNeg),
    organicGrowthBpQ: nonNeg,
    /** Power a seat may buy ahead of its servers, as a share of its installed fleet, bp. */
    planningHeadroomBp: nonNeg,
    /** Share of each fleet's MW without power at the opening, bp (chips waiting in warehouses). */
    openingIdleBp: byScenario(nonNeg),
  }),
  credit: z.object({
    baseRateBp: byScenario(nonNeg),
    spreadByRatingBp: z.object(Object.fromEntries(RATINGS.map((r) => [r, nonNeg])) as Record<(typeof RATINGS)[number], typeof nonNeg>),
    /** The term premium over the 5-year, per tenor, bp: negative at the short end of an upward-sloping curve. */
    tenorPremiumBp: z.object(Object.fromEntries(TENORS.map((t) => [String(t), int])) as Record<`${(typeof TENORS)[number]}`, typeof int>),
    /** Net debt ÷ EBITDA ceilings, bp, for each notch from AAA to CCC (13 values). */
    leverageCeilingsBp: z.array(nonNeg).length(RATINGS.length - 1),
    /** EBITDA ÷ interest floors, bp, for each notch from AAA to CCC (13 values). */
    coverageFloorsBp: z.array(nonNeg).length(RATINGS.length - 1),
    igMarket: int.min(1),
    aiIgShareStartBp: nonNeg,
    /** AI-related IG issuance by firms outside the match (labs, neoclouds, Oracle-likes), $M a quarter. */
    outsideAiIssuanceQ: byScenario(nonNeg),
    /** Non-AI IG debt maturing or issued each quarter: the market the AI share is measured in grows too, bp a quarter. */
    igGrowthBpQ: nonNeg,
    crowdingThresholdBp: nonNeg,
    crowdingPerShareBp: nonNeg,
    /** Investors' orders for a jumbo deal from an AA issuer in a neutral market, $M. */
    baseBook: nonNeg,
    bookByRatingBp: z.object(Object.fromEntries(RATINGS.map((r) => [r, nonNeg])) as Record<(typeof RATINGS)[number], typeof nonNeg>),
    bookByRegimeBp: byRegime(nonNeg),
    /** Each point of AI IG share above the threshold takes this much off the book, bp. */
    bookCrowdingBp: nonNeg,
    /** Orders ÷ size a deal needs to clear in full; a thinner book cuts the deal. */
    minCoverBp: int.min(10_000),
    /** New-issue concession per 100% of the book a deal takes, bp. */
    concessionBp: nonNeg,
    leverageSpreadPerTurnBp: nonNeg,
    emergencyPenaltyBp: nonNeg,
    /** Lenders' covenant: net debt ÷ EBITDA after the issue, bp. */
    maxLeverageBp: nonNeg,
    emergencyMaxLeverageBp: nonNeg,
    /** Worst rating bridge lenders still lend to (they lend against a bond take-out only an investment-grade name can count on). */
    bridgeMinRating: z.enum(RATINGS),
    /** Tenor of the bond that takes out a bridge falling due, years. */
    takeOutTenor: z.union(TENORS.map((t) => z.literal(t))),
    /** A quarter pays out borrowed money when more than this share of its new borrowing went to shareholders, bp. */
    payoutFromDebtShareBp: nonNeg.max(10_000),
    /** A seat paying out borrowed money gets this share of its normal capacity, bp. */
    payoutFromDebtCapacityBp: nonNeg,
    /** Regimes in which shareholders will not buy a discounted sale from a seat paying out borrowed money. */
    payoutEquityShutRegimes: z.array(z.enum(REGIMES)),
    /** Best rating that may sell a century bond (and worse may not). */
    centuryMinRating: z.enum(RATINGS),
    centuryMaxLeverageBp: nonNeg,
    /** Quarters an agency keeps a watch before it moves the rating. */
    watchQuarters: int.min(0),
    windowShutQuarters: int.min(0),
  }),
  valuation: z.object({
    taxRateBp: nonNeg,
    /** The return the market wants from a megacap, bp a year: what an expected quarter earns. */
    costOfEquityBp: nonNeg,
    /** Highest core multiple (×10_000); value the documents' price holds beyond it is the market's other value (brand, options). */
    maxCoreMultipleBp: nonNeg,
    /** Multiple on the AI line's forward after-tax earnings (the same for every seat), ×10_000. */
    aiLineMultipleBp: nonNeg,
    /** How much of the AI line's depreciation the market charges against its earnings, bp. */
    depreciationWeightBp: nonNeg,
    /** Quarters of expected core drift (lift minus erosion) the market capitalises. */
    outlookHorizonQ: nonNeg,
    outlookMinBp: nonNeg,
    outlookMaxBp: nonNeg,
    /** The industry's AI franchise: this many quarters of the √-scaled demand index. */
    franchiseMultipleBp: nonNeg,
    franchiseGlutBp: nonNeg,
    /** Bounds on demand ÷ the priced adoption path in the franchise, bp. */
    franchiseSurpriseMinBp: nonNeg,
    franchiseSurpriseMaxBp: nonNeg,
    /** Weight of earned AI revenue (vs credible capacity) in a seat's franchise share, bp. */
    earnedWeightBp: nonNeg.max(10_000),
    /** Share of compute arriving within a year (powered) that counts as a credible prospect, bp. */
    arrivingWeightBp: nonNeg,
    riskByRatingBp: z.object(Object.fromEntries(RATINGS.map((r) => [r, nonNeg])) as Record<(typeof RATINGS)[number], typeof nonNeg>),
    /** Net debt ÷ EBITDA the market shrugs at, bp; each turn above it costs `leveragePenaltyBp`. */
    leverageFreeBp: nonNeg,
    leveragePenaltyBp: nonNeg,
    strandedPenaltyBp: nonNeg,
    earningsFloorBp: nonNeg,
    equityRaiseMaxBp: nonNeg,
    equityRaiseDiscountBp: nonNeg,
    /** Company-specific noise: AR(1) with this shock and persistence, bp. */
    residualNoiseBp: nonNeg,
    residualPersistenceBp: nonNeg.max(10_000),
    /** The whole market's noise, common to every seat: AR(1), bp. */
    marketNoiseBp: nonNeg,
    marketPersistenceBp: nonNeg.max(10_000),
    /** Buybacks: at most this share of the shares outstanding a quarter (the float the market can supply), bp. */
    maxBuybackShareBpQ: nonNeg,
  }),
  expectations: z.object({
    /** Reaction per bp of capex surprise not matched by revenue evidence, by mood (negative = punished). */
    capexReactionBp: byRegime(bp),
    /** AI revenue dollars count this many times in the revenue evidence: they carry the growth story. */
    aiSignalMultiple: int.min(1),
    /** How many bp of capex surprise one bp of revenue surprise justifies ("spending tolerated when it drives the core now"). */
    evidenceCoverBp: nonNeg,
    /** Reaction per bp of revenue surprise (AI and core, weighted by aiEvidence), bp. */
    revenueReactionBp: nonNeg,
    /** Reaction per bp of earnings surprise, bp. */
    earningsReactionBp: nonNeg,
    /** Share of the credibility premium that fades each quarter, bp. */
    credibilityDecayBp: nonNeg.max(10_000),
    credibilityMinBp: nonNeg,
    credibilityMaxBp: nonNeg,
    /** Weight of what the seat did last quarter (vs the prior consensus) in the next capex consensus, bp. */
    capexLearningBp: nonNeg.max(10_000),
  }),
  sentiment: z.object({
    start: byScenario(z.enum(REGIMES)),
    /** The regime's multiple on every seat (the sector's rating), bp. */
    regimeMultBp: byRegime(nonNeg),
    /** How the mood's multiple moves per bp of industry coverage (AI revenue ÷ capex) above or below the opening, bp. */
    coverageSlopeBp: nonNeg,
    moodMinBp: nonNeg,
    moodMaxBp: nonNeg,
    coverageHurdleBp: byRegime(nonNeg),
    minQuartersInRegime: int.min(1),
  }),
  guidance: z.object({
    growthAfter2026Bp: byVariant(bp),
    consensusCapBp: bp,
    investHeavyGrowthBp: bp,
  }),
  events: z.object({
    chanceBp: z.record(z.string(), nonNeg),
    efficiencyShockBp: nonNeg,
    efficiencyRecoveryBp: nonNeg,
    rateMoveBp: nonNeg,
    gridApprovalMw: nonNeg,
    gridOutageBp: nonNeg,
    chipSlipQuarters: nonNeg,
    antitrustValuationBp: nonNeg,
    antitrustFine: nonNeg,
    megaDealQ: nonNeg,
    megaDealQuarters: nonNeg,
    megaDealPopBp: nonNeg,
  }),
  /** Bounds and thresholds of the engine's rules (each cited or INFERRED in markets.json). */
  rules: z.object({
    capabilityTiersBp: z.tuple([nonNeg, nonNeg, nonNeg]),
    customerLossCapBp: nonNeg.max(10_000),
    bookCrowdingFloorBp: nonNeg.max(10_000),
    servingAtZeroCapabilityBp: nonNeg.max(10_000),
    surpriseCapBp: nonNeg,
    industryGrowthSeenBp: z.tuple([bp, bp]),
    evidenceCapBp: nonNeg,
    efficiencyFloorBp: nonNeg.max(10_000),
    maxBaseRateBp: nonNeg,
    newsworthyMoveBp: nonNeg,
    jumboBond: nonNeg,
    defaultedEquity: nonNeg,
    openingOcfOfEbitdaBp: nonNeg.max(10_000),
    defaultCustomShareOfMaturityBp: nonNeg.max(10_000),
    maxLeverageDiscountBp: nonNeg.max(10_000),
  }),
});

/** One seat's par in one scenario and match length: its par TSR (balance/par.ts) and its swing (half the IQR) after each quarter, bp. */
const SeatParSchema = z.object({ parBp: z.array(bp).min(MIN_TURNS).max(MAX_TURNS), swingBp: z.array(int.min(1)).min(MIN_TURNS).max(MAX_TURNS) });
/** Match length (quarters, as a key) → par path of that length. */
const ParByLengthSchema = z
  .record(z.string().regex(/^\d+$/), SeatParSchema)
  .refine((m) => Object.keys(m).length > 0, "no calibrated length")
  .refine(
    (m) => Object.entries(m).every(([len, p]) => p.parBp.length === Number(len) && p.swingBp.length === Number(len)),
    "a path's length differs from its match length",
  );
const ParBySeatSchema = z.object(
  Object.fromEntries(COMPANIES.map((id) => [id, byScenario(ParByLengthSchema)])) as Record<CompanyId, ReturnType<typeof byScenario<typeof ParByLengthSchema>>>,
);

/** balance/params/par.json (generated by `npm run par`): the handicap score's par, stamped with the engine it was calibrated on. */
export const ParTableSchema = z.object({
  engineVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** What the AI levels decided when it was calibrated (balance/ai-fingerprint.ts). */
  aiFingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  levels: z.object(Object.fromEntries(PAR_LEVELS.map((l) => [l, ParBySeatSchema])) as Record<ParLevel, typeof ParBySeatSchema>),
});

export type CompanyParams = z.infer<typeof CompanyParamsSchema>;
export type ChipProgramParams = z.infer<typeof ChipProgramParamsSchema>;
export type MarketParams = z.infer<typeof MarketParamsSchema>;

const CompaniesSchema = z.object(Object.fromEntries(COMPANIES.map((id) => [id, CompanyParamsSchema])) as Record<CompanyId, typeof CompanyParamsSchema>);

/** Parses unwrapped parameters; throws with every bad path named (a broken parameter file is a bug, not input). */
export function parseParams<T extends z.ZodType>(schema: T, raw: unknown, file: string): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new Error(`balance/params/${file} is invalid: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return r.data;
}

export const COMPANY_PARAMS: Readonly<Record<CompanyId, CompanyParams>> = parseParams(CompaniesSchema, unwrapParams(companiesJson), "companies.json");
export const MARKET_PARAMS: MarketParams = parseParams(MarketParamsSchema, unwrapParams(marketsJson), "markets.json");
export type ParTable = z.infer<typeof ParTableSchema>;
export const PAR_TABLE: ParTable = parseParams(ParTableSchema, unwrapParams(parJson), "par.json");
