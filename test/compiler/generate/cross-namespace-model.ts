/**
 * Two namespaces, one dotted, referencing each other's declarations: records and enums from
 * `common`, a projection in `acme.billing` on events of both, keys of int type.
 */
import type { Model } from "../../../compiler/model.js";
import { aggregate, enumOf, field, model, namespace, projection, record, t, topic } from "./model-builder.js";

export function crossNamespaceModel(): Model {
  return model(
    namespace("acme.billing", {
      files: ["specs/billing.events"],
      dependsOn: ["common"],
      records: [record("acme.billing", "Invoice", [field("total", t.record("common.Money")), field("lines", t.list(t.map(t.record("common.Money"))))])],
      topics: [topic("acme.billing", "invoices", 3)],
      aggregates: [
        aggregate("acme.billing", "Account", "acme.billing.invoices", { name: "accountNo", type: "int" }, [
          { name: "AccountOpened", versions: [[field("currency", t.enum("common.Currency"))]], lifecycle: { creates: true } },
          { name: "Invoiced", versions: [[field("invoice", t.record("acme.billing.Invoice"))]], lifecycle: { after: ["acme.billing.AccountOpened", "acme.billing.Invoiced"] } },
        ]),
      ],
      projections: [
        projection("acme.billing", "Revenue", ["acme.billing.Invoiced", "common.RateSet"], [field("byCurrency", t.map(t.record("common.Money")), { default: {} })]),
      ],
    }),
    namespace("common", {
      files: ["specs/common.events"],
      enums: [enumOf("common", "Currency", ["EUR", "USD"])],
      records: [record("common", "Money", [field("amount", t.p("decimal")), field("currency", t.enum("common.Currency"), { default: "EUR" })])],
      topics: [topic("common", "Rates", 1, true)],
      aggregates: [
        aggregate("common", "Rates", "common.Rates", { name: "pair", type: "string" }, [
          { name: "RateSet", versions: [[field("rate", t.p("decimal"))]], lifecycle: { creates: true } },
        ]),
      ],
    }),
  );
}
