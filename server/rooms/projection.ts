/**
 * The projection of the authoritative engine state into the synced schema state. Only what the
 * engine's `viewFor` lets a seat see leaves the server: public figures for everyone (`viewFor(s,
 * null)`), a seat's private book (`viewFor(s, seat).own`) in fields tagged `.view()`, which reach
 * only connections whose StateView holds that seat. Nothing here knows the seed or the RNG state:
 * the public view carries neither.
 */
import type { StateView } from "@colyseus/schema";
import { viewFor, type CompanyId, type MatchState, type QuarterRecord, type Vintage } from "../../shared/engine/index.ts";
import { flatStatements } from "../../shared/engine/statements.ts";
import { type MatchSync, QuarterSync, type SeatSync, VintageSync } from "../../shared/sync/state.ts";
import type { ClockView } from "./turn-clock.ts";
import type { SeatRuntime } from "./seats.ts";

/** Called with private children added after a seat's view was set up, so they join that view. */
export type AddToSeatView = (company: CompanyId, items: readonly object[]) => void;

/** Public and private figures after a turn (`full` rebuilds the append-only series from scratch). */
export function projectFigures(state: MatchSync, eng: MatchState, full: boolean, addToSeatView: AddToSeatView): void {
  const pub = viewFor(eng, null);
  state.turn = eng.turn;
  state.year = eng.quarter.year;
  state.q = eng.quarter.q;
  state.market = JSON.stringify(pub.market);
  for (const company of eng.config.seats) {
    const sync = state.seats.get(company);
    const c = pub.companies[company];
    if (!sync || !c) continue;
    sync.status = c.status;
    sync.rating = c.rating;
    sync.cash = c.cash;
    sync.debt = c.debt;
    sync.sharePriceCents = c.sharePriceCents;
    sync.marketCap = c.marketCap;
    sync.startMarketCap = c.startMarketCap;
    sync.aiRevenue = c.aiRevenue;
    sync.aiShareBp = c.aiShareBp;
    sync.capabilityBp = c.capabilityBp;
    sync.installedMw = c.installedMw;
    sync.poweredMw = c.poweredMw;
    sync.usableMw = c.usableMw;
    sync.strandedMw = c.strandedMw;
    sync.fleetCustomShareBp = c.fleetCustomShareBp;
    sync.coreRevenue = c.coreRevenue;
    // Append-only series: send only what is new (a full refresh rebuilds them).
    if (full) {
      sync.capexHistory.clear();
      sync.aiRevenueHistory.clear();
      sync.history.clear();
    }
    for (let i = sync.capexHistory.length; i < c.capexHistory.length; i++) sync.capexHistory.push(c.capexHistory[i] ?? 0);
    for (let i = sync.aiRevenueHistory.length; i < c.aiRevenueHistory.length; i++) sync.aiRevenueHistory.push(c.aiRevenueHistory[i] ?? 0);
    for (let i = full ? 0 : Math.max(0, c.history.length - 1); i < c.history.length; i++) {
      const h = c.history[i];
      if (h) sync.history.push(quarterSync(h));
    }
    const own = viewFor(eng, company).own;
    if (own) {
      const tranches = JSON.stringify(own.tranches);
      if (sync.tranches !== tranches) sync.tranches = tranches;
      const pipeline = JSON.stringify(own.powerPipeline);
      if (sync.powerPipeline !== pipeline) sync.powerPipeline = pipeline;
      sync.chipMaturityBp = own.chipProgram.maturityBp;
      sync.chipSlipQuarters = own.chipProgram.slipQuarters;
      sync.serverLifeQuarters = own.serverLifeQuarters;
      sync.contractedPerQuarter = own.contracted.perQuarter;
      sync.contractedQuartersLeft = own.contracted.quartersLeft;
      sync.coreMarginBp = own.coreMarginBp;
      sync.coreGrowthBp = own.coreGrowthBp;
      const added = projectAssets(sync, own.assets);
      if (added.length > 0) addToSeatView(company, added);
    }
  }
}

function quarterSync(h: QuarterRecord): QuarterSync {
  const q = new QuarterSync();
  Object.assign(q, {
    turn: h.turn,
    year: h.quarter.year,
    q: h.quarter.q,
    ...flatStatements(h),
    sharePriceCents: h.sharePriceCents,
    marketCap: h.marketCap,
    rating: h.rating,
    aiShareBp: h.aiShareBp,
    strandedMw: h.strandedMw,
    installedMw: h.installedMw,
    poweredMw: h.poweredMw,
    usableMw: h.usableMw,
  });
  return q;
}

/** Updates the seat's private asset map in place (a turn sends only changed fields); returns new entries. */
function projectAssets(sync: SeatSync, assets: readonly Vintage[]): VintageSync[] {
  const seen = new Map<string, number>();
  const keep = new Set<string>();
  const added: VintageSync[] = [];
  for (const a of assets) {
    const base = `${a.kind}:${a.chip ?? ""}:${a.boughtTurn}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const key = n === 0 ? base : `${base}:${n}`;
    keep.add(key);
    let v = sync.assets.get(key);
    const fresh = v === undefined;
    if (!v) v = new VintageSync();
    v.kind = a.kind;
    v.chip = a.chip ?? "";
    v.boughtTurn = a.boughtTurn;
    v.inServiceTurn = a.inServiceTurn;
    v.cost = a.cost;
    v.mw = a.mw;
    v.lifeQuarters = a.lifeQuarters;
    if (fresh) {
      sync.assets.set(key, v);
      added.push(v);
    }
  }
  for (const key of [...sync.assets.keys()]) if (!keep.has(key)) sync.assets.delete(key);
  return added;
}

/** Who holds the seat and whether it committed (yes/no); the decision itself only in the seat's view. */
export function projectSeat<C>(state: MatchSync, seat: SeatRuntime<C>): void {
  const sync = state.seats.get(seat.company);
  if (!sync) return;
  sync.name = seat.name;
  sync.control = seat.control;
  sync.held = seat.held;
  sync.connected = seat.client !== null && seat.reconnection === null;
  sync.committed = seat.pending !== null;
  sync.ready = seat.ready;
  sync.acked = seat.acked;
  const pending = seat.pending ? JSON.stringify(seat.pending) : "";
  if (sync.pending !== pending) sync.pending = pending;
}

export function projectClock(state: MatchSync, v: ClockView): void {
  state.deadline = v.deadline;
  state.paused = v.paused;
  state.reading = v.reading;
  state.readingUntil = v.readingUntil;
}

/** A connection's view: its own seat's private fields, nothing else. */
export function seatView(view: StateView, state: MatchSync, seat: CompanyId | null): void {
  if (!seat) return;
  const sync = state.seats.get(seat);
  if (sync) view.add(sync);
}
