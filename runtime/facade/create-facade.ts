/**
 * `createFacade`: the generic implementation behind every generated namespace API. Generated code
 * only describes the namespace (a NamespaceDescriptor with decoders) and casts the result to its
 * typed interface; all behaviour lives here, once.
 */
import type { Envelope, StoredEvent } from "../envelope.js";
import { UpcastError, ValidationError } from "../errors.js";
import { deepFreeze } from "../freeze.js";
import { newEventId } from "../ids.js";
import type { LifecycleRules, Log, Subscription } from "../log.js";
import { validate } from "../validation/result.js";
import type { ValidationIssue } from "../validation/result.js";
import type { AggregateDescriptor, EventDescriptor, NamespaceDescriptor, ProjectionDescriptor, UpcasterTable } from "./descriptor.js";
import type {
  EventHandler,
  Facade,
  FacadeReplayOptions,
  FacadeSubscribeOptions,
  GlobalProjection,
  KeyedProjection,
  PublishOptions,
} from "./types.js";
import { toEnvelope } from "./upcaster.js";

export interface FacadeOptions {
  /** Upcasters for every non-current event version (generated option types make them required). */
  readonly upcasters?: UpcasterTable;
}

type Handlers = Readonly<Record<string, EventHandler<Envelope> | undefined>>;
/** Projection handlers: `initial` plus one reducer per event name. */
type ProjectionHandlers = Readonly<Record<string, unknown>>;
type Reducer = (state: unknown, event: Envelope) => unknown;

