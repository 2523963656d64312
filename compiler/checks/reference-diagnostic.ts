/** The diagnostic for a reference that did not resolve, shared by the reference checks. */
import { dirname, relative } from "node:path";
import type { DiagnosticMessage } from "../diagnostics/diagnostic.js";
import { Diagnostics, Phrases } from "../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean, suggestName } from "../diagnostics/suggest.js";
import type { Program, ReferencePosition, ReferenceSite } from "../resolve/program.js";
import type { DeclarationKind } from "../resolve/symbols.js";

const KIND_WORDS: Readonly<Record<DeclarationKind, string>> = {
  enum: "an enum",
  type: "a type",
  topic: "a topic",
  aggregate: "an aggregate",
  event: "an event",
  projection: "a projection",
};

export function kindWords(kind: DeclarationKind): string {
  return KIND_WORDS[kind];
}

const EXPECTED_WORDS: Readonly<Record<ReferencePosition, string>> = {
  type: "a type or an enum",
  topic: "a topic",
  after: "an event",
  per: "an aggregate",
  on: "an event or an aggregate",
};

const UNKNOWN: Readonly<Record<ReferencePosition, DiagnosticMessage>> = {
  type: Diagnostics.UnknownType,
  topic: Diagnostics.UnknownTopic,
  after: Diagnostics.UnknownEvent,
  per: Diagnostics.UnknownAggregate,
  on: Diagnostics.UnknownEventOrAggregate,
};

/** How `from` imports `to`: `./common.events`, `../shared/money.events`. */
export function importPath(from: string, to: string): string {
  const path = relative(dirname(from), to).split("\\").join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

export function referenceDiagnostic(program: Program, site: ReferenceSite): Diagnostic | undefined {
  const { ref, resolution, file } = site;
  const name = ref.text;
  switch (resolution.status) {
    case "found":
      return undefined;
    case "unknown": {
      const last = ref.parts[ref.parts.length - 1] ?? name;
      const suggestion = suggestName(last, resolution.suggestionCandidates);
      const shown = suggestion === undefined ? undefined : ref.parts.length > 1 ? [...ref.parts.slice(0, -1), suggestion].join(".") : suggestion;
      // With no close name, say how to make the name exist (for types and topics, where that is obvious).
      const declare = site.position === "type" ? Phrases.declareType : site.position === "topic" ? Phrases.declareTopic : undefined;
      return createDiagnostic(
        UNKNOWN[site.position],
        ref.span,
        { name, didYouMean: shown === undefined ? "" : formatMessage(Phrases.didYouMean, { suggestion: shown }) },
        shown === undefined && declare !== undefined && ref.parts.length === 1 ? { hint: formatMessage(declare, { name }) } : {},
      );
    }
    case "ambiguous": {
      const candidates = resolution.candidates.map((c) => `"${c.qualifiedName}"`);
      return createDiagnostic(
        Diagnostics.AmbiguousName,
        ref.span,
        { name, candidates: resolution.candidates.map((c) => `"${c.namespace}"`).join(" and ") },
        {
          hint: formatMessage(Phrases.qualifyName, { candidates: candidates.join(" or ") }),
          related: resolution.candidates.map((c) => ({ message: formatMessage(Phrases.declaredHere, { name: c.qualifiedName }), span: c.nameSpan })),
        },
      );
    }
    case "wrong-kind":
      return createDiagnostic(
        Diagnostics.WrongKindOfName,
        ref.span,
        { name, actual: kindWords(resolution.symbol.kind), expected: EXPECTED_WORDS[site.position] },
        { related: [{ message: formatMessage(Phrases.declaredHere, { name: resolution.symbol.name }), span: resolution.symbol.nameSpan }] },
      );
    case "unknown-namespace":
      return createDiagnostic(
        Diagnostics.UnknownNamespace,
        ref.span,
        { namespace: resolution.namespace, name, didYouMean: didYouMean(resolution.namespace, resolution.namespaces) },
        { hint: formatMessage(Phrases.declareNamespaceFile, { namespace: resolution.namespace }) },
      );
    case "not-imported": {
      const target = resolution.symbol?.file ?? program.table.namespaces.get(resolution.namespace)?.files[0]?.path;
      return createDiagnostic(
        Diagnostics.NamespaceNotImported,
        ref.span,
        { namespace: resolution.namespace, name },
        target === undefined ? {} : { hint: formatMessage(Phrases.importNamespace, { path: importPath(file.path, target) }) },
      );
    }
  }
}

/** Reports every unresolved reference written at one of the given positions. */
export function reportUnresolved(context: { program: Program; report(d: Diagnostic): void }, positions: readonly ReferencePosition[]): void {
  for (const site of context.program.references) {
    if (!positions.includes(site.position)) continue;
    const diagnostic = referenceDiagnostic(context.program, site);
    if (diagnostic) context.report(diagnostic);
  }
}
