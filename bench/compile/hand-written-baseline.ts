/**
 * The tsc baseline: what a person would write by hand for the same synthetic spec, i.e. one
 * readonly interface per event version with the same fields (key included), the records as
 * readonly interfaces, enums as string-literal unions, a union per aggregate and per
 * namespace. No validators, publishers or facade: the benchmark compares tsc's time on the
 * generated code with tsc's time on these plain types.
 */
import type { SyntheticField, SyntheticNamespace, SyntheticSpec, SyntheticType } from "../synthetic/synthetic-spec.js";

function tsType(type: SyntheticType, namespace: string): string {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "int":
        case "float":
          return "number";
        case "long":
          return "bigint";
        case "bool":
          return "boolean";
        default:
          return "string";
      }
    case "enum":
    case "record":
      return type.namespace === namespace ? type.name : `${type.namespace}.${type.name}`;
    case "list":
      return `readonly ${wrapForArray(tsType(type.element, namespace))}[]`;
    case "map":
      return `Readonly<Record<string, ${tsType(type.value, namespace)}>>`;
  }
}

function wrapForArray(element: string): string {
  return /^[\w.]+$/.test(element) ? element : `(${element})`;
}

function doc(text: string | undefined, indent: string): string[] {
  return text === undefined ? [] : [`${indent}/** ${text.replace(/\*\//g, "*\\/")} */`];
}

function members(fields: readonly SyntheticField[], namespace: string): string[] {
  const lines: string[] = [];
  for (const f of fields) {
    lines.push(...doc(f.doc, "  "), `  readonly ${f.name}${f.optional ? "?" : ""}: ${tsType(f.type, namespace)};`);
  }
  return lines;
}

export function renderBaselineModule(ns: SyntheticNamespace): string {
  const out: string[] = ["// Hand-written baseline for the compile benchmark: types only, no validators."];
  for (const imported of ns.imports) out.push(`import type * as ${imported} from "./${imported}.js";`);
  out.push("");
  for (const e of ns.enums) {
    out.push(...doc(e.doc, ""), `export type ${e.name} = ${e.members.map((m) => `"${m}"`).join(" | ")};`, "");
  }
  for (const r of ns.records) {
    out.push(...doc(r.doc, ""), `export interface ${r.name} {`, ...members(r.fields, ns.name), "}", "");
  }
  const namespaceUnion: string[] = [];
  for (const a of ns.aggregates) {
    const keyType = a.key.type === "long" ? "bigint" : a.key.type === "int" ? "number" : "string";
    const aggregateUnion: string[] = [];
    for (const event of a.events) {
      event.versions.forEach((version, index) => {
        const current = index === event.versions.length - 1;
        const name = current ? `${event.name}Data` : `${event.name}V${version.version}Data`;
        if (current) out.push(...doc(event.doc, ""));
        out.push(`export interface ${name} {`, `  readonly ${a.key.name}: ${keyType};`, ...members(version.fields, ns.name), "}", "");
        if (current) aggregateUnion.push(name);
      });
    }
    out.push(...doc(a.doc, ""), `export type ${a.name}Event = ${aggregateUnion.join(" | ") || "never"};`, "");
    namespaceUnion.push(`${a.name}Event`);
  }
  for (const p of ns.projections) {
    out.push(...doc(p.doc, ""), `export interface ${p.name}State {`, ...members(p.state, ns.name), "}", "");
  }
  const unionName = `${ns.name.charAt(0).toUpperCase()}${ns.name.slice(1)}Event`;
  out.push(`export type ${unionName} = ${namespaceUnion.join(" | ") || "never"};`, "");
  return out.join("\n");
}

/** One `.ts` module per namespace, named like the generated ones (`billing.ts`). */
export function renderHandWrittenBaseline(spec: SyntheticSpec): { readonly fileName: string; readonly text: string }[] {
  return spec.namespaces.map((ns) => ({ fileName: `${ns.name}.ts`, text: renderBaselineModule(ns) }));
}
