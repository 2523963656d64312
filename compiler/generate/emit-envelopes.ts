/** Envelope types (stored metadata + typed data) per event, and unions per aggregate and per namespace. */
import type { AggregateModel, NamespaceModel } from "../model.js";
import { names } from "./names.js";
import { stringLiteral } from "./literals.js";
import { template } from "./templates.js";
import { tsdoc } from "./tsdoc.js";

// export type ItemListedEvent = $rt.Envelope<"shop.ItemListed", ItemListedData>;
// export type ItemEvent = ItemListedEvent | ItemRepricedEvent;
const aggregateTemplate = template<{
  events: { doc: string; name: string; type: string; data: string }[];
  unionDoc: string;
  union: string;
  members: string;
}>(
  `{{#each events}}
{{doc}}export type {{name}} = $rt.Envelope<{{type}}, {{data}}>;
{{/each}}
{{unionDoc}}export type {{union}} = {{members}};
`,
);

export function emitEnvelopes(aggregate: AggregateModel): string {
  const events = aggregate.events.map((e) => ({
    doc: tsdoc({ doc: e.doc }),
    name: names.envelope(e.name),
    type: stringLiteral(e.qualifiedName),
    data: names.data(e.name),
  }));
  return aggregateTemplate({
    events,
    unionDoc: tsdoc({ doc: `Every event of aggregate ${aggregate.name}, keyed by \`${aggregate.key.name}\`.` }),
    union: names.aggregateUnion(aggregate.name),
    members: events.length > 0 ? events.map((e) => e.name).join(" | ") : "never",
  });
}

// export type ShopEvent = ItemEvent | OrderEvent;
export function emitNamespaceUnion(ns: NamespaceModel): string {
  const members = ns.aggregates.map((a) => names.aggregateUnion(a.name));
  return `/** Every event of namespace ${ns.name}. */\nexport type ${names.namespaceUnion(ns.name)} = ${members.length > 0 ? members.join(" | ") : "never"};\n`;
}
