/**
 * The TextMate grammar: valid JSON with the expected scopes, every regex compiles, and a
 * sample tokenizes into the right scopes. vscode-textmate and vscode-oniguruma are not
 * installed, so the sample runs through a small tokenizer (./textmate-tokenizer.ts) on
 * JavaScript regexes; the grammar sticks to the regex syntax both engines share.
 */
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../lsp/lsp-client.js";
import { tokenizeLine, type Grammar, type Rule } from "./textmate-tokenizer.js";

const GRAMMAR_PATH = join(ROOT, "editors/textmate/events.tmLanguage.json");
const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, "utf8")) as Grammar;

function allRules(rules: readonly Rule[]): Rule[] {
  return rules.flatMap((rule) => [rule, ...allRules(rule.patterns ?? [])]);
}
const rules = [...allRules(grammar.patterns), ...Object.values(grammar.repository).flatMap((entry) => allRules(entry.patterns))];
const scopeNames = rules.flatMap((rule) => [
  ...(rule.name ? [rule.name] : []),
  ...[rule.captures, rule.beginCaptures, rule.endCaptures].flatMap((c) => Object.values(c ?? {}).map((x) => x.name)),
]);

/** The scopes of the `occurrence`-th `needle` in `line`, which must be the same on every character of it. */
function scopesOf(line: string, needle: string, occurrence = 0): string[] {
  const scopes = tokenizeLine(grammar, line);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = line.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in "${line}"`);
  const first = [...scopes[at]!].sort();
  for (let i = at; i < at + needle.length; i++) expect([...scopes[i]!].sort(), `scopes of "${needle}" at ${i} in "${line}"`).toEqual(first);
  return first;
}

describe("the TextMate grammar", () => {
  it("is a grammar for source.events with every include defined", () => {
    expect(grammar.scopeName).toBe("source.events");
    for (const rule of rules) if (rule.include) expect(grammar.repository, rule.include).toHaveProperty(rule.include.slice(1));
  });

  it("has scopes for keywords, contextual keywords, types, names, comments, doc comments, strings, numbers and annotations", () => {
    for (const scope of [
      "keyword.other.namespace.events",
      "keyword.control.import.events",
      "storage.type.events",
      "storage.type.event.events",
      "keyword.other.lifecycle.events",
      "keyword.other.events",
      "support.type.primitive.events",
      "support.type.collection.events",
      "entity.name.type.events",
      "entity.name.type.event.events",
      "entity.name.type.reference.events",
      "entity.name.namespace.events",
      "variable.other.property.events",
      "comment.line.double-slash.events",
      "comment.line.documentation.events",
      "string.quoted.double.events",
      "constant.character.escape.events",
      "constant.numeric.integer.events",
      "constant.numeric.float.events",
      "constant.numeric.version.events",
      "entity.name.function.annotation.events",
    ])
      expect(scopeNames, scope).toContain(scope);
  });

  it("has regexes that compile (as JavaScript regexes, the subset shared with Oniguruma)", () => {
    const sources = rules.flatMap((rule) => [rule.match, rule.begin, rule.end].filter((s): s is string => s !== undefined));
    expect(sources.length).toBeGreaterThan(20);
    for (const source of sources) {
      expect(() => new RegExp(source, "d"), source).not.toThrow();
      // Oniguruma-only syntax would silently mean something else in JavaScript (or the other way round).
      expect(source, source).not.toMatch(/\\[hHAzZG]|\(\?[imx]+\)|\(\?[imx-]+:|\+\+|\*\+|\?\+|\\p\{/);
    }
  });

  it("is the grammar the VS Code extension contributes", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "editors/vscode/package.json"), "utf8")) as {
      contributes: { languages: { id: string; extensions: string[] }[]; grammars: { language: string; scopeName: string; path: string }[] };
      activationEvents: string[];
      main: string;
    };
    expect(manifest.contributes.languages).toEqual([expect.objectContaining({ id: "events", extensions: [".events"] })]);
    const [contributed] = manifest.contributes.grammars;
    expect(contributed).toMatchObject({ language: "events", scopeName: "source.events" });
    expect(realpathSync(join(ROOT, "editors/vscode", contributed!.path))).toBe(realpathSync(GRAMMAR_PATH));
    expect(manifest.activationEvents).toContain("onLanguage:events");
    const extension = readFileSync(join(ROOT, "editors/vscode", manifest.main), "utf8");
    expect(extension).toContain('args: ["lsp"]');
    expect(dirname(contributed!.path)).toBe("./syntaxes");
  });
});

describe("tokenizing a sample", () => {
  it("scopes declarations, names and keywords", () => {
    expect(scopesOf("namespace shop.orders", "namespace")).toContain("keyword.other.namespace.events");
    expect(scopesOf("namespace shop.orders", "shop.orders")).toContain("entity.name.namespace.events");
    expect(scopesOf('import "./common.events"', "import")).toContain("keyword.control.import.events");
    expect(scopesOf("type Money {", "type")).toContain("storage.type.events");
    expect(scopesOf("type Money {", "Money")).toContain("entity.name.type.events");
    expect(scopesOf("aggregate Item in catalog {", "Item")).toContain("entity.name.type.events");
    expect(scopesOf("aggregate Item in catalog {", "in")).toContain("keyword.other.in.events");
    expect(scopesOf("aggregate Item in catalog {", "catalog")).toContain("entity.name.type.topic.events");
    expect(scopesOf("topic orders { partitions 8 }", "partitions")).toContain("keyword.other.events");
    expect(scopesOf("topic orders { partitions 8 }", "8")).toContain("constant.numeric.integer.events");
  });

  it("scopes an event's name, version and lifecycle (contextual keywords)", () => {
    const line = "  event ItemRepriced v2 after ItemListed, ItemRepriced ends {";
    expect(scopesOf(line, "event")).toContain("storage.type.event.events");
    expect(scopesOf(line, "ItemRepriced")).toContain("entity.name.type.event.events");
    expect(scopesOf(line, "v2")).toContain("constant.numeric.version.events");
    expect(scopesOf(line, "after")).toContain("keyword.other.lifecycle.events");
    expect(scopesOf(line, "ItemListed")).toContain("entity.name.type.reference.events");
    expect(scopesOf(line, "ItemRepriced", 1)).toContain("entity.name.type.reference.events");
    expect(scopesOf(line, "ends")).toContain("keyword.other.lifecycle.events");
  });

  it("reads keywords used as field names as field names", () => {
    expect(scopesOf("  type: string", "type")).toEqual(["source.events", "variable.other.property.events"]);
    expect(scopesOf("  after?: timestamp", "after")).toEqual(["source.events", "variable.other.property.events"]);
    expect(scopesOf("  after?: timestamp", "?")).toContain("keyword.operator.optional.events");
    expect(scopesOf("  key key: uuid", "key", 1)).toEqual(["source.events", "variable.other.property.events"]);
    expect(scopesOf("  key key: uuid", "key", 0)).toContain("keyword.other.key.events");
    expect(scopesOf("  key key: uuid", "uuid")).toContain("support.type.primitive.events");
  });

  it("scopes field types, defaults, annotations, strings and numbers", () => {
    const line = '  lines: list<OrderLine> = [] @minItems(1) @pattern("^[A-Z]\\"x") // note';
    expect(scopesOf(line, "lines")).toContain("variable.other.property.events");
    expect(scopesOf(line, "list")).toContain("support.type.collection.events");
    expect(scopesOf(line, "OrderLine")).toContain("entity.name.type.reference.events");
    expect(scopesOf(line, "minItems")).toContain("entity.name.function.annotation.events");
    expect(scopesOf(line, "1")).toContain("constant.numeric.integer.events");
    expect(scopesOf(line, "^[A-Z]")).toContain("string.quoted.double.events");
    expect(scopesOf(line, '\\"')).toEqual(expect.arrayContaining(["string.quoted.double.events", "constant.character.escape.events"]));
    expect(scopesOf(line, "note")).toContain("comment.line.double-slash.events");
    expect(scopesOf("  rate: float = -1.5e3", "-1.5e3")).toContain("constant.numeric.float.events");
    expect(scopesOf("  price: common.Money", "common.Money")).toContain("entity.name.type.reference.events");
    expect(scopesOf("  active: bool = true", "true")).toContain("constant.language.boolean.events");
  });

  it("tells doc comments from comments, and a keyword in a comment or string is not a keyword", () => {
    expect(scopesOf("/// The first event of every Item.", "The first event")).toContain("comment.line.documentation.events");
    expect(scopesOf("//// not a doc: event after", "event")).toEqual(["comment.line.double-slash.events", "source.events"]);
    expect(scopesOf('  reason: string = "event after ends"', "after")).toEqual(["source.events", "string.quoted.double.events"]);
    expect(scopesOf('  s: string = "unterminated event', "event")).toEqual(["source.events", "string.quoted.double.events"]);
  });

  it("tokenizes every example spec, doc comments as docs and declaration keywords as keywords", () => {
    const specs = readdirSync(join(ROOT, "examples"), { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".events") && !p.includes("node_modules"));
    expect(specs.length).toBeGreaterThan(2);
    for (const spec of specs)
      for (const line of readFileSync(join(ROOT, "examples", spec), "utf8").split(/\r?\n/)) {
        const scopes = tokenizeLine(grammar, line);
        const trimmed = line.trimStart();
        const at = line.length - trimmed.length;
        if (/^\/\/\/(?!\/)/.test(trimmed)) expect(scopes[at], `${spec}: ${line}`).toContain("comment.line.documentation.events");
        const declaration = /^(enum|type|topic|aggregate|projection)\s+[A-Za-z_]/.exec(trimmed);
        if (declaration) expect(scopes[at], `${spec}: ${line}`).toContain("storage.type.events");
      }
  });
});
