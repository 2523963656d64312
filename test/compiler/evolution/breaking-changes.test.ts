/**
 * The breaking-change check from `.events` sources: each kind of breaking change applied to a
 * locked spec gives exactly one diagnostic, with its code, position and message; each kind of
 * compatible change passes and is listed.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import { compareWithLock, type ComparisonResult } from "../../../compiler/evolution/compare.js";
import { buildLock, type LockFile } from "../../../compiler/evolution/lock-file.js";
import { compileSpecs } from "../harness.js";
import { LOCKED } from "./locked-spec.js";

const FILE = "test.events";


function lockOf(source: string): LockFile {
  const compiled = compileSpecs({ [FILE]: source });
  expect(compiled.diagnostics).toEqual([]);
  return buildLock(compiled.model!);
}

const lock = lockOf(LOCKED);

/** Replaces `from` (which must occur exactly once) by `to` in the locked spec. */
function edit(...replacements: readonly [from: string, to: string][]): string {
  let text = LOCKED;
  for (const [from, to] of replacements) {
    expect(text.split(from), `"${from}" occurs exactly once`).toHaveLength(2);
    text = text.replace(from, to);
  }
  return text;
}

function check(source: string): ComparisonResult {
  const compiled = compileSpecs({ [FILE]: source });
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return compareWithLock(lock, compiled.model!);
}

type Seen = [code: string, line: number, column: number, message: string];

function seen(d: Diagnostic): Seen {
  return [d.code, d.span?.start.line ?? 0, d.span?.start.column ?? 0, d.message];
}

/** Asserts exactly one diagnostic, and returns it. */
function only(result: ComparisonResult): Diagnostic {
  expect(result.diagnostics.map(seen)).toHaveLength(1);
  return result.diagnostics[0]!;
}

const REPRICED_V1 = 'events of "ItemRepriced" v1 are already in the log; declare "ItemRepriced" v2 and an upcaster instead';
const MONEY_USERS = 'type "Money" is part of events already in the log ("ItemListed" v1, "ItemRepriced" v1); declare a new type and new versions of those events, with upcasters, instead';
const CURRENCY_USERS = 'enum "Currency" is part of events already in the log ("ItemListed" v1, "ItemRepriced" v1); declare a new type and new versions of those events, with upcasters, instead';

