/** Step 1: energy deals, sealed-bid auctions, lead times, power coming online. */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS, COMPANY_PARAMS } from "../../shared/rules/params.ts";
import { bringPowerOnline, canUseDeal, contractFrom, generateOffers, powerNeedMw, runAuctions } from "../../shared/engine/energy.ts";
import { seedRng } from "../../shared/engine/rng.ts";
import { DEAL_KINDS, createMatch, resolveTurn, type CompanyId, type Decision, type EnergyDeal, type MatchState } from "../../shared/engine/index.ts";
import { defaultDecisions } from "./helpers.ts";

const E = MARKET_PARAMS.energy;
const DEAL: EnergyDeal = { id: "E1-1", kind: "nuclear_ppa", region: "pennsylvania", mw: 500, leadQuarters: 2, reservePrice: 300, costPerMwQK: 190 };
const OTHER: EnergyDeal = { ...DEAL, id: "E1-2", reservePrice: 100 };

describe("sealed-bid auctions", () => {
  test("second price: the highest bid at or above the reserve wins and pays the next-highest bid", () => {
    const r = runAuctions(
      seedRng(1),
      [DEAL],
      [
        { seat: "microsoft", dealId: DEAL.id, amount: 400 },
        { seat: "amazon", dealId: DEAL.id, amount: 650 },
        { seat: "meta", dealId: DEAL.id, amount: 300 },
      ],
    );
    expect(r.value[0]).toMatchObject({ winner: "amazon", price: 400, bids: 3 });
  });

  test("no sniping: a lone bid pays the reserve, whatever it bid; bidding one's value is best", () => {
    const lone = runAuctions(seedRng(1), [DEAL], [{ seat: "meta", dealId: DEAL.id, amount: 900 }]);
    expect(lone.value[0]).toMatchObject({ winner: "meta", price: DEAL.reservePrice });
    const sniper = runAuctions(
      seedRng(1),
      [DEAL],
      [
        { seat: "meta", dealId: DEAL.id, amount: DEAL.reservePrice + 1 },
        { seat: "amazon", dealId: DEAL.id, amount: 500 },
      ],
    );
    expect(sniper.value[0]).toMatchObject({ winner: "amazon", price: DEAL.reservePrice + 1 });
  });

  test("a seat may bid only on deals it could use half of by the time they come online", () => {
    const s = createMatch({ seed: 11, seats: ["microsoft", "meta"], randomEvents: false });
    const meta = s.companies.meta!;
    for (const deal of s.market.energy.offers) expect(canUseDeal(meta, 0, deal)).toBe(powerNeedMw(meta, 0, deal.leadQuarters) * 2 >= deal.mw);
    // Servers on order raise the need; power contracted lowers it.
    const withServers = {
      ...meta,
      assets: [
        ...meta.assets,
        { kind: "ai_servers" as const, chip: "nvidia" as const, boughtTurn: 0, inServiceTurn: 1, cost: 50_000, mw: 2000, lifeQuarters: 16 },
      ],
    };
    expect(powerNeedMw(withServers, 0, 4)).toBeGreaterThan(powerNeedMw(meta, 0, 4));
    const withPower = {
      ...meta,
      power: { ...meta.power, pipeline: [...meta.power.pipeline, { dealId: "x", kind: "grid" as const, mw: 5000, onlineTurn: 2, costPerMwQK: 110 }] },
    };
    expect(powerNeedMw(withPower, 0, 4)).toBeLessThanOrEqual(powerNeedMw(meta, 0, 4));
  });

  test("a bid exactly at the reserve wins; bids below it lose and do not count", () => {
    const at = runAuctions(seedRng(1), [DEAL], [{ seat: "meta", dealId: DEAL.id, amount: 300 }]);
    expect(at.value[0]).toMatchObject({ winner: "meta", price: DEAL.reservePrice, bids: 1 });
    const below = runAuctions(
      seedRng(1),
      [DEAL],
      [
        { seat: "meta", dealId: DEAL.id, amount: 299 },
        { seat: "apple", dealId: DEAL.id, amount: 10_000 - 9_999 },
      ],
    );
    expect(below.value[0]).toMatchObject({ winner: null, price: 0, bids: 0 });
    // A huge bid below reserve on one deal does not leak into another deal.
    const cross = runAuctions(seedRng(1), [DEAL, OTHER], [{ seat: "meta", dealId: OTHER.id, amount: 299 }]);
    expect(cross.value.map((a) => a.winner)).toEqual([null, "meta"]);
  });

  test("ties are broken by the seeded RNG: deterministic for one state, both sides can win across states", () => {
    const tie = [
      { seat: "microsoft" as CompanyId, dealId: DEAL.id, amount: 500 },
      { seat: "alphabet" as CompanyId, dealId: DEAL.id, amount: 500 },
    ];
    const winners = new Set<string | null>();
    for (let seed = 0; seed < 64; seed++) {
      const a = runAuctions(seedRng(seed), [DEAL], tie);
      const b = runAuctions(seedRng(seed), [DEAL], tie);
      expect(b).toEqual(a);
      // Listing order of the bids does not decide the winner by itself.
      winners.add(a.value[0]!.winner);
    }
    expect(winners).toEqual(new Set(["microsoft", "alphabet"]));
  });

  test("the RNG advances only for contested deals", () => {
    const rng = seedRng(9);
    expect(runAuctions(rng, [DEAL, OTHER], []).rng).toBe(rng);
    expect(runAuctions(rng, [DEAL], [{ seat: "meta", dealId: DEAL.id, amount: 400 }]).rng).not.toBe(rng);
  });
});

