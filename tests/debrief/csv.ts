/** A strict RFC 4180 reader for the tests: what a spreadsheet does with the exported bytes. */
export interface ParsedCsv {
  readonly bom: boolean;
  readonly header: string[];
  readonly rows: string[][];
}

export function parseCsv(text: string): ParsedCsv {
  const bom = text.startsWith("\uFEFF");
  const s = bom ? text.slice(1) : text;
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"') {
      if (field.length > 0) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (c === "\r" && s[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`a bare line break at ${i} (RFC 4180 lines end with CRLF)`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error("an unterminated quoted field");
  if (field.length > 0 || record.length > 0) throw new Error("the last line does not end with CRLF");
  const [header = [], ...rows] = records;
  for (const r of rows) if (r.length !== header.length) throw new Error(`a row has ${r.length} fields, the header ${header.length}`);
  return { bom, header, rows };
}

/** Rows as objects keyed by the header. */
export function csvObjects(p: ParsedCsv): Record<string, string>[] {
  return p.rows.map((r) => Object.fromEntries(p.header.map((h, i) => [h, r[i] ?? ""])));
}
