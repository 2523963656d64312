import type { Check } from "../context.js";
import { reportUnresolved } from "../reference-diagnostic.js";

/** Every field type names a primitive, or a `type` or `enum` visible from its file. */
export const knownTypes: Check = (context) => reportUnresolved(context, ["type"]);
