/**
 * A decision's spending cut to what the seat can pay. The order says what goes first: the AI cuts
 * payouts before capex, a replayed decision is trimmed the same way; energy bids are dropped from
 * the last one offered.
 */
import type { EnergyBid } from "./types.ts";

export interface Spending {
  readonly capex: number;
  readonly chipRnd: number;
  readonly debtRepay: number;
  readonly buybacks: number;
  readonly dividends: number;
  readonly bids: readonly EnergyBid[];
}

export type SpendPart = keyof Spending;

export function spendingTotal(s: Spending): number {
  return s.capex + s.chipRnd + s.debtRepay + s.buybacks + s.dividends + s.bids.reduce((t, x) => t + x.amount, 0);
}

/** Cuts `s` down to `cap`, taking from each part in `order` until nothing is over. */
export function trimSpending(s: Spending, cap: number, order: readonly SpendPart[]): Spending {
  let over = spendingTotal(s) - cap;
  const out = { ...s };
  for (const part of order) {
    if (over <= 0) break;
    if (part === "bids") {
      let bids = out.bids;
      while (over > 0 && bids.length > 0) {
        over -= bids[bids.length - 1]!.amount;
        bids = bids.slice(0, -1);
      }
      out.bids = bids;
    } else {
      const take = Math.min(out[part], over);
      over -= take;
      out[part] -= take;
    }
  }
  return out;
}