describe("breaking changes against a locked spec", () => {
  it("the locked spec itself has no changes", () => {
    const result = check(LOCKED);
    expect(result.diagnostics).toEqual([]);
    expect(result.compatible).toEqual([]);
  });

  it("EV6001 field removed: at the event version that lost it", () => {
    const d = only(check(edit(["    reason?: string\n    discount", "    discount"])));
    expect(seen(d)).toEqual(["EV6001", 27, 3, `Field "reason" was removed from "ItemRepriced" v1, but ${REPRICED_V1}.`]);
    expect(d.hint).toBe('Keep `reason?: string` in "ItemRepriced" v1; remove it in a new version instead.');
  });

  it("EV6001 field removed from a record used by locked events: at the record", () => {
    const d = only(check(edit(["  currency: Currency = EUR\n", ""])));
    expect(seen(d)).toEqual(["EV6001", 5, 1, `Field "currency" was removed from type "Money", but ${MONEY_USERS}.`]);
  });

  it("EV6002 field renamed: at the new field, asking whether it was renamed", () => {
    const d = only(check(edit(["    reason?: string\n", "    why?: string\n"])));
    expect(seen(d)).toEqual([
      "EV6002",
      29,
      5,
      `Field "reason" of "ItemRepriced" v1 was replaced by "why" of the same type (renamed?), but ${REPRICED_V1}.`,
    ]);
    expect(d.hint).toBe('Keep the name "reason" in "ItemRepriced" v1; rename it in a new version, whose upcaster copies "reason" into "why".');
  });

  it("EV6003 field type changed: at the field", () => {
    const d = only(check(edit(["    discount?: int", "    discount?: long"])));
    expect(seen(d)).toEqual(["EV6003", 30, 5, `Field "discount" of "ItemRepriced" v1 changed type from int to long, but ${REPRICED_V1}.`]);
    expect(d.hint).toBe('Keep `discount: int` in "ItemRepriced" v1; change the type in a new version and convert the value in its upcaster.');
  });

  it("EV6003 also for a change of shape: a list became a single value", () => {
    const d = only(check(edit(["    tags: list<string> = [] @maxItems(10)", "    tags: string"])));
    expect(seen(d)[0]).toBe("EV6003");
    expect(d.message).toContain("changed type from list<string> to string");
  });

  it("EV6004 optional field became required without a default: at the field", () => {
    const d = only(check(edit(["    reason?: string\n    discount", "    reason: string\n    discount"])));
    expect(seen(d)).toEqual(["EV6004", 29, 5, `Field "reason" of "ItemRepriced" v1 became required without a default, but ${REPRICED_V1}.`]);
  });

  it("EV6005 required field added without a default: at the new field", () => {
    const d = only(check(edit(["    title: string @maxLength(200)\n", "    title: string @maxLength(200)\n    brand: string\n"])));
    expect(seen(d)).toEqual([
      "EV6005",
      23,
      5,
      'Required field "brand" was added to "ItemListed" v1 without a default, but events of "ItemListed" v1 are already in the log; declare "ItemListed" v2 and an upcaster instead.',
    ]);
  });

  it("EV6006 default changed: at the field", () => {
    const d = only(check(edit(["currency: Currency = EUR", "currency: Currency = USD"])));
    expect(seen(d)).toEqual(["EV6006", 7, 3, `The default of field "currency" of type "Money" changed from "EUR" to "USD", but ${MONEY_USERS}.`]);
  });

  it("EV6007 enum member removed: at the enum", () => {
    const d = only(check(edit(["{ EUR, USD, GBP }", "{ EUR, USD }"])));
    expect(seen(d)).toEqual(["EV6007", 3, 1, `Member "GBP" was removed from enum "Currency", but ${CURRENCY_USERS}.`]);
  });

  it("EV6008 enum member renamed: at the enum", () => {
    const d = only(check(edit(["{ EUR, USD, GBP }", "{ EUR, USD, CHF }"])));
    expect(seen(d)).toEqual(["EV6008", 3, 1, `Member "GBP" of enum "Currency" was replaced by "CHF" (renamed?), but ${CURRENCY_USERS}.`]);
  });

  describe("EV6009 constraint tightened, at the field", () => {
    const cases: [string, [string, string], number, number, string][] = [
      ["@min raised", ["@min(0) @max(100)", "@min(1) @max(100)"], 30, 5, '"discount" of "ItemRepriced" v1 has a tighter constraint (@min(0) → @min(1))'],
      ["@max lowered", ["@min(0) @max(100)", "@min(0) @max(50)"], 30, 5, '"discount" of "ItemRepriced" v1 has a tighter constraint (@max(100) → @max(50))'],
      ["@maxLength lowered", ["@maxLength(200)", "@maxLength(100)"], 22, 5, '"title" of "ItemListed" v1 has a tighter constraint (@maxLength(200) → @maxLength(100))'],
      ["@minLength raised", ["@minLength(1)", "@minLength(3)"], 43, 5, '"note" of "OrderPlaced" v1 has a tighter constraint (@minLength(1) → @minLength(3))'],
      ["@minItems raised", ["@minItems(1)", "@minItems(2)"], 42, 5, '"lines" of "OrderPlaced" v1 has a tighter constraint (@minItems(1) → @minItems(2))'],
      ["@maxItems lowered", ["@maxItems(10)", "@maxItems(5)"], 24, 5, '"tags" of "ItemListed" v1 has a tighter constraint (@maxItems(10) → @maxItems(5))'],
      ["@pattern changed", ['@pattern("^[a-z ]+$")', '@pattern("^[a-z]+$")'], 34, 5, '"reason" of "ItemDelisted" v1 has a tighter constraint (@pattern("^[a-z ]+$") → @pattern("^[a-z]+$"))'],
      ["@pattern added", ["    price: Money\n    reason?: string\n", '    price: Money\n    reason?: string @pattern("^.+$")\n'], 29, 5, '"reason" of "ItemRepriced" v1 has a tighter constraint (@pattern("^.+$") added)'],
      ["@maxLength added", ["    lines: list<string> @minItems(1)\n    note?: string @minLength(1)", "    lines: list<string> @minItems(1)\n    note?: string @minLength(1) @maxLength(500)"], 43, 5, '"note" of "OrderPlaced" v1 has a tighter constraint (@maxLength(500) added)'],
    ];
    for (const [name, replacement, line, column, message] of cases) {
      it(name, () => {
        const d = only(check(edit(replacement)));
        expect(seen(d).slice(0, 3)).toEqual(["EV6009", line, column]);
        expect(d.message).toContain(`Field ${message}, but events of`);
      });
    }
  });

  it("EV6010 key changed: at the key, once for all the aggregate's events", () => {
    const d = only(check(edit(["key sku: string", "key sku: uuid"])));
    expect(seen(d)).toEqual([
      "EV6010",
      19,
      3,
      'The key of aggregate "Item" changed from "sku: string" to "sku: uuid", but events of "ItemDelisted" v1, "ItemListed" v1, "ItemRepriced" v1 are already stored under the old key.',
    ]);
    expect(only(check(edit(["key sku: string", "key id: string"]))).message).toContain('changed from "sku: string" to "id: string"');
  });

  it("EV6011 event moved to another aggregate: at the event", () => {
    const moved = edit(
      ["  event ItemDelisted after ItemListed, ItemRepriced ends {\n    reason: string @pattern(\"^[a-z ]+$\")\n  }\n", ""],
      ["    note?: string @minLength(1)\n  }\n", '    note?: string @minLength(1)\n  }\n\n  event ItemDelisted after OrderPlaced ends {\n    reason: string @pattern("^[a-z ]+$")\n  }\n'],
    );
    const d = only(check(moved));
    expect(seen(d)).toEqual([
      "EV6011",
      43,
      3,
      'Event "ItemDelisted" moved from aggregate "Item" to "Order", but events of "ItemDelisted" v1 are already stored under keys of "Item".',
    ]);
  });

  it("EV6012 aggregate moved to another topic: at the aggregate", () => {
    const d = only(check(edit(["aggregate Item in catalog", "aggregate Item in orders"])));
    expect(seen(d)).toEqual([
      "EV6012",
      18,
      1,
      'The events of aggregate "Item" moved from topic "shop.catalog" to "shop.orders", but events of "ItemDelisted" v1, "ItemListed" v1, "ItemRepriced" v1 are already in topic "shop.catalog".',
    ]);
  });

  it("EV6013 locked event removed: at the aggregate that lost it", () => {
    const d = only(check(edit(["  event ItemDelisted after ItemListed, ItemRepriced ends {\n    reason: string @pattern(\"^[a-z ]+$\")\n  }\n", ""])));
    expect(seen(d)).toEqual([
      "EV6013",
      18,
      1,
      'Event "ItemDelisted" v1 was removed, but events of "ItemDelisted" v1 are already in the log and could no longer be read.',
    ]);
    expect(d.hint).toBe('Restore the declaration of "ItemDelisted" v1.');
  });

  it("EV6014 locked version removed while a later version exists: a warning at the later version", () => {
    const d = only(check(edit(["  event ItemDelisted after", "  event ItemDelisted v2 after"])));
    expect(d.severity).toBe("warning");
    expect(seen(d)).toEqual([
      "EV6014",
      33,
      3,
      'Event "ItemDelisted" v1 was removed; its stored events can be read as v2 only while the generated code can still decode v1.',
    ]);
  });

  it("EV6015 partition count changed: at the topic", () => {
    const d = only(check(edit(["partitions 4", "partitions 6"])));
    expect(seen(d)).toEqual(["EV6015", 10, 1, 'Topic "shop.catalog" changed from 4 to 6 partitions, but its events are already in the log.']);
    expect(d.hint).toBe("Keep `partitions 4`; for 6 partitions declare a new topic and put new aggregates in it.");
  });

  it("reports independent breaking changes all at once, in source order", () => {
    const result = check(edit(["partitions 4", "partitions 6"], ["{ EUR, USD, GBP }", "{ EUR, USD }"], ["    discount?: int", "    discount?: long"]));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["EV6007", "EV6015", "EV6003"]);
  });
});

