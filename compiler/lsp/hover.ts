/**
 * Hover text for a declaration: a one-line signature in an `events` code block, then its
 * `///` documentation. For an event with several versions the newest documented one speaks.
 */
import type { DocComment, FieldDecl, KeyDecl } from "../../grammar/ast.js";
import type { DeclSymbol } from "../resolve/symbols.js";
import { typeText } from "../checks/field-types.js";

function fieldsText(fields: readonly FieldDecl[] | undefined): string {
  const list = (fields ?? []).filter((f) => f.name?.name).map((f) => `${f.name.name}${f.optional ? "?" : ""}: ${typeText(f.type)}`);
  return list.length === 0 ? "{}" : `{ ${list.join(", ")} }`;
}

export function signature(symbol: DeclSymbol): string {
  const name = symbol.qualifiedName;
  switch (symbol.kind) {
    case "enum":
      return `enum ${name} { ${(symbol.decl.members ?? []).map((m) => m.name?.name).filter(Boolean).join(", ")} }`;
    case "type":
      return `type ${name} ${fieldsText(symbol.decl.fields)}`;
    case "topic": {
      const partitions = symbol.decl.partitions?.value ?? 1;
      return `topic ${name} (${partitions} partition${partitions === 1 ? "" : "s"})`;
    }
    case "aggregate": {
      const key = symbol.decl.keys?.[0];
      const topic = symbol.decl.topic ? ` in ${symbol.decl.topic.text}` : "";
      return `aggregate ${name}${topic}${key?.name ? ` (key ${key.name.name}: ${typeText(key.type)})` : ""}`;
    }
    case "event": {
      const latest = symbol.decls[symbol.decls.length - 1];
      const versions = symbol.decls.map((d) => (d.version ? `v${d.version.text}` : "")).filter(Boolean);
      const lifecycle = [
        latest?.creates ? "creates" : "",
        latest?.after?.length ? `after ${latest.after.map((a) => a.text).join(", ")}` : "",
        latest?.ends ? "ends" : "",
      ].filter(Boolean);
      return [`event ${name}`, versions.length > 0 ? versions.join(", ") : "", ...lifecycle, fieldsText(latest?.fields), `(aggregate ${symbol.aggregate.name})`]
        .filter(Boolean)
        .join(" ");
    }
    case "projection":
      return `projection ${name}${symbol.decl.per ? ` per ${symbol.decl.per.text}` : ""}`;
  }
}

export function documentation(symbol: DeclSymbol): string | undefined {
  if (symbol.kind !== "event") return symbol.decl.doc?.text;
  let doc: DocComment | undefined;
  for (const decl of symbol.decls) if (decl.doc) doc = decl.doc;
  return doc?.text;
}

/** Markdown: the signature as code, then the docs. */
export function hoverMarkdown(symbol: DeclSymbol): string {
  const doc = documentation(symbol);
  return "```events\n" + signature(symbol) + "\n```" + (doc ? `\n\n${doc}` : "");
}

/** Markdown for a field, key or state field: how it is declared, then its docs. */
export function fieldHoverMarkdown(field: FieldDecl | KeyDecl): string {
  const declared =
    field.kind === "Key" ? `key ${field.name.name}: ${typeText(field.type)}` : `${field.name.name}${field.optional ? "?" : ""}: ${typeText(field.type)}`;
  return "```events\n" + declared + "\n```" + (field.doc ? `\n\n${field.doc.text}` : "");
}
