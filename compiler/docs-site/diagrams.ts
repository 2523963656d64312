/** The catalog's two diagrams, as graphs for svg-diagram.ts: an aggregate's lifecycle, and a namespace's flow. */
import type { AggregateModel, Model, NamespaceModel } from "../model.js";
import { bareName, hrefOf } from "./links.js";
import type { Diagram, DiagramEdge, DiagramNode } from "./svg-diagram.js";

/**
 * States from `creates`/`after`/`ends`: start → the creating event → … → end. An edge X → E means
 * "E may follow X". Events without a lifecycle clause change no state: they are listed as
 * "any time" under the graph.
 */
export function lifecycleDiagram(aggregate: AggregateModel): Diagram {
  const events = aggregate.events;
  const stateful = events.filter((e) => e.lifecycle.creates || e.lifecycle.after !== null);
  // Layer = shortest number of steps from the creating event.
  const depth = new Map<string, number>();
  const queue = stateful.filter((e) => e.lifecycle.creates).map((e) => e.qualifiedName);
  for (const q of queue) depth.set(q, 1);
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const e of stateful) {
      if (!depth.has(e.qualifiedName) && e.lifecycle.after?.includes(current)) {
        depth.set(e.qualifiedName, depth.get(current)! + 1);
        queue.push(e.qualifiedName);
      }
    }
  }
  const last = Math.max(1, ...depth.values());
  const nodes: DiagramNode[] = [{ id: "start", label: "start", layer: 0, kind: "terminal" }];
  const edges: DiagramEdge[] = [];
  for (const e of stateful) {
    nodes.push({ id: e.qualifiedName, label: e.name, layer: depth.get(e.qualifiedName) ?? last, kind: e.lifecycle.ends ? "event ends" : "event", href: hrefOf("event", e.qualifiedName) });
    if (e.lifecycle.creates) edges.push({ from: "start", to: e.qualifiedName });
    for (const before of e.lifecycle.after ?? []) edges.push({ from: before, to: e.qualifiedName });
  }
  // `ends` without `after`: allowed in any state, and ends the aggregate; dashed edges from every state.
  const endsAnyTime = events.filter((e) => e.lifecycle.ends && !e.lifecycle.creates && e.lifecycle.after === null);
  const endLayer = last + (endsAnyTime.length > 0 ? 2 : 1);
  for (const e of endsAnyTime) {
    nodes.push({ id: e.qualifiedName, label: e.name, layer: last + 1, kind: "event ends", href: hrefOf("event", e.qualifiedName) });
    for (const state of stateful) if (!state.lifecycle.ends) edges.push({ from: state.qualifiedName, to: e.qualifiedName, dashed: true });
  }
  const ends = [...stateful, ...endsAnyTime].filter((e) => e.lifecycle.ends);
  if (ends.length > 0) {
    nodes.push({ id: "end", label: "end", layer: endLayer, kind: "terminal" });
    for (const e of ends) edges.push({ from: e.qualifiedName, to: "end" });
  }
  const anyTime = events.filter((e) => !e.lifecycle.creates && e.lifecycle.after === null && !e.lifecycle.ends).map((e) => e.name);
  const notes: string[] = [];
  if (anyTime.length > 0) notes.push(`any time between creation and end (state unchanged): ${anyTime.join(", ")}`);
  if (endsAnyTime.length > 0) notes.push(`dashed: allowed in any state — ${endsAnyTime.map((e) => e.name).join(", ")}`);
  return { title: `Lifecycle of ${aggregate.qualifiedName}`, nodes, edges, notes };
}

/**
 * Topic → aggregate → events → projections for one namespace: its aggregates, the topics they
 * are on, and the projections (of any namespace) their events feed, plus its own projections
 * with the events that feed them.
 */
export function flowDiagram(model: Model, ns: NamespaceModel): Diagram {
  const nodes = new Map<string, DiagramNode>();
  const edges: DiagramEdge[] = [];
  const topics = new Map(model.namespaces.flatMap((n) => n.topics).map((t) => [t.qualifiedName, t]));
  const aggregates = model.namespaces.flatMap((n) => n.aggregates);
  const projections = model.namespaces.flatMap((n) => n.projections);
  const eventOwner = new Map(aggregates.flatMap((a) => a.events.map((e) => [e.qualifiedName, a] as const)));
  const label = (qualifiedName: string, namespace: string) => (qualifiedName.startsWith(`${ns.name}.`) && namespace === ns.name ? bareName(qualifiedName) : qualifiedName);

  const addAggregate = (a: AggregateModel, events: readonly string[]) => {
    const topic = topics.get(a.topic);
    const aggregateNs = a.qualifiedName.slice(0, a.qualifiedName.lastIndexOf("."));
    if (!nodes.has(`t:${a.topic}`)) {
      const partitions = topic?.partitions ?? 1;
      nodes.set(`t:${a.topic}`, { id: `t:${a.topic}`, label: a.topic, layer: 0, kind: "topic", href: hrefOf("topic", a.topic), note: `${partitions} ${partitions === 1 ? "partition" : "partitions"}` });
    }
    if (!nodes.has(`a:${a.qualifiedName}`)) {
      nodes.set(`a:${a.qualifiedName}`, { id: `a:${a.qualifiedName}`, label: label(a.qualifiedName, aggregateNs), layer: 1, kind: "aggregate", href: hrefOf("aggregate", a.qualifiedName), note: `key ${a.key.name}: ${a.key.type}` });
      edges.push({ from: `t:${a.topic}`, to: `a:${a.qualifiedName}` });
    }
    for (const e of a.events) {
      if (!events.includes(e.qualifiedName) || nodes.has(`e:${e.qualifiedName}`)) continue;
      nodes.set(`e:${e.qualifiedName}`, { id: `e:${e.qualifiedName}`, label: label(e.qualifiedName, aggregateNs), layer: 2, kind: "event", href: hrefOf("event", e.qualifiedName) });
      edges.push({ from: `a:${a.qualifiedName}`, to: `e:${e.qualifiedName}` });
    }
  };

  for (const a of ns.aggregates) addAggregate(a, a.events.map((e) => e.qualifiedName));
  for (const p of ns.projections)
    for (const event of p.events) {
      const owner = eventOwner.get(event);
      if (owner) addAggregate(owner, [event]);
    }
  for (const p of projections) {
    const fed = p.events.filter((e) => nodes.has(`e:${e}`));
    const own = p.qualifiedName.startsWith(`${ns.name}.`) && !p.qualifiedName.slice(ns.name.length + 1).includes(".");
    if (fed.length === 0 && !own) continue;
    const projectionNs = p.qualifiedName.slice(0, p.qualifiedName.lastIndexOf("."));
    nodes.set(`p:${p.qualifiedName}`, { id: `p:${p.qualifiedName}`, label: label(p.qualifiedName, projectionNs), layer: 3, kind: "projection", href: hrefOf("projection", p.qualifiedName), note: p.per !== undefined ? `per ${bareName(p.per)}` : "one state" });
    for (const e of fed) edges.push({ from: `e:${e}`, to: `p:${p.qualifiedName}` });
  }
  return { title: `Flow of namespace ${ns.name}: topics, aggregates, events, projections`, nodes: [...nodes.values()], edges };
}
