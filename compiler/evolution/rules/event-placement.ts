/**
 * Where locked events live must not change: their aggregate (stored events belong to its keys),
 * the aggregate's key (stored events are ordered and partitioned by it) and its topic (readers
 * of another topic would not find them). Reported once per event or aggregate, not per version.
 */
import { evolutionDiagnostics as D, EvolutionPhrases as P } from "../../diagnostics/catalogue/evolution.js";
import { formatMessage } from "../../diagnostics/diagnostic.js";
import { bareName, eventLabel, userList, type Comparison } from "../comparison.js";

export function checkEventPlacement(comparison: Comparison): void {
  const { old, current, positions } = comparison;
  const movedTopic = new Map<string, { old: string; current: string; users: string[] }>();
  const changedKey = new Map<string, { old: string; current: string; users: string[] }>();

  for (const [event, versions] of Object.entries(old.events)) {
    let reportedMove = false;
    for (const [version, locked] of Object.entries(versions)) {
      const now = current.events[event]?.[version];
      if (!now) continue;
      const user = eventLabel(event, version);
      if (now.aggregate !== locked.aggregate) {
        if (!reportedMove) {
          reportedMove = true;
          const args = { event: bareName(event), old: bareName(locked.aggregate), new: bareName(now.aggregate) };
          comparison.report(
            D.EventMovedAggregate,
            positions.event(event),
            { ...args, consequence: formatMessage(P.aggregateConsequence, { ...args, version }) },
            formatMessage(P.keepAggregate, args),
          );
        }
        continue;
      }
      if (now.topic !== locked.topic) {
        const entry = movedTopic.get(now.aggregate) ?? { old: locked.topic, current: now.topic, users: [] };
        entry.users.push(user);
        movedTopic.set(now.aggregate, entry);
      }
      const oldKey = `${locked.key.name}: ${locked.key.type}`;
      const newKey = `${now.key.name}: ${now.key.type}`;
      if (oldKey !== newKey) {
        const entry = changedKey.get(now.aggregate) ?? { old: oldKey, current: newKey, users: [] };
        entry.users.push(user);
        changedKey.set(now.aggregate, entry);
      }
    }
  }

  for (const [aggregate, change] of [...movedTopic].sort(([a], [b]) => (a < b ? -1 : 1))) {
    comparison.report(
      D.EventMovedTopic,
      positions.aggregate(aggregate),
      {
        aggregate: bareName(aggregate),
        old: change.old,
        new: change.current,
        consequence: formatMessage(P.topicConsequence, { users: userList(change.users), old: change.old }),
      },
      formatMessage(P.keepTopic, { aggregate: bareName(aggregate), old: change.old }),
    );
  }
  for (const [aggregate, change] of [...changedKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    comparison.report(
      D.LockedKeyChanged,
      positions.aggregateKey(aggregate),
      {
        aggregate: bareName(aggregate),
        old: change.old,
        new: change.current,
        consequence: formatMessage(P.keyConsequence, { users: userList(change.users) }),
      },
      formatMessage(P.keepKey, { old: change.old }),
    );
  }
}
