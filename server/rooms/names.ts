/**
 * Display names: cleaned of markup and invisible characters, and never a role's name. "Teacher",
 * "Host", "AI", "系统" and look-alikes (Cyrillic letters, full-width forms, spacing, "T-e-a-c-h-e-r")
 * are refused unless the joiner really holds that role, so chat and the roster cannot be spoofed.
 */

/**
 * NFC, control/format characters and markup-ish characters removed, whitespace collapsed, at most
 * 24 characters; empty → fallback.
 */
export function sanitiseName(raw: string, fallback = "Player"): string {
  const cleaned = raw
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, "")
    .replace(/[<>&"'`\\{}]/g, "")
    .replace(/\s+/gu, " ")
    .trim();
  const chars = Array.from(cleaned).slice(0, 24).join("").trim();
  return chars.length > 0 ? chars : fallback;
}

export function sanitiseChat(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, 280);
}

/** Which real role a reserved word names: a holder of that role may use it. */
type RoleWord = "teacher" | "host" | "system";

const RESERVED: Readonly<Record<string, RoleWord>> = {
  teacher: "teacher",
  instructor: "teacher",
  professor: "teacher",
  tutor: "teacher",
  老师: "teacher",
  教师: "teacher",
  老師: "teacher",
  教師: "teacher",
  host: "host",
  主持: "host",
  主持人: "host",
  房主: "host",
  ai: "system",
  bot: "system",
  cpu: "system",
  computer: "system",
  admin: "system",
  administrator: "system",
  moderator: "system",
  server: "system",
  system: "system",
  电脑: "system",
  系统: "system",
  系統: "system",
  管理员: "system",
  管理員: "system",
  服务器: "system",
  机器人: "system",
};

/** Latin look-alikes from other scripts, folded before comparing (the usual spoofing set). */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  һ: "h",
  ԁ: "d",
  ѕ: "s",
  т: "t",
  м: "m",
  к: "k",
  в: "b",
  н: "h",
  α: "a",
  ε: "e",
  ο: "o",
  ρ: "p",
  τ: "t",
  ι: "i",
  κ: "k",
  ν: "v",
  χ: "x",
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "|": "i",
};

function fold(s: string): string {
  return Array.from(s.normalize("NFKC").toLowerCase())
    .map((c) => CONFUSABLES[c] ?? c)
    .join("");
}

/** The words of a name after folding, plus the whole name squeezed (catches "T e a c h e r", "t.e.a.c.h"). */
function candidates(name: string): string[] {
  const f = fold(name);
  const words = f.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const squeezed = words.join("");
  // CJK names have no spaces: also look for a reserved CJK word inside them.
  const cjk = Object.keys(RESERVED).filter((k) => /\p{Script=Han}/u.test(k) && f.includes(k));
  return [...words, squeezed, ...cjk];
}

export interface NameHolder {
  readonly host: boolean;
  readonly teacher: boolean;
}

/** null when the name is fine for this joiner; otherwise the role word it would impersonate. */
export function impersonatedRole(name: string, who: NameHolder): string | null {
  for (const c of candidates(name)) {
    const role = RESERVED[c];
    if (role === undefined) continue;
    if (role === "teacher" && who.teacher) continue;
    if (role === "host" && (who.host || who.teacher)) continue;
    return c;
  }
  return null;
}
