/**
 * Pages with their own URL: `/replay/<matchId>` (a saved match in the viewer), `/replay` (a replay
 * file opened from disk) and `/library` (saved matches). The router asks here before it looks at
 * the session; navigation uses the History API so Back works and links can be shared.
 */
export type Page = { readonly kind: "replay"; readonly matchId: string | null } | { readonly kind: "library" };

const MATCH_ID = /^m[0-9a-f]{16}$/;

export function pageOf(pathname: string): Page | null {
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] === "library" && parts.length === 1) return { kind: "library" };
  if (parts[0] === "replay" && parts.length === 1) return { kind: "replay", matchId: null };
  if (parts[0] === "replay" && parts.length === 2 && MATCH_ID.test(parts[1] ?? "")) return { kind: "replay", matchId: parts[1]! };
  return null;
}

export function currentPage(): Page | null {
  return typeof location === "undefined" ? null : pageOf(location.pathname);
}

export function pathOf(page: Page | null): string {
  if (!page) return "/";
  if (page.kind === "library") return "/library";
  return page.matchId ? `/replay/${page.matchId}` : "/replay";
}

const listeners = new Set<() => void>();

/** Called on every page change (pushState or the browser's Back/Forward). */
export function onPageChange(fn: () => void): void {
  listeners.add(fn);
  if (listeners.size === 1 && typeof window !== "undefined") window.addEventListener("popstate", () => notify());
}

function notify(): void {
  for (const fn of [...listeners]) fn();
}

export function navigate(page: Page | null): void {
  const path = pathOf(page);
  if (location.pathname !== path) history.pushState(null, "", path);
  notify();
}
