/** EV5xxx: projections and topics. */
import type { DiagnosticMessage } from "../diagnostic.js";

export const projectionDiagnostics = {
  EventOfOtherAggregate: {
    code: "EV5001",
    severity: "error",
    message: 'The projection "{projection}" is kept per "{aggregate}", but "{name}" is an event of "{other}".',
    explanation:
      "A projection with `per A` keeps one state per key of A, so it can only handle events of A. Remove the event, or drop `per` to keep one state for everything.",
  },
  OtherAggregateInOn: {
    code: "EV5002",
    severity: "error",
    message: 'The projection "{projection}" is kept per "{aggregate}", so its "on" list cannot name the aggregate "{name}".',
    explanation: "A projection with `per A` can only handle events of A; `on` may name A itself or its events.",
  },
  RepeatedOnEntry: {
    code: "EV5003",
    severity: "warning",
    message: '"{name}" is already listed in the "on" list of "{projection}".',
    explanation: "A projection handles each event once; the repeated entry has no effect. Remove it.",
  },
  OnEntryCoveredByAggregate: {
    code: "EV5004",
    severity: "warning",
    message: 'The event "{name}" is already handled because its aggregate "{aggregate}" is listed in "on".',
    explanation: "Listing an aggregate in `on` includes all its events; listing one of them again has no effect. Remove it.",
  },
  EmptyOn: {
    code: "EV5005",
    severity: "error",
    message: 'The projection "{projection}" handles no events: its "on" list is empty.',
    explanation: "A projection is built from events. List them (or their aggregates) after `on`.",
  },
  PartitionsOutOfRange: {
    code: "EV5010",
    severity: "error",
    message: 'A topic has 1 to 1024 partitions, but "{topic}" declares {value}.',
    explanation: "Partition counts are whole numbers from 1 to 1024. Keys map to partitions, so choose the count once: changing it later moves keys (see docs/evolution.md).",
  },
  UnusedTopic: {
    code: "EV5011",
    severity: "warning",
    message: 'The topic "{topic}" is not used by any aggregate.',
    explanation: "No aggregate is declared `in` this topic, so no event will ever be published to it. Use it with `aggregate X in topic`, or remove it.",
  },
} as const satisfies Record<string, DiagnosticMessage>;
