/**
 * `npm run docs:protocol`: the parts of docs/PROTOCOL.md that describe messages are generated from
 * the zod schemas in shared/protocol (z.toJSONSchema), between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->` markers; the prose around them is written by hand. A test checks that
 * the committed file is current (`--check` does the same from the command line).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { CLIENT_MESSAGES, CreateOptionsSchema, JoinOptionsSchema, ReplayFileSchema, SERVER_MESSAGES } from "../shared/protocol/index.ts";
import { COMPANIES, EVENT_KINDS } from "../shared/engine/index.ts";
import { whoMaySend } from "./rooms/authority.ts";
import { CLASS_MESSAGES, ClassJoinOptionsSchema, ClassSettingsSchema, CreateClassBodySchema } from "../shared/protocol/class.ts";

/** Vocabularies long enough to name rather than list (see shared/engine/ids.ts). */
const NAMED_ENUMS: readonly [string, readonly string[]][] = [
  ["CompanyId", COMPANIES],
  ["EventKind", EVENT_KINDS],
];

export const PROTOCOL_DOC = resolve(import.meta.dirname, "../docs/PROTOCOL.md");
const ROOT = resolve(import.meta.dirname, "..");

type Json = { [k: string]: unknown };

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const js = z.toJSONSchema(schema, { unrepresentable: "any", io }) as Json;
  delete js["$schema"];
  return js;
}

const BIG = 2 ** 50;
const num = (n: number) => n.toLocaleString("en-US");

