/**
 * What the viewer loads on demand: the protocol's replay parser (zod) and the model that runs the
 * whole engine. Imported dynamically, so neither is part of the title screen's first load.
 */
export { hashSchemeOf, parseReplayText } from "../../../shared/protocol/replay.ts";
export { ReplayModel } from "./model.ts";
