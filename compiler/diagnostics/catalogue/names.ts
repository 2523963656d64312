/** EV2xxx: names, references and imports. */
import type { DiagnosticMessage } from "../diagnostic.js";

export const nameDiagnostics = {
  DuplicateDeclaration: {
    code: "EV2001",
    severity: "error",
    message: 'The name "{name}" is already used by {firstKind} "{name}" in namespace "{namespace}".',
    explanation:
      "Types, enums, topics, aggregates, events and projections share one set of names per namespace (across all its files). Rename one of them. Several declarations of one event are allowed only as versions (`v1`, `v2`) in the same aggregate.",
  },
  UnknownType: {
    code: "EV2002",
    severity: "error",
    message: 'Unknown type "{name}".{didYouMean}',
    explanation:
      "A field's type names no primitive, `type` or `enum` visible here. Check the spelling, declare the type, or import the file that declares it.",
  },
  UnknownTopic: {
    code: "EV2003",
    severity: "error",
    message: 'Unknown topic "{name}".{didYouMean}',
    explanation: "`aggregate X in T` names a topic that is not declared. Declare `topic T { partitions N }`, or leave out `in T` to give the aggregate its own topic.",
  },
  UnknownEvent: {
    code: "EV2004",
    severity: "error",
    message: 'Unknown event "{name}".{didYouMean}',
    explanation: "An `after` clause names an event that is not declared. Check the spelling.",
  },
  UnknownAggregate: {
    code: "EV2005",
    severity: "error",
    message: 'Unknown aggregate "{name}".{didYouMean}',
    explanation: "`projection P per A` names an aggregate that is not declared. Check the spelling.",
  },
  UnknownEventOrAggregate: {
    code: "EV2006",
    severity: "error",
    message: 'Unknown event or aggregate "{name}".{didYouMean}',
    explanation: "A projection's `on` list names something that is neither an event nor an aggregate. Check the spelling.",
  },
  AmbiguousName: {
    code: "EV2007",
    severity: "error",
    message: '"{name}" is ambiguous: it is declared in namespaces {candidates}.',
    explanation:
      "A bare name is declared in more than one imported namespace (and not in this file's own namespace). Write it qualified, e.g. `common.Money`.",
  },
  WrongKindOfName: {
    code: "EV2008",
    severity: "error",
    message: '"{name}" is {actual}, but {expected} is expected here.',
    explanation:
      "A name refers to the wrong kind of declaration, e.g. an event used as a field type or a topic after `per`. Use a name of the kind the position needs.",
  },
  UnknownNamespace: {
    code: "EV2009",
    severity: "error",
    message: 'Unknown namespace "{namespace}" in "{name}".{didYouMean}',
    explanation: "A qualified name starts with a namespace that no file of the compilation declares. Check the spelling, or import the file that declares it.",
  },
  NamespaceNotImported: {
    code: "EV2010",
    severity: "error",
    message: 'Namespace "{namespace}" is not imported by this file, so "{name}" is not visible here.',
    explanation:
      "Names of another namespace are visible only in files that import a file of that namespace. Add `import \"./file.events\"` at the top of the file.",
  },
  ImportNotFound: {
    code: "EV2011",
    severity: "error",
    message: 'Cannot find the imported file "{path}".',
    explanation: "An `import` names a file that does not exist. Import paths are relative to the importing file, e.g. `import \"./common.events\"`.",
  },
  ImportUnreadable: {
    code: "EV2012",
    severity: "error",
    message: 'Cannot read the imported file "{path}": {reason}.',
    explanation: "An imported file exists but could not be read (permissions, a folder instead of a file).",
  },
  SelfImport: {
    code: "EV2013",
    severity: "warning",
    message: "This file imports itself; the import has no effect.",
    explanation: "A file's own names are always visible in it. Remove the import.",
  },
  DuplicateImport: {
    code: "EV2014",
    severity: "warning",
    message: 'The file "{path}" is already imported above.',
    explanation: "The same file is imported twice by one file. Remove the second import.",
  },
  ReservedTypeName: {
    code: "EV2015",
    severity: "error",
    message: '"{name}" is a built-in type of the language and cannot be declared.',
    explanation:
      "The primitive types (`string`, `int`, `long`, `float`, `decimal`, `bool`, `uuid`, `timestamp`, `date`, `bytes`) and `list` and `map` cannot be used as names of types, enums or other declarations. Choose another name.",
  },
  ReservedWordName: {
    code: "EV2016",
    severity: "error",
    message: '"{name}" cannot name {kind}: it is a reserved word in TypeScript, and the generated type would not compile.',
    explanation:
      "Enums and types become TypeScript types of the same name, so their names cannot be JavaScript or TypeScript reserved words (`class`, `default`, `delete`, `string`, `any`, ...). Field, member, event and other names may be anything.",
  },
  GeneratedNameClash: {
    code: "EV2017",
    severity: "error",
    message: 'The generated name "{generated}" would be declared twice in namespace "{namespace}": for {claimant} and for {other}.',
    explanation:
      "Generated code derives names from declarations (`MoneyInput`, `decodeMoney`, `ItemListedData`, `ItemEvent`, `PriceListState`, `Shop`, `createShop`...). Two declarations whose derived names coincide cannot both be generated; rename one of them.",
  },
  ImportNotEventsFile: {
    code: "EV2018",
    severity: "warning",
    message: 'The imported file "{path}" does not end in ".events".',
    explanation: "Imports are expected to name other `.events` specs. The file is still read and parsed as a spec.",
  },
} as const satisfies Record<string, DiagnosticMessage>;