/** A compact type: `int 0–10,000,000`, `"a" \| "b"`, `string ≤ 40`, `{ turn, decision }`, engine types by name. */
function typeOf(js: Json): string {
  const desc = typeof js["description"] === "string" ? js["description"] : "";
  const engine = /^the engine's (\w+(\[\])?)/.exec(desc);
  if (engine) return engine[1] ?? "any";
  if (js["const"] !== undefined) return JSON.stringify(js["const"]);
  if (Array.isArray(js["enum"])) {
    const values = js["enum"] as unknown[];
    const named = NAMED_ENUMS.find(([, list]) => list.length === values.length && list.every((v) => values.includes(v)));
    return named ? named[0] : values.map((v) => JSON.stringify(v)).join(" | ");
  }
  if (Array.isArray(js["anyOf"])) return (js["anyOf"] as Json[]).map(typeOf).join(" | ");
  const min = typeof js["minimum"] === "number" && Math.abs(js["minimum"]) < BIG ? js["minimum"] : null;
  const max = typeof js["maximum"] === "number" && Math.abs(js["maximum"]) < BIG ? js["maximum"] : null;
  const range = min !== null && max !== null ? ` ${num(min)}–${num(max)}` : min !== null ? ` ≥ ${num(min)}` : max !== null ? ` ≤ ${num(max)}` : "";
  switch (js["type"]) {
    case "integer":
      return `int${range}`;
    case "number":
      return `number${range}`;
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "string": {
      const len = typeof js["maxLength"] === "number" ? ` ≤ ${js["maxLength"]}` : "";
      return typeof js["pattern"] === "string" ? `string${len} (${js["pattern"]})` : `string${len}`;
    }
    case "array": {
      const items = (js["items"] as Json | undefined) ?? {};
      const n = typeof js["maxItems"] === "number" ? ` (≤ ${js["maxItems"]})` : "";
      const t = typeOf(items);
      return `${t.includes(" ") ? `(${t})` : t}[]${n}`;
    }
    case "object": {
      const props = Object.keys((js["properties"] as Json | undefined) ?? {});
      if (props.length === 0) return js["additionalProperties"] === false ? "{}" : "object";
      const req = new Set((js["required"] as string[] | undefined) ?? []);
      return `{ ${props.map((p) => (req.has(p) ? p : `${p}?`)).join(", ")} }`;
    }
    default:
      if (Array.isArray(js["type"])) return (js["type"] as string[]).join(" | ");
      return "any";
  }
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function fieldsTable(schema: z.ZodType, io: "input" | "output"): string {
  const js = jsonSchema(schema, io);
  const props = (js["properties"] as Record<string, Json> | undefined) ?? {};
  const req = new Set((js["required"] as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(([name, p]) => {
    const dflt = p["default"] !== undefined ? ` (default ${JSON.stringify(p["default"])})` : "";
    const desc = typeof p["description"] === "string" && !/^the engine's /.test(p["description"]) ? p["description"] : "";
    return `| \`${name}\`${req.has(name) && io === "output" ? "" : req.has(name) ? "" : "?"} | ${cell(typeOf(p))}${dflt} | ${cell(desc)} |`;
  });
  return ["| field | type | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

function payloadOf(schema: z.ZodType, io: "input" | "output"): string {
  const js = jsonSchema(schema, io);
  const props = (js["properties"] as Record<string, Json> | undefined) ?? {};
  const req = new Set((js["required"] as string[] | undefined) ?? []);
  const names = Object.entries(props).map(([n, p]) => `${req.has(n) ? n : `${n}?`}: ${typeOf(p)}`);
  return names.length === 0 ? "none" : `\`{ ${names.join(", ")} }\``;
}

function describe(schema: z.ZodType): string {
  return schema.description ?? "";
}

export function generatedSections(): Record<string, string> {
  const client = [
    "| type | payload | who | effect |",
    "| --- | --- | --- | --- |",
    ...Object.entries(CLIENT_MESSAGES).map(([type, s]) => `| \`${type}\` | ${cell(payloadOf(s, "input"))} | ${whoMaySend(type)} | ${cell(describe(s))} |`),
  ].join("\n");
  const server = [
    "| type | payload | when |",
    "| --- | --- | --- |",
    ...Object.entries(SERVER_MESSAGES).map(([type, s]) => `| \`${type}\` | ${cell(payloadOf(s, "output"))} | ${cell(describe(s))} |`),
  ].join("\n");
  const schemas = [
    ...Object.entries(CLIENT_MESSAGES).map(([t, s]) => [`client → server \`${t}\``, s, "input"] as const),
    ...Object.entries(SERVER_MESSAGES).map(([t, s]) => [`server → client \`${t}\``, s, "output"] as const),
    ...Object.entries(CLASS_MESSAGES).map(([t, s]) => [`class room, client → server \`${t}\``, s, "input"] as const),
    ["class join options", ClassJoinOptionsSchema, "input"] as const,
    ["POST /api/classes body", CreateClassBodySchema, "input"] as const,
    ["create options", CreateOptionsSchema, "input"] as const,
    ["join options", JoinOptionsSchema, "input"] as const,
    ["replay file", ReplayFileSchema, "input"] as const,
  ]
    .map(
      ([title, s, io]) =>
        `<details><summary>${title}</summary>\n\n\`\`\`json\n${JSON.stringify(jsonSchema(s as z.ZodType, io), null, 2)}\n\`\`\`\n\n</details>`,
    )
    .join("\n\n");
  // Room `class` (server/class): every message but ping is the teacher's.
  const classClient = [
    "| type | payload | who | effect |",
    "| --- | --- | --- | --- |",
    ...Object.entries(CLASS_MESSAGES).map(
      ([type, s]) => `| \`${type}\` | ${cell(payloadOf(s, "input"))} | ${type === "ping" ? "anyone" : "teacher"} | ${cell(describe(s))} |`,
    ),
  ].join("\n");
  return {
    "class-settings": fieldsTable(ClassSettingsSchema, "input"),
    "class-messages": classClient,
    "create-options": fieldsTable(CreateOptionsSchema, "input"),
    "join-options": fieldsTable(JoinOptionsSchema, "input"),
    "client-messages": client,
    "server-messages": server,
    "json-schemas": schemas,
  };
}

/** The document with every generated region replaced; throws naming a region the document lacks. */
export function renderProtocolDoc(current: string): string {
  let out = current;
  for (const [name, body] of Object.entries(generatedSections())) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(out)) throw new Error(`docs/PROTOCOL.md has no region <!-- generated:${name} --> … <!-- /generated:${name} -->`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}\n\n${body}\n\n${close}`);
  }
  return formatMarkdown(out);
}

/** Biome formats the repository's Markdown (tables padded): the generated text is formatted the same way. */
export function formatMarkdown(text: string): string {
  const r = spawnSync(process.execPath, [resolve(ROOT, "node_modules/@biomejs/biome/bin/biome"), "format", "--stdin-file-path=docs/PROTOCOL.md"], {
    cwd: ROOT,
    input: text,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`biome could not format the document: ${r.stderr}`);
  return r.stdout;
}

if (import.meta.main) {
  const current = readFileSync(PROTOCOL_DOC, "utf8");
  const next = renderProtocolDoc(current);
  if (process.argv.includes("--check")) {
    if (next !== current) {
      console.error("docs/PROTOCOL.md is out of date: run npm run docs:protocol");
      process.exit(1);
    }
    console.log("docs/PROTOCOL.md is current");
  } else {
    writeFileSync(PROTOCOL_DOC, next);
    console.log(next === current ? "docs/PROTOCOL.md unchanged" : "docs/PROTOCOL.md updated");
  }
}
