/** Shared helpers for the grammar tests. */
import { expect } from "vitest";
import { parse } from "../../grammar/index.js";
import type { Declaration, FieldDecl, Literal, Span, SpecFile, TypeRef } from "../../grammar/index.js";
import type { SyntaxProblem } from "../../grammar/syntax-problem.js";

/** Parses text that must have no problems at all. */
export function parseClean(text: string, file = "test.events"): SpecFile {
  const { ast, problems } = parse(text, file);
  expect(problems.map(describeProblem)).toEqual([]);
  return ast;
}

/** `line:column` of a span's start. */
export function at(span: Span): string {
  return `${span.start.line}:${span.start.column}`;
}

/** The source text a span covers. */
export function slice(text: string, span: Span): string {
  return text.slice(span.start.offset, span.end.offset);
}

/** A problem in one line: `kind line:col-endcol expected | found`. */
export function describeProblem(problem: SyntaxProblem): string {
  const where = `${at(problem.span)}-${problem.span.end.line}:${problem.span.end.column}`;
  switch (problem.kind) {
    case "UnexpectedToken":
      return `${where} expected ${problem.expected}, found ${problem.found}`;
    case "UnexpectedEnd":
      return `${where} expected ${problem.expected}, found the end of the file`;
    case "InvalidCharacter":
    case "InvalidNumber":
      return `${where} ${problem.kind} ${JSON.stringify(problem.text)}`;
    default:
      return `${where} ${problem.kind}`;
  }
}

export function problemsOf(text: string): string[] {
  return parse(text, "test.events").problems.map(describeProblem);
}

/** A type reference written back as source (`list<map<string, common.Money>>`). */
export function typeText(type: TypeRef): string {
  switch (type.kind) {
    case "Primitive":
      return type.name;
    case "Named":
      return type.name.text;
    case "List":
      return `list<${typeText(type.element)}>`;
    case "Map":
      return `map<${typeText(type.key)}, ${typeText(type.value)}>`;
  }
}

export function literalText(literal: Literal): string {
  switch (literal.kind) {
    case "String":
      return JSON.stringify(literal.value);
    case "Integer":
    case "Float":
      return `${literal.kind}:${literal.text}`;
    case "Bool":
      return String(literal.value);
    case "Identifier":
      return `#${literal.name}`;
    case "List":
      return `[${literal.items.map(literalText).join(", ")}]`;
    case "Map":
      return "{}";
  }
}

/** A field written back in one line (doc not included). */
export function fieldText(field: FieldDecl): string {
  let text = `${field.name.name}${field.optional ? "?" : ""}: ${typeText(field.type)}`;
  if (field.default !== undefined) text += ` = ${literalText(field.default)}`;
  for (const annotation of field.annotations) {
    text += ` @${annotation.name.name}${annotation.args.length > 0 ? `(${annotation.args.map(literalText).join(", ")})` : ""}`;
  }
  return text;
}

/** A compact, readable structure of a declaration, for whole-file expectations. */
export function declarationSummary(declaration: Declaration): unknown {
  switch (declaration.kind) {
    case "Enum":
      return { enum: declaration.name.name, members: declaration.members.map((member) => member.name.name) };
    case "Type":
      return { type: declaration.name.name, fields: declaration.fields.map(fieldText) };
    case "Topic":
      return { topic: declaration.name.name, partitions: declaration.partitions?.value };
    case "Aggregate":
      return {
        aggregate: declaration.name.name,
        in: declaration.topic?.text,
        keys: declaration.keys.map((key) => `${key.name.name}: ${typeText(key.type)}`),
        events: declaration.events.map((event) => ({
          event: event.name.name + (event.version === undefined ? "" : ` v${event.version.value}`),
          lifecycle: [event.creates ? "creates" : "", event.after.map((name) => name.text).join(","), event.ends ? "ends" : ""]
            .filter((part) => part !== "")
            .join(" "),
          fields: event.fields.map(fieldText),
        })),
      };
    case "Projection":
      return {
        projection: declaration.name.name,
        per: declaration.per?.text,
        on: declaration.on.map((name) => name.text),
        state: declaration.state.map(fieldText),
      };
  }
}
