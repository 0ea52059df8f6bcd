/** Step 1: energy. Sealed-bid auctions for scarce deals; contracted MW arrive after their lead time. */
import { MARKET_PARAMS, COMPANY_PARAMS } from "../rules/params.ts";
import { DEAL_KINDS, type CompanyId, type DealKind } from "./ids.ts";
import type { CompanyState, EnergyDeal, PowerContract } from "./types.ts";
import { nextInt, nextRange, type Draw } from "./rng.ts";
import { BP } from "./money.ts";

const E = MARKET_PARAMS.energy;
const REGIONS: Readonly<Record<DealKind, readonly string[]>> = {
  grid: ["n_virginia", "ireland", "texas", "ohio"],
  nuclear_ppa: ["pennsylvania", "illinois"],
  smr: ["tennessee", "washington"],
  gas_turbine: ["texas", "louisiana"],
};

function pickKind(rng: number): Draw<DealKind> {
  const total = DEAL_KINDS.reduce((s, k) => s + E.kindWeights[k], 0);
  const d = nextInt(rng, total);
  let acc = 0;
  for (const k of DEAL_KINDS) {
    acc += E.kindWeights[k];
    if (d.value < acc) return { value: k, rng: d.rng };
  }
  return { value: "grid", rng: d.rng };
}

/** The deals on offer next quarter. Grid leads follow the interconnect queue. */
export function generateOffers(rng: number, turn: number, seq: number, gridQueueQuarters: number): Draw<{ offers: EnergyDeal[]; seq: number }> {
  let r = rng;
  const n = nextRange(r, E.offersPerQuarter.min, E.offersPerQuarter.max);
  r = n.rng;
  const offers: EnergyDeal[] = [];
  let s = seq;
  for (let i = 0; i < n.value; i++) {
    const k = pickKind(r);
    r = k.rng;
    const kind = k.value;
    const [mwLo, mwHi] = E.mw[kind];
    const mw = nextRange(r, mwLo / 10, mwHi / 10);
    r = mw.rng;
    const [leadLo, leadHi] = kind === "grid" ? [gridQueueQuarters - 4, gridQueueQuarters + 2] : E.leadQuarters[kind];
    const lead = nextRange(r, Math.max(1, leadLo), Math.max(1, leadHi));
    r = lead.rng;
    const regions = REGIONS[kind];
    const region = nextInt(r, regions.length);
    r = region.rng;
    const mwValue = mw.value * 10;
    offers.push({
      id: `E${turn + 1}-${s}`,
      kind,
      region: regions[region.value] ?? "n_virginia",
      mw: mwValue,
      leadQuarters: lead.value,
      reservePrice: Math.max(1, Math.round((mwValue * E.reservePerMwK[kind]) / 1000)),
      costPerMwQK: E.powerCostK[kind],
    });
    s++;
  }
  return { value: { offers, seq: s }, rng: r };
}

export interface AuctionOutcome {
  readonly deal: EnergyDeal;
  readonly winner: CompanyId | null;
  readonly price: number;
  readonly bids: number;
}

/**
 * A sealed second-price auction, as grid and capacity auctions run: the highest bid at or above
 * the reserve wins and pays the second-highest bid (or the reserve when it bid alone), so bidding
 * one's true value is best and a sniper one dollar above the reserve gains nothing. Ties go to the
 * seeded RNG. Seats are visited in canonical order, never network arrival order.
 */
export function runAuctions(
  rng: number,
  offers: readonly EnergyDeal[],
  bidsBySeat: readonly { seat: CompanyId; dealId: string; amount: number }[],
): Draw<AuctionOutcome[]> {
  let r = rng;
  const out: AuctionOutcome[] = [];
  for (const deal of offers) {
    const bids = bidsBySeat.filter((b) => b.dealId === deal.id && b.amount >= deal.reservePrice);
    if (bids.length === 0) {
      out.push({ deal, winner: null, price: 0, bids: 0 });
      continue;
    }
    const top = Math.max(...bids.map((b) => b.amount));
    const tied = bids.filter((b) => b.amount === top);
    const pick = nextInt(r, tied.length);
    r = pick.rng;
    const w = tied[pick.value]!;
    const rest = bids.filter((b) => b !== w).map((b) => b.amount);
    const price = Math.max(deal.reservePrice, ...rest);
    out.push({ deal, winner: w.seat, price, bids: bids.length });
  }
  return { value: out, rng: r };
}

