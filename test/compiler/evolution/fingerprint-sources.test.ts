/**
 * Fingerprints from `.events` sources: the same for any formatting, comments, docs, field and
 * declaration order and file split of the same spec; different as soon as the meaning changes.
 */
import { describe, expect, it } from "vitest";
import { buildLock, serializeLock } from "../../../compiler/evolution/lock-file.js";
import { compileSpecs } from "../harness.js";
import { LOCKED } from "./locked-spec.js";

function lockText(files: Readonly<Record<string, string>>): string {
  const compiled = compileSpecs(files);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return serializeLock(buildLock(compiled.model!));
}

const reference = lockText({ "test.events": LOCKED });

/** The same spec, written as differently as the language allows. */
const RESTYLED = `/// Docs do not matter.
namespace   shop   // neither do comments

aggregate Order in orders { key orderId: uuid
  /// Nor docs on events.
  event OrderPlaced creates { note?: string @minLength(1), lines: list<string> @minItems(1) }
}

aggregate Item in catalog {
  key sku: string
  event ItemDelisted after ItemListed, ItemRepriced ends { reason: string @pattern("^[a-z ]+$") }
  event ItemRepriced after ItemRepriced, ItemListed {
    discount?: int @max(100) @min(0)
    /// Why the price changed.
    reason?: string @deprecated("say it in the notes")
    price: Money
  }
  event ItemListed creates {
    tags: list<string> = [] @maxItems(10)
    price: Money
    title: string @maxLength(200)
  }
}

topic orders { partitions 8 }
topic catalog { partitions 4 }

type Money { currency: Currency = EUR, amount: decimal }

enum Currency {
  GBP
  USD
  EUR
}
`;

describe("fingerprints of sources", () => {
  it("do not change with formatting, comments, docs, @deprecated, or the order of fields, members and declarations", () => {
    expect(lockText({ "test.events": RESTYLED })).toBe(reference);
  });

  it("do not change when the spec is split over files", () => {
    const common = 'namespace shop\n\nenum Currency { EUR, USD, GBP }\n\ntype Money {\n  amount: decimal\n  currency: Currency = EUR\n}\n';
    const rest = LOCKED.replace("enum Currency { EUR, USD, GBP }\n", "").replace(/type Money \{[^}]*\}\n/, "");
    expect(lockText({ "a.events": common, "b.events": rest })).toBe(reference);
  });

  it("change when the meaning changes", () => {
    for (const [from, to] of [
      ["partitions 4", "partitions 5"],
      ["reason?: string\n    discount", "reason: string\n    discount"],
      ["@maxItems(10)", "@maxItems(11)"],
      ["= EUR", "= USD"],
      ["key sku: string", "key sku: uuid"],
    ] as const) {
      expect(lockText({ "test.events": LOCKED.replace(from, to) }), `${from} → ${to}`).not.toBe(reference);
    }
  });
});
