/**
 * The HTTP side of the server, on express: one module per concern, registered in `ROUTES` (adding
 * a concern is one line there). Before any route: a URL that does not decode is a 400; responses
 * are compressed. After the routes: the static client, JSON 404s, and the error handler that turns
 * every client mistake into a 4xx.
 */
import compression from "compression";
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { codes } from "./codes.ts";
import type { HttpDeps, RouteModule } from "./deps.ts";
import { HttpError, errorHandler, sendError } from "./errors.ts";
import { health } from "./health.ts";
import { matches } from "./matches.ts";
import { matchmake } from "./matchmake.ts";
import { replays } from "./replays.ts";
import { library } from "./replays-library.ts";
import { serveClient } from "./static-client.ts";

export type { HttpDeps, HttpLimits, RouteModule } from "./deps.ts";

export const ROUTES: readonly RouteModule[] = [health, matchmake, matches, codes, replays, library];

/** `%`, `%ZZ`, `%E0%A4%A`: refused before any route tries to decode them. */
function decodableUrl(req: Request, _res: Response, next: NextFunction): void {
  const raw = req.url ?? "/";
  const path = raw.split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
  } catch {
    throw new HttpError(400, "http/bad_url", "the URL path is not valid percent-encoding");
  }
  if (path.includes("%00") || path.includes("\0")) throw new HttpError(400, "http/bad_url", "the URL path contains a NUL");
  next();
}

export interface HttpAppOptions {
  /** express `trust proxy`: set when a reverse proxy forwards the client's address. */
  readonly trustProxy?: boolean | number | string;
  /** Handlers (`(req, res, next)`) owned by other modules, tried after the routes above, before the 404s. */
  readonly mount?: readonly RequestHandler[];
}

export function createHttpApp(deps: HttpDeps, opts: HttpAppOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", opts.trustProxy ?? false);
  app.set("query parser", "simple");
  app.use(decodableUrl);
  app.use(compression());
  for (const route of ROUTES) route.register(app, deps);
  for (const handler of opts.mount ?? []) app.use(handler);
  app.all(/^\/api(\/.*)?$/, (req) => {
    throw new HttpError(404, "http/not_found", `no endpoint ${req.method} ${req.path.slice(0, 120)}`);
  });
  if (deps.staticDir) serveClient(app, deps.staticDir);
  app.use((req: Request, res: Response) => sendError(res, 404, "http/not_found", `nothing at ${req.path.slice(0, 120)}`));
  app.use(errorHandler(deps.log));
  return app;
}
