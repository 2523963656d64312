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
  const renamed = renamedAggregates(comparison);
  const movedTopic = new Map<string, { old: string; current: string; users: string[] }>();
  const changedKey = new Map<string, { old: string; current: string; users: string[] }>();

  for (const [event, versions] of Object.entries(old.events)) {
    let reportedMove = false;
    for (const [version, locked] of Object.entries(versions)) {
      const now = current.events[event]?.[version];
      if (!now) continue;
      const user = eventLabel(event, version);
      if (now.aggregate !== locked.aggregate && renamed.get(locked.aggregate) !== now.aggregate) {
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

/**
 * Aggregates that were only renamed: every locked event of the old one now belongs to one new
 * aggregate, which holds no locked event of any other, and neither name is on the other side.
 * Stored events do not carry their aggregate's name (only their type, key and topic), so this is
 * compatible; a split or a merge is not. Returns old → new qualified names.
 */
function renamedAggregates(comparison: Comparison): Map<string, string> {
  const { old, current } = comparison;
  const targets = new Map<string, Set<string>>();
  const sources = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => map.set(key, (map.get(key) ?? new Set()).add(value));
  const oldAggregates = new Set(Object.values(old.events).flatMap((v) => Object.values(v).map((e) => e.aggregate)));
  const currentAggregates = new Set(Object.values(current.events).flatMap((v) => Object.values(v).map((e) => e.aggregate)));
  for (const [event, versions] of Object.entries(old.events)) {
    for (const [version, locked] of Object.entries(versions)) {
      const now = current.events[event]?.[version];
      if (!now) continue;
      add(targets, locked.aggregate, now.aggregate);
      add(sources, now.aggregate, locked.aggregate);
    }
  }
  const renamed = new Map<string, string>();
  for (const [from, to] of targets) {
    const [target, ...others] = [...to];
    if (target === undefined || others.length > 0 || target === from) continue;
    if (currentAggregates.has(from) || oldAggregates.has(target) || sources.get(target)?.size !== 1) continue;
    renamed.set(from, target);
    comparison.note(P.compatibleAggregateRenamed, { old: bareName(from), new: bareName(target) });
  }
  return renamed;
}