export function createFacade(log: Log, descriptor: NamespaceDescriptor, options: FacadeOptions = {}): Facade {
  const upcasters = options.upcasters;
  const events = new Map(Object.values(descriptor.events).map((e) => [e.name, e]));
  const byType = new Map(Object.values(descriptor.events).map((e) => [e.type, e]));
  const aggregateOf = (event: EventDescriptor): AggregateDescriptor => {
    const aggregate = descriptor.aggregates[event.aggregate];
    if (!aggregate) throw new Error(`Descriptor of namespace "${descriptor.namespace}" names unknown aggregate "${event.aggregate}" for event "${event.name}"`);
    return aggregate;
  };
  // Lifecycle rules per aggregate, built once: the log checks them atomically with each append.
  const rules = new Map<string, LifecycleRules>();
  for (const aggregate of Object.values(descriptor.aggregates)) {
    const table: Record<string, EventDescriptor["lifecycle"]> = {};
    for (const name of aggregate.events) {
      const event = events.get(name);
      if (event) table[event.type] = event.lifecycle;
    }
    rules.set(aggregate.name, Object.freeze(table));
  }

  // Topics are created once per facade, on first use.
  let topicsReady: Promise<void> | undefined;
  const ensureTopics = (): Promise<void> => {
    topicsReady ??= (async () => {
      for (const topic of descriptor.topics) await log.ensureTopic(topic);
    })().catch((error: unknown) => {
      topicsReady = undefined; // let a later call retry
      throw error;
    });
    return topicsReady;
  };

  const read = (stored: StoredEvent): Envelope => {
    const event = byType.get(stored.type);
    if (!event) {
      throw new UpcastError(stored.id, stored.type, stored.offset, stored.schemaVersion, stored.schemaVersion, `"${stored.type}" is not an event of namespace "${descriptor.namespace}"`);
    }
    return toEnvelope(stored, event, upcasters);
  };

  const publish: Record<string, (data: unknown, options?: PublishOptions) => Promise<Envelope>> = {};
  const validators: Record<string, (value: unknown) => ReturnType<typeof validate<unknown>>> = {};
  for (const event of events.values()) {
    const current = event.versions.find((v) => v.version === event.currentVersion);
    if (!current) throw new Error(`Descriptor of "${event.type}" has no decoder for its current version v${event.currentVersion}`);
    const aggregate = aggregateOf(event);
    const lifecycle = rules.get(aggregate.name)!;
    validators[event.name] = (value) => validate(current.decode, value);

    publish[event.name] = async (data, publishOptions = {}) => {
      const issues: ValidationIssue[] = [];
      const decoded = current.decode(data, "$", issues);
      if (issues.length > 0 || decoded === undefined) {
        throw new ValidationError(`${event.type} v${event.currentVersion}`, issues.length > 0 ? issues : [{ path: "$", message: "is invalid" }]);
      }
      const key = keyString((decoded as Record<string, unknown>)[aggregate.keyField]);
      if (key === undefined) {
        throw new ValidationError(`${event.type} v${event.currentVersion}`, [{ path: `$.${aggregate.keyField}`, message: "is required (the aggregate key)" }]);
      }
      await ensureTopics();
      const id = publishOptions.id ?? newEventId();
      const [stored] = await log.append(
        aggregate.topic,
        [
          {
            id,
            type: event.type,
            schemaVersion: event.currentVersion,
            key,
            data: decoded,
            ...(publishOptions.correlationId !== undefined ? { correlationId: publishOptions.correlationId } : {}),
            ...(publishOptions.causationId !== undefined ? { causationId: publishOptions.causationId } : {}),
          },
        ],
        { lifecycle, ...(publishOptions.expectedVersion !== undefined ? { expectedVersion: publishOptions.expectedVersion } : {}) },
      );
      if (!stored) throw new Error(`The ${log.description} returned no event for an append of "${event.type}"`);
      // A fresh id cannot be a repeat, so the decoded value is what was stored; a caller-given id may
      // return an earlier event (idempotent retry), which is read back like any stored event.
      if (publishOptions.id === undefined && stored.id === id && stored.schemaVersion === event.currentVersion) {
        return deepFreeze({ ...envelopeFields(stored), schemaVersion: event.currentVersion, storedSchemaVersion: event.currentVersion, data: decoded });
      }
      return read(stored);
    };
  }

  /** Topics to read for a set of bare event names, and the types they mean. */
  const selection = (names: readonly string[], what: string): { topics: string[]; types: Map<string, string> } => {
    const unknown = names.filter((n) => !events.has(n));
    if (unknown.length > 0) {
      throw new ValidationError(what, unknown.map((n) => ({ path: `$.${n}`, message: `is not an event of namespace "${descriptor.namespace}"` })));
    }
    const types = new Map(names.map((n) => [events.get(n)!.type, n]));
    const topics = [...new Set(names.map((n) => aggregateOf(events.get(n)!).topic))];
    return { topics, types };
  };
  const handlerNames = (handlers: Handlers, what: string): string[] => {
    if (handlers === null || typeof handlers !== "object") throw new ValidationError(what, [{ path: "$", message: "must be an object of handlers by event name" }]);
    const names = Object.keys(handlers).filter((n) => handlers[n] !== undefined);
    const notFunctions = names.filter((n) => typeof handlers[n] !== "function");
    if (notFunctions.length > 0) throw new ValidationError(what, notFunctions.map((n) => ({ path: `$.${n}`, message: "must be a function" })));
    if (names.length === 0) throw new ValidationError(what, [{ path: "$", message: "must handle at least one event" }]);
    return names;
  };

  const subscribe = async (group: string, handlers: Handlers, subscribeOptions: FacadeSubscribeOptions = {}): Promise<Subscription> => {
    const { topics, types } = selection(handlerNames(handlers, `handlers of subscription "${group}"`), `handlers of subscription "${group}"`);
    await ensureTopics();
    return log.subscribe({
      topics,
      group,
      // Events of types without a handler (other aggregates on the same topic) are acknowledged silently.
      handler: async (stored) => {
        const name = types.get(stored.type);
        if (name === undefined) return;
        await handlers[name]!(read(stored));
      },
      ...(subscribeOptions.start !== undefined ? { start: subscribeOptions.start } : {}),
      ...(subscribeOptions.maxAttempts !== undefined ? { maxAttempts: subscribeOptions.maxAttempts } : {}),
      ...(subscribeOptions.backoff !== undefined ? { backoff: subscribeOptions.backoff } : {}),
    });
  };

  const replay = async (handlers: Handlers, replayOptions: FacadeReplayOptions = {}): Promise<void> => {
    const { topics, types } = selection(handlerNames(handlers, "replay handlers"), "replay handlers");
    await ensureTopics();
    for await (const stored of log.replay(topics, replayOptions.from, readOptions(replayOptions))) {
      const name = types.get(stored.type);
      if (name !== undefined) await handlers[name]!(read(stored));
    }
  };

  const streams: Record<string, (key: string | number | bigint) => Promise<readonly Envelope[]>> = {};
  for (const aggregate of Object.values(descriptor.aggregates)) {
    streams[aggregate.name] = async (keyValue) => {
      const key = checkedKey(keyValue, `key of ${aggregate.name}`);
      await ensureTopics();
      const result: Envelope[] = [];
      for await (const stored of log.readKey(aggregate.topic, key)) result.push(read(stored));
      return Object.freeze(result);
    };
  }

  const projections: Record<string, GlobalProjection<unknown, never> | KeyedProjection<unknown, never>> = {};
  for (const projection of Object.values(descriptor.projections)) {
    projections[projection.name] = projectionOf(projection);
  }

  function projectionOf(projection: ProjectionDescriptor): GlobalProjection<unknown, never> | KeyedProjection<unknown, never> {
    const { topics, types } = selection(projection.events, `projection ${projection.name}`);
    const what = `handlers of projection ${projection.name}`;
    const checkHandlers = (handlers: ProjectionHandlers): void => {
      const issues: ValidationIssue[] = [];
      if (handlers === null || typeof handlers !== "object") throw new ValidationError(what, [{ path: "$", message: "must be an object" }]);
      if (typeof handlers.initial !== "function") issues.push({ path: "$.initial", message: "must be a function returning the initial state" });
      for (const name of projection.events) {
        if (typeof handlers[name] !== "function") issues.push({ path: `$.${name}`, message: `must be a function (the projection is on ${name})` });
      }
      if (issues.length > 0) throw new ValidationError(what, issues);
    };
    const fold = (handlers: ProjectionHandlers, state: unknown, stored: StoredEvent): unknown => {
      const name = types.get(stored.type);
      return name === undefined ? state : (handlers[name] as Reducer)(state, read(stored));
    };

    if (projection.per === undefined) {
      const global: GlobalProjection<unknown, ProjectionHandlers> = {
        async replay(handlers, replayOptions = {}) {
          checkHandlers(handlers);
          await ensureTopics();
          let state = (handlers.initial as () => unknown)();
          for await (const stored of log.replay(topics, replayOptions.from, readOptions(replayOptions))) state = fold(handlers, state, stored);
          return deepFreeze(state);
        },
      };
      return global as GlobalProjection<unknown, never>;
    }

    const aggregate = descriptor.aggregates[projection.per];
    if (!aggregate) throw new Error(`Projection ${projection.name} of namespace "${descriptor.namespace}" is per unknown aggregate "${projection.per}"`);
    const keyed: KeyedProjection<unknown, ProjectionHandlers> = {
      async replay(handlers, replayOptions = {}) {
        checkHandlers(handlers);
        await ensureTopics();
        const initial = handlers.initial as (key: string) => unknown;
        const states = new Map<string, unknown>();
        for await (const stored of log.replay(topics, replayOptions.from, readOptions(replayOptions))) {
          if (!types.has(stored.type)) continue;
          states.set(stored.key, fold(handlers, states.has(stored.key) ? states.get(stored.key) : initial(stored.key), stored));
        }
        for (const state of states.values()) deepFreeze(state);
        return states;
      },
      async load(keyValue, handlers) {
        checkHandlers(handlers);
        const key = checkedKey(keyValue, `key of ${aggregate.name}`);
        await ensureTopics();
        let state: unknown;
        let seen = false;
        for await (const stored of log.readKey(aggregate.topic, key)) {
          if (!types.has(stored.type)) continue;
          state = fold(handlers, seen ? state : (handlers.initial as (key: string) => unknown)(key), stored);
          seen = true;
        }
        return seen ? deepFreeze(state) : undefined;
      },
    };
    return keyed as KeyedProjection<unknown, never>;
  }

  return Object.freeze({
    log,
    publish: Object.freeze(publish),
    subscribe,
    replay,
    streams: Object.freeze(streams),
    projections: Object.freeze(projections),
    validate: Object.freeze(validators),
    groupPosition: (group: string) => log.groupPosition(group),
  });
}

function envelopeFields(stored: StoredEvent): Omit<StoredEvent, "data" | "schemaVersion"> {
  const { data: _data, schemaVersion: _schemaVersion, ...fields } = stored;
  return fields;
}

/** The key as the log stores it: strings as they are, numbers and bigints in decimal. */
function keyString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

function checkedKey(value: unknown, what: string): string {
  const key = keyString(value);
  if (key === undefined || key.length === 0) throw new ValidationError(what, [{ path: "$", message: "must be a non-empty string, a safe integer or a bigint" }]);
  return key;
}

function readOptions(options: FacadeReplayOptions): { signal?: AbortSignal } {
  return options.signal !== undefined ? { signal: options.signal } : {};
}
