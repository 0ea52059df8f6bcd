/**
 * The built client (client/dist): hashed files under assets/ are immutable for a year; index.html
 * and every other file must be revalidated (no-cache), so a new build reaches players at once.
 * Unknown paths without a file extension are the single-page app's routes: index.html.
 */
import { extname, join, sep } from "node:path";
import express, { type Response, type Router } from "express";

function cacheHeaders(res: Response, path: string): void {
  res.set("cache-control", path.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache");
}

export function serveClient(router: Router, dir: string): void {
  router.use(express.static(dir, { index: "index.html", setHeaders: cacheHeaders, fallthrough: true, redirect: false, dotfiles: "ignore" }));
  const index = join(dir, "index.html");
  router.get(/.*/, (req, res, next) => {
    if (extname(req.path) !== "" || req.path.startsWith("/api/") || req.path.startsWith("/matchmake/")) return next();
    res.set("cache-control", "no-cache");
    res.sendFile(index, (e) => {
      if (e) next();
    });
  });
}
