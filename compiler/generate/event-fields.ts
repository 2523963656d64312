/** The fields of an event version's data: the aggregate's key first, then the payload fields. */
import type { AggregateModel, FieldModel } from "../model.js";

export function eventDataFields(aggregate: AggregateModel, fields: readonly FieldModel[]): FieldModel[] {
  const key: FieldModel = {
    name: aggregate.key.name,
    ...(aggregate.key.doc !== undefined ? { doc: aggregate.key.doc } : {}),
    optional: false,
    type: { kind: "primitive", name: aggregate.key.type },
    constraints: {},
    span: aggregate.key.span,
  };
  return [key, ...fields];
}