describe("compatible changes against a locked spec", () => {
  const compatible = (source: string) => {
    const result = check(source);
    expect(result.diagnostics.map(seen)).toEqual([]);
    return result.compatible;
  };

  it("a new optional field", () => {
    expect(compatible(edit(["    title: string @maxLength(200)\n", "    title: string @maxLength(200)\n    subtitle?: string\n"]))).toEqual([
      'new optional field "subtitle" in "ItemListed" v1',
    ]);
  });

  it("a new field with a default, even a required one", () => {
    expect(compatible(edit(["    title: string @maxLength(200)\n", "    title: string @maxLength(200)\n    stock: int = 0\n"]))).toEqual([
      'new defaulted (= 0) field "stock" in "ItemListed" v1',
    ]);
  });

  it("a required field became optional", () => {
    expect(compatible(edit(["    title: string @maxLength(200)", "    title?: string @maxLength(200)"]))).toEqual([
      'field "title" of "ItemListed" v1 became optional',
    ]);
  });

  it("an optional field became required with a default", () => {
    expect(compatible(edit(["    discount?: int @min(0) @max(100)", "    discount: int = 0 @min(0) @max(100)"]))).toEqual([
      'field "discount" of "ItemRepriced" v1 became required with the default 0',
    ]);
  });

  it("a new enum member in an enum used by locked events", () => {
    expect(compatible(edit(["{ EUR, USD, GBP }", "{ EUR, USD, GBP, CHF }"]))).toEqual(['new member "CHF" in enum "Currency"']);
  });

  it("a loosened or removed constraint", () => {
    expect(
      compatible(edit(["@min(0) @max(100)", "@min(-100) @max(1000)"], ["@maxLength(200)", ""], ['@pattern("^[a-z ]+$")', ""])),
    ).toEqual([
      'field "reason" of "ItemDelisted" v1 has a looser constraint (@pattern("^[a-z ]+$") removed)',
      'field "title" of "ItemListed" v1 has a looser constraint (@maxLength(200) removed)',
      'field "discount" of "ItemRepriced" v1 has a looser constraint (@min(0) → @min(-100))',
      'field "discount" of "ItemRepriced" v1 has a looser constraint (@max(100) → @max(1000))',
    ]);
  });

  it("a new event, a new version of an event, a new topic", () => {
    const source = edit(
      ["topic orders {", "topic archive {\n  partitions 2\n}\n\ntopic orders {"],
      ["  event ItemRepriced after ItemListed, ItemRepriced {", "  event ItemRepriced v1 {"],
      [
        "    discount?: int @min(0) @max(100)\n  }\n",
        "    discount?: int @min(0) @max(100)\n  }\n\n  event ItemRepriced v2 after ItemListed, ItemRepriced {\n    price: Money\n  }\n\n  event ItemDescribed {\n    text: string\n  }\n",
      ],
    );
    expect(compatible(source)).toEqual(['new event "ItemDescribed" (v1)', 'new version "ItemRepriced" v2', 'new topic "shop.archive"']);
  });

  it("an aggregate renamed, keeping its events, key and topic", () => {
    expect(compatible(edit(["aggregate Item in catalog", "aggregate Product in catalog"]))).toEqual([
      'aggregate "Item" renamed to "Product" (same events, key and topic)',
    ]);
  });

  it("but not a rename that also changes the key", () => {
    const result = check(edit(["aggregate Item in catalog {\n  key sku: string", "aggregate Product in catalog {\n  key sku: uuid"]));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["EV6010"]);
    expect(result.diagnostics[0]?.message).toContain('The key of aggregate "Product" changed from "sku: string" to "sku: uuid"');
  });

  it("docs, comments, formatting, field order and @deprecated", () => {
    const source = edit(
      ["namespace shop\n", "/// The shop.\nnamespace shop // comment\n"],
      ["    price: Money\n    reason?: string\n    discount?: int @min(0) @max(100)\n", "    /// Why.\n    reason?: string   @deprecated(\"use notes\")\n\n    discount?: int @max(100)   @min(0)\n    price:Money\n"],
      ["enum Currency { EUR, USD, GBP }", "enum Currency {\n  GBP,\n  EUR\n  USD\n}"],
    );
    expect(compatible(source)).toEqual([]);
  });
});
