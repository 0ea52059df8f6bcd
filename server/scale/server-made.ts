/** Whether room options carry a server-side request (a restore, a class, a class's match): no client can make one. */
import { CLASS_REQUEST_KEY } from "../class/context.ts";
import { SERVER_REQUEST_KEY } from "../rooms/context.ts";

export function isServerMade(options: unknown): boolean {
  if (typeof options !== "object" || options === null) return false;
  const o = options as Record<string, unknown>;
  return typeof o[SERVER_REQUEST_KEY] === "string" || typeof o[CLASS_REQUEST_KEY] === "string";
}
