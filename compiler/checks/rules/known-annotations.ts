import type { Annotation } from "../../../grammar/ast.js";
import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import { ANNOTATIONS, isAnnotationName } from "../annotation-rules.js";
import { annotationNameSpan } from "../annotation-span.js";
import type { Check } from "../context.js";
import { fieldOwners } from "../field-owners.js";
import { validAnnotations } from "../field-constraints.js";
import { typeText } from "../field-types.js";

/** Annotations are known ones, given once per field, with the right arguments, on a field type they apply to. */
export const knownAnnotations: Check = (context) => {
  for (const owner of fieldOwners(context)) {
    for (const field of owner.fields) {
      const seen = new Map<string, Annotation>();
      const { type } = validAnnotations(context, field);
      for (const annotation of field.annotations ?? []) {
        const name = annotation.name?.name;
        if (!name) continue;
        const span = annotationNameSpan(annotation);
        if (!isAnnotationName(name)) {
          context.report(createDiagnostic(Diagnostics.UnknownAnnotation, span, { name, didYouMean: didYouMean(name, Object.keys(ANNOTATIONS)) }));
          continue;
        }
        const first = seen.get(name);
        if (first) {
          context.report(
            createDiagnostic(
              Diagnostics.DuplicateAnnotation,
              span,
              { name, field: field.name?.name ?? "?" },
              { related: [{ message: formatMessage(Phrases.firstAnnotationHere, { name }), span: annotationNameSpan(first) }] },
            ),
          );
          continue;
        }
        seen.set(name, annotation);
        const rule = ANNOTATIONS[name];
        if (rule.argument(annotation.args ?? []) === undefined) {
          context.report(createDiagnostic(Diagnostics.AnnotationArguments, annotation.span, { name, expected: rule.takes }));
          continue;
        }
        if (type !== undefined && !rule.appliesTo(type))
          context.report(
            createDiagnostic(Diagnostics.AnnotationNotApplicable, span, { name, applies: rule.applies, field: field.name?.name ?? "?", type: typeText(field.type) }),
          );
      }
    }
  }
};
