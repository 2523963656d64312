import type { Check } from "../context.js";
import { reportUnresolved } from "../reference-diagnostic.js";

/** `aggregate X in T` names a declared, visible topic. */
export const knownTopics: Check = (context) => reportUnresolved(context, ["topic"]);
