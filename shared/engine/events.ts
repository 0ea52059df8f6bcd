/** Step 10: events — scheduled by the scenario or drawn from the seeded RNG. */
import { MARKET_PARAMS } from "../rules/params.ts";
import type { CompanyId, EventKind } from "./ids.ts";
import type { ActiveEvent, ScheduledEvent } from "./types.ts";
import { nextChanceBp, nextInt, type Draw } from "./rng.ts";

const EV = MARKET_PARAMS.events;
const RANDOM_KINDS: readonly EventKind[] = ["efficiency_shock", "rate_move", "grid_approval", "grid_outage", "chip_slip", "antitrust", "mega_deal"];

function defaultMagnitude(kind: EventKind): number {
  switch (kind) {
    case "efficiency_shock":
      return EV.efficiencyShockBp;
    case "rate_move":
      return EV.rateMoveBp;
    case "grid_approval":
      return EV.gridApprovalMw;
    case "grid_outage":
      return EV.gridOutageBp;
    case "chip_slip":
      return EV.chipSlipQuarters;
    case "antitrust":
      return EV.antitrustValuationBp;
    case "mega_deal":
      return EV.megaDealQ;
    default:
      return 0;
  }
}

export function fromScheduled(e: ScheduledEvent): ActiveEvent {
  return { kind: e.kind, turn: e.turn, magnitudeBp: e.magnitudeBp ?? defaultMagnitude(e.kind), ...(e.target ? { target: e.target } : {}) };
}

/**
 * Random events of one quarter. `targets` are the active seats in canonical order; a rate move
 * is up or down with equal odds; seat events pick their target with the RNG.
 */
export function drawEvents(rng: number, turn: number, targets: readonly CompanyId[], eligibleForSlip: readonly CompanyId[]): Draw<ActiveEvent[]> {
  let r = rng;
  const out: ActiveEvent[] = [];
  for (const kind of RANDOM_KINDS) {
    const hit = nextChanceBp(r, EV.chanceBp[kind] ?? 0);
    r = hit.rng;
    if (!hit.value) continue;
    let magnitude = defaultMagnitude(kind);
    let target: CompanyId | undefined;
    if (kind === "rate_move") {
      const up = nextInt(r, 2);
      r = up.rng;
      if (up.value === 0) magnitude = -magnitude;
    }
    const pool = kind === "chip_slip" ? eligibleForSlip : kind === "efficiency_shock" || kind === "rate_move" ? [] : targets;
    if (kind !== "efficiency_shock" && kind !== "rate_move") {
      if (pool.length === 0) continue;
      const t = nextInt(r, pool.length);
      r = t.rng;
      target = pool[t.value];
    }
    out.push({ kind, turn, magnitudeBp: magnitude, ...(target ? { target } : {}) });
  }
  return { value: out, rng: r };
}
