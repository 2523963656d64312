/**
 * Evolution diagnostics (EV6xxx): changes to a spec that would make events already in the log
 * unreadable or change what they mean, and problems with the lock file or the old spec they
 * are compared against. See docs/evolution.md for the rule behind each one.
 *
 * Most messages end in `{consequence}`, which says which stored events are affected and what to
 * do instead (one of the `EvolutionPhrases` below), e.g. `events of "ItemRepriced" v1 are already
 * in the log; declare "ItemRepriced" v2 and an upcaster instead`.
 */
import type { DiagnosticMessage } from "../diagnostic.js";

export const evolutionDiagnostics = {
  FieldRemoved: {
    code: "EV6001",
    severity: "error",
    message: 'Field "{field}" was removed from {owner}, but {consequence}.',
    explanation:
      "A field of a locked event version (or of a type it uses) was removed: stored events still carry it and their readers expect it. Keep the field in the locked version and remove it in a new version.",
  },
  FieldRenamed: {
    code: "EV6002",
    severity: "error",
    message: 'Field "{old}" of {owner} was replaced by "{new}" of the same type (renamed?), but {consequence}.',
    explanation:
      "A field of a locked event version disappeared and a new one of the same type appeared: stored events still use the old name. Keep the old name in the locked version; rename it in a new version whose upcaster copies the value.",
  },
  FieldTypeChanged: {
    code: "EV6003",
    severity: "error",
    message: 'Field "{field}" of {owner} changed type from {old} to {new}, but {consequence}.',
    explanation:
      "The type of a field of a locked event version changed: stored values were written with the old type. Declare a new version with the new type and convert in its upcaster.",
  },
  FieldBecameRequired: {
    code: "EV6004",
    severity: "error",
    message: 'Field "{field}" of {owner} became required without a default, but {consequence}.',
    explanation:
      "An optional field of a locked event version became required and has no default: stored events that lack it would become invalid. Keep it optional, give it a default, or require it in a new version.",
  },
  RequiredFieldAdded: {
    code: "EV6005",
    severity: "error",
    message: 'Required field "{field}" was added to {owner} without a default, but {consequence}.',
    explanation:
      "A required field without a default was added to a locked event version: no stored event has it. Make it optional, give it a default, or add it in a new version whose upcaster supplies it.",
  },
  DefaultChanged: {
    code: "EV6006",
    severity: "error",
    message: 'The default of field "{field}" of {owner} changed from {old} to {new}, but {consequence}.',
    explanation:
      "The default of a field of a locked event version changed or was removed: stored events that relied on the default would read differently. Keep the default; change it in a new version.",
  },
  EnumMemberRemoved: {
    code: "EV6007",
    severity: "error",
    message: 'Member "{member}" was removed from enum "{enum}", but {consequence}.',
    explanation:
      "A member of an enum used by a locked event version was removed: stored events may hold it. Keep the member (mark it @deprecated on the fields that use the enum if it should no longer be written).",
  },
  EnumMemberRenamed: {
    code: "EV6008",
    severity: "error",
    message: 'Member "{old}" of enum "{enum}" was replaced by "{new}" (renamed?), but {consequence}.',
    explanation:
      "A member of an enum used by a locked event version disappeared and another appeared: stored events hold the old name. Keep the old member and add the new one; map between them in an upcaster of a new event version.",
  },
  ConstraintTightened: {
    code: "EV6009",
    severity: "error",
    message: 'Field "{field}" of {owner} has a tighter constraint ({change}), but {consequence}.',
    explanation:
      "A constraint of a field of a locked event version was added or tightened (@min raised, @max lowered, @pattern added or changed, ...): stored events that were valid may no longer be. Loosening is allowed; tighten in a new version.",
  },
  LockedKeyChanged: {
    code: "EV6010",
    severity: "error",
    message: 'The key of aggregate "{aggregate}" changed from "{old}" to "{new}", but {consequence}.',
    explanation:
      "The key name or type of an aggregate with locked events changed: stored events are partitioned and ordered by the old key. Keep the key; use a new aggregate for a different identity.",
  },
  EventMovedAggregate: {
    code: "EV6011",
    severity: "error",
    message: 'Event "{event}" moved from aggregate "{old}" to "{new}", but {consequence}.',
    explanation:
      "A locked event now belongs to another aggregate: its stored events belong to keys of the old one. Keep it where it was; declare a new event in the other aggregate.",
  },
  EventMovedTopic: {
    code: "EV6012",
    severity: "error",
    message: 'The events of aggregate "{aggregate}" moved from topic "{old}" to "{new}", but {consequence}.',
    explanation:
      "An aggregate with locked events now lives in another topic: its stored events are in the old one, and readers of the new topic would not see them. Keep the topic.",
  },
  EventVersionRemoved: {
    code: "EV6013",
    severity: "error",
    message: 'Event "{event}" v{version} was removed, but {consequence}.',
    explanation:
      "A locked event version was removed and no later version of that event exists to upcast it into: its stored events would become unreadable. Restore the declaration.",
  },
  EventVersionRemovedWithSuccessor: {
    code: "EV6014",
    severity: "warning",
    message: 'Event "{event}" v{version} was removed; its stored events can be read as v{later} only while the generated code can still decode v{version}.',
    explanation:
      "A locked event version was removed but a later version exists. Old events are upcast into the later version, which needs the old version's type and decoder: keep the old declaration unless no such event was ever published.",
  },
  PartitionsChanged: {
    code: "EV6015",
    severity: "error",
    message: 'Topic "{topic}" changed from {old} to {new} partitions, but its events are already in the log.',
    explanation:
      "The partition count of a locked topic changed: keys would hash to other partitions and a key's events would no longer be in one ordered partition. Keep the count; create a new topic for a different one.",
  },
  LockFileMissing: {
    code: "EV6020",
    severity: "error",
    message: 'Lock file "{path}" does not exist.',
    explanation: "`eventc check --against` was given a lock file that does not exist. Create one with `eventc lock`, or fix the path.",
  },
  LockFileInvalid: {
    code: "EV6021",
    severity: "error",
    message: 'Lock file "{path}" is not a valid eventc lock file: {problem}.',
    explanation:
      "The lock file is not JSON or does not have the shape `eventc lock` writes (perhaps edited by hand or merged badly). Restore it from version control, or rewrite it with `eventc lock`.",
  },
  LockFingerprintMismatch: {
    code: "EV6022",
    severity: "warning",
    message: 'The fingerprint of {entry} in lock file "{path}" does not match its schema (edited by hand?).',
    explanation:
      "A lock entry's schema and fingerprint disagree, so one of them was edited by hand. The comparison uses the schema; restore the lock file from version control or rewrite it with `eventc lock`.",
  },
  LockStale: {
    code: "EV6023",
    severity: "warning",
    message: 'Lock file "{path}" is out of date: {changes}.',
    explanation:
      "The specs changed since the lock file was written. Run `eventc lock` (or `eventc generate --update-lock`) and commit the lock file, so the next change is checked against what is published.",
  },
  LockNotUpdated: {
    code: "EV6024",
    severity: "error",
    message: 'Lock file "{path}" was not updated: the specs break events it locks.',
    explanation:
      "`eventc lock` refuses to record breaking changes (reported above) over an existing lock. Fix them, or pass --force when no event of the locked versions was ever published (e.g. in early development).",
  },
  GitRevisionNotFound: {
    code: "EV6030",
    severity: "error",
    message: 'Cannot read "{path}" at git revision "{ref}": {problem}.',
    explanation: "`--against-git REF:path` names a revision or a path that the repository does not have. Check the revision with `git log` and the path with `git ls-tree REF`.",
  },
  GitUnavailable: {
    code: "EV6031",
    severity: "error",
    message: "Cannot run git in {dir}: {problem}.",
    explanation: "`--against-git` needs the `git` command and a git repository around the current folder.",
  },
  GitSpecInvalid: {
    code: "EV6032",
    severity: "error",
    message: 'The specs at "{ref}:{path}" have errors, so they cannot be compared with the current ones.',
    explanation: "The old specs read from git do not compile (their diagnostics follow). Compare against a revision whose specs compile.",
  },
  GitArgumentInvalid: {
    code: "EV6033",
    severity: "error",
    message: 'Expected REF:path after --against-git, got "{argument}".',
    explanation: "`--against-git` takes a git revision and a path inside the repository, joined by a colon: `--against-git main:specs` or `--against-git v1.2.0:events/shop.events`.",
  },
} as const satisfies Record<string, DiagnosticMessage>;

