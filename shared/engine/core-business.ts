/** Step 5: the non-AI cash engine grows, is lifted by internal AI use and eroded by obsolescence. */
import { MARKET_PARAMS, COMPANY_PARAMS } from "../rules/params.ts";
import type { CompanyId } from "./ids.ts";
import type { CoreBusiness } from "./types.ts";
import { BP, clamp, mulBp } from "./money.ts";

const K = MARKET_PARAMS.capability;

export interface CoreStep {
  readonly core: CoreBusiness;
  readonly liftGainBp: number;
  readonly erosionGainBp: number;
}

export function stepCore(id: CompanyId, core: CoreBusiness, usableMw: number, capabilityBp: number): CoreStep {
  const p = COMPANY_PARAMS[id];
  // Internal use: the lift grows while the core has enough compute, up to a cap (Meta's ROAS +12%).
  const needMw = Math.max(1, Math.floor((core.revenue * 4 * K.liftNeedMwPerCoreBn) / 1000 / 1000));
  const useBp = clamp(Math.floor((usableMw * BP) / needMw), 0, BP);
  const liftGainBp = core.liftBp >= K.liftCapBp ? 0 : Math.min(K.liftCapBp - core.liftBp, mulBp(p.coreLiftBpQ, useBp));
  // Strategic obsolescence: far behind the capability leader, the core loses customers for good.
  const gap = Math.max(0, K.obsolescenceThresholdBp - capabilityBp);
  const erosionGainBp = mulBp(gap, K.erosionPerGapBp);
  const quarterlyGrowthBp = Math.floor(core.growthBp / 4) + liftGainBp - erosionGainBp;
  return {
    core: {
      revenue: core.revenue + mulBp(core.revenue, quarterlyGrowthBp),
      marginBp: core.marginBp,
      growthBp: core.growthBp,
      erosionBp: core.erosionBp + erosionGainBp,
      liftBp: core.liftBp + liftGainBp,
    },
    liftGainBp,
    erosionGainBp,
  };
}
