/** The debrief's heavy part (the engine and every counterfactual run), in its own chunk. */
export { debriefOfReplay } from "../../../shared/debrief/index.ts";
