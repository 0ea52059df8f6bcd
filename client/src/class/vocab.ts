/**
 * The class protocol's vocabulary, restated for the browser: importing shared/protocol/class.ts at
 * runtime would pull zod into the bundle (tests/client/class keeps these equal to the protocol's).
 */
import type { ClassStatus, ProjectorStage } from "../../../shared/protocol/class.ts";

export const PROJECTOR_STAGES = ["board", "decisions", "market", "headlines", "leaderboard"] as const satisfies readonly ProjectorStage[];
export const CLASS_STATUSES = ["lobby", "running", "ended"] as const satisfies readonly ClassStatus[];
export const MAX_MATCHES = 8;
export const CLASS_MIN_TURN_SECONDS = 30;
export const CLASS_MAX_TURN_SECONDS = 3600;
export const CLASS_ROOM_NAME = "class";
