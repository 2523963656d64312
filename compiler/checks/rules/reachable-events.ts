import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { EventSymbol } from "../../resolve/symbols.js";
import { allAggregates } from "../aggregates.js";
import type { Check } from "../context.js";
import { currentDeclaration } from "../event-versions.js";

/**
 * Every event with an `after` clause can happen: some chain of `after` edges leads to it from
 * the `creates` event without passing an `ends` event. An `after` entry that is itself wrong
 * (unknown, another aggregate's event, an `ends` event) is reported where it is written and
 * counts as satisfied here, so one mistake is not reported again downstream.
 */
export const reachableEvents: Check = (context) => {
  for (const aggregate of allAggregates(context)) {
    const creators = aggregate.events.filter((e) => currentDeclaration(e).creates !== undefined);
    if (creators.length === 0) continue; // reported as a missing creates event
    const followers = new Map<EventSymbol, EventSymbol[]>();
    const reached = new Set<EventSymbol>();
    const queue: EventSymbol[] = [];
    const reach = (event: EventSymbol) => {
      if (reached.has(event)) return;
      reached.add(event);
      queue.push(event);
    };
    for (const event of aggregate.events) {
      const decl = currentDeclaration(event);
      if (decl.after.length === 0) continue;
      let excused = false;
      for (const ref of decl.after) {
        const target = context.resolved(ref);
        if (target?.kind !== "event" || target.aggregate !== aggregate || currentDeclaration(target).ends !== undefined) excused = true;
        else followers.set(target, [...(followers.get(target) ?? []), event]);
      }
      if (excused) reach(event);
    }
    for (const creator of creators) reach(creator);
    for (let i = 0; i < queue.length; i++) {
      const event = queue[i]!;
      if (currentDeclaration(event).ends !== undefined) continue;
      for (const follower of followers.get(event) ?? []) reach(follower);
    }
    const creates = creators[0]!.name;
    for (const event of aggregate.events) {
      const decl = currentDeclaration(event);
      if (decl.after.length === 0 || reached.has(event)) continue;
      context.report(createDiagnostic(Diagnostics.UnreachableEvent, decl.name.span, { event: event.name, creates }));
    }
  }
};
