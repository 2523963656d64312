/** Decoders of every event version's data (`decodeItemRepricedV1`), the current one also as `decodeItemRepriced`. */
import type { AggregateModel, EventModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { emitObjectDecoder } from "./emit-decoders.js";
import { eventDataFields } from "./event-fields.js";
import { names } from "./names.js";

export function emitEventDecoders(ctx: EmitContext, aggregate: AggregateModel, event: EventModel): string {
  const out: string[] = [];
  for (const version of event.versions) {
    const stem = names.versionStem(event, version);
    const label = event.versions.length > 1 ? `${event.name} v${version.version}` : event.name;
    out.push(
      emitObjectDecoder(ctx, {
        stem,
        type: names.data(stem),
        typeName: label,
        doc: `Decodes the data of {@link ${names.data(stem)}} from its JSON form: checks it, applies defaults, freezes it.`,
        fields: eventDataFields(aggregate, version.fields),
      }),
    );
    if (stem !== event.name && version.version === event.currentVersion) {
      const alias = `export const ${names.decoder(event.name)} = ${names.decoder(stem)};`;
      out.push(`/** Decodes the data of ${event.name}'s current version (v${version.version}). */\n${alias}\n`);
    }
  }
  return out.join("\n");
}
