/**
 * Fingerprints: equal for specs that mean the same (field order, docs, deprecation, positions),
 * different for any change of meaning, and identical on every platform (golden values).
 */
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../compiler/evolution/canonical-json.js";
import { canonicalSpec } from "../../../compiler/evolution/canonical.js";
import { fingerprintOf } from "../../../compiler/evolution/fingerprint.js";
import { buildLock } from "../../../compiler/evolution/lock-file.js";
import type { FieldModel } from "../../../compiler/model.js";
import { aggregate, enumOf, field, model, namespace, record, t, topic } from "./model-builder.js";

interface Variant {
  reverse?: boolean;
  docs?: boolean;
  members?: readonly string[];
  amountConstraints?: FieldModel["constraints"];
  partitions?: number;
}

function spec(variant: Variant = {}) {
  const order = <T>(items: T[]) => (variant.reverse ? [...items].reverse() : items);
  const doc = variant.docs ? { doc: "Some documentation.", deprecated: "old" } : {};
  return model(
    namespace("common", {
      enums: [enumOf("common", "Currency", variant.members ?? ["EUR", "USD", "GBP"])],
      records: [
        record(
          "common",
          "Money",
          order([
            field("amount", t.decimal, { constraints: variant.amountConstraints ?? {}, ...doc }),
            field("currency", t.enum("common.Currency"), { default: "EUR" }),
          ]),
        ),
      ],
    }),
    namespace("shop", {
      topics: [topic("shop", "catalog", variant.partitions ?? 4)],
      aggregates: [
        aggregate("shop", "Item", "shop.catalog", { name: "sku", type: "string" }, [
          {
            name: "ItemListed",
            creates: true,
            versions: [
              order([
                field("title", t.string, { constraints: { maxLength: 200 }, ...doc }),
                field("price", t.record("common.Money")),
                field("tags", t.list(t.string), { default: [] }),
                field("attributes", t.map(t.long), { optional: true }),
              ]),
            ],
          },
        ]),
      ],
    }),
  );
}

const fingerprints = (m: ReturnType<typeof spec>) => {
  const lock = buildLock(m);
  return {
    listed: lock.events["shop.ItemListed"]?.["1"]?.fingerprint,
    money: lock.types["common.Money"]?.fingerprint,
    currency: lock.types["common.Currency"]?.fingerprint,
  };
};

describe("fingerprints", () => {
  it("are golden: the same bytes give the same hashes on every platform", () => {
    // If this fails, the canonical form changed: every user's lock file would change with it.
    // Change these values only together with a new lock formatVersion.
    expect(fingerprints(spec())).toEqual({
      listed: "sha256:d963d77158922def1df0bbda7bf8681694f404ae3039255d3413dd8a4f22872e",
      // Checked independently with Python: json.dumps(v, sort_keys=True, separators=(",", ":")) hashed with hashlib.sha256,
      // v = {"type": "common.Money", "schema": {...the record...}, "types": {"common.Currency": <currency's fingerprint>}}
      money: "sha256:29dd83b0b6c8ab90e39639a2c2789cf1767ca9d9a01548daa952f42a24036b82",
      // Checked independently: python3 -c 'import hashlib; print(hashlib.sha256(
      //   b'{"schema":{"kind":"enum","members":["EUR","GBP","USD"]},"type":"common.Currency","types":{}}').hexdigest())'
      currency: "sha256:8bc3c0616d70dd93a2797787ce79436c07a64c4854cc02c26bf669715f25bca3",
    });
  });

  it("hash the canonical JSON with SHA-256 (vector computed independently, with Python's hashlib)", () => {
    // python3 -c 'import hashlib; print(hashlib.sha256(b'{"a":[true,null,"x"],"b":1}').hexdigest())'
    expect(fingerprintOf({ b: 1, a: [true, null, "x"] })).toBe("sha256:54a65415ad370228851a1da4b31b6fd42dc58b19a50d35cae759325f7388ce64");
  });

  it("do not depend on field order, enum member order, docs, deprecation or positions", () => {
    const base = fingerprints(spec());
    expect(fingerprints(spec({ reverse: true }))).toEqual(base);
    expect(fingerprints(spec({ docs: true }))).toEqual(base);
    expect(fingerprints(spec({ members: ["GBP", "EUR", "USD"] }))).toEqual(base);
  });

  it("change with anything that changes meaning, and only where it matters", () => {
    const base = fingerprints(spec());
    const widened = fingerprints(spec({ members: ["EUR", "USD", "GBP", "CHF"] }));
    expect(widened.currency).not.toBe(base.currency);
    expect(widened.money).not.toBe(base.money); // Money uses Currency
    expect(widened.listed).not.toBe(base.listed); // ItemListed uses Money
    const constrained = fingerprints(spec({ amountConstraints: { pattern: "^[0-9]+\\.[0-9]{2}$" } }));
    expect(constrained.currency).toBe(base.currency);
    expect(constrained.money).not.toBe(base.money);
    const repartitioned = fingerprints(spec({ partitions: 8 }));
    expect(repartitioned.listed).not.toBe(base.listed);
    expect(repartitioned.money).toBe(base.money);
  });

  it("canonical JSON sorts keys (integer-like keys numerically) and drops nothing else", () => {
    expect(canonicalJson({ b: 1, a: { "10": 1, "2": 2, x: [3, "é", null] } })).toBe('{"a":{"2":2,"10":1,"x":[3,"é",null]},"b":1}');
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/);
  });

  it("lock only the types events use, transitively", () => {
    const m = spec();
    const unused = model(
      ...m.namespaces.map((ns) => (ns.name === "common" ? { ...ns, records: [...ns.records, record("common", "Unused", [field("x", t.int)])] } : ns)),
    );
    expect(Object.keys(canonicalSpec(unused).types)).toEqual(["common.Currency", "common.Money"]);
  });
});
