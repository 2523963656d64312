/** Enums: a union of string literals plus the list of its members. */
import type { EnumModel } from "../model.js";
import { names } from "./names.js";
import { stringLiteral } from "./literals.js";
import { template } from "./templates.js";
import { tsdoc } from "./tsdoc.js";

// export type Currency = "EUR" | "USD";
// export const CurrencyValues: readonly Currency[] = Object.freeze(["EUR", "USD"]);
const enumTemplate = template<{ doc: string; name: string; union: string; valuesName: string; list: string }>(
  `{{doc}}export type {{name}} = {{union}};
/** Every member of {@link {{name~}} }, in declaration order. */
export const {{valuesName}}: readonly {{name}}[] = Object.freeze([{{list}}]);
`,
);

export function emitEnum(e: EnumModel): string {
  const literals = e.members.map((m) => stringLiteral(m.name));
  const memberDocs = e.members.filter((m) => m.doc !== undefined && m.doc !== "").map((m) => `- \`${m.name}\`: ${m.doc ?? ""}`);
  const doc = [e.doc ?? "", ...(memberDocs.length > 0 ? ["", ...memberDocs] : [])].join("\n").replace(/^\n+/, "");
  return enumTemplate({
    doc: tsdoc({ doc }),
    name: e.name,
    union: literals.length > 0 ? literals.join(" | ") : "never",
    valuesName: names.enumValues(e.name),
    list: literals.join(", "),
  });
}
