/** The dilemma meter's two figures, for the teacher's cards and the projector. */
import type { DilemmaMeter } from "../../../shared/protocol/class.ts";

export interface MeterFigures {
  /** Industry capex over the quarters played ÷ the all-restrain path's. */
  readonly capexRatio: number;
  /** Industry net income against the all-restrain path's, bp of the latter. */
  readonly profitBp: number;
}

export function meterFigures(m: DilemmaMeter | null): MeterFigures | null {
  if (!m || m.turns === 0 || m.restrainCapex <= 0) return null;
  const base = Math.abs(m.restrainNetIncome) || 1;
  return { capexRatio: m.capex / m.restrainCapex, profitBp: Math.round(((m.netIncome - m.restrainNetIncome) * 10_000) / base) };
}

/** Bar geometry: capex on 0–3× (the mark at 1× = everyone restraining), profit centred at 0 with ±50% across. */
export function capexBarPct(ratio: number): number {
  return Math.min(100, (ratio / 3) * 100);
}

export function profitBar(profitBp: number): { readonly left: number; readonly width: number } {
  const w = Math.min(50, Math.abs(profitBp) / 100);
  return { left: profitBp < 0 ? 50 - w : 50, width: w };
}
