/**
 * A large synthetic model like the benchmark's specs: `events` events over 10 namespaces, each
 * with ~6 fields of mixed types (a nested record, a list, an enum, a map, an optional, a default).
 */
import type { Model, NamespaceModel } from "../../../compiler/model.js";
import { aggregate, enumOf, field, namespace, projection, record, t, topic } from "./model-builder.js";

export function syntheticModel(events: number, namespaces = 10): Model {
  const result: NamespaceModel[] = [];
  const perNamespace = Math.ceil(events / namespaces);
  const perAggregate = 10;
  for (let n = 0; n < namespaces; n++) {
    const ns = `bench${n}`;
    const count = Math.min(perNamespace, events - n * perNamespace);
    if (count <= 0) break;
    const aggregates = [];
    for (let a = 0; a * perAggregate < count; a++) {
      const specs = [];
      for (let e = 0; e < Math.min(perAggregate, count - a * perAggregate); e++) {
        const fields = [
          field("title", t.p("string"), { constraints: { maxLength: 200 } }),
          field("amount", t.record(`${ns}.Money`)),
          field("quantity", t.p("int"), { constraints: { min: 0 } }),
          field("tags", t.list(t.p("string")), { default: [] }),
          field("status", t.enum(`${ns}.Status`)),
          field("note", t.p("string"), { optional: true, doc: `Note of event ${e}.` }),
        ];
        specs.push({
          name: `A${a}E${e}`,
          versions: e === 1 ? [fields.slice(0, 5), fields] : [fields],
          lifecycle: e === 0 ? { creates: true } : {},
        });
      }
      aggregates.push(aggregate(ns, `Agg${a}`, `${ns}.main`, { name: "id", type: "uuid" }, specs));
    }
    result.push(
      namespace(ns, {
        enums: [enumOf(ns, "Status", ["Active", "Paused", "Closed"])],
        records: [record(ns, "Money", [field("amount", t.p("decimal")), field("currency", t.p("string"), { default: "EUR" })])],
        topics: [topic(ns, "main", 4)],
        aggregates,
        projections: [projection(ns, "Totals", aggregates.slice(0, 1).flatMap((ag) => ag.events.map((ev) => ev.qualifiedName)), [field("count", t.p("int"))])],
      }),
    );
  }
  return { namespaces: result };
}
