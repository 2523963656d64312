/** Canonical formatting of `.events` files (`eventc fmt`, the language server's formatting). */
export { formatSpec, type FormatResult } from "./format-spec.js";
export { ONE_LINE_ENUM_WIDTH } from "./layout-plan.js";
