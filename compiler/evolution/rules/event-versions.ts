/**
 * Locked event versions must stay declared: their stored events are read through them. A
 * removed version is an error, unless a later version exists to upcast into (then a warning:
 * the upcaster still needs the old version's type). New events and versions are compatible.
 */
import { evolutionDiagnostics as D, EvolutionPhrases as P } from "../../diagnostics/catalogue/evolution.js";
import { formatMessage } from "../../diagnostics/diagnostic.js";
import { bareName, type Comparison } from "../comparison.js";

export function checkRemovedEventVersions(comparison: Comparison): void {
  const { old, current, positions } = comparison;
  for (const [event, versions] of Object.entries(old.events)) {
    const now = current.events[event] ?? {};
    const currentVersions = Object.keys(now).map(Number);
    for (const [version, locked] of Object.entries(versions)) {
      if (Object.hasOwn(now, version)) continue;
      const n = Number(version);
      const args = { event: bareName(event), version };
      const later = currentVersions.filter((v) => v > n).sort((a, b) => a - b)[0];
      if (later !== undefined) {
        comparison.report(
          D.EventVersionRemovedWithSuccessor,
          positions.eventVersion(event, later),
          { ...args, later },
          formatMessage(P.keepOldVersion, { ...args, later }),
        );
      } else {
        // Point at what lost it: the event (if other versions remain), else its aggregate, else its namespace.
        const span = positions.event(event) ?? positions.aggregate(locked.aggregate) ?? positions.namespaceOf(event);
        comparison.report(D.EventVersionRemoved, span, { ...args, consequence: formatMessage(P.removedConsequence, args) }, formatMessage(P.restoreVersion, args));
      }
    }
  }
}

export function noteNewEventsAndVersions(comparison: Comparison): void {
  const { old, current } = comparison;
  for (const [event, versions] of Object.entries(current.events)) {
    const locked = old.events[event];
    if (!locked) {
      comparison.note(P.compatibleNewEvent, { event: bareName(event), versions: Object.keys(versions).join(", v") });
      continue;
    }
    for (const version of Object.keys(versions)) {
      if (!Object.hasOwn(locked, version)) comparison.note(P.compatibleNewVersion, { event: bareName(event), version });
    }
  }
  for (const topic of Object.keys(current.topics)) {
    if (!Object.hasOwn(old.topics, topic)) comparison.note(P.compatibleNewTopic, { topic });
  }
}
