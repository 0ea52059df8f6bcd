export * from "./decision.ts";
export * from "./config.ts";
export * from "./replay.ts";
export * from "./messages.ts";
export * from "./exports.ts";
