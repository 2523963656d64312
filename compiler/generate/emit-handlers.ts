/**
 * Handler maps: the namespace's subscription/replay handlers (any subset of events), and for each
 * projection its state type and its handlers (`initial` plus every event it is `on`, all required).
 */
import type { ProjectionModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { dataFields } from "./interface-fields.js";
import { bareName, names } from "./names.js";
import { template } from "./templates.js";
import { tsdoc } from "./tsdoc.js";

// export interface ShopHandlers { readonly ItemListed?: $rt.EventHandler<ItemListedEvent>; ... }
const namespaceHandlersTemplate = template<{ ns: string; name: string; events: { name: string; envelope: string }[] }>(
  `/** Handlers of a subscription or replay over namespace {{ns}}: any subset of its events. */
export interface {{name}} {
{{#each events}}
  readonly {{name}}?: $rt.EventHandler<{{envelope}}>;
{{/each}}
}
`,
);

export function emitNamespaceHandlers(ctx: EmitContext): string {
  const events = ctx.ns.aggregates.flatMap((a) => a.events.map((e) => ({ name: e.name, envelope: names.envelope(e.name) })));
  return namespaceHandlersTemplate({ ns: ctx.ns.name, name: names.handlers(ctx.ns.name), events });
}

// export interface PriceListState { readonly prices: { readonly [key: string]: Money } }
// export interface PriceListHandlers { readonly initial: () => PriceListState; readonly ItemListed: (state, event) => PriceListState; ... }
const projectionTemplate = template<{
  doc: string;
  state: string;
  fields: string;
  handlers: string;
  initial: string;
  events: { name: string; envelope: string }[];
}>(
  `{{doc}}export interface {{state}} {
{{fields}}
}

/** How to fold events into a {@link {{state~}} }: a handler for every event the projection is on. */
export interface {{handlers}} {
  /** The state before the first event{{#if initial}} of a key{{/if}}. */
  readonly initial: ({{initial}}) => {{state}};
{{#each events}}
  readonly {{name}}: (state: {{../state}}, event: {{envelope}}) => {{../state}};
{{/each}}
}
`,
);

export function emitProjectionTypes(ctx: EmitContext, projection: ProjectionModel): string {
  return projectionTemplate({
    doc: tsdoc(projection),
    state: names.projectionState(projection.name),
    fields: dataFields(ctx, projection.state),
    handlers: names.projectionHandlers(projection.name),
    initial: projection.per !== undefined ? "key: string" : "",
    events: projection.events.map((qualified) => ({
      name: bareName(qualified),
      envelope: ctx.types.ref(qualified, names.envelope),
    })),
  });
}