describe("deal generation", () => {
  test("offers are scarce, well-formed, unique and deterministic", () => {
    for (let seed = 0; seed < 50; seed++) {
      const g = generateOffers(seedRng(seed), 3, 10, E.gridQueueQuarters);
      expect(generateOffers(seedRng(seed), 3, 10, E.gridQueueQuarters)).toEqual(g);
      const offers = g.value.offers;
      expect(offers.length).toBeGreaterThanOrEqual(E.offersPerQuarter.min);
      expect(offers.length).toBeLessThanOrEqual(E.offersPerQuarter.max);
      expect(new Set(offers.map((o) => o.id)).size).toBe(offers.length);
      expect(g.value.seq).toBe(10 + offers.length);
      for (const o of offers) {
        expect(DEAL_KINDS).toContain(o.kind);
        const [lo, hi] = E.mw[o.kind];
        expect(o.mw).toBeGreaterThanOrEqual(lo);
        expect(o.mw).toBeLessThanOrEqual(hi);
        expect(o.reservePrice).toBeGreaterThanOrEqual(1);
        expect(o.leadQuarters).toBeGreaterThanOrEqual(1);
        if (o.kind === "grid") {
          expect(o.leadQuarters).toBeGreaterThanOrEqual(E.gridQueueQuarters - 4);
          expect(o.leadQuarters).toBeLessThanOrEqual(E.gridQueueQuarters + 2);
        } else {
          expect(o.leadQuarters).toBeGreaterThanOrEqual(E.leadQuarters[o.kind][0]);
          expect(o.leadQuarters).toBeLessThanOrEqual(E.leadQuarters[o.kind][1]);
        }
        expect(o.costPerMwQK).toBe(E.powerCostK[o.kind]);
      }
    }
  });
});

