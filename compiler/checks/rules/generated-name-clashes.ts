import type { Span } from "../../../grammar/ast.js";
import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { GLOBAL_TYPES_USED, names } from "../../generate/names.js";
import type { EventModel, EventVersionModel } from "../../model.js";
import type { NamespaceScope } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

interface Claimant {
  /** `event "Placed"`: built once per declaration. */
  readonly owner: string;
  /** `its data type`: what of the declaration wants the name (the message is assembled only on a clash). */
  readonly role?: string;
  readonly span?: Span;
}

const who = (c: Claimant) => (c.role === undefined ? c.owner : `${c.owner} (${c.role})`);

/**
 * No two declarations of a namespace derive the same generated TypeScript name (a type
 * `ItemListedData` next to an event `ItemListed`, a type named after the namespace's facade),
 * and no declaration shadows a global type the generated code uses. Names come from the
 * generator's own naming rules (compiler/generate/names.ts), so the two cannot drift apart.
 */
export const generatedNameClashes: Check = (context) => {
  for (const scope of context.program.table.namespaces.values()) {
    for (const [generated, claimants] of claims(scope)) {
      if (claimants.length < 2) continue;
      const located = claimants.filter((c): c is Claimant & { span: Span } => c.span !== undefined);
      const at = located[located.length - 1];
      if (at === undefined) continue;
      const other = claimants.find((c) => c !== at)!;
      context.report(
        createDiagnostic(
          Diagnostics.GeneratedNameClash,
          at.span,
          { generated, namespace: scope.name, claimant: who(at), other: who(other) },
          other.span ? { related: [{ message: formatMessage(Phrases.clashingDeclaration, { claimant: capitalise(who(other)) }), span: other.span }] } : {},
        ),
      );
    }
  }
};

function claims(scope: NamespaceScope): Map<string, Claimant[]> {
  // Type names, value names and keys of the validators object are three separate spaces.
  const tables = { type: new Map<string, Claimant[]>(), value: new Map<string, Claimant[]>(), validator: new Map<string, Claimant[]>() };
  const claim = (table: keyof typeof tables, name: string, owner: string, role?: string, span?: Span) => {
    const claimant: Claimant = { owner, ...(role !== undefined ? { role } : {}), ...(span !== undefined ? { span } : {}) };
    const list = tables[table].get(name);
    if (list === undefined) tables[table].set(name, [claimant]);
    else if (!list.some((c) => c.owner === owner && c.role === role)) list.push(claimant);
  };
  for (const global of GLOBAL_TYPES_USED) claim("type", global, `TypeScript's global type "${global}"`);
  const nsSpan = scope.files[0]?.ast.namespace?.span;
  const nsWho = `namespace "${scope.name}"`;
  claim("type", names.facade(scope.name), nsWho, "its facade type", nsSpan);
  claim("type", names.namespaceUnion(scope.name), nsWho, "its event union", nsSpan);
  claim("type", names.handlers(scope.name), nsWho, "its handlers type", nsSpan);
  claim("type", names.upcasters(scope.name), nsWho, "its upcasters type", nsSpan);
  claim("type", names.options(scope.name), nsWho, "its options type", nsSpan);
  claim("value", names.create(scope.name), nsWho, "its create function", nsSpan);
  claim("value", names.validate(scope.name), nsWho, "its validators", nsSpan);

  for (const symbol of scope.symbols.values()) {
    const span = symbol.nameSpan;
    switch (symbol.kind) {
      case "enum": {
        const who = `enum "${symbol.name}"`;
        claim("type", symbol.name, who, undefined, span);
        claim("value", names.enumValues(symbol.name), who, "its list of members", span);
        claim("value", names.decoder(symbol.name), who, "its decoder", span);
        break;
      }
      case "type": {
        const who = `type "${symbol.name}"`;
        claim("type", symbol.name, who, undefined, span);
        claim("type", names.recordInput(symbol.name), who, "its input type", span);
        claim("value", names.decoder(symbol.name), who, "its decoder", span);
        claim("validator", symbol.name, who, undefined, span);
        break;
      }
      case "aggregate":
        claim("type", names.aggregateUnion(symbol.name), `aggregate "${symbol.name}"`, "its event union", span);
        break;
      case "projection":
        claim("type", names.projectionState(symbol.name), `projection "${symbol.name}"`, "its state type", span);
        claim("type", names.projectionHandlers(symbol.name), `projection "${symbol.name}"`, "its handlers type", span);
        break;
      case "event": {
        const who = `event "${symbol.name}"`;
        claim("type", names.envelope(symbol.name), who, "its envelope type", span);
        claim("type", names.data(symbol.name), who, "its data type", span);
        claim("type", names.input(symbol.name), who, "its input type", span);
        claim("value", names.decoder(symbol.name), who, "its decoder", span);
        claim("validator", symbol.name, who, undefined, span);
        if (symbol.decls.length > 1) {
          const versions = symbol.decls.map((d) => ({ version: d.version?.value ?? 1 }) as EventVersionModel);
          const event = { name: symbol.name, versions } as unknown as EventModel;
          for (const version of versions) {
            const stem = names.versionStem(event, version);
            const vWho = `${who} v${version.version}`;
            claim("type", names.data(stem), vWho, "its data type", span);
            claim("type", names.input(stem), vWho, "its input type", span);
            claim("value", names.decoder(stem), vWho, "its decoder", span);
            claim("validator", stem, vWho, undefined, span);
          }
        }
        break;
      }
      case "topic":
        break;
    }
  }
  const all = new Map<string, Claimant[]>();
  for (const table of Object.values(tables)) for (const [name, list] of table) if (list.length > 1) all.set(name, list);
  return all;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
