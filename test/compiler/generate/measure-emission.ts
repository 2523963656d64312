/**
 * Handlebars vs ts-morph for emission, on the synthetic 1,000-event model (numbers in
 * docs/generated-code.md, "Why handlebars for emission"). Not a test: run it with
 *   npx tsx test/compiler/generate/measure-emission.ts [events]
 * Both sides emit the same thing: every event version's data interface and its decoder.
 */
import { Project, StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { EmitContext } from "../../../compiler/generate/context.js";
import { emitEventDecoders } from "../../../compiler/generate/emit-event-decoders.js";
import { emitEventTypes } from "../../../compiler/generate/emit-event-types.js";
import { eventDataFields } from "../../../compiler/generate/event-fields.js";
import { generate } from "../../../compiler/generate/index.js";
import { stringLiteral, propertyName } from "../../../compiler/generate/literals.js";
import { indexModel } from "../../../compiler/generate/model-index.js";
import { names } from "../../../compiler/generate/names.js";
import { normalizeGenerateOptions } from "../../../compiler/generate/options.js";
import { TypeWriter } from "../../../compiler/generate/type-expressions.js";
import type { Model } from "../../../compiler/model.js";
import { syntheticModel } from "./synthetic-model.js";

const events = Number(process.argv[2] ?? 1000);
const model = syntheticModel(events);

function contexts(m: Model): EmitContext[] {
  const index = indexModel(m);
  const settings = normalizeGenerateOptions({ rootDir: "/" });
  return m.namespaces.map((ns) => ({ ns, index, types: new TypeWriter(ns.name, index), settings, patterns: [] }));
}

function withHandlebars(m: Model): number {
  let size = 0;
  for (const ctx of contexts(m)) {
    const parts: string[] = [];
    for (const a of ctx.ns.aggregates) for (const e of a.events) parts.push(emitEventTypes(ctx, a, e), emitEventDecoders(ctx, a, e));
    size += parts.join("\n").length;
  }
  return size;
}

/**
 * ts-morph from structures. `bulk`: one source file built from all statement structures at once
 * (its fast path); otherwise one `add*` call per declaration, as emitters written naively would do.
 */
function withTsMorph(m: Model, bulk: boolean): number {
  const project = new Project({ useInMemoryFileSystem: true });
  let size = 0;
  for (const ctx of contexts(m)) {
    const statements: StatementStructures[] = [];
    for (const a of ctx.ns.aggregates) {
      for (const e of a.events) {
        for (const v of e.versions) {
          const stem = names.versionStem(e, v);
          const fields = eventDataFields(a, v.fields);
          statements.push({
            kind: StructureKind.Interface,
            name: names.data(stem),
            isExported: true,
            properties: fields.map((f) => ({ name: propertyName(f.name), isReadonly: true, hasQuestionToken: f.optional, type: ctx.types.type(f.type) })),
          });
          statements.push({
            kind: StructureKind.VariableStatement,
            declarationKind: VariableDeclarationKind.Const,
            declarations: [{ name: names.fieldSet(stem), initializer: `new Set([${fields.map((f) => stringLiteral(f.name)).join(", ")}])` }],
          });
          statements.push({
            kind: StructureKind.Function,
            name: names.decoder(stem),
            isExported: true,
            parameters: [
              { name: "value", type: "unknown" },
              { name: "path", type: "string" },
              { name: "issues", type: "$rt.ValidationIssue[]" },
            ],
            returnType: `${names.data(stem)} | undefined`,
            statements: [
              "const obj = $rt.decodeObject(value, path, issues);",
              "if (obj === undefined) return undefined;",
              "const start = issues.length;",
              ...fields.map(
                (f) =>
                  `const ${f.name}$ = $rt.${f.optional ? "optionalField" : "requiredField"}(obj[${stringLiteral(f.name)}], path + ${stringLiteral(`.${f.name}`)}, issues, ${ctx.types.decoder(f.type)});`,
              ),
              `$rt.rejectUnknownFields(obj, ${names.fieldSet(stem)}, ${stringLiteral(e.name)}, path, issues);`,
              `if (issues.length !== start${fields.filter((f) => !f.optional).map((f) => ` || ${f.name}$ === undefined`).join("")}) return undefined;`,
              `return Object.freeze({ ${fields.map((f) => `${propertyName(f.name)}: ${f.name}$`).join(", ")} });`,
            ],
          });
        }
      }
    }
    if (bulk) {
      size += project.createSourceFile(`/${ctx.ns.name}.ts`, { statements }, { overwrite: true }).getFullText().length;
    } else {
      const file = project.createSourceFile(`/${ctx.ns.name}.ts`, "", { overwrite: true });
      for (const statement of statements) file.addStatements([statement]);
      size += file.getFullText().length;
    }
  }
  return size;
}

function measure(label: string, run: () => number, repeat: number): void {
  run(); // warm-up: template compilation, JIT
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    size = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms  (min ${times[0]?.toFixed(1)} ms, ${(size / 1e6).toFixed(1)} MB)`);
}

console.log(`${events} events, ${model.namespaces.length} namespaces`);
measure("handlebars: event types + decoders", () => withHandlebars(model), 5);
measure("ts-morph, one file from all structures", () => withTsMorph(model, true), 3);
if (events <= 100) measure("ts-morph, one add call per declaration", () => withTsMorph(model, false), 1);
measure("full generate() (all sections)", () => generate(model).reduce((s, o) => s + o.content.length, 0), 5);
