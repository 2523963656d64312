import { describe, expect, it } from "vitest";
import { findNameClashes, namespaceAlias, namespacePascal } from "../../../compiler/generate/names.js";
import { aggregate, enumOf, field, namespace, projection, record, t } from "./model-builder.js";
import { shopModel } from "./shop-model.js";

describe("generated names", () => {
  it("derive namespace names from every segment", () => {
    expect(namespacePascal("shop")).toBe("Shop");
    expect(namespacePascal("acme.billing")).toBe("AcmeBilling");
    expect(namespaceAlias("acme.billing")).toBe("$ns$acme$billing");
  });

  it("find no clashes in the shop model", () => {
    const shop = shopModel().namespaces[0];
    expect(shop && findNameClashes(shop)).toEqual([]);
  });

  it("report generated names wanted twice, and shadowed globals", () => {
    const ns = namespace("shop", {
      enums: [enumOf("shop", "Promise", ["A"])],
      records: [
        record("shop", "Money", [field("amount", t.p("decimal"), { default: "0" })]),
        record("shop", "MoneyInput", []),
        record("shop", "ItemRepricedV1", []),
        record("shop", "Shop", []),
      ],
      aggregates: [
        aggregate("shop", "Item", "shop.Item", { name: "sku", type: "string" }, [
          { name: "ItemRepriced", versions: [[], []], lifecycle: { creates: true } },
        ]),
      ],
    });
    expect(findNameClashes(ns)).toEqual([
      { name: "ItemRepricedV1 (key of validateShop)", claimants: ["type ItemRepricedV1", "event ItemRepriced v1"] },
      // Input names are reserved even where no input type is emitted, so adding a default later cannot clash.
      { name: "ItemRepricedV1Input", claimants: ["type ItemRepricedV1 (its input type)", "event ItemRepriced v1 (its input type)"] },
      { name: "MoneyInput", claimants: ["type Money (its input type)", "type MoneyInput"] },
      { name: "Promise", claimants: ["TypeScript's global Promise", "enum Promise"] },
      { name: "Shop", claimants: ["type Shop", "namespace shop (its facade type)"] },
      { name: "decodeItemRepricedV1", claimants: ["type ItemRepricedV1 (its decoder)", "event ItemRepriced v1 (its decoder)"] },
    ]);
  });

  it("report projection handler keys wanted twice: `initial`, or one bare name from two namespaces", () => {
    const ns = namespace("views", {
      projections: [projection("views", "P", ["shop.initial", "shop.Placed", "billing.Placed"], [])],
    });
    expect(findNameClashes(ns)).toEqual([
      { name: "Placed (key of PHandlers)", claimants: ["event shop.Placed", "event billing.Placed"] },
      { name: "initial (key of PHandlers)", claimants: ["projection P (its initial state)", "event shop.initial"] },
    ]);
  });
});
