/** What the HTTP routes need from the server, and the shape of a route module. */
import type { Router } from "express";
import type { ReplayFile, ReplayVerdict } from "../../shared/protocol/index.ts";
import type { Storage } from "../storage/types.ts";

export interface HttpLimits {
  /** Largest JSON body accepted by POST routes (bytes). */
  readonly maxBodyBytes: number;
  /** Room creations per client address per minute. */
  readonly createsPerMinute: number;
  /** Replay verifications per client address per minute. */
  readonly verifiesPerMinute: number;
  /** Join-code lookups per client address per minute. */
  readonly lookupsPerMinute: number;
}

export interface HttpDeps {
  readonly storage: Storage;
  /** Room id of the live room for a match, restoring an unfinished match on demand; null if none. */
  readonly ensureRoom: (matchId: string) => Promise<string | null>;
  readonly roomCount: () => Promise<number>;
  readonly startedAt: number;
  /** client/dist, served when it exists. */
  readonly staticDir: string | null;
  readonly limits: HttpLimits;
  /** Re-simulates a replay (off the event loop when a worker pool is configured). */
  readonly verifyReplay: (file: ReplayFile) => Promise<ReplayVerdict>;
  readonly log: (line: string) => void;
}

/** One concern's routes. Add a module to `ROUTES` in index.ts to serve it. */
export interface RouteModule {
  readonly name: string;
  register(router: Router, deps: HttpDeps): void;
}
