/**
 * A plan of a large, realistic synthetic spec: namespaces with enums, records, topics,
 * aggregates with keys and valid lifecycles, versioned events and projections. The plan is
 * plain data so that the same spec can be rendered as `.events` files (render-events.ts) and
 * as equivalent hand-written TypeScript (bench/compile/hand-written-baseline.ts).
 *
 * Everything is drawn from a seeded generator: the same options always give the same plan.
 */
import type { PrimitiveName } from "../../grammar/ast.js";
import { createRandom, type Random } from "./random.js";

export type SyntheticType =
  | { readonly kind: "primitive"; readonly name: PrimitiveName }
  /** `bare`: written without its namespace (only for names that are unambiguous, i.e. from `common`). */
  | { readonly kind: "enum"; readonly namespace: string; readonly name: string; readonly bare: boolean }
  | { readonly kind: "record"; readonly namespace: string; readonly name: string; readonly bare: boolean }
  | { readonly kind: "list"; readonly element: SyntheticType }
  | { readonly kind: "map"; readonly value: SyntheticType };

export interface SyntheticField {
  readonly name: string;
  readonly doc?: string;
  readonly optional: boolean;
  readonly type: SyntheticType;
  /** The default exactly as written in the spec (`[]`, `{}`, `0`, `false`, `EUR`, `"n/a"`). */
  readonly default?: string;
  /** Annotations exactly as written (`@min(0)`). */
  readonly annotations: readonly string[];
}

export interface SyntheticEnum {
  readonly name: string;
  readonly doc?: string;
  readonly members: readonly string[];
}

export interface SyntheticRecord {
  readonly name: string;
  readonly doc?: string;
  readonly fields: readonly SyntheticField[];
}

export interface SyntheticTopic {
  readonly name: string;
  readonly doc?: string;
  readonly partitions: number;
}

export interface SyntheticEventVersion {
  /** Written as `vN` only when the event has several versions. */
  readonly version: number;
  readonly fields: readonly SyntheticField[];
}

export interface SyntheticEvent {
  readonly name: string;
  readonly doc?: string;
  /** Lifecycle clause, written on the current (last) version only. */
  readonly creates: boolean;
  readonly after: readonly string[];
  readonly ends: boolean;
  /** Ascending; one entry for an unversioned event. */
  readonly versions: readonly SyntheticEventVersion[];
}

export type SyntheticKeyType = "string" | "uuid" | "int" | "long";

export interface SyntheticAggregate {
  readonly name: string;
  readonly doc?: string;
  /** Absent: the aggregate gets its own implicit topic. */
  readonly topic?: string;
  readonly key: { readonly name: string; readonly type: SyntheticKeyType };
  readonly events: readonly SyntheticEvent[];
}

export interface SyntheticProjection {
  readonly name: string;
  readonly doc?: string;
  readonly per?: string;
  /** Event or aggregate names of the same namespace. */
  readonly on: readonly string[];
  readonly state: readonly SyntheticField[];
}

export interface SyntheticNamespace {
  readonly name: string;
  /** File name (no folder) of the `.events` file that declares it. */
  readonly fileName: string;
  readonly doc?: string;
  /** Namespaces whose files this one imports. */
  readonly imports: readonly string[];
  readonly enums: readonly SyntheticEnum[];
  readonly records: readonly SyntheticRecord[];
  readonly topics: readonly SyntheticTopic[];
  readonly aggregates: readonly SyntheticAggregate[];
  readonly projections: readonly SyntheticProjection[];
}

export interface SyntheticCounts {
  /** Distinct event names (what "N events" means in the benchmark). */
  readonly events: number;
  /** Declared event versions (an event with v1 and v2 counts twice). */
  readonly eventVersions: number;
  readonly aggregates: number;
  readonly records: number;
  readonly enums: number;
  readonly topics: number;
  readonly projections: number;
  readonly namespaces: number;
}

export interface SyntheticSpec {
  /** `common` first, then the domain namespaces in dependency order. */
  readonly namespaces: readonly SyntheticNamespace[];
  readonly counts: SyntheticCounts;
}

