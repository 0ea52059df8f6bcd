/**
 * The restraint paths of GAME.md §7 group 7, as policies. Flat restraint holds capex at the
 * company's 2024 level (calibration.md §0.5: the intensity before the race); it is also what the
 * end screen's counterfactual plays ("if every seat had restrained").
 */
import type { CompanyId } from "../engine/ids.ts";
import type { Policy } from "./policy.ts";
import { cashFloor, returnsFromFcf, shape } from "./shape.ts";
import { COMPANY_PARAMS } from "../rules/params.ts";

/** Restraint at the 2024 level: a quarter of the company's documented 2024 capex. */
export const flatRestraintPolicy: Policy = (view, ctx) => {
  const o = view.own;
  const p = view.seat ? COMPANY_PARAMS[view.seat as CompanyId] : undefined;
  if (!o || !p) return ctx.defaultDecision;
  const level = Math.round((p.capexHistory["2024"] ?? 0) / 4);
  return shape(view, ctx, {
    capex: level,
    energy: { premiumBp: 2_000, maxDeals: 1, needMw: 1 },
    financing: { borrow: "gap", floor: cashFloor(o, 1_500), tenor: 10, maxShareBp: 6_000 },
    buybacks: returnsFromFcf(o, 5_000),
  });
};
