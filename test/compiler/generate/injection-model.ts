/**
 * A model built to break naive generators: docs that try to end comments or open template
 * literals, line separators, field names that are reserved words or Object.prototype members,
 * and string defaults full of quotes, backslashes and newlines.
 */
import type { Model } from "../../../compiler/model.js";
import { aggregate, enumOf, field, model, namespace, projection, record, t, topic } from "./model-builder.js";

export const NASTY_DOC = "Ends here? */ console.log(`pwned ${1 + 1}`); /* \u2028 next\u2029 line \\ end";
export const NASTY_DEFAULT = 'He said "hi"\\n\nthen\\left \u2028 `${x}` */';

export function injectionModel(): Model {
  return model(
    namespace("inj", {
      doc: NASTY_DOC,
      enums: [enumOf("inj", "Mode", ["class", "default", "constructor", "__proto__"], NASTY_DOC)],
      records: [
        record(
          "inj",
          "Weird",
          [
            field("class", t.p("string"), { doc: NASTY_DOC }),
            field("default", t.p("string"), { default: NASTY_DEFAULT }),
            field("constructor", t.p("int"), { optional: true }),
            field("__proto__", t.p("string")),
            field("toString", t.enum("inj.Mode"), { default: "__proto__" }),
            field("old", t.p("string"), { optional: true, deprecated: "use `class` */ instead" }),
          ],
          NASTY_DOC,
        ),
      ],
      topics: [topic("inj", "things", 2)],
      aggregates: [
        aggregate("inj", "Thing", "inj.things", { name: "constructor", type: "string", doc: NASTY_DOC }, [
          { name: "ThingMade", doc: NASTY_DOC, versions: [[field("weird", t.record("inj.Weird")), field("delete", t.p("bool"))]], lifecycle: { creates: true } },
        ]),
      ],
      projections: [projection("inj", "Things", ["inj.ThingMade"], [field("__proto__", t.p("int")), field("count", t.p("int"))], undefined, NASTY_DOC)],
    }),
  );
}
