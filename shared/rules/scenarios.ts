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
  // Jan 2025 opens in the training phase's euphoria (phase_training: "buying chips at any cost");
  // the DeepSeek shock comes as doc 004 dates it, in Jan 2026 (deepseek_jan2026), and a euphoric
  // market meets it unprepared: the bond window shuts (bond_window_deepseek).
  buildout: {
    id: "buildout",
    startYear: 2025,
    historyYears: [2022, 2023, 2024],
    schedule: [{ turn: 4, kind: "efficiency_shock", magnitudeBp: 1500 }],
  },
};
