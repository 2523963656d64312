/**
 * Builds the checked model (compiler/model.ts) from a resolved program that passed every
 * check. Ordering is deterministic: namespaces by name, declarations in source order of their
 * files in path order, implicit topics after the declared ones in aggregate order.
 */
import type { DocComment, FieldDecl } from "../grammar/ast.js";
import { createCheckContext, type CheckContext } from "./checks/context.js";
import { fieldDefault } from "./checks/default-value.js";
import { currentDeclaration, versionOf } from "./checks/event-versions.js";
import { validAnnotations } from "./checks/field-constraints.js";
import type { FieldType } from "./checks/field-types.js";
import type {
  AggregateModel,
  Constraints,
  EnumModel,
  EventModel,
  FieldModel,
  KeyType,
  Model,
  NamespaceModel,
  ProjectionModel,
  RecordModel,
  TopicModel,
  TypeModel,
} from "./model.js";
import type { Program } from "./resolve/program.js";
import type { AggregateSymbol, EventSymbol, NamespaceScope } from "./resolve/symbols.js";

export function buildModel(program: Program): Model {
  const context = createCheckContext(program, () => undefined);
  const names = [...program.table.namespaces.keys()].sort();
  return { namespaces: names.map((name) => buildNamespace(context, program.table.namespaces.get(name)!)) };
}

const doc = (comment: DocComment | undefined): { doc?: string } => (comment === undefined ? {} : { doc: comment.text });

function buildNamespace(context: CheckContext, scope: NamespaceScope): NamespaceModel {
  const enums: EnumModel[] = [];
  const records: RecordModel[] = [];
  const topics: TopicModel[] = [];
  const implicitTopics: TopicModel[] = [];
  const aggregates: AggregateModel[] = [];
  const projections: ProjectionModel[] = [];

  for (const file of scope.files) {
    for (const decl of file.ast.declarations) {
      const symbol = scope.symbols.get(decl.name?.name ?? "");
      if (symbol === undefined) continue;
      switch (symbol.kind) {
        case "enum":
          enums.push({
            name: symbol.name,
            qualifiedName: symbol.qualifiedName,
            ...doc(symbol.decl.doc),
            members: symbol.decl.members.map((m) => ({ name: m.name.name, ...doc(m.doc) })),
            span: symbol.decl.span,
          });
          break;
        case "type":
          records.push({
            name: symbol.name,
            qualifiedName: symbol.qualifiedName,
            ...doc(symbol.decl.doc),
            fields: buildFields(context, symbol.decl.fields),
            span: symbol.decl.span,
          });
          break;
        case "topic":
          topics.push({
            name: symbol.name,
            qualifiedName: symbol.qualifiedName,
            partitions: symbol.decl.partitions?.value ?? 1,
            implicit: false,
            ...doc(symbol.decl.doc),
            span: symbol.decl.span,
          });
          break;
        case "aggregate": {
          const aggregate = buildAggregate(context, symbol);
          aggregates.push(aggregate);
          if (symbol.decl.topic === undefined)
            implicitTopics.push({ name: symbol.name, qualifiedName: aggregate.topic, partitions: 1, implicit: true, span: symbol.decl.name.span });
          break;
        }
        case "projection": {
          const per = context.resolved(symbol.decl.per);
          const events: string[] = [];
          for (const ref of symbol.decl.on) {
            const target = context.resolved(ref);
            const expanded = target?.kind === "aggregate" ? target.events : target?.kind === "event" ? [target] : [];
            for (const event of expanded) if (!events.includes(event.qualifiedName)) events.push(event.qualifiedName);
          }
          projections.push({
            name: symbol.name,
            qualifiedName: symbol.qualifiedName,
            ...doc(symbol.decl.doc),
            ...(per !== undefined ? { per: per.qualifiedName } : {}),
            events,
            state: buildFields(context, symbol.decl.state),
            span: symbol.decl.span,
          });
          break;
        }
        case "event":
          break; // events are built with their aggregate
      }
    }
  }

  const dependsOn = new Set<string>();
  const files = new Set(scope.files.map((f) => f.path));
  for (const site of context.program.references) {
    if (files.has(site.file.path) && site.resolution.status === "found" && site.resolution.symbol.namespace !== scope.name)
      dependsOn.add(site.resolution.symbol.namespace);
  }
  const docs = scope.files.map((f) => f.ast.doc?.text).filter((d): d is string => d !== undefined);

  return {
    name: scope.name,
    files: [...files].sort(),
    ...(docs.length > 0 ? { doc: docs.join("\n\n") } : {}),
    enums,
    records,
    topics: [...topics, ...implicitTopics],
    aggregates,
    projections,
    dependsOn: [...dependsOn].sort(),
  };
}