export interface SyntheticSpecOptions {
  /** Total number of distinct events, spread evenly over the domain namespaces. */
  readonly events: number;
  /** Domain namespaces holding the events (default 10); a shared `common` namespace comes on top. */
  readonly namespaces?: number;
  /** Seed of the generator (default 1). */
  readonly seed?: number;
}

export const COMMON_NAMESPACE = "common";

const DOMAIN_NAMES = [
  "billing",
  "catalog",
  "shipping",
  "inventory",
  "payments",
  "identity",
  "support",
  "marketing",
  "analytics",
  "fleet",
];

const AGGREGATE_NOUNS = [
  "Parcel", "Invoice", "Ticket", "Shipment", "Booking", "Account", "Order", "Device",
  "Sensor", "Vehicle", "Contract", "Claim", "Policy", "Subscription", "Campaign", "Coupon",
  "Voucher", "Payment", "Refund", "Warehouse", "Pallet", "Route", "Driver", "Tenant",
  "Lease", "Meter", "Project", "Task", "Sprint", "Release", "Deployment", "Incident",
  "Alert", "Review", "Article", "Course", "Lesson", "Exam", "Patient", "Visit",
];

const CREATE_VERBS = ["Opened", "Registered", "Created", "Started", "Submitted"];
const MIDDLE_VERBS = [
  "Updated", "Renamed", "Adjusted", "Tagged", "Assigned", "Reviewed", "Approved", "Scheduled",
  "Annotated", "Escalated", "Moved", "Priced", "Verified", "Linked", "Suspended", "Resumed",
];
const END_VERBS = ["Closed", "Archived", "Cancelled", "Completed"];

/** Events per aggregate are drawn from this range (average 7). */
const MIN_EVENTS_PER_AGGREGATE = 4;
const MAX_EVENTS_PER_AGGREGATE = 10;
/** Share of events declared in two versions. */
const VERSIONED_SHARE = 0.05;
const DOC_SHARE = 0.3;
const FIELD_DOC_SHARE = 0.08;
const PARTITION_CHOICES = [1, 2, 4, 8, 16, 32, 64, 128];
const AGGREGATES_PER_TOPIC = 10;

const prim = (name: PrimitiveName): SyntheticType => ({ kind: "primitive", name });

