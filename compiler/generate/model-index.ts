/**
 * Lookups across the whole model by qualified name, built once per `generate` call.
 * References in the model (`record`/`enum` refs, events of projections, topics of
 * aggregates) may point into other namespaces.
 */
import type { AggregateModel, EnumModel, EventModel, Model, RecordModel, TopicModel, TypeModel } from "../model.js";

export interface ModelIndex {
  readonly records: ReadonlyMap<string, RecordModel>;
  readonly enums: ReadonlyMap<string, EnumModel>;
  readonly events: ReadonlyMap<string, EventModel>;
  readonly aggregates: ReadonlyMap<string, AggregateModel>;
  readonly topics: ReadonlyMap<string, TopicModel>;
  /** Whether a record (by qualified name) needs a separate input type: a default somewhere inside it. */
  readonly recordNeedsInput: (qualifiedName: string) => boolean;
}

export function indexModel(model: Model): ModelIndex {
  const records = new Map<string, RecordModel>();
  const enums = new Map<string, EnumModel>();
  const events = new Map<string, EventModel>();
  const aggregates = new Map<string, AggregateModel>();
  const topics = new Map<string, TopicModel>();
  for (const ns of model.namespaces) {
    for (const r of ns.records) records.set(r.qualifiedName, r);
    for (const e of ns.enums) enums.set(e.qualifiedName, e);
    for (const t of ns.topics) topics.set(t.qualifiedName, t);
    for (const a of ns.aggregates) {
      aggregates.set(a.qualifiedName, a);
      for (const ev of a.events) events.set(ev.qualifiedName, ev);
    }
  }
  const memo = new Map<string, boolean>();
  const recordNeedsInput = (qualifiedName: string): boolean => {
    const known = memo.get(qualifiedName);
    if (known !== undefined) return known;
    memo.set(qualifiedName, false); // a record reaching itself adds nothing new
    const record = records.get(qualifiedName);
    const result =
      record !== undefined && record.fields.some((f) => f.default !== undefined || typeNeedsInput(f.type, recordNeedsInput));
    memo.set(qualifiedName, result);
    return result;
  };
  return { records, enums, events, aggregates, topics, recordNeedsInput };
}

/** Whether values of `type` are written differently on input (they contain a record with defaults). */
export function typeNeedsInput(type: TypeModel, recordNeedsInput: (qualifiedName: string) => boolean): boolean {
  switch (type.kind) {
    case "record":
      return recordNeedsInput(type.ref);
    case "list":
      return typeNeedsInput(type.element, recordNeedsInput);
    case "map":
      return typeNeedsInput(type.value, recordNeedsInput);
    default:
      return false;
  }
}