/** Text that goes into evolution diagnostics (`{consequence}`, `help:` hints) and `--verbose` notes. */
export const EvolutionPhrases = {
  // Consequences.
  eventConsequence: 'events of "{event}" v{version} are already in the log; declare "{event}" v{next} and an upcaster instead',
  typeConsequence:
    '{type} is part of events already in the log ({users}); declare a new type and new versions of those events, with upcasters, instead',
  keyConsequence: "events of {users} are already stored under the old key",
  topicConsequence: 'events of {users} are already in topic "{old}"',
  aggregateConsequence: 'events of "{event}" v{version} are already stored under keys of "{old}"',
  removedConsequence: 'events of "{event}" v{version} are already in the log and could no longer be read',
  // Hints.
  restoreField: "Keep `{declaration}` in {owner}; remove it in a new version instead.",
  renameInNewVersion: 'Keep the name "{old}" in {owner}; rename it in a new version, whose upcaster copies "{old}" into "{new}".',
  typeInNewVersion: "Keep `{field}: {old}` in {owner}; change the type in a new version and convert the value in its upcaster.",
  keepOptional: "Keep `{field}?: {type}`, or give the field a default (`{field}: {type} = ...`).",
  makeAddedOptional: "Write `{field}?: {type}`, give it a default, or add it in a new version whose upcaster supplies it.",
  keepDefault: "Keep the default {old} in {owner}; declare the new default in a new version.",
  keepEnumMember: 'Keep "{member}" in enum "{enum}"; adding members is allowed.',
  keepEnumMemberAddNew: 'Keep "{old}" and add "{new}" next to it; convert old values in the upcaster of a new version.',
  keepConstraint: "Keep the locked constraint ({locked}) in {owner}; tighten it in a new version, whose upcaster fixes values that break it.",
  keepKey: "Keep `key {old}`; a different identity needs a new aggregate.",
  keepAggregate: 'Keep "{event}" in aggregate "{old}"; declare a new event in "{new}" instead.',
  keepTopic: 'Keep aggregate "{aggregate}" in topic "{old}"; new aggregates may use the new topic.',
  restoreVersion: 'Restore the declaration of "{event}" v{version}.',
  keepOldVersion: 'Keep the declaration of "{event}" v{version} next to v{later}, so the upcaster from v{version} can be generated.',
  newTopic: "Keep `partitions {old}`; for {new} partitions declare a new topic and put new aggregates in it.",
  runLock: 'Run `eventc lock` (or `eventc generate --update-lock`) and commit "{path}".',
  fixOrForce: "Fix the changes above, or run `eventc lock --force` if no event of the locked versions was ever published.",
  // Owners, lists and notes.
  eventOwner: '"{event}" v{version}',
  recordOwner: 'type "{type}"',
  enumOwner: 'enum "{type}"',
  staleChanges: "{count} change(s) since it was written ({examples})",
  compatibleNewEvent: 'new event "{event}" (v{versions})',
  compatibleNewVersion: 'new version "{event}" v{version}',
  compatibleNewTopic: 'new topic "{topic}"',
  compatibleFieldAdded: 'new {how} field "{field}" in {owner}',
  compatibleFieldOptional: 'field "{field}" of {owner} became optional',
  compatibleDefaultAdded: 'field "{field}" of {owner} got the default {value}',
  compatibleRequiredWithDefault: 'field "{field}" of {owner} became required with the default {value}',
  compatibleConstraintLoosened: 'field "{field}" of {owner} has a looser constraint ({change})',
  compatibleEnumMemberAdded: 'new member "{member}" in enum "{enum}"',
  compatibleAggregateRenamed: 'aggregate "{old}" renamed to "{new}" (same events, key and topic)',
  compatibleTypeRenamed: "locked events that used {old} use {new} in its place (compared by shape)",
} as const;
