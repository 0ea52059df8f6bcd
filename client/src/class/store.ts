/**
 * What a browser keeps for the classroom, in localStorage so it survives reloads, closed tabs and
 * lost Wi-Fi: the teacher's key per class (the teacher link), and a student team's token per class
 * code (it brings the team back into the class and into its seat).
 */
const TEACHER = "cp.class.teacher";
const TEAM = "cp.class.team.";

export interface SavedTeacher {
  readonly classId: string;
  readonly key: string;
  readonly code: string;
}

export interface SavedTeam {
  readonly classId: string;
  readonly token: string;
  readonly name: string;
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage blocked: the session still works until the page closes
  }
}

export function savedTeacher(): SavedTeacher | null {
  const s = read<SavedTeacher>(TEACHER);
  return s && typeof s.classId === "string" && typeof s.key === "string" ? s : null;
}

export function saveTeacher(s: SavedTeacher | null): void {
  write(TEACHER, s);
}

export function savedTeam(code: string): SavedTeam | null {
  const s = read<SavedTeam>(TEAM + code);
  return s && typeof s.token === "string" ? s : null;
}

export function saveTeam(code: string, s: SavedTeam | null): void {
  write(TEAM + code, s);
}
