/** The shop spec from the issue, as a checked model (with ItemRepriced in two versions). */
import type { Model } from "../../../compiler/model.js";
import { aggregate, enumOf, field, model, namespace, projection, record, t, topic } from "./model-builder.js";

export function shopModel(): Model {
  const money = t.record("shop.Money");
  return model(
    namespace("shop", {
      doc: "Online shop: catalog items and orders.",
      files: ["examples/shop/catalog.events"],
      enums: [enumOf("shop", "Currency", ["EUR", "USD", "GBP"])],
      records: [
        record("shop", "Money", [field("amount", t.p("decimal")), field("currency", t.enum("shop.Currency"), { default: "EUR" })], "A value type."),
        record("shop", "OrderLine", [
          field("sku", t.p("string"), { constraints: { maxLength: 64 } }),
          field("quantity", t.p("int"), { constraints: { min: 1 } }),
          field("unitPrice", money),
        ]),
      ],
      topics: [topic("shop", "catalog", 4), topic("shop", "orders", 8)],
      aggregates: [
        aggregate("shop", "Item", "shop.catalog", { name: "sku", type: "string" }, [
          {
            name: "ItemListed",
            doc: "The first event of every Item.",
            versions: [[field("title", t.p("string")), field("price", money), field("tags", t.list(t.p("string")), { default: [] })]],
            lifecycle: { creates: true },
          },
          {
            name: "ItemRepriced",
            versions: [[field("price", money)], [field("price", money), field("reason", t.p("string"), { optional: true })]],
            lifecycle: { after: ["shop.ItemListed", "shop.ItemRepriced"] },
          },
          { name: "ItemDescribed", versions: [[field("description", t.p("string"))]] },
          {
            name: "ItemDelisted",
            versions: [[field("reason", t.p("string"))]],
            lifecycle: { after: ["shop.ItemListed", "shop.ItemRepriced"], ends: true },
          },
        ]),
        aggregate("shop", "Order", "shop.orders", { name: "orderId", type: "uuid" }, [
          {
            name: "OrderPlaced",
            versions: [
              [
                field("customerId", t.p("uuid")),
                field("lines", t.list(t.record("shop.OrderLine")), { constraints: { minItems: 1 } }),
                field("placedAt", t.p("timestamp")),
              ],
            ],
            lifecycle: { creates: true },
          },
          { name: "OrderPaid", versions: [[field("amount", money)]], lifecycle: { after: ["shop.OrderPlaced"] } },
        ]),
      ],
      projections: [
        projection("shop", "PriceList", ["shop.ItemListed", "shop.ItemRepriced", "shop.ItemDelisted"], [
          field("prices", t.map(money)),
          field("delisted", t.p("int"), { default: 0 }),
        ]),
        projection("shop", "OrderStatus", ["shop.OrderPlaced", "shop.OrderPaid"], [field("status", t.p("string")), field("total", money, { optional: true })], "shop.Order"),
      ],
    }),
  );
}
