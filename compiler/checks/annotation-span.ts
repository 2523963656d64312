import type { Annotation, Span } from "../../grammar/ast.js";

/** `@name` without its arguments: what a message about the annotation itself underlines. */
export function annotationNameSpan(annotation: Annotation): Span {
  const end = annotation.name?.span.end ?? annotation.span.end;
  return { file: annotation.span.file, start: annotation.span.start, end };
}
