/**
 * Every name generated code declares, in one place.
 *
 * Public names derive from spec names with fixed suffixes/prefixes (`MoneyInput`, `decodeMoney`,
 * `ItemListedEvent`, `createShop`). Private helpers all contain `$` (`$rt`, `$descriptor`,
 * `$fields$Money`), which spec identifiers cannot contain, so they never collide with spec names.
 * Public names can collide with each other (a record named `MoneyInput` next to a record
 * `Money` that has defaults); `findNameClashes` lists such cases for the checker to report.
 */
import type { EventModel, EventVersionModel, NamespaceModel } from "../model.js";

/** `shop` → `Shop`, `acme.billing` → `AcmeBilling`: every segment capitalised, joined. */
export function namespacePascal(namespace: string): string {
  return namespace
    .split(".")
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join("");
}

/** The alias a module imports a sibling namespace's module under: `acme.billing` → `$ns$acme$billing`. */
export function namespaceAlias(namespace: string): string {
  return `$ns$${namespace.split(".").join("$")}`;
}

/** The namespace part of a qualified name (`acme.billing.Money` → `acme.billing`). */
export function namespaceOf(qualifiedName: string): string {
  return qualifiedName.slice(0, qualifiedName.lastIndexOf("."));
}

/** The bare name part of a qualified name. */
export function bareName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.lastIndexOf(".") + 1);
}

export const names = {
  enumValues: (name: string) => `${name}Values`,
  recordInput: (name: string) => `${name}Input`,
  decoder: (name: string) => `decode${name}`,
  fieldSet: (name: string) => `$fields$${name}`,
  pattern: (index: number) => `$pattern$${index}`,
  /** Name stem of one event version: `ItemRepricedV1` for old versions of multi-version events, else the event name. */
  versionStem: (event: EventModel, version: EventVersionModel) =>
    event.versions.length > 1 ? `${event.name}V${version.version}` : event.name,
  data: (stem: string) => `${stem}Data`,
  input: (stem: string) => `${stem}Input`,
  envelope: (event: string) => `${event}Event`,
  aggregateUnion: (aggregate: string) => `${aggregate}Event`,
  projectionState: (projection: string) => `${projection}State`,
  projectionHandlers: (projection: string) => `${projection}Handlers`,
  facade: (namespace: string) => namespacePascal(namespace),
  namespaceUnion: (namespace: string) => `${namespacePascal(namespace)}Event`,
  handlers: (namespace: string) => `${namespacePascal(namespace)}Handlers`,
  upcasters: (namespace: string) => `${namespacePascal(namespace)}Upcasters`,
  options: (namespace: string) => `${namespacePascal(namespace)}Options`,
  create: (namespace: string) => `create${namespacePascal(namespace)}`,
  validate: (namespace: string) => `validate${namespacePascal(namespace)}`,
  descriptor: "$descriptor",
  runtime: "$rt",
} as const;

/**
 * Type names generated code uses from TypeScript's global scope; a spec declaration with one of
 * these names would shadow it inside the module.
 */
export const GLOBAL_TYPES_USED = ["Promise"] as const;

export interface NameClash {
  /** The generated name that two things want. */
  readonly name: string;
  /** What wants it, in words: `enum Currency`, `record Money (its input type)`... */
  readonly claimants: readonly string[];
}

/**
 * Generated names of one namespace that would be declared twice (or shadow a global type the
 * generated code uses), with who claims each. The checker reports these as errors; the
 * generator assumes there are none.
 */
export function findNameClashes(ns: NamespaceModel): NameClash[] {
  const types = new Map<string, string[]>();
  const values = new Map<string, string[]>();
  const validateKeys = new Map<string, string[]>();
  const claim = (table: Map<string, string[]>, name: string, who: string) => {
    const list = table.get(name);
    if (list === undefined) table.set(name, [who]);
    else if (!list.includes(who)) list.push(who);
  };
  for (const global of GLOBAL_TYPES_USED) claim(types, global, `TypeScript's global ${global}`);
  for (const e of ns.enums) {
    claim(types, e.name, `enum ${e.name}`);
    claim(values, names.enumValues(e.name), `enum ${e.name} (its list of members)`);
    claim(values, names.decoder(e.name), `enum ${e.name} (its decoder)`);
  }
  for (const r of ns.records) {
    claim(types, r.name, `type ${r.name}`);
    claim(types, names.recordInput(r.name), `type ${r.name} (its input type)`);
    claim(values, names.decoder(r.name), `type ${r.name} (its decoder)`);
    claim(validateKeys, r.name, `type ${r.name}`);
  }
  for (const a of ns.aggregates) {
    claim(types, names.aggregateUnion(a.name), `aggregate ${a.name} (its event union)`);
    for (const ev of a.events) {
      const who = `event ${ev.name}`;
      claim(types, names.envelope(ev.name), `${who} (its envelope type)`);
      claim(types, names.data(ev.name), `${who} (its data type)`);
      claim(types, names.input(ev.name), `${who} (its input type)`);
      claim(values, names.decoder(ev.name), `${who} (its decoder)`);
      claim(validateKeys, ev.name, who);
      if (ev.versions.length > 1) {
        for (const v of ev.versions) {
          const stem = names.versionStem(ev, v);
          claim(types, names.data(stem), `${who} v${v.version} (its data type)`);
          claim(types, names.input(stem), `${who} v${v.version} (its input type)`);
          claim(values, names.decoder(stem), `${who} v${v.version} (its decoder)`);
          claim(validateKeys, stem, `${who} v${v.version}`);
        }
      }
    }
  }
  const handlerKeys = new Map<string, Map<string, string[]>>();
  for (const p of ns.projections) {
    claim(types, names.projectionState(p.name), `projection ${p.name} (its state type)`);
    claim(types, names.projectionHandlers(p.name), `projection ${p.name} (its handlers type)`);
    // Handler maps are keyed by bare event name next to `initial`.
    const keys = new Map<string, string[]>([["initial", [`projection ${p.name} (its initial state)`]]]);
    handlerKeys.set(p.name, keys);
    for (const qualified of p.events) claim(keys, bareName(qualified), `event ${qualified}`);
  }
  const nsWho = `namespace ${ns.name}`;
  claim(types, names.facade(ns.name), `${nsWho} (its facade type)`);
  claim(types, names.namespaceUnion(ns.name), `${nsWho} (its event union)`);
  claim(types, names.handlers(ns.name), `${nsWho} (its handlers type)`);
  claim(types, names.upcasters(ns.name), `${nsWho} (its upcasters type)`);
  claim(types, names.options(ns.name), `${nsWho} (its options type)`);
  claim(values, names.create(ns.name), `${nsWho} (its create function)`);
  claim(values, names.validate(ns.name), `${nsWho} (its validators)`);

  const clashes: NameClash[] = [];
  for (const [table, suffix] of [
    [types, ""],
    [values, ""],
    [validateKeys, ` (key of ${names.validate(ns.name)})`],
  ] as const) {
    for (const [name, claimants] of table) {
      if (claimants.length > 1) clashes.push({ name: name + suffix, claimants });
    }
  }
  for (const [projection, keys] of handlerKeys) {
    for (const [name, claimants] of keys) {
      if (claimants.length > 1) clashes.push({ name: `${name} (key of ${names.projectionHandlers(projection)})`, claimants });
    }
  }
  return clashes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
