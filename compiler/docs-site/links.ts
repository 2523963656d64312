/**
 * Where each declaration lives in the catalog: one page per namespace (`acme.billing.html`), an
 * anchor per declaration (`#event-InvoicePaid`). Names are identifiers, so ids need no escaping.
 */
export function namespacePage(namespace: string): string {
  return `${namespace}.html`;
}

export type AnchorKind = "topic" | "aggregate" | "event" | "type" | "enum" | "projection";

/** The element id of a declaration on its namespace's page. */
export function anchorId(kind: AnchorKind, bareName: string): string {
  return `${kind}-${bareName}`;
}

/** A link to a declaration by its qualified name (`shop.ItemListed`). */
export function hrefOf(kind: AnchorKind, qualifiedName: string): string {
  const dot = qualifiedName.lastIndexOf(".");
  return `${namespacePage(qualifiedName.slice(0, dot))}#${anchorId(kind, qualifiedName.slice(dot + 1))}`;
}

export function bareName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.lastIndexOf(".") + 1);
}
