/** The synced schema is the one source of the client's snapshot types: its private fields and its statement fields are declared once. */
import { describe, expect, test } from "vitest";
import { STATEMENT_FIELDS } from "../../shared/engine/statements.ts";
import { QuarterSync, SEAT_PRIVATE_FIELDS, SeatSync } from "../../shared/sync/state.ts";

type Field = { readonly name: string; readonly tag?: number };

function fieldsOf(schema: unknown): Field[] {
  const md = (schema as Record<symbol, Record<string, unknown>>)[Symbol.metadata] ?? {};
  return Object.values(md).filter((f): f is Field => typeof f === "object" && f !== null && typeof (f as Field).name === "string");
}

describe("shared/sync/state.ts", () => {
  test("SEAT_PRIVATE_FIELDS is exactly the seat fields tagged .view() (the client types them as absent elsewhere)", () => {
    const tagged = fieldsOf(SeatSync)
      .filter((f) => f.tag !== undefined)
      .map((f) => f.name);
    expect(tagged.length).toBeGreaterThan(5);
    expect([...tagged].sort()).toEqual([...SEAT_PRIVATE_FIELDS].sort());
  });

  test("a synced quarter carries every on-screen statement line (shared/engine/statements.ts) as a number", () => {
    const names = new Set(fieldsOf(QuarterSync).map((f) => f.name));
    for (const { field } of STATEMENT_FIELDS) expect(names.has(field), field).toBe(true);
    const q = new QuarterSync();
    for (const { field } of STATEMENT_FIELDS) expect(typeof (q as unknown as Record<string, unknown>)[field], field).toBe("number");
  });
});
