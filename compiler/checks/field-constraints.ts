/**
 * The well-formed annotations of one field: known, first of their name, with valid arguments
 * and applicable to the field's resolved type. Checks that go further (bounds, patterns,
 * defaults) look only at these, so a malformed annotation is reported once, by known-annotations.
 */
import type { Annotation, FieldDecl } from "../../grammar/ast.js";
import { ANNOTATIONS, isAnnotationName, type AnnotationName } from "./annotation-rules.js";
import type { CheckContext } from "./context.js";
import { bindFieldType, type FieldType } from "./field-types.js";

export interface ValidAnnotation {
  readonly name: AnnotationName;
  readonly value: number | string | null;
  readonly annotation: Annotation;
}

export function validAnnotations(context: CheckContext, field: FieldDecl): { readonly type?: FieldType; readonly annotations: ValidAnnotation[] } {
  return context.memo("validAnnotations", field, () => compute(context, field));
}

function compute(context: CheckContext, field: FieldDecl): { readonly type?: FieldType; readonly annotations: ValidAnnotation[] } {
  const type = bindFieldType(context, field.type);
  if ((field.annotations ?? []).length === 0) return type === undefined ? { annotations: [] } : { type, annotations: [] };
  const annotations: ValidAnnotation[] = [];
  const seen = new Set<string>();
  for (const annotation of field.annotations ?? []) {
    const name = annotation.name?.name;
    if (!name || !isAnnotationName(name) || seen.has(name)) continue;
    seen.add(name);
    const rule = ANNOTATIONS[name];
    const value = rule.argument(annotation.args ?? []);
    if (value === undefined || (type !== undefined && !rule.appliesTo(type))) continue;
    annotations.push({ name, value, annotation });
  }
  return type === undefined ? { annotations } : { type, annotations };
}
