/** The two built-in scenarios and their scheduled events. */
import type { ScenarioId } from "../engine/ids.ts";
import type { ScheduledEvent } from "../engine/types.ts";

export interface Scenario {
  readonly id: ScenarioId;
  readonly startYear: number;
  /** Years of history pre-filled before the first turn (oldest first). */
  readonly historyYears: readonly number[];
  readonly schedule: readonly ScheduledEvent[];
}

export const SCENARIO_DEFS: Readonly<Record<ScenarioId, Scenario>> = {
  // Jan 2026: the "DeepSeek shock" of doc 004 (deepseek_jan2026) opens the match.
  reckoning: {
    id: "reckoning",
    startYear: 2026,
    historyYears: [2022, 2023, 2024, 2025],
    schedule: [{ turn: 0, kind: "efficiency_shock", magnitudeBp: 1000 }],
  },
  // Jan 2025: the first DeepSeek moment (deepseek_jan2025).
  buildout: {
    id: "buildout",
    startYear: 2025,
    historyYears: [2022, 2023, 2024],
    schedule: [{ turn: 0, kind: "efficiency_shock", magnitudeBp: 1500 }],
  },
};
