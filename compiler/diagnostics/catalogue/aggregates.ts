/** EV4xxx: aggregates: keys, lifecycle and event versions. */
import type { DiagnosticMessage } from "../diagnostic.js";

export const aggregateDiagnostics = {
  MissingKey: {
    code: "EV4001",
    severity: "error",
    message: 'The aggregate "{aggregate}" has no key.',
    explanation:
      "Every aggregate needs exactly one `key name: type` line: the key orders its events and picks their partition. Add e.g. `key id: uuid` at the top of the aggregate.",
  },
  DuplicateKey: {
    code: "EV4002",
    severity: "error",
    message: 'The aggregate "{aggregate}" already has the key "{first}"; an aggregate has exactly one key.',
    explanation: "Remove the extra `key` lines. A composite key can be written as one string field.",
  },
  InvalidKeyType: {
    code: "EV4003",
    severity: "error",
    message: 'The key "{key}" has type "{type}", but a key must be string, uuid, int or long.',
    explanation: "Keys are turned into strings to pick a partition and to order events, so they must be one of the scalar types string, uuid, int or long.",
  },
  FieldNamedLikeKey: {
    code: "EV4004",
    severity: "error",
    message: 'The event "{event}" declares a field "{field}", but that is the name of the key of aggregate "{aggregate}".',
    explanation: "Every event of an aggregate already carries its key. Remove the field from the event, or rename it.",
  },
  MissingCreates: {
    code: "EV4005",
    severity: "error",
    message: 'The aggregate "{aggregate}" has no "creates" event, so no key of it could ever begin.',
    explanation: "Exactly one event of each aggregate must be marked `creates`: the first event of every key, e.g. `event OrderPlaced creates { ... }`.",
  },
  SeveralCreates: {
    code: "EV4006",
    severity: "error",
    message: 'The aggregate "{aggregate}" is already created by "{first}"; only one event may be marked "creates".',
    explanation: "Exactly one event per aggregate starts a key's lifecycle. Remove `creates` from the other events (use `after` instead).",
  },
  AfterOtherAggregate: {
    code: "EV4007",
    severity: "error",
    message: '"{event}" is an event of aggregate "{other}"; "after" may only name events of "{aggregate}".',
    explanation: "Lifecycle order is kept per key of one aggregate, so `after` may only name events of the same aggregate.",
  },
  AfterEndsEvent: {
    code: "EV4008",
    severity: "error",
    message: '"{event}" ends the aggregate, so no event can come after it.',
    explanation: "An `ends` event is the last event of its key. Remove it from the `after` list, or remove its `ends`.",
  },
  UnreachableEvent: {
    code: "EV4009",
    severity: "error",
    message: 'The event "{event}" can never be published: no chain of "after" clauses leads to it from "{creates}".',
    explanation:
      "An event with `after` is allowed only when the key's last lifecycle event is one of those listed. If none of them can ever happen (for example each is only allowed after the other), neither can this event. Add a path from the `creates` event.",
  },
  CreatesWithAfter: {
    code: "EV4010",
    severity: "error",
    message: 'The event "{event}" cannot both create the aggregate and come "after" other events.',
    explanation: "A `creates` event is the first event of a key, so nothing can come before it. Remove either `creates` or the `after` clause.",
  },
  InvalidVersion: {
    code: "EV4011",
    severity: "error",
    message: 'Event versions start at 1; "v{version}" is not allowed.',
    explanation: "Write `v1`, `v2`, ... The first version of an event is `v1` (a lone declaration without `vN` is `v1`).",
  },
  MissingVersion: {
    code: "EV4012",
    severity: "error",
    message: 'The event "{event}" is declared {count} times, so every declaration needs a version ("v1", "v2", ...).',
    explanation:
      "Several declarations of one event are its versions. Add `vN` after the event's name on each of them. Versions need not be consecutive, and a lone declaration may carry any version (e.g. `v3` when older versions were never published); the lock file check (EV6xxx) catches versions that disappear after being published.",
  },
  DuplicateVersion: {
    code: "EV4013",
    severity: "error",
    message: 'The event "{event}" v{version} is already declared.',
    explanation: "Each version of an event is declared once. Give the new declaration the next version number.",
  },
  LifecycleOnOldVersion: {
    code: "EV4014",
    severity: "error",
    message: 'The lifecycle clause "{clause}" belongs on the current version of "{event}" (v{current}), not on v{version}.',
    explanation: "Only the current (highest) version of an event is published, so `creates`, `after` and `ends` are written on it only. Move the clause to the current version.",
  },
  VersionsInDifferentAggregates: {
    code: "EV4015",
    severity: "error",
    message: 'The event "{event}" v{version} is declared in aggregate "{aggregate}", but its other versions are in "{other}".',
    explanation: "All versions of one event belong to the same aggregate. Move the declaration, or give the event another name.",
  },
} as const satisfies Record<string, DiagnosticMessage>;
