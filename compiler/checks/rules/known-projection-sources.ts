import type { Check } from "../context.js";
import { reportUnresolved } from "../reference-diagnostic.js";

/** A projection's `per` names an aggregate, and every entry of its `on` list an event or an aggregate. */
export const knownProjectionSources: Check = (context) => reportUnresolved(context, ["per", "on"]);
