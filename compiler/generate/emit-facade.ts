/**
 * The facade: the typed interface of the namespace (`Shop`), the descriptor the runtime works
 * from, and `createShop(log, options)`, which hands both to the runtime's `createFacade`.
 */
import type { AggregateModel, EventModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { eventInputTypeName } from "./emit-event-types.js";
import { needsUpcasters } from "./emit-upcasters.js";
import { objectKey, stringLiteral } from "./literals.js";
import { bareName, names } from "./names.js";
import { primitiveType } from "./type-expressions.js";
import { template } from "./templates.js";
import { tsdoc } from "./tsdoc.js";

interface FacadeView {
  ns: string;
  doc: string;
  facade: string;
  handlers: string;
  validate: string;
  options: string;
  optionsOptional: boolean;
  create: string;
  publish: { doc: string; key: string; input: string; envelope: string }[];
  streams: { key: string; keyType: string; union: string }[];
  projections: { doc: string; key: string; kind: string; state: string; handlers: string }[];
  descriptor: string;
}

// export interface Shop { readonly publish: {...}; subscribe(...); replay(...); streams; projections; validate }
// const $descriptor: $rt.NamespaceDescriptor = {...};
// export function createShop(log: $rt.Log, options: ShopOptions): Shop { ... }
const facadeTemplate = template<FacadeView>(
  `/** Typed access to namespace {{ns}} over a log: publish, subscribe, replay, read streams, build projections. */
export interface {{facade}} {
  readonly log: $rt.Log;
  /** Publishers: each validates the data, applies defaults, checks the lifecycle and appends one event. */
  readonly publish: {
{{#each publish}}
{{doc}}    readonly {{key}}: (data: {{input}}, options?: $rt.PublishOptions) => Promise<{{envelope}}>;
{{/each}}
  };
  /** Starts consumer group \`group\`: at least once, checkpointed, in order per key. */
  subscribe(group: string, handlers: {{handlers}}, options?: $rt.FacadeSubscribeOptions): Promise<$rt.Subscription>;
  /** Calls the handlers for every stored event, from the beginning of the log (or \`options.from\`). */
  replay(handlers: {{handlers}}, options?: $rt.FacadeReplayOptions): Promise<void>;
  /** Every event of one aggregate key, in version order. */
  readonly streams: {
{{#each streams}}
    readonly {{key}}: (key: {{keyType}}) => Promise<readonly {{union}}[]>;
{{/each}}
  };
  readonly projections: {
{{#each projections}}
{{doc}}    readonly {{key}}: $rt.{{kind}}<{{state}}, {{handlers}}>;
{{/each}}
  };
  readonly validate: typeof {{validate}};
  /** The stored checkpoint of a consumer group. */
  groupPosition(group: string): Promise<$rt.GroupPosition>;
}

const $descriptor: $rt.NamespaceDescriptor = {{descriptor}};

{{doc}}export function {{create}}(log: $rt.Log, options{{#if optionsOptional}}?{{/if}}: {{options}}): {{facade}} {
  const facade = $rt.createFacade(log, $descriptor, options);
  return Object.freeze({ ...facade, validate: {{validate}} }) as unknown as {{facade}};
}
`,
);

export function emitFacade(ctx: EmitContext): string {
  const { ns } = ctx;
  const ownEvents = ns.aggregates.flatMap((a) => a.events.map((e) => ({ a, e })));
  return facadeTemplate({
    ns: ns.name,
    doc: tsdoc({
      doc: `Creates the typed facade of namespace ${ns.name} over \`log\`.${needsUpcasters(ns) ? "\nOld event versions are upcast with `options.upcasters`." : ""}`,
    }),
    facade: names.facade(ns.name),
    handlers: names.handlers(ns.name),
    validate: names.validate(ns.name),
    options: names.options(ns.name),
    optionsOptional: !needsUpcasters(ns),
    create: names.create(ns.name),
    publish: ownEvents.map(({ a, e }) => ({
      doc: tsdoc(e, "    "),
      key: objectKey(e.name),
      input: eventInputTypeName(ctx, a, e, e.currentVersion, true),
      envelope: names.envelope(e.name),
    })),
    streams: ns.aggregates.map((a) => ({ key: objectKey(a.name), keyType: primitiveType(a.key.type), union: names.aggregateUnion(a.name) })),
    projections: ns.projections.map((p) => ({
      doc: tsdoc(p, "    "),
      key: objectKey(p.name),
      kind: p.per !== undefined ? "KeyedProjection" : "GlobalProjection",
      state: names.projectionState(p.name),
      handlers: names.projectionHandlers(p.name),
    })),
    descriptor: descriptorLiteral(ctx),
  });
}

/** The NamespaceDescriptor as an object literal; events of other namespaces that projections use are included. */
function descriptorLiteral(ctx: EmitContext): string {
  const { ns, index } = ctx;
  const aggregates = new Map<string, AggregateModel>();
  const events = new Map<string, EventModel>();
  for (const a of ns.aggregates) {
    aggregates.set(a.qualifiedName, a);
    for (const e of a.events) events.set(e.qualifiedName, e);
  }
  for (const p of ns.projections) {
    for (const qualified of p.events) {
      const e = index.events.get(qualified);
      const a = e && index.aggregates.get(e.aggregate);
      if (e === undefined || a === undefined || events.has(qualified)) continue;
      events.set(qualified, e);
      if (!aggregates.has(a.qualifiedName)) aggregates.set(a.qualifiedName, { ...a, events: [] });
      const owner = aggregates.get(a.qualifiedName);
      if (owner !== undefined) aggregates.set(a.qualifiedName, { ...owner, events: [...owner.events, e] });
    }
  }
  const topicNames = new Set([...ns.topics.map((t) => t.qualifiedName), ...[...aggregates.values()].map((a) => a.topic)]);
  const topics = [...topicNames]
    .sort()
    .map((name) => `    { name: ${stringLiteral(name)}, partitions: ${index.topics.get(name)?.partitions ?? 1} },\n`);
  const aggregateLines = [...aggregates.values()].map(
    (a) =>
      `    ${objectKey(a.name)}: {\n` +
      `      name: ${stringLiteral(a.name)},\n` +
      `      topic: ${stringLiteral(a.topic)},\n` +
      `      keyField: ${stringLiteral(a.key.name)},\n` +
      `      keyType: ${stringLiteral(a.key.type)},\n` +
      `      events: [${a.events.map((e) => stringLiteral(e.name)).join(", ")}],\n` +
      `    },\n`,
  );
  const eventLines = [...events.values()].map((e) => {
    const decoder = (stem: string) => ctx.types.ref(`${e.qualifiedName.slice(0, e.qualifiedName.length - e.name.length)}${stem}`, names.decoder);
    const versions = e.versions.map((v) => `{ version: ${v.version}, decode: ${decoder(names.versionStem(e, v))} }`);
    const rule: string[] = [];
    if (e.lifecycle.creates) rule.push("creates: true");
    if (e.lifecycle.after !== null) rule.push(`after: [${e.lifecycle.after.map(stringLiteral).join(", ")}]`);
    if (e.lifecycle.ends) rule.push("ends: true");
    return (
      `    ${objectKey(e.name)}: {\n` +
      `      name: ${stringLiteral(e.name)},\n` +
      `      type: ${stringLiteral(e.qualifiedName)},\n` +
      `      aggregate: ${stringLiteral(bareName(e.aggregate))},\n` +
      `      currentVersion: ${e.currentVersion},\n` +
      `      versions: [${versions.join(", ")}],\n` +
      `      lifecycle: {${rule.length > 0 ? ` ${rule.join(", ")} ` : ""}},\n` +
      `    },\n`
    );
  });
  const projectionLines = ns.projections.map(
    (p) =>
      `    ${objectKey(p.name)}: {\n` +
      `      name: ${stringLiteral(p.name)},\n` +
      (p.per !== undefined ? `      per: ${stringLiteral(bareName(p.per))},\n` : "") +
      `      events: [${p.events.map((q) => stringLiteral(bareName(q))).join(", ")}],\n` +
      `    },\n`,
  );
  const block = (lines: string[]) => (lines.length > 0 ? `{\n${lines.join("")}  }` : "{}");
  return (
    `{\n` +
    `  namespace: ${stringLiteral(ns.name)},\n` +
    `  topics: ${topics.length > 0 ? `[\n${topics.join("")}  ]` : "[]"},\n` +
    `  aggregates: ${block(aggregateLines)},\n` +
    `  events: ${block(eventLines)},\n` +
    `  projections: ${block(projectionLines)},\n` +
    `}`
  );
}
