/** Step 1: energy. Sealed-bid auctions for this quarter's deals; contracted MW that are due come online. */
import { MARKET_PARAMS } from "../../rules/params.ts";
import { bringPowerOnline, contractFrom, runAuctions } from "../energy.ts";
import type { Vintage } from "../types.ts";
import { type TurnContext, seatWork } from "./context.ts";

export function runEnergy(ctx: TurnContext): void {
  const offers = ctx.state.market.energy.offers;
  const bids = ctx.active.flatMap((id) => seatWork(ctx, id).decision.energyBids.map((b) => ({ seat: id, dealId: b.dealId, amount: b.amount })));
  const auction = runAuctions(ctx.rng, offers, bids);
  ctx.rng = auction.rng;
  ctx.auctions = auction.value.map((a) => ({
    dealId: a.deal.id,
    kind: a.deal.kind,
    mw: a.deal.mw,
    winner: a.winner,
    price: a.price,
    bids: a.bids,
    bidders: bids.filter((b) => b.dealId === a.deal.id).map((b) => ({ company: b.seat, amount: b.amount })),
  }));
  for (const a of auction.value) {
    if (!a.winner) continue;
    const w = seatWork(ctx, a.winner);
    w.energyWon.push(a.deal.id);
    w.energyPaid += a.price;
    const asset: Vintage = {
      kind: "power",
      boughtTurn: ctx.turn,
      inServiceTurn: ctx.turn,
      cost: a.price,
      mw: 0,
      lifeQuarters: MARKET_PARAMS.capex.powerAssetLifeQuarters,
    };
    w.c.assets = [...w.c.assets, asset];
    w.c.power = { ...w.c.power, pipeline: [...w.c.power.pipeline, contractFrom(a.deal, ctx.turn)] };
  }
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    w.c.power = bringPowerOnline(w.c, ctx.turn);
  }
}
