/** README's language tour is a real spec: it compiles (with the shop example's common.events) without a diagnostic. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");

describe("README", () => {
  it("has a language tour that compiles", () => {
    const section = readme.slice(readme.indexOf("## A tour of the language"));
    const tour = /```\n([\s\S]*?)```/.exec(section)?.[1];
    expect(tour).toContain("namespace shop");
    const result = compile({
      files: { "shop.events": tour!, "common.events": readFileSync(new URL("examples/shop/common.events", root), "utf8") },
      generate: false,
    });
    expect(result.diagnostics).toEqual([]);
  });

  it("documents every command the CLI has", () => {
    for (const command of ["generate", "check", "lock", "log stats", "log tail", "log verify", "init", "fmt", "lsp", "docs", "export asyncapi", "export jsonschema"]) {
      expect(readme).toContain(`eventc ${command}`);
    }
  });
});
