/** The fields of an event version's data: the aggregate's key first, then the payload fields. */
import type { AggregateModel, FieldModel } from "../model.js";

// Asked for by types, decoders, upcasters and the facade alike: built once per field list.
// (Keyed by aggregate too: a model may share one empty field list between events.)
const cache = new WeakMap<AggregateModel, WeakMap<readonly FieldModel[], readonly FieldModel[]>>();

export function eventDataFields(aggregate: AggregateModel, fields: readonly FieldModel[]): readonly FieldModel[] {
  let perAggregate = cache.get(aggregate);
  if (perAggregate === undefined) cache.set(aggregate, (perAggregate = new WeakMap()));
  const cached = perAggregate.get(fields);
  if (cached !== undefined) return cached;
  const key: FieldModel = {
    name: aggregate.key.name,
    ...(aggregate.key.doc !== undefined ? { doc: aggregate.key.doc } : {}),
    optional: false,
    type: { kind: "primitive", name: aggregate.key.type },
    constraints: {},
    span: aggregate.key.span,
  };
  const result = [key, ...fields];
  perAggregate.set(fields, result);
  return result;
}
