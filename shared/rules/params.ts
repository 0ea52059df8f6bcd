/**
 * Tuned numbers come from balance/params/*.json, where every leaf is `{ v, cite }` or
 * `{ v, inferred }`. This module strips the citations so the engine reads plain values; the
 * citations stay in the JSON, where tests/balance checks them against figures.json.
 */
import companiesJson from "#params/companies.json" with { type: "json" };
import marketsJson from "#params/markets.json" with { type: "json" };
import type { CompanyId, DealKind, Rating, Regime, ScenarioId, Variant, EventKind } from "../engine/ids.ts";

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

export interface CompanyParams {
  readonly capexHistory: Readonly<Record<string, number>>;
  readonly capex2026: Readonly<Record<Variant, number>>;
  readonly coreRevenueQ: number;
  readonly coreMarginBp: number;
  readonly coreGrowthBp: number;
  readonly aiRunRateQ: number;
  readonly cash: number;
  readonly debt: number;
  readonly debtCouponBp: number;
  readonly sharesM: number;
  readonly priceCents: number;
  readonly customMaturityBp: number;
  readonly serverLifeQuarters: number;
  readonly powerHeadroomBp: number;
  readonly powerPipeline: readonly { readonly kind: DealKind; readonly mw: number; readonly inQuarters: number }[];
  readonly organicMwQ: number;
  readonly aiMarketWeightBp: number;
  readonly coreLiftBpQ: number;
  readonly ratingNotch: number;
  readonly traditionalGrossM: number;
  readonly otherAssets: number;
  readonly otherLiabilities: number;
  readonly contractedQ?: number;
  readonly contractedQuarters?: number;
}

type Span = readonly [number, number];
type ByScenario<T> = Readonly<Record<ScenarioId, T>>;

export interface MarketParams {
  readonly capex: {
    readonly historicalAiShareBp: Readonly<Record<string, number>>;
    readonly traditionalShareBp: number;
    readonly traditionalLifeQuarters: number;
    readonly facilityLifeQuarters: number;
    readonly powerAssetLifeQuarters: number;
    readonly facilityCostK: number;
    readonly historicalAllInCostK: number;
  };
  readonly chips: {
    readonly nvidiaBasePriceK: number;
    readonly nvidiaGrossMarginBp: number;
    readonly nvidiaSupplyMwQ: number;
    readonly nvidiaSupplyGrowthBp: number;
    readonly priceElasticityBp: number;
    readonly priceFloorBp: number;
    readonly priceCapBp: number;
    readonly customDiscountBp: number;
    readonly customMaxShareOfMaturityBp: number;
    readonly customTrainingEfficiencyBp: number;
    readonly nvidiaLeadQuarters: number;
    readonly customLeadQuarters: number;
    readonly rndPerMaturityBp: number;
    readonly baseMaturityGainBp: number;
    readonly outsideNvidiaDemandMwQ: number;
  };
  readonly demand: {
    readonly potentialQ: ByScenario<number>;
    readonly growthBp: number;
    readonly aiRunRateYearEarlierBp: number;
    readonly aiRunRateGrowthBpQ: number;
    readonly scarcityCapBp: number;
    readonly growthNoiseBp: number;
    readonly driftBp: Readonly<Record<"boom" | "base" | "bust", number>>;
    readonly driftChanceBp: Readonly<Record<"boom" | "bust", number>>;
    readonly refYieldK: number;
    readonly jevonsBp: number;
    readonly outsideMw: ByScenario<number>;
    readonly outsideGrowthBp: number;
    readonly outsideWeightBp: number;
    readonly shareSmoothingBp: number;
    readonly aiOpexBp: number;
    readonly contractYieldMultBp: number;
  };
  readonly capability: {
    readonly trainingShareBp: number;
    readonly decayBp: number;
    readonly obsolescenceThresholdBp: number;
    readonly erosionPerGapBp: number;
    readonly liftNeedMwPerCoreBn: number;
    readonly liftCapBp: number;
  };
  readonly energy: {
    readonly powerCostK: Readonly<Record<DealKind | "organic", number>>;
    readonly gridQueueQuarters: number;
    readonly offersPerQuarter: { readonly min: number; readonly max: number };
    readonly kindWeights: Readonly<Record<DealKind, number>>;
    readonly mw: Readonly<Record<DealKind, Span>>;
    readonly leadQuarters: Readonly<Record<DealKind, Span>>;
    readonly reservePerMwK: Readonly<Record<DealKind, number>>;
    readonly organicGrowthBpQ: number;
  };
  readonly bonds: {
    readonly baseRateBp: ByScenario<number>;
    readonly spreadByRatingBp: Readonly<Record<Rating, number>>;
    readonly tenorPremiumBp: Readonly<Record<string, number>>;
    readonly leverageSpreadPerTurnBp: number;
    readonly igMarket: number;
    readonly aiIgShareStartBp: number;
    readonly crowdingThresholdBp: number;
    readonly crowdingPerShareBp: number;
    readonly coverageBaseBp: number;
    readonly jumboSize: number;
    readonly emergencyPenaltyBp: number;
    readonly maxLeverageTurnsBp: number;
    readonly emergencyMaxLeverageTurnsBp: number;
    readonly ratingLeverageBp: readonly number[];
    readonly windowShutQuarters: number;
  };
  readonly stock: {
    readonly taxRateBp: number;
    readonly regimeMultBp: Readonly<Record<Regime, number>>;
    readonly positionPremiumBp: number;
    readonly franchiseMultipleBp: number;
    readonly aiSalesMultipleBp: number;
    readonly disciplinePenaltyBp: number;
    readonly leveragePenaltyBp: number;
    readonly strandedPenaltyBp: number;
    readonly adjustBp: number;
    readonly noiseBp: number;
    readonly earningsFloorBp: number;
    readonly equityRaiseMaxBp: number;
    readonly equityRaiseDiscountBp: number;
    readonly outsidePositionBp: number;
    readonly positionSqrt: boolean;
    readonly franchiseGlutBp: number;
    readonly franchiseSqrtGrowth: boolean;
    readonly franchiseLeveragePenaltyBp: number;
    readonly franchiseRiskFloorBp: number;
  };
  readonly sentiment: {
    readonly start: ByScenario<Regime>;
    readonly coverageHurdleBp: Readonly<Record<Regime, number>>;
    readonly minQuartersInRegime: number;
  };
  readonly guidance: {
    readonly growthAfter2026Bp: Readonly<Record<Variant, number>>;
    readonly consensusCapBp: number;
    readonly investHeavyGrowthBp: number;
  };
  readonly events: {
    readonly chanceBp: Readonly<Partial<Record<EventKind, number>>>;
    readonly efficiencyShockBp: number;
    readonly efficiencyRecoveryBp: number;
    readonly rateMoveBp: number;
    readonly gridApprovalMw: number;
    readonly gridOutageBp: number;
    readonly chipSlipQuarters: number;
    readonly antitrustValuationBp: number;
    readonly antitrustFine: number;
    readonly megaDealQ: number;
    readonly megaDealQuarters: number;
    readonly megaDealPopBp: number;
  };
}

export const COMPANY_PARAMS = unwrapParams(companiesJson) as Readonly<Record<CompanyId, CompanyParams>>;
export const MARKET_PARAMS = unwrapParams(marketsJson) as MarketParams;
