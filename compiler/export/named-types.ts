/** Records and enums of a model by qualified name, and the ones a set of fields needs (transitively). */
import type { EnumModel, FieldModel, Model, RecordModel, TypeModel } from "../model.js";

export type NamedType = { readonly kind: "record"; readonly record: RecordModel } | { readonly kind: "enum"; readonly enum: EnumModel };

export class NamedTypes {
  private readonly byName = new Map<string, NamedType>();

  constructor(model: Model) {
    for (const ns of model.namespaces) {
      for (const r of ns.records) this.byName.set(r.qualifiedName, { kind: "record", record: r });
      for (const e of ns.enums) this.byName.set(e.qualifiedName, { kind: "enum", enum: e });
    }
  }

  get(qualifiedName: string): NamedType | undefined {
    return this.byName.get(qualifiedName);
  }

  /** Qualified names of every record and enum the fields reference, directly or through records, sorted. */
  usedBy(fields: readonly FieldModel[]): string[] {
    const seen = new Set<string>();
    const visitFields = (list: readonly FieldModel[]): void => {
      for (const f of list) visit(f.type);
    };
    const visit = (type: TypeModel): void => {
      if (type.kind === "list") return visit(type.element);
      if (type.kind === "map") return visit(type.value);
      if (type.kind === "primitive" || seen.has(type.ref)) return;
      seen.add(type.ref);
      const named = this.byName.get(type.ref);
      if (named?.kind === "record") visitFields(named.record.fields);
    };
    visitFields(fields);
    return [...seen].sort();
  }
}