function buildAggregate(context: CheckContext, symbol: AggregateSymbol): AggregateModel {
  const key = symbol.decl.keys[0]!;
  const topic = context.resolved(symbol.decl.topic)?.qualifiedName ?? symbol.qualifiedName;
  return {
    name: symbol.name,
    qualifiedName: symbol.qualifiedName,
    ...doc(symbol.decl.doc),
    topic,
    key: {
      name: key.name.name,
      type: (key.type.kind === "Primitive" ? key.type.name : "string") as KeyType,
      ...doc(key.doc),
      span: key.span,
    },
    events: symbol.events.map((event) => buildEvent(context, event)),
    span: symbol.decl.span,
  };
}

function buildEvent(context: CheckContext, event: EventSymbol): EventModel {
  const current = currentDeclaration(event);
  const versions = [...event.decls]
    .sort((a, b) => versionOf(a) - versionOf(b))
    .map((decl) => ({ version: versionOf(decl), ...doc(decl.doc), fields: buildFields(context, decl.fields), span: decl.span }));
  const after = current.after.map((ref) => context.resolved(ref)?.qualifiedName).filter((q): q is string => q !== undefined);
  return {
    name: event.name,
    qualifiedName: event.qualifiedName,
    aggregate: event.aggregate.qualifiedName,
    ...doc(current.doc),
    versions,
    currentVersion: versionOf(current),
    lifecycle: { creates: current.creates !== undefined, after: current.after.length > 0 ? after : null, ends: current.ends !== undefined },
    span: current.span,
  };
}

function buildFields(context: CheckContext, fields: readonly FieldDecl[]): FieldModel[] {
  return fields.map((field) => {
    const { type, annotations } = validAnnotations(context, field);
    if (type === undefined) throw new Error(`internal: field "${field.name.name}" reached the model with an unresolved type`);
    const converted = fieldDefault(context, field);
    const constraints: { -readonly [K in keyof Constraints]: Constraints[K] } = {};
    let deprecated: string | undefined;
    for (const annotation of annotations) {
      if (annotation.name === "deprecated") deprecated = typeof annotation.value === "string" ? annotation.value : "";
      else if (annotation.name === "pattern") constraints.pattern = String(annotation.value);
      else if (typeof annotation.value === "number") constraints[annotation.name] = annotation.value;
    }
    return {
      name: field.name.name,
      ...doc(field.doc),
      optional: field.optional,
      type: typeModel(type),
      ...(converted !== undefined && "value" in converted ? { default: converted.value } : {}),
      constraints,
      ...(deprecated !== undefined ? { deprecated } : {}),
      span: field.span,
    };
  });
}

function typeModel(type: FieldType): TypeModel {
  switch (type.kind) {
    case "primitive":
      return { kind: "primitive", name: type.name };
    case "enum":
      return { kind: "enum", ref: type.symbol.qualifiedName };
    case "record":
      return { kind: "record", ref: type.symbol.qualifiedName };
    case "list":
      return { kind: "list", element: typeModel(type.element) };
    case "map":
      return { kind: "map", value: typeModel(type.value) };
  }
}

