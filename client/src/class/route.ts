/**
 * The classroom's pages, each with its own URL so it can be bookmarked, typed or scanned:
 * `/teach` (the teacher console; `/teach/<classId>#key=<teacher key>` is the teacher's link),
 * `/class` and `/class/<CODE>` (a student team joins), `/projector/<CODE>` (the class's big screen).
 */
export type ClassPage =
  | { readonly kind: "teacher"; readonly classId: string | null; readonly key: string | null }
  | { readonly kind: "student"; readonly code: string | null }
  | { readonly kind: "projector"; readonly code: string };

const CLASS_ID = /^c[0-9a-f]{16}$/;
const CODE = /^[A-Za-z2-9-]{4,12}$/;

export function normaliseCode(s: string): string {
  return s.toUpperCase().replace(/[\s-]/g, "");
}

export function classPageOf(pathname: string, hash = ""): ClassPage | null {
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] === "teach" && parts.length === 1) return { kind: "teacher", classId: null, key: null };
  if (parts[0] === "teach" && parts.length === 2 && CLASS_ID.test(parts[1] ?? "")) {
    const key = new URLSearchParams(hash.replace(/^#/, "")).get("key");
    return { kind: "teacher", classId: parts[1]!, key: key && /^[0-9a-f]{16,80}$/.test(key) ? key : null };
  }
  if (parts[0] === "class" && parts.length === 1) return { kind: "student", code: null };
  if (parts[0] === "class" && parts.length === 2 && CODE.test(parts[1] ?? "")) return { kind: "student", code: normaliseCode(parts[1]!) };
  if (parts[0] === "projector" && parts.length === 2 && CODE.test(parts[1] ?? "")) return { kind: "projector", code: normaliseCode(parts[1]!) };
  return null;
}

export function currentClassPage(): ClassPage | null {
  return typeof location === "undefined" ? null : classPageOf(location.pathname, location.hash);
}

/** The links a teacher hands out. */
export function teacherLink(origin: string, classId: string, key: string): string {
  return `${origin}/teach/${classId}#key=${key}`;
}
export function studentLink(origin: string, code: string): string {
  return `${origin}/class/${code}`;
}
export function projectorLink(origin: string, code: string): string {
  return `${origin}/projector/${code}`;
}

/** Replaces the address without a reload (the teacher link's key leaves the address bar once saved). */
export function replaceAddress(path: string): void {
  if (typeof history !== "undefined" && location.pathname + location.hash !== path) history.replaceState(null, "", path);
}
