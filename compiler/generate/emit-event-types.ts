/** Event data types: one per version (`ItemRepricedV1Data`), the current one also as `ItemRepricedData`, plus input types. */
import type { AggregateModel, EventModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { eventDataFields } from "./event-fields.js";
import { dataFields, fieldsNeedInput, inputFields } from "./interface-fields.js";
import { names } from "./names.js";
import { template } from "./templates.js";
import { tsdoc } from "./tsdoc.js";

interface VersionView {
  doc: string;
  dataName: string;
  fields: string;
  input: { name: string; fields: string } | false;
  /** For the current version of a multi-version event: `ItemRepricedData = ItemRepricedV2Data`. */
  alias: { dataName: string; inputName: string | false; version: number } | false;
}

// export interface ItemListedData { readonly sku: string; ... }
// export interface ItemListedInput { ... }                           (only when defaults make fields optional)
// export type ItemRepricedData = ItemRepricedV2Data;                 (current version of a multi-version event)
const versionTemplate = template<VersionView & { event: string }>(
  `{{doc}}export interface {{dataName}} {
{{fields}}
}
{{#if input}}
/** {@link {{dataName~}} } as accepted by publishers and validators: fields with defaults may be left out. */
export interface {{input.name}} {
{{input.fields}}
}
{{/if}}
{{#if alias}}
/** The data of {{event}}'s current version (v{{alias.version}}). */
export type {{alias.dataName}} = {{dataName}};
{{#if alias.inputName}}
/** The input of {{event}}'s current version (v{{alias.version}}). */
export type {{alias.inputName}} = {{input.name}};
{{/if}}
{{/if}}
`,
);

export function emitEventTypes(ctx: EmitContext, aggregate: AggregateModel, event: EventModel): string {
  let out = "";
  for (const version of event.versions) {
    const stem = names.versionStem(event, version);
    const fields = eventDataFields(aggregate, version.fields);
    const hasInput = fieldsNeedInput(ctx, fields);
    const current = version.version === event.currentVersion;
    const multi = event.versions.length > 1;
    const versionNote = multi ? [`Version ${version.version} of ${event.name}${current ? " (current)" : ""}.`] : [];
    out += versionTemplate({
      event: event.name,
      doc: tsdoc({ doc: version.doc ?? (current ? event.doc : undefined) }, "", versionNote),
      dataName: names.data(stem),
      fields: dataFields(ctx, fields),
      input: hasInput ? { name: names.input(stem), fields: inputFields(ctx, fields) } : false,
      alias:
        multi && current
          ? { dataName: names.data(event.name), inputName: hasInput ? names.input(event.name) : false, version: version.version }
          : false,
    });
  }
  return out;
}

/** The type publishers accept for an event version: its input type when it has one, else its data type. */
export function eventInputTypeName(
  ctx: EmitContext,
  aggregate: AggregateModel,
  event: EventModel,
  versionNumber: number,
  /** Name the current version by its unversioned alias (`ItemRepricedInput`). */
  currentAlias = false,
): string {
  const version = event.versions.find((v) => v.version === versionNumber) ?? event.versions[event.versions.length - 1];
  if (version === undefined) return "never";
  const stem = currentAlias && version.version === event.currentVersion ? event.name : names.versionStem(event, version);
  return fieldsNeedInput(ctx, eventDataFields(aggregate, version.fields)) ? names.input(stem) : names.data(stem);
}
