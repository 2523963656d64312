/**
 * Handlebars, set up for TypeScript rather than HTML: no escaping (every value is made safe by
 * `literals.ts`/`tsdoc.ts` before it reaches a template), only the built-in helpers, and each
 * template compiled once per process, on first use. (`strict` lookups cost ~15% of generation
 * time; the golden tests catch a missing view field instead.) Templates live in `.ts` string constants so they
 * work the same from sources and from `dist/`.
 */
import Handlebars from "handlebars";

const handlebars = Handlebars.create();

/** A template function, compiled lazily on first call and then reused. */
export function template<T>(source: string): (context: T) => string {
  let compiled: Handlebars.TemplateDelegate<T> | undefined;
  return (context) => {
    compiled ??= handlebars.compile<T>(source, { noEscape: true, knownHelpersOnly: true });
    return compiled(context);
  };
}

/** A partial shared by several templates, referenced as `{{> name}}`. */
export function registerPartial(name: string, source: string): void {
  handlebars.registerPartial(name, source);
}
