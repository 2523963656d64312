import type { Check } from "../context.js";
import { reportUnresolved } from "../reference-diagnostic.js";

/** Every name in an `after` clause is a declared, visible event. */
export const knownAfterEvents: Check = (context) => reportUnresolved(context, ["after"]);
