/**
 * Renders a synthetic namespace as the text of one `.events` file, laid out the way a person
 * would write it (docs above declarations, one field per line, blank lines between blocks).
 */
import type { SyntheticField, SyntheticNamespace, SyntheticType } from "./synthetic-spec.js";

export function renderTypeRef(type: SyntheticType, namespace: string): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "enum":
    case "record":
      return type.namespace === namespace || type.bare ? type.name : `${type.namespace}.${type.name}`;
    case "list":
      return `list<${renderTypeRef(type.element, namespace)}>`;
    case "map":
      return `map<string, ${renderTypeRef(type.value, namespace)}>`;
  }
}

function docLines(doc: string | undefined, indent: string): string[] {
  return doc === undefined ? [] : doc.split("\n").map((line) => `${indent}/// ${line}`);
}

function fieldLines(fields: readonly SyntheticField[], namespace: string, indent: string): string[] {
  const lines: string[] = [];
  for (const f of fields) {
    lines.push(...docLines(f.doc, indent));
    let text = `${indent}${f.name}${f.optional ? "?" : ""}: ${renderTypeRef(f.type, namespace)}`;
    if (f.default !== undefined) text += ` = ${f.default}`;
    if (f.annotations.length > 0) text += ` ${f.annotations.join(" ")}`;
    lines.push(text);
  }
  return lines;
}

export function renderEventsFile(ns: SyntheticNamespace): string {
  const out: string[] = [...docLines(ns.doc, ""), `namespace ${ns.name}`, ""];
  for (const imported of ns.imports) out.push(`import "./${imported}.events"`);
  if (ns.imports.length > 0) out.push("");

  for (const e of ns.enums) {
    out.push(...docLines(e.doc, ""), `enum ${e.name} { ${e.members.join(", ")} }`, "");
  }
  for (const r of ns.records) {
    out.push(...docLines(r.doc, ""), `type ${r.name} {`, ...fieldLines(r.fields, ns.name, "  "), "}", "");
  }
  for (const t of ns.topics) {
    out.push(...docLines(t.doc, ""), `topic ${t.name} {`, `  partitions ${t.partitions}`, "}", "");
  }
  for (const a of ns.aggregates) {
    out.push(...docLines(a.doc, ""), `aggregate ${a.name}${a.topic !== undefined ? ` in ${a.topic}` : ""} {`);
    out.push(`  key ${a.key.name}: ${a.key.type}`);
    for (const event of a.events) {
      const versioned = event.versions.length > 1;
      event.versions.forEach((version, index) => {
        const current = index === event.versions.length - 1;
        out.push("");
        if (current) out.push(...docLines(event.doc, "  "));
        let head = `  event ${event.name}`;
        if (versioned) head += ` v${version.version}`;
        if (current) {
          if (event.creates) head += " creates";
          if (event.after.length > 0) head += ` after ${event.after.join(", ")}`;
          if (event.ends) head += " ends";
        }
        out.push(`${head} {`, ...fieldLines(version.fields, ns.name, "    "), "  }");
      });
    }
    out.push("}", "");
  }
  for (const p of ns.projections) {
    out.push(...docLines(p.doc, ""), `projection ${p.name}${p.per !== undefined ? ` per ${p.per}` : ""} {`);
    out.push(`  on ${p.on.join(", ")}`, "  state {", ...fieldLines(p.state, ns.name, "    "), "  }", "}", "");
  }
  return out.join("\n");
}
