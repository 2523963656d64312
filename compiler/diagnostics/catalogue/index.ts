/**
 * The one catalogue of diagnostics, like TypeScript's diagnosticMessages.json: every code,
 * severity and message template lives in a band file here, and call sites refer to entries
 * of `Diagnostics` (`Diagnostics.UnknownType`), never to message text.
 */
import type { DiagnosticMessage } from "../diagnostic.js";
import { aggregateDiagnostics } from "./aggregates.js";
import { cliDiagnostics } from "./cli.js";
import { evolutionDiagnostics } from "./evolution.js";
import { nameDiagnostics } from "./names.js";
import { projectionDiagnostics } from "./projections.js";
import { syntaxDiagnostics } from "./syntax.js";
import { typeDiagnostics } from "./types.js";

/** A band of codes: one phase or area, one thousand-range of codes. */
export interface DiagnosticBand {
  readonly title: string;
  /** Codes of this band are `EV<prefix>xxx`. */
  readonly prefix: number;
  readonly entries: Readonly<Record<string, DiagnosticMessage>>;
}

export const DIAGNOSTIC_BANDS: readonly DiagnosticBand[] = [
  { title: "Syntax", prefix: 1, entries: syntaxDiagnostics },
  { title: "Names and imports", prefix: 2, entries: nameDiagnostics },
  { title: "Types, fields, defaults and annotations", prefix: 3, entries: typeDiagnostics },
  { title: "Aggregates: keys, lifecycle and versions", prefix: 4, entries: aggregateDiagnostics },
  { title: "Projections and topics", prefix: 5, entries: projectionDiagnostics },
  { title: "Schema evolution", prefix: 6, entries: evolutionDiagnostics },
  { title: "Command line, configuration and files", prefix: 9, entries: cliDiagnostics },
];

export const Diagnostics = {
  ...syntaxDiagnostics,
  ...nameDiagnostics,
  ...typeDiagnostics,
  ...aggregateDiagnostics,
  ...projectionDiagnostics,
  ...evolutionDiagnostics,
  ...cliDiagnostics,
} as const;

export type DiagnosticName = keyof typeof Diagnostics;

/** Every entry with its name, ordered by code. */
export function allDiagnostics(): readonly (DiagnosticMessage & { readonly name: string })[] {
  return DIAGNOSTIC_BANDS.flatMap((band) => Object.entries(band.entries).map(([name, entry]) => ({ name, ...entry }))).sort(
    (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export { Phrases } from "./phrases.js";
