/**
 * Every check of the language, in the order they run. Each is one rule in its own file under
 * `rules/`; all run on every program (none stops the others), so one run reports every
 * independent problem.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Program } from "../resolve/program.js";
import { createCheckContext, type Check } from "./context.js";
import { afterNotEnds } from "./rules/after-not-ends.js";
import { afterSameAggregate } from "./rules/after-same-aggregate.js";
import { constraintRanges } from "./rules/constraint-ranges.js";
import { createsWithoutAfter } from "./rules/creates-without-after.js";
import { defaultValues } from "./rules/default-values.js";
import { defaultsSatisfyConstraints } from "./rules/defaults-satisfy-constraints.js";
import { eventVersions } from "./rules/event-versions.js";
import { generatedNameClashes } from "./rules/generated-name-clashes.js";
import { keyTypes } from "./rules/key-types.js";
import { knownAfterEvents } from "./rules/known-after-events.js";
import { knownAnnotations } from "./rules/known-annotations.js";
import { knownProjectionSources } from "./rules/known-projection-sources.js";
import { knownTopics } from "./rules/known-topics.js";
import { knownTypes } from "./rules/known-types.js";
import { lifecycleOnCurrentVersion } from "./rules/lifecycle-on-current-version.js";
import { noKeyFieldsInEvents } from "./rules/no-key-fields-in-events.js";
import { nonEmptyEnums } from "./rules/non-empty-enums.js";
import { nonEmptyOn } from "./rules/non-empty-on.js";
import { nonRecursiveRecords } from "./rules/non-recursive-records.js";
import { optionalWithDefault } from "./rules/optional-with-default.js";
import { partitionCounts } from "./rules/partition-counts.js";
import { projectionPerAggregate } from "./rules/projection-per-aggregate.js";
import { reachableEvents } from "./rules/reachable-events.js";
import { reservedTypeNames } from "./rules/reserved-type-names.js";
import { reservedWordNames } from "./rules/reserved-word-names.js";
import { singleCreates } from "./rules/single-creates.js";
import { singleKey } from "./rules/single-key.js";
import { stringMapKeys } from "./rules/string-map-keys.js";
import { uniqueDeclarationNames } from "./rules/unique-declaration-names.js";
import { uniqueEnumMembers } from "./rules/unique-enum-members.js";
import { uniqueFieldNames } from "./rules/unique-field-names.js";
import { uniqueOnEntries } from "./rules/unique-on-entries.js";
import { usedTopics } from "./rules/used-topics.js";
import { validPatterns } from "./rules/valid-patterns.js";

export const CHECKS: readonly Check[] = [
  // Names
  uniqueDeclarationNames,
  reservedTypeNames,
  reservedWordNames,
  generatedNameClashes,
  knownTypes,
  knownTopics,
  knownAfterEvents,
  knownProjectionSources,
  // Types and fields
  uniqueFieldNames,
  uniqueEnumMembers,
  nonEmptyEnums,
  stringMapKeys,
  nonRecursiveRecords,
  defaultValues,
  optionalWithDefault,
  knownAnnotations,
  constraintRanges,
  validPatterns,
  defaultsSatisfyConstraints,
  // Aggregates
  singleKey,
  keyTypes,
  noKeyFieldsInEvents,
  eventVersions,
  lifecycleOnCurrentVersion,
  singleCreates,
  createsWithoutAfter,
  afterSameAggregate,
  afterNotEnds,
  reachableEvents,
  // Projections and topics
  projectionPerAggregate,
  uniqueOnEntries,
  nonEmptyOn,
  partitionCounts,
  usedTopics,
];

export function runChecks(program: Program, checks: readonly Check[] = CHECKS): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context = createCheckContext(program, (d) => diagnostics.push(d));
  for (const check of checks) check(context);
  return diagnostics;
}

export type { Check, CheckContext } from "./context.js";
