/**
 * A topic holding locked events keeps its partition count: a key's partition is a hash of the
 * key modulo the count, so another count would put a key's new events in another partition
 * than its old ones, and per-key order would no longer hold.
 */
import { evolutionDiagnostics as D, EvolutionPhrases as P } from "../../diagnostics/catalogue/evolution.js";
import { formatMessage } from "../../diagnostics/diagnostic.js";
import type { Comparison } from "../comparison.js";

export function checkTopicPartitions(comparison: Comparison): void {
  const { old, current, positions } = comparison;
  const topicsWithEvents = new Set(Object.values(old.events).flatMap((versions) => Object.values(versions).map((v) => v.topic)));
  for (const [topic, locked] of Object.entries(old.topics)) {
    const now = Object.hasOwn(current.topics, topic) ? current.topics[topic] : undefined;
    if (!now || now.partitions === locked.partitions || !topicsWithEvents.has(topic)) continue;
    const args = { topic, old: locked.partitions, new: now.partitions };
    comparison.report(D.PartitionsChanged, positions.topic(topic), args, formatMessage(P.newTopic, args));
  }
}
