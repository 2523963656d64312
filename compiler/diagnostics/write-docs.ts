/** `npm run docs:diagnostics` (from the repository root): writes docs/diagnostics.md from the catalogue. */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { DIAGNOSTICS_DOC_PATH, renderDiagnosticsDoc } from "./render-docs.js";

writeFileSync(resolve(process.cwd(), DIAGNOSTICS_DOC_PATH), renderDiagnosticsDoc());
console.log(`wrote ${DIAGNOSTICS_DOC_PATH}`);