function field(
  name: string,
  type: SyntheticType,
  extra: { optional?: boolean; default?: string; annotations?: readonly string[]; doc?: string } = {},
): SyntheticField {
  return {
    name,
    type,
    optional: extra.optional ?? false,
    annotations: extra.annotations ?? [],
    ...(extra.default !== undefined ? { default: extra.default } : {}),
    ...(extra.doc !== undefined ? { doc: extra.doc } : {}),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function uncapitalize(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The namespace every other one imports: money, quantities, addresses, periods. */
function commonNamespace(): SyntheticNamespace {
  const currency = { kind: "enum", namespace: COMMON_NAMESPACE, name: "Currency", bare: true } as const;
  const unit = { kind: "enum", namespace: COMMON_NAMESPACE, name: "Unit", bare: true } as const;
  return {
    name: COMMON_NAMESPACE,
    fileName: `${COMMON_NAMESPACE}.events`,
    doc: "Value types shared by every synthetic namespace.",
    imports: [],
    enums: [
      { name: "Currency", doc: "ISO 4217 codes the synthetic domains use.", members: ["EUR", "USD", "GBP", "JPY", "CHF"] },
      { name: "Unit", members: ["PIECE", "KILOGRAM", "LITRE", "METRE"] },
    ],
    records: [
      {
        name: "Money",
        doc: "An amount in a currency; decimal so no precision is lost.",
        fields: [field("amount", prim("decimal")), field("currency", currency, { default: "EUR" })],
      },
      {
        name: "Quantity",
        fields: [field("value", prim("int"), { annotations: ["@min(0)"] }), field("unit", unit, { default: "PIECE" })],
      },
      {
        name: "Address",
        fields: [
          field("street", prim("string"), { annotations: ["@maxLength(200)"] }),
          field("city", prim("string")),
          field("postalCode", prim("string"), { optional: true, annotations: ['@pattern("^[0-9A-Z -]{3,10}$")'] }),
          field("country", prim("string"), { annotations: ["@minLength(2)", "@maxLength(2)"], doc: "ISO 3166-1 alpha-2." }),
        ],
      },
      {
        name: "Period",
        // `from` is a contextual keyword of the language: a field may still be named so.
        fields: [field("from", prim("date")), field("until", prim("date"), { optional: true })],
      },
    ],
    topics: [],
    aggregates: [],
    projections: [],
  };
}

function commonRecord(name: string, random: Random): SyntheticType {
  return { kind: "record", namespace: COMMON_NAMESPACE, name, bare: random.chance(0.5) };
}

function commonEnum(name: string, random: Random): SyntheticType {
  return { kind: "enum", namespace: COMMON_NAMESPACE, name, bare: random.chance(0.5) };
}

interface DomainTypes {
  readonly priority: SyntheticType;
  readonly channel: SyntheticType;
  readonly reason: SyntheticType;
  readonly line: SyntheticType;
  readonly contact: SyntheticType;
  readonly window: SyntheticType;
  readonly summary: SyntheticType;
}

/** Enum and record names carry the namespace's prefix so that bare names never collide across imports. */
function domainTypeNames(namespace: string) {
  const prefix = capitalize(namespace.replace(/[^A-Za-z0-9]/g, ""));
  return {
    priority: `${prefix}Priority`,
    channel: `${prefix}Channel`,
    reason: `${prefix}Reason`,
    line: `${prefix}Line`,
    contact: `${prefix}Contact`,
    window: `${prefix}Window`,
    summary: `${prefix}Summary`,
  };
}

function domainTypes(namespace: string): DomainTypes {
  const names = domainTypeNames(namespace);
  const local = (kind: "enum" | "record", name: string): SyntheticType => ({ kind, namespace, name, bare: true });
  return {
    priority: local("enum", names.priority),
    channel: local("enum", names.channel),
    reason: local("enum", names.reason),
    line: local("record", names.line),
    contact: local("record", names.contact),
    window: local("record", names.window),
    summary: local("record", names.summary),
  };
}

function domainEnums(namespace: string, random: Random): SyntheticEnum[] {
  const names = domainTypeNames(namespace);
  return [
    {
      name: names.priority,
      ...(random.chance(DOC_SHARE) ? { doc: "How urgently something must be handled." } : {}),
      members: ["LOW", "NORMAL", "HIGH", "URGENT"],
    },
    { name: names.channel, members: ["WEB", "MOBILE", "STORE", "PHONE", "PARTNER"] },
    { name: names.reason, members: ["REQUESTED", "EXPIRED", "FRAUD", "DUPLICATE", "OTHER"] },
  ];
}

/** Four records; `Summary` nests `Line` and a record of the previous domain namespace (of `common` for the first). */
function domainRecords(namespace: string, previous: string | undefined, random: Random): SyntheticRecord[] {
  const names = domainTypeNames(namespace);
  const types = domainTypes(namespace);
  const reference: SyntheticType = previous
    ? { kind: "record", namespace: previous, name: domainTypeNames(previous).window, bare: false }
    : commonRecord("Quantity", random);
  return [
    {
      name: names.line,
      ...(random.chance(DOC_SHARE) ? { doc: "One line of a larger document." } : {}),
      fields: [
        field("sku", prim("string"), { annotations: ["@maxLength(64)"] }),
        field("quantity", prim("int"), { annotations: ["@min(1)"] }),
        field("unitPrice", commonRecord("Money", random)),
      ],
    },
    {
      name: names.contact,
      fields: [
        field("name", prim("string"), { annotations: ["@minLength(1)", "@maxLength(140)"] }),
        field("email", prim("string"), { optional: true, annotations: ['@pattern("^[^@ ]+@[^@ ]+$")'] }),
        field("address", commonRecord("Address", random)),
      ],
    },
    {
      name: names.window,
      fields: [field("period", commonRecord("Period", random)), field("priority", types.priority, { default: "NORMAL" })],
    },
    {
      name: names.summary,
      ...(random.chance(DOC_SHARE) ? { doc: "Totals carried by several events." } : {}),
      fields: [
        field("total", commonRecord("Money", random)),
        field("lines", { kind: "list", element: types.line }, { default: "[]" }),
        field("note", prim("string"), { optional: true }),
        field("reference", reference),
      ],
    },
  ];
}

/** Candidate fields of an event, grouped so that each event gets a record, a list and an enum. */
function eventFieldPools(types: DomainTypes, random: Random) {
  const records = (): SyntheticField[] => [
    field("amount", commonRecord("Money", random)),
    field("line", types.line),
    field("contact", types.contact),
    field("window", types.window),
    field("summary", types.summary),
    field("quantity", commonRecord("Quantity", random)),
    field("address", commonRecord("Address", random), { optional: random.chance(0.3) }),
  ];
  const lists = (): SyntheticField[] => [
    field("tags", { kind: "list", element: prim("string") }, { default: "[]" }),
    field("lines", { kind: "list", element: types.line }, { annotations: ["@minItems(1)"] }),
    field("relatedIds", { kind: "list", element: prim("uuid") }, { default: "[]", annotations: ["@maxItems(100)"] }),
    field("charges", { kind: "list", element: commonRecord("Money", random) }, { default: "[]" }),
  ];
  const enums = (): SyntheticField[] => [
    field("priority", types.priority, { default: "NORMAL" }),
    field("channel", types.channel),
    field("reason", types.reason, { default: "REQUESTED" }),
    field("currency", commonEnum("Currency", random), { default: "EUR" }),
  ];
  const scalars = (): SyntheticField[] => [
    field("note", prim("string"), { optional: true, annotations: ["@maxLength(500)"] }),
    field("title", prim("string"), { annotations: ["@minLength(1)", "@maxLength(120)"] }),
    field("count", prim("int"), { annotations: ["@min(0)", "@max(1000000)"] }),
    field("score", prim("float")),
    field("total", prim("long"), { annotations: ["@min(0)"] }),
    field("active", prim("bool"), { default: "false" }),
    field("occurredAt", prim("timestamp")),
    field("effectiveOn", prim("date")),
    field("actorId", prim("uuid")),
    field("ratio", prim("decimal"), { optional: true }),
    field("payload", prim("bytes"), { optional: true }),
    field("attributes", { kind: "map", value: prim("string") }, { default: "{}" }),
    field("code", prim("string"), { annotations: ['@pattern("^[A-Z]{3}-[0-9]+$")'] }),
    field("legacyCode", prim("string"), { optional: true, annotations: ['@deprecated("use code")'] }),
    // Contextual keywords are ordinary field names.
    field("type", prim("string"), { default: '"standard"' }),
    field("state", prim("string"), { optional: true }),
  ];
  return { records, lists, enums, scalars };
}

function withDoc(f: SyntheticField, random: Random): SyntheticField {
  return random.chance(FIELD_DOC_SHARE) ? { ...f, doc: `The ${f.name} of this event.` } : f;
}

function eventFields(types: DomainTypes, random: Random): SyntheticField[] {
  const pools = eventFieldPools(types, random);
  const scalars = pools.scalars();
  const picked: SyntheticField[] = [random.pick(pools.records()), random.pick(pools.lists()), random.pick(pools.enums())];
  const scalarCount = random.int(2, 4);
  while (picked.length < 3 + scalarCount) {
    const candidate = random.pick(scalars);
    if (!picked.some((f) => f.name === candidate.name)) picked.push(candidate);
  }
  // Shuffle deterministically so field kinds do not always come in the same order.
  for (let i = picked.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const a = picked[i];
    const b = picked[j];
    if (a !== undefined && b !== undefined) {
      picked[i] = b;
      picked[j] = a;
    }
  }
  return picked.map((f) => withDoc(f, random));
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const a = copy[i];
    const b = copy[j];
    if (a !== undefined && b !== undefined) {
      copy[i] = b;
      copy[j] = a;
    }
  }
  return copy;
}

/**
 * Events of one aggregate with a valid lifecycle: the first `creates`; each middle event
 * either has no clause or comes `after` events that are themselves reachable (the creating
 * event, earlier events with an `after`, or itself); the last one `ends` after reachable ones.
 */
function aggregateEvents(aggregate: string, count: number, types: DomainTypes, random: Random): SyntheticEvent[] {
  const verbs = shuffled(MIDDLE_VERBS, random);
  const events: SyntheticEvent[] = [];
  /** Reachable events that may be named in `after` (never an `ends` event). */
  const reachable: string[] = [];
  for (let i = 0; i < count; i++) {
    const isFirst = i === 0;
    const isLast = i === count - 1 && count > 1;
    const verb = isFirst ? random.pick(CREATE_VERBS) : isLast ? random.pick(END_VERBS) : verbs[(i - 1) % verbs.length];
    const name = `${aggregate}${verb ?? "Changed"}`;
    let after: string[] = [];
    if (!isFirst && (isLast || random.chance(0.6))) {
      const targets = new Set<string>([random.pick(reachable)]);
      if (random.chance(0.5)) targets.add(random.pick(reachable));
      if (!isLast && random.chance(0.25)) targets.add(name);
      after = [...targets];
    }
    const fields = eventFields(types, random);
    const versioned = !isFirst && random.chance(VERSIONED_SHARE) && fields.length > 1;
    const versions: SyntheticEventVersion[] = versioned
      ? [
          { version: 1, fields: fields.slice(0, -1) },
          { version: 2, fields },
        ]
      : [{ version: 1, fields }];
    events.push({
      name,
      ...(random.chance(DOC_SHARE) ? { doc: `${name}: step ${i + 1} in the life of a ${aggregate}.` } : {}),
      creates: isFirst,
      after,
      ends: isLast,
      versions,
    });
    if ((isFirst || after.length > 0) && !isLast) reachable.push(name);
  }
  return events;
}

function keyedProjectionState(random: Random): SyntheticField[] {
  return [
    field("status", prim("string"), { default: '"new"' }),
    field("updates", prim("int"), { default: "0" }),
    field("lastAmount", commonRecord("Money", random), { optional: true }),
  ];
}

function globalProjectionState(): SyntheticField[] {
  return [
    field("count", prim("long"), { default: "0" }),
    field("byKey", { kind: "map", value: prim("int") }, { default: "{}" }),
    field("latest", prim("timestamp"), { optional: true }),
  ];
}

function domainNamespaceName(index: number): string {
  const base = DOMAIN_NAMES[index % DOMAIN_NAMES.length] ?? "domain";
  const round = Math.floor(index / DOMAIN_NAMES.length);
  return round === 0 ? base : `${base}${round + 1}`;
}

function domainNamespace(index: number, eventCount: number, random: Random): SyntheticNamespace {
  const name = domainNamespaceName(index);
  const previous = index > 0 ? domainNamespaceName(index - 1) : undefined;
  const types = domainTypes(name);

  const aggregateSizes: number[] = [];
  let remaining = eventCount;
  while (remaining > 0) {
    const size = Math.min(remaining, random.int(MIN_EVENTS_PER_AGGREGATE, MAX_EVENTS_PER_AGGREGATE));
    aggregateSizes.push(size);
    remaining -= size;
  }

  const topicCount = Math.max(1, Math.ceil(aggregateSizes.length / AGGREGATES_PER_TOPIC));
  const topics: SyntheticTopic[] = [];
  for (let t = 0; t < topicCount; t++) {
    topics.push({
      name: `feed${t}`,
      ...(random.chance(DOC_SHARE) ? { doc: `Feed ${t} of ${name}: an ordered log split into partitions.` } : {}),
      partitions: random.pick(PARTITION_CHOICES),
    });
  }

  const aggregates: SyntheticAggregate[] = [];
  const projections: SyntheticProjection[] = [];
  aggregateSizes.forEach((size, a) => {
    const noun = AGGREGATE_NOUNS[a % AGGREGATE_NOUNS.length] ?? "Thing";
    const round = Math.floor(a / AGGREGATE_NOUNS.length);
    const aggregateName = round === 0 ? noun : `${noun}${round + 1}`;
    const events = aggregateEvents(aggregateName, size, types, random);
    // Every sixth aggregate has no `in`: it gets its own implicit topic.
    const topic = a % 6 === 5 ? undefined : topics[a % topics.length]?.name;
    aggregates.push({
      name: aggregateName,
      ...(random.chance(DOC_SHARE) ? { doc: `A ${aggregateName} of ${name}. Every change to it is one of its events.` } : {}),
      ...(topic !== undefined ? { topic } : {}),
      key: {
        name: `${uncapitalize(aggregateName)}Id`,
        type: random.pick<SyntheticKeyType>(["uuid", "uuid", "uuid", "string", "string", "long", "int"]),
      },
      events,
    });
    if (a % 3 === 0) {
      const onWhole = random.chance(0.5);
      projections.push({
        name: `${aggregateName}View`,
        ...(random.chance(DOC_SHARE) ? { doc: `One state per ${aggregateName} key.` } : {}),
        per: aggregateName,
        on: onWhole ? [aggregateName] : events.slice(0, 3).map((e) => e.name),
        state: keyedProjectionState(random),
      });
    }
    if (a % 5 === 1) {
      const first = events[0];
      const last = events[events.length - 1];
      projections.push({
        name: `${aggregateName}Stats`,
        on: [...new Set([first?.name, last?.name].filter((n): n is string => n !== undefined))],
        state: globalProjectionState(),
      });
    }
  });

  return {
    name,
    fileName: `${name}.events`,
    ...(random.chance(0.7) ? { doc: `Synthetic domain ${name}: ${eventCount} events over ${aggregates.length} aggregate${aggregates.length === 1 ? "" : "s"}.` } : {}),
    imports: previous ? [COMMON_NAMESPACE, previous] : [COMMON_NAMESPACE],
    enums: domainEnums(name, random),
    records: domainRecords(name, previous, random),
    topics,
    aggregates,
    projections,
  };
}

/** Builds the plan of a synthetic spec; pure and deterministic. */
export function buildSyntheticSpec(options: SyntheticSpecOptions): SyntheticSpec {
  const domainCount = options.namespaces ?? 10;
  if (!Number.isInteger(options.events) || options.events < 0) throw new Error(`events must be a non-negative integer, got ${options.events}`);
  if (!Number.isInteger(domainCount) || domainCount < 1) throw new Error(`namespaces must be a positive integer, got ${domainCount}`);
  const random = createRandom(options.seed ?? 1);
  const namespaces: SyntheticNamespace[] = [commonNamespace()];
  for (let i = 0; i < domainCount; i++) {
    const share = Math.floor(options.events / domainCount) + (i < options.events % domainCount ? 1 : 0);
    namespaces.push(domainNamespace(i, share, random));
  }
  return { namespaces, counts: countDeclarations(namespaces) };
}

function countDeclarations(namespaces: readonly SyntheticNamespace[]): SyntheticCounts {
  let events = 0;
  let eventVersions = 0;
  let aggregates = 0;
  let records = 0;
  let enums = 0;
  let topics = 0;
  let projections = 0;
  for (const ns of namespaces) {
    records += ns.records.length;
    enums += ns.enums.length;
    topics += ns.topics.length;
    projections += ns.projections.length;
    aggregates += ns.aggregates.length;
    for (const aggregate of ns.aggregates) {
      if (aggregate.topic === undefined) topics++;
      events += aggregate.events.length;
      for (const event of aggregate.events) eventVersions += event.versions.length;
    }
  }
  return { events, eventVersions, aggregates, records, enums, topics, projections, namespaces: namespaces.length };
}
