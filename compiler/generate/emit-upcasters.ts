/**
 * Upcasters users must supply: exactly one per old event version, to the next version. The
 * options of `createShop` are required when there is anything to upcast, so a missing upcaster
 * is a TypeScript error in user code.
 */
import type { NamespaceModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { eventInputTypeName } from "./emit-event-types.js";
import { names } from "./names.js";
import { template } from "./templates.js";

interface UpcasterView {
  ns: string;
  upcasters: string;
  options: string;
  create: string;
  events: { name: string; steps: { from: number; to: number; data: string; result: string }[] }[];
}

// export interface ShopUpcasters { readonly ItemRepriced: { readonly 1: (data: ItemRepricedV1Data, context) => ItemRepricedV2Data } }
// export interface ShopOptions { readonly upcasters: ShopUpcasters }
const upcastersTemplate = template<UpcasterView>(
  `{{#if events}}
/**
 * Upcasters of namespace {{ns}}: for every event version that is no longer current, a function
 * from that version's data to the next version's. Stored events are never rewritten; they are
 * upcast when read.
 */
export type {{upcasters}} = {
{{#each events}}
  readonly {{name}}: {
{{#each steps}}
    /** {{../name}} v{{from}} → v{{to}}. */
    readonly {{from}}: (data: {{data}}, context: $rt.UpcastContext) => {{result}};
{{/each}}
  };
{{/each}}
};

/** Options of {@link {{create~}} }. */
export interface {{options}} {
  /** Required: some events have old versions that stored events may still use. */
  readonly upcasters: {{upcasters}};
}
{{else}}
/** No event of namespace {{ns}} has an old version: there is nothing to upcast. */
export type {{upcasters}} = { readonly [event: string]: never };

/** Options of {@link {{create~}} }. */
export interface {{options}} {
  readonly upcasters?: {{upcasters}};
}
{{/if}}
`,
);

/** Whether any event of the namespace has old versions (then options with upcasters are required). */
export function needsUpcasters(ns: NamespaceModel): boolean {
  return ns.aggregates.some((a) => a.events.some((e) => e.versions.length > 1));
}

export function emitUpcasters(ctx: EmitContext): string {
  const events: UpcasterView["events"] = [];
  for (const aggregate of ctx.ns.aggregates) {
    for (const event of aggregate.events) {
      const steps: UpcasterView["events"][number]["steps"] = [];
      for (let i = 0; i + 1 < event.versions.length; i++) {
        const from = event.versions[i];
        const to = event.versions[i + 1];
        if (from === undefined || to === undefined) continue;
        steps.push({
          from: from.version,
          to: to.version,
          data: names.data(names.versionStem(event, from)),
          result: eventInputTypeName(ctx, aggregate, event, to.version),
        });
      }
      if (steps.length > 0) events.push({ name: event.name, steps });
    }
  }
  return upcastersTemplate({
    ns: ctx.ns.name,
    upcasters: names.upcasters(ctx.ns.name),
    options: names.options(ctx.ns.name),
    create: names.create(ctx.ns.name),
    events,
  });
}
