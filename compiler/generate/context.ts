/** What every emitter gets: the namespace being generated and ways to look across the model. */
import type { NamespaceModel } from "../model.js";
import type { ModelIndex } from "./model-index.js";
import type { GenerateSettings } from "./options.js";
import type { TypeWriter } from "./type-expressions.js";

export interface EmitContext {
  readonly ns: NamespaceModel;
  readonly index: ModelIndex;
  readonly types: TypeWriter;
  readonly settings: GenerateSettings;
  /** Module-level regular expressions the decoders need, in order of first use (`$pattern$0`, ...). */
  readonly patterns: string[];
}