describe("contracts and power coming online", () => {
  test("a contract comes online after its lead time, together with the organic grid additions", () => {
    const s = createMatch({ seed: 1, seats: ["meta"] });
    const meta = s.companies.meta!;
    const contract = contractFrom(DEAL, 4);
    expect(contract.onlineTurn).toBe(4 + DEAL.leadQuarters);
    const c = { ...meta, power: { ...meta.power, pipeline: [contract] } };
    const bare = { ...meta, power: { ...meta.power, pipeline: [] } };
    // Organic grid additions: at least the opening rate every quarter, never shrinking.
    const organic = (t: number): number => bringPowerOnline(bare, t).onlineMw - meta.power.onlineMw;
    expect(organic(0)).toBe(COMPANY_PARAMS.meta.organicMwQ);
    expect(organic(6)).toBeGreaterThanOrEqual(organic(5));
    const early = bringPowerOnline(c, 5);
    expect(early.onlineMw).toBe(meta.power.onlineMw + organic(5));
    expect(early.pipeline).toEqual([contract]);
    const due = bringPowerOnline(c, 6);
    expect(due.onlineMw).toBe(meta.power.onlineMw + organic(6) + DEAL.mw);
    expect(due.pipeline).toEqual([]);
    // The running cost is the MW-weighted blend.
    expect(due.costPerMwQK).toBeGreaterThan(Math.min(meta.power.costPerMwQK, DEAL.costPerMwQK) - 1);
    expect(due.costPerMwQK).toBeLessThan(Math.max(meta.power.costPerMwQK, DEAL.costPerMwQK) + 1);
  });

  test("winning a deal in resolveTurn: paid upfront, capitalised, online after the lead time", () => {
    const config = { seed: 11, seats: ["microsoft", "meta"] as CompanyId[], randomEvents: false, turns: 12 };
    // Meta has servers arriving that it needs power for, so it may bid.
    const plain = createMatch(config);
    const start: MatchState = {
      ...plain,
      companies: {
        ...plain.companies,
        meta: {
          ...plain.companies.meta!,
          assets: [
            ...plain.companies.meta!.assets,
            { kind: "ai_servers" as const, chip: "nvidia" as const, boughtTurn: -1, inServiceTurn: 1, cost: 60_000, mw: 2500, lifeQuarters: 16 },
          ],
        },
      },
    };
    const deal = [...start.market.energy.offers].sort((a, b) => a.leadQuarters - b.leadQuarters)[0]!;
    expect(canUseDeal(start.companies.meta!, 0, deal)).toBe(true);
    expect(deal.leadQuarters).toBeLessThan(10);
    const bid = deal.reservePrice + 7;
    const run = (withBid: boolean): MatchState[] => {
      let s = start;
      const out = [s];
      for (let t = 0; t <= deal.leadQuarters; t++) {
        const d = defaultDecisions(s) as Record<CompanyId, Decision>;
        if (t === 0 && withBid) d.meta = { ...d.meta, energyBids: [{ dealId: deal.id, amount: bid }] };
        s = resolveTurn(s, d).state;
        out.push(s);
      }
      return out;
    };
    const a = run(true);
    const b = run(false);
    const won = a[1]!.companies.meta!;
    expect(won.power.pipeline.find((p) => p.dealId === deal.id)).toMatchObject({ mw: deal.mw, onlineTurn: deal.leadQuarters });
    // A lone bidder pays the reserve (second price).
    expect(won.assets.some((v) => v.kind === "power" && v.cost === deal.reservePrice && v.boughtTurn === 0)).toBe(true);
    expect(won.history[0]!.cashFlow.energyPayments).toBe(deal.reservePrice);
    // Before the lead time the MW are not there; from the online turn on they are.
    for (let t = 1; t <= deal.leadQuarters; t++) {
      const diff = a[t]!.companies.meta!.power.onlineMw - b[t]!.companies.meta!.power.onlineMw;
      expect(diff, `after turn ${t - 1}`).toBe(t - 1 >= deal.leadQuarters ? deal.mw : 0);
    }
    const last = deal.leadQuarters + 1;
    expect(a[last]!.companies.meta!.power.onlineMw - b[last]!.companies.meta!.power.onlineMw).toBe(deal.mw);
  });
});
