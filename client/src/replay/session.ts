/**
 * The viewer's state outside the Phaser scene, so a language switch (which restarts the scene) or a
 * trip to the library and back does not re-simulate: the loaded replay, its model and where the
 * viewer stood (position, seat, tab).
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { LoadedReplay } from "./load.ts";
import type { ReplayModel } from "./model.ts";

export type RightTab = "board" | "statements" | "charts";
export type LeftTab = "decisions" | "why" | "auctions";

export interface ViewerSession {
  readonly loaded: LoadedReplay;
  readonly model: ReplayModel | null;
  position: number;
  seat: CompanyId | null;
  tab: RightTab;
  leftTab: LeftTab;
  /** Statements tab: 0 income, 1 cash flow, 2 balance sheet, and whose. */
  statement: number;
  statementsOf: CompanyId | null;
}

let current: ViewerSession | null = null;

function sameSource(a: LoadedReplay["source"], b: LoadedReplay["source"]): boolean {
  return a.kind === "server" && b.kind === "server" ? a.matchId === b.matchId : a.kind === b.kind && a.kind === "file";
}

/** The viewer session for a server match, if it is the one already loaded. */
export function viewerFor(matchId: string | null): ViewerSession | null {
  if (!current) return null;
  if (matchId === null) return current.loaded.source.kind === "file" ? current : null;
  return current.loaded.source.kind === "server" && current.loaded.source.matchId === matchId ? current : null;
}

/** Starts a viewer session for a freshly loaded replay (re-using the model when it is the same source). */
export function openViewer(loaded: LoadedReplay): ViewerSession {
  if (current && sameSource(current.loaded.source, loaded.source) && current.loaded === loaded) return current;
  const model = loaded.ok ? loaded.model : null;
  current = { loaded, model, position: 0, seat: null, tab: "board", leftTab: "decisions", statement: 0, statementsOf: null };
  return current;
}

/** Forgets the loaded replay (a new file is about to be opened). */
export function closeViewer(): void {
  current = null;
}
