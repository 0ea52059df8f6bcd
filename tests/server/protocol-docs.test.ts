/** docs/PROTOCOL.md's generated regions match the zod schemas (run `npm run docs:protocol` after changing them). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROTOCOL_DOC, generatedSections, renderProtocolDoc } from "../../server/protocol-docs.ts";
import { CLIENT_MESSAGES, SERVER_MESSAGES } from "../../shared/protocol/index.ts";

describe("docs/PROTOCOL.md", () => {
  it("is current with the schemas", () => {
    const current = readFileSync(PROTOCOL_DOC, "utf8");
    expect(renderProtocolDoc(current) === current, "docs/PROTOCOL.md is out of date: run npm run docs:protocol").toBe(true);
  });

  it("documents every client and server message", () => {
    const s = generatedSections();
    for (const t of Object.keys(CLIENT_MESSAGES)) expect(s["client-messages"]).toContain(`\`${t}\``);
    for (const t of Object.keys(SERVER_MESSAGES)) expect(s["server-messages"]).toContain(`\`${t}\``);
    for (const [t, schema] of Object.entries({ ...CLIENT_MESSAGES, ...SERVER_MESSAGES })) expect(schema.description, `${t} has a description`).toBeTruthy();
  });
});
