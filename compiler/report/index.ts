export { renderText, renderSummary, type RenderOptions } from "./render-text.js";
export { renderJson, toJsonDiagnostic, type JsonDiagnostic } from "./render-json.js";
