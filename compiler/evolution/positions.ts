/**
 * Where in the current specs to point a diagnostic about a change: the changed declaration or
 * field when it still exists, otherwise the nearest thing that does (the event or aggregate
 * that lost it, or the top of a file of its namespace).
 */
import type { Span } from "../../grammar/ast.js";
import type { AggregateModel, EnumModel, EventModel, Model, RecordModel, TopicModel } from "../model.js";

export class PositionIndex {
  private readonly events = new Map<string, EventModel>();
  private readonly aggregates = new Map<string, AggregateModel>();
  private readonly records = new Map<string, RecordModel>();
  private readonly enums = new Map<string, EnumModel>();
  private readonly topics = new Map<string, TopicModel>();
  private readonly namespaceFiles = new Map<string, string>();

  constructor(model: Model) {
    for (const namespace of model.namespaces) {
      const firstFile = namespace.files[0];
      if (firstFile !== undefined) this.namespaceFiles.set(namespace.name, firstFile);
      for (const e of namespace.enums) this.enums.set(e.qualifiedName, e);
      for (const r of namespace.records) this.records.set(r.qualifiedName, r);
      for (const t of namespace.topics) this.topics.set(t.qualifiedName, t);
      for (const a of namespace.aggregates) {
        this.aggregates.set(a.qualifiedName, a);
        for (const e of a.events) this.events.set(e.qualifiedName, e);
      }
    }
  }

  event(name: string): Span | undefined {
    return this.events.get(name)?.span;
  }

  eventVersion(name: string, version: number): Span | undefined {
    return this.events.get(name)?.versions.find((v) => v.version === version)?.span;
  }

  eventField(name: string, version: number, field: string): Span | undefined {
    const declaration = this.events.get(name)?.versions.find((v) => v.version === version);
    return declaration?.fields.find((f) => f.name === field)?.span ?? declaration?.span;
  }

  aggregate(name: string): Span | undefined {
    return this.aggregates.get(name)?.span;
  }

  aggregateKey(name: string): Span | undefined {
    return this.aggregates.get(name)?.key.span;
  }

  type(name: string): Span | undefined {
    return this.records.get(name)?.span ?? this.enums.get(name)?.span;
  }

  recordField(name: string, field: string): Span | undefined {
    const record = this.records.get(name);
    return record?.fields.find((f) => f.name === field)?.span ?? record?.span;
  }

  topic(name: string): Span | undefined {
    return this.topics.get(name)?.span;
  }

  /** The start of the first file of the namespace a qualified name belongs to, when it still has one. */
  namespaceOf(qualifiedName: string): Span | undefined {
    const namespace = qualifiedName.slice(0, Math.max(qualifiedName.lastIndexOf("."), 0));
    const file = this.namespaceFiles.get(namespace);
    if (file === undefined) return undefined;
    const start = { offset: 0, line: 1, column: 1 };
    return { file, start, end: start };
  }
}
