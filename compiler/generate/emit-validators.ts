/** The `validateShop` object: one validator per record and event (old versions as `ItemRepricedV1`). */
import type { NamespaceModel } from "../model.js";
import { names } from "./names.js";
import { template } from "./templates.js";

// export const validateShop = Object.freeze({
//   Money: (value: unknown): $rt.ValidationResult<Money> => $rt.validate(decodeMoney, value),
// });
const validatorsTemplate = template<{ ns: string; name: string; entries: { key: string; type: string; decoder: string }[] }>(
  `/**
 * Validators of every type and event of namespace {{ns}}: each checks an unknown (JSON) value and
 * returns the typed, frozen value with defaults applied, or the issues found with their JSON paths.
 */
export const {{name}} = Object.freeze({
{{#each entries}}
  {{key}}: (value: unknown): $rt.ValidationResult<{{type}}> => $rt.validate({{decoder}}, value),
{{/each}}
});
`,
);

export function emitValidators(ns: NamespaceModel): string {
  const entries: { key: string; type: string; decoder: string }[] = [];
  for (const r of ns.records) entries.push({ key: r.name, type: r.name, decoder: names.decoder(r.name) });
  for (const a of ns.aggregates) {
    for (const e of a.events) {
      for (const v of e.versions) {
        const stem = names.versionStem(e, v);
        const current = v.version === e.currentVersion;
        entries.push({ key: stem, type: names.data(stem), decoder: names.decoder(stem) });
        if (current && stem !== e.name) entries.push({ key: e.name, type: names.data(e.name), decoder: names.decoder(e.name) });
      }
    }
  }
  return validatorsTemplate({ ns: ns.name, name: names.validate(ns.name), entries });
}
