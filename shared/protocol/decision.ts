import { z } from "zod";
import { TENORS } from "../engine/ids.ts";
import { DECISION_MONEY_MAX, MAX_ENERGY_BIDS } from "../engine/types.ts";

/** Whole $M, non-negative, bounded so a hostile payload cannot overflow the engine's integers. */
export const MoneySchema = z.number().int().min(0).max(DECISION_MONEY_MAX);

export const EnergyBidSchema = z.strictObject({
  dealId: z.string().min(1).max(40),
  amount: MoneySchema,
});

export const DecisionSchema = z.strictObject({
  capex: MoneySchema,
  customShareBp: z.number().int().min(0).max(10_000),
  chipRnd: MoneySchema,
  debtIssue: MoneySchema,
  debtTenor: z.union(TENORS.map((t) => z.literal(t))),
  debtRepay: MoneySchema,
  energyBids: z.array(EnergyBidSchema).max(MAX_ENERGY_BIDS),
  buybacks: MoneySchema,
  dividends: MoneySchema,
});