/** Contracts due this quarter come online; the queued organic grid connections arrive too. */
export function bringPowerOnline(c: CompanyState, turn: number): CompanyState["power"] {
  const due = c.power.pipeline.filter((p) => p.onlineTurn <= turn);
  const pipeline = c.power.pipeline.filter((p) => p.onlineTurn > turn);
  // Queued connections and on-site builds ramp up with the build-out (linear in the turn).
  const base = COMPANY_PARAMS[c.id].organicMwQ;
  const organic = base + Math.floor((base * E.organicGrowthBpQ * Math.max(0, turn)) / BP);
  let mw = c.power.onlineMw;
  let costWeighted = c.power.onlineMw * c.power.costPerMwQK;
  for (const p of due) {
    mw += p.mw;
    costWeighted += p.mw * p.costPerMwQK;
  }
  mw += organic;
  costWeighted += organic * E.powerCostK.organic;
  return { onlineMw: mw, pipeline, costPerMwQK: mw === 0 ? 0 : Math.round(costWeighted / mw), outageMw: c.power.outageMw };
}

/**
 * MW of power a seat could put to work by `byTurn`: its servers installed or arriving by then, plus
 * a planning headroom on today's fleet (power is bought ahead of servers), less the power it will
 * have by then (online, contracted, and the organic connections still to come).
 */
export function powerNeedMw(c: CompanyState, turn: number, byTurn: number): number {
  const ahead = powerAhead(c, turn, byTurn);
  return Math.max(0, ahead.servers + Math.floor((ahead.installed * E.planningHeadroomBp) / BP) - ahead.power);
}

/** Servers live at `byTurn` (installed or ordered), servers installed now, and the power the seat will have by then. */
export function powerAhead(c: CompanyState, turn: number, byTurn: number): { servers: number; installed: number; power: number } {
  let servers = 0;
  let installed = 0;
  for (const v of c.assets) {
    if (v.kind !== "ai_servers") continue;
    const end = v.inServiceTurn + v.lifeQuarters;
    if (v.inServiceTurn <= byTurn && end > byTurn) servers += v.mw;
    if (v.inServiceTurn <= turn && end > turn) installed += v.mw;
  }
  return { servers, installed, power: powerBy(c, turn, byTurn) };
}

/** The power a seat will have by `byTurn`: online now, contracted by then, and the organic connections still to come. */
function powerBy(c: CompanyState, turn: number, byTurn: number): number {
  let power = Math.max(0, c.power.onlineMw - c.power.outageMw);
  for (const p of c.power.pipeline) if (p.onlineTurn <= byTurn) power += p.mw;
  const base = COMPANY_PARAMS[c.id].organicMwQ;
  for (let t = turn + 1; t <= byTurn; t++) power += base + Math.floor((base * E.organicGrowthBpQ * t) / BP);
  return power;
}

/**
 * Share of the fleet a year out (servers installed or ordered) that will still lack power then, bp:
 * what investors fear in idle chips. Chips the quarter's grid connections will light are no worry.
 * `serversAhead`: the servers live a year out, when the caller has counted them (cohorts.ts).
 */
export function strandedAheadBp(c: CompanyState, turn: number, serversAhead?: number): number {
  const servers = serversAhead ?? powerAhead(c, turn, turn + 4).servers;
  const power = powerBy(c, turn, turn + 4);
  return servers <= 0 ? 0 : Math.floor((Math.max(0, servers - power) * BP) / servers);
}

/** A seat may bid on a deal only if it could use at least half of its MW by the time it comes online: no hogging the grid. */
export function canUseDeal(c: CompanyState, turn: number, deal: EnergyDeal): boolean {
  return powerNeedMw(c, turn, turn + deal.leadQuarters) * 2 >= deal.mw;
}

export function contractFrom(deal: EnergyDeal, turn: number): PowerContract {
  return { dealId: deal.id, kind: deal.kind, mw: deal.mw, onlineTurn: turn + deal.leadQuarters, costPerMwQK: deal.costPerMwQK };
}
