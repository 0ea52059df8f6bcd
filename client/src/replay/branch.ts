/** Branching a finished match from the viewer (the server part comes with the create option `branch`). */
import type * as Phaser from "phaser";
import type { ReplayModel } from "./model.ts";
import { el } from "../ui.ts";

export function branchButton(_scene: Phaser.Scene, _model: ReplayModel, _position: number): HTMLElement {
  return el("span");
}
