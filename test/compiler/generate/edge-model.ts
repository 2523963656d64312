/**
 * Shapes at the edges: a namespace with only a projection (over another namespace's events),
 * an empty record, an event with no payload, a long key, nested optional collections,
 * a per-key projection with a long key, and constraints with negative and fractional bounds.
 */
import type { Model } from "../../../compiler/model.js";
import { aggregate, enumOf, field, model, namespace, projection, record, t, topic } from "./model-builder.js";

export function edgeModel(): Model {
  return model(
    namespace("edge.core", {
      enums: [enumOf("edge.core", "Flag", ["On"])],
      records: [
        record("edge.core", "Nothing", []),
        record("edge.core", "Nested", [
          field("grid", t.list(t.list(t.enum("edge.core.Flag"))), { optional: true }),
          field("index", t.map(t.list(t.record("edge.core.Nothing"))), { default: {} }),
          field("ratio", t.p("float"), { constraints: { min: -1.5, max: 2.25 } }),
          field("big", t.p("long"), { default: "9007199254740993", constraints: { min: -3 } }),
        ]),
      ],
      topics: [topic("edge.core", "Counter", 1, true)],
      aggregates: [
        aggregate("edge.core", "Counter", "edge.core.Counter", { name: "id", type: "long" }, [
          { name: "Started", versions: [[]], lifecycle: { creates: true } },
          { name: "Ticked", versions: [[field("nested", t.record("edge.core.Nested"))], [field("nested", t.record("edge.core.Nested")), field("on", t.p("bool"))]] },
        ]),
      ],
      projections: [projection("edge.core", "Ticks", ["edge.core.Started", "edge.core.Ticked"], [field("ticks", t.p("long"))], "edge.core.Counter")],
    }),
    namespace("edge.views", {
      projections: [projection("edge.views", "Started", ["edge.core.Started"], [field("count", t.p("int"))])],
    }),
  );
}
