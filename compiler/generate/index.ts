/**
 * `generate(model, options)`: the checked model → one TypeScript module per namespace.
 * Pure (no I/O) and deterministic: the same model gives byte-identical output.
 * See docs/generated-code.md for what the modules contain.
 */
import type { Model, NamespaceModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { emitEnumDecoder, emitObjectDecoder, emitPatterns } from "./emit-decoders.js";
import { emitEnum } from "./emit-enums.js";
import { emitEnvelopes, emitNamespaceUnion } from "./emit-envelopes.js";
import { emitEventDecoders } from "./emit-event-decoders.js";
import { emitEventTypes } from "./emit-event-types.js";
import { emitFacade } from "./emit-facade.js";
import { emitNamespaceHandlers, emitProjectionTypes } from "./emit-handlers.js";
import { emitModule } from "./emit-module.js";
import { emitRecord } from "./emit-records.js";
import { emitUpcasters } from "./emit-upcasters.js";
import { emitValidators } from "./emit-validators.js";
import { indexModel, type ModelIndex } from "./model-index.js";
import { namespaceAlias } from "./names.js";
import { normalizeGenerateOptions, type GenerateOptions, type GenerateSettings } from "./options.js";
import { TypeWriter } from "./type-expressions.js";

export type { GenerateOptions } from "./options.js";
export { findNameClashes, type NameClash } from "./names.js";

export interface GeneratedFile {
  /** Relative to the output folder, `/`-separated: `shop.ts`, `acme.billing.ts`. */
  readonly path: string;
  readonly content: string;
}

export function generate(model: Model, options: GenerateOptions = {}): GeneratedFile[] {
  const settings = normalizeGenerateOptions(options);
  const index = indexModel(model);
  return [...model.namespaces]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((ns) => ({ path: `${ns.name}.ts`, content: generateNamespace(ns, index, settings) }));
}

function generateNamespace(ns: NamespaceModel, index: ModelIndex, settings: GenerateSettings): string {
  const ctx: EmitContext = { ns, index, types: new TypeWriter(ns.name, index), settings, patterns: [] };
  const hasFacade = ns.aggregates.length > 0 || ns.projections.length > 0;
  const sections = [
    { title: "Enums", body: join(ns.enums, emitEnum) },
    { title: "Types", body: join(ns.records, (r) => emitRecord(ctx, r)) },
    { title: "Events", body: join(ns.aggregates, (a) => join(a.events, (e) => emitEventTypes(ctx, a, e))) },
    {
      title: "Envelopes",
      body: ns.aggregates.length > 0 ? join(ns.aggregates, emitEnvelopes) + "\n" + emitNamespaceUnion(ns) : "",
    },
    { title: "Projections", body: join(ns.projections, (p) => emitProjectionTypes(ctx, p)) },
    {
      title: "Decoders",
      body: [
        ...ns.enums.map(emitEnumDecoder),
        ...ns.records.map((r) =>
          emitObjectDecoder(ctx, {
            stem: r.name,
            type: r.name,
            typeName: r.name,
            doc: `Decodes a {@link ${r.name}} from its JSON form: checks it, applies defaults, freezes it.`,
            fields: r.fields,
          }),
        ),
        ...ns.aggregates.flatMap((a) => a.events.map((e) => emitEventDecoders(ctx, a, e))),
        emitValidators(ns),
      ].join("\n"),
    },
    { title: "Facade", body: hasFacade ? [emitUpcasters(ctx), emitNamespaceHandlers(ctx), emitFacade(ctx)].join("\n") : "" },
  ];
  // Patterns are collected while decoders are emitted; they go before the first decoder.
  const patterns = emitPatterns(ctx.patterns);
  if (patterns !== "") sections.splice(5, 0, { title: "Patterns", body: patterns });
  const imports = [...ctx.types.referencedNamespaces].sort().map((namespace) => ({ alias: namespaceAlias(namespace), namespace }));
  return emitModule({
    version: settings.version,
    files: ns.files.map(settings.displayPath),
    doc: ns.doc,
    runtimeImport: settings.runtimeImport,
    imports,
    sections,
  });
}

/**
 * Emits each item and joins them with blank lines between. Array join, not `+=`: it builds one
 * flat string instead of a rope of thousands of pieces (which costs flattening and GC later).
 */
function join<T>(items: readonly T[], emit: (item: T) => string): string {
  return items.map(emit).join("\n");
}
