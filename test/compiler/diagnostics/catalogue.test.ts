import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_BANDS, Diagnostics, allDiagnostics } from "../../../compiler/diagnostics/catalogue/index.js";
import { Phrases } from "../../../compiler/diagnostics/catalogue/phrases.js";
import { DIAGNOSTICS_DOC_PATH, renderDiagnosticsDoc } from "../../../compiler/diagnostics/render-docs.js";

describe("the diagnostics catalogue", () => {
  const entries = allDiagnostics();

  it("has well-formed codes EV + four digits, each in its band", () => {
    for (const band of DIAGNOSTIC_BANDS) {
      for (const [name, entry] of Object.entries(band.entries)) {
        expect(entry.code, name).toMatch(/^EV\d{4}$/);
        expect(entry.code.charAt(2), `${name} ${entry.code} belongs to band EV${band.prefix}xxx`).toBe(String(band.prefix));
      }
    }
  });

  it("has unique codes and unique names across bands", () => {
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const total = DIAGNOSTIC_BANDS.reduce((n, band) => n + Object.keys(band.entries).length, 0);
    // A name repeated in two bands would be silently overwritten in the merged object.
    expect(Object.keys(Diagnostics)).toHaveLength(total);
  });

  it("has full-sentence messages and explanations", () => {
    for (const entry of entries) {
      expect(entry.message.length, entry.code).toBeGreaterThan(5);
      expect(entry.explanation, entry.code).toMatch(/[.)]$/);
      expect(["error", "warning"]).toContain(entry.severity);
    }
  });

  it("quotes names in double quotes, not single quotes", () => {
    for (const entry of entries) expect(entry.message, entry.code).not.toMatch(/'\{\w+\}'/);
    for (const phrase of Object.values(Phrases)) expect(phrase).not.toMatch(/'\{\w+\}'/);
  });

  it("is rendered into docs/diagnostics.md exactly (run `npm run docs:diagnostics` after changing it)", () => {
    const committed = readFileSync(new URL(`../../../${DIAGNOSTICS_DOC_PATH}`, import.meta.url), "utf8");
    expect(committed).toBe(renderDiagnosticsDoc());
  });

  it("documents every code in docs/diagnostics.md", () => {
    const doc = renderDiagnosticsDoc();
    for (const entry of entries) expect(doc).toContain(`### ${entry.code}: `);
  });
});
