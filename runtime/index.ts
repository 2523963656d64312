/**
 * `eventc/runtime`: the event log contract, its backends and what generated code needs.
 * Import-light on purpose: the file log and the NATS client load only when `openLog` asks for them.
 */
export type { StoredEvent, NewEvent, Envelope } from "./envelope.js";
export type {
  Log,
  TopicSpec,
  LifecycleRule,
  LifecycleRules,
  AppendOptions,
  KeyState,
  ReplayFrom,
  ReadOptions,
  GroupPosition,
  SubscribeOptions,
  Subscription,
  PartitionStats,
  TopicStats,
  VerifyResult,
} from "./log.js";
export {
  EventcError,
  isEventcError,
  ConcurrencyError,
  LifecycleError,
  ValidationError,
  LogCorruptedError,
  LogLockedError,
  LogClosedError,
  UnknownTopicError,
  TopicMismatchError,
  SubscriptionError,
  UpcastError,
  DuplicateVersionError,
  BackendError,
  type RuntimeErrorCode,
} from "./errors.js";
export { applyLifecycle } from "./lifecycle.js";
export { validate, formatIssues, type ValidationIssue, type ValidationResult, type Decoder } from "./validation/result.js";
// Building blocks of generated decoders (see compiler/generate/emit-decoders.ts).
export {
  decodeString,
  decodeBool,
  decodeInt,
  decodeFloat,
  decodeLong,
  decodeUuid,
  decodeDecimal,
  decodeTimestamp,
  decodeDate,
  decodeBytes,
} from "./validation/primitive-decoders.js";
export {
  decodeObject,
  requiredField,
  optionalField,
  defaultedField,
  rejectUnknownFields,
  decodeMember,
  decodeList,
  decodeMap,
  listOf,
  mapOf,
  type JsonObject,
} from "./validation/composite-decoders.js";
export { isUuid, isTimestamp, isDate, isDecimal, isBase64 } from "./validation/formats.js";
export { memberPath, indexPath } from "./validation/json-path.js";
export type {
  NamespaceDescriptor,
  EventDescriptor,
  EventVersionDescriptor,
  AggregateDescriptor,
  ProjectionDescriptor,
  UpcasterTable,
  UpcastContext,
} from "./facade/descriptor.js";
export type {
  Facade,
  PublishOptions,
  FacadeSubscribeOptions,
  FacadeReplayOptions,
  EventHandler,
  GlobalProjection,
  KeyedProjection,
} from "./facade/types.js";
export { createFacade, type FacadeOptions } from "./facade/create-facade.js";
export { openLog, type OpenLogOptions, type FileLogOpenOptions, type MemoryLogOpenOptions, type JetStreamLogOpenOptions } from "./open-log.js";
export { createMemoryLog, type MemoryLogOptions } from "./memory/memory-log.js";
export { toCloudEvent, fromCloudEvent, type EventcCloudEvent, type CloudEventOptions } from "./cloudevents.js";
export { partitionFor, murmur2 } from "./partitioner.js";
export { newEventId, isEventId, eventIdTime } from "./ids.js";
export { deepFreeze, type DeepReadonly } from "./freeze.js";
export { encodeJson, toJsonForm } from "./json-codec.js";

// Building blocks of generated decoders (generated code calls them as `$rt.decodeString(...)` etc.).
export * from "./validation/primitive-decoders.js";
export * from "./validation/composite-decoders.js";
export * from "./validation/json-path.js";
export * from "./validation/formats.js";
