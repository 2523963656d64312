/**
 * The lifecycle state machine, shared by every backend so they all judge the same way.
 * Backends call `applyLifecycle` inside their per-key atomic step (the file log under its
 * write serialization, JetStream together with an expected-last-sequence publish).
 */
import { LifecycleError } from "./errors.js";
import type { KeyState, LifecycleRules } from "./log.js";

/**
 * Checks `types` (the batch, in order) against `rules`, starting from `current`, and returns
 * the key's state after the batch. Throws LifecycleError for the first event that is not allowed.
 * Without rules only the version moves (no lifecycle is enforced).
 */
export function applyLifecycle(
  topic: string,
  current: KeyState,
  types: readonly string[],
  rules: LifecycleRules | undefined,
): KeyState {
  let { version, state, ended } = current;
  for (const type of types) {
    if (rules) {
      const rule = rules[type];
      if (rule === undefined) {
        throw new LifecycleError(topic, current.key, type, describeState(version, state, ended), `"${type}" is not an event of this aggregate`);
      }
      if (ended) {
        throw new LifecycleError(topic, current.key, type, describeState(version, state, ended), "no event may follow an ending event");
      }
      if (rule.creates) {
        if (version > 0) {
          throw new LifecycleError(topic, current.key, type, describeState(version, state, ended), `"${type}" may only be the first event of a key`);
        }
      } else if (version === 0) {
        throw new LifecycleError(topic, current.key, type, "new (it has no events)", `the first event must be ${creatorsOf(rules)}`);
      } else if (rule.after && !(state !== null && rule.after.includes(state))) {
        throw new LifecycleError(
          topic,
          current.key,
          type,
          describeState(version, state, ended),
          `"${type}" is allowed only after ${rule.after.map((t) => `"${t}"`).join(" or ")}`,
        );
      }
      if (rule.creates || rule.after) state = type;
      if (rule.ends) ended = true;
    }
    version += 1;
  }
  return { key: current.key, version, state, ended };
}

function describeState(version: number, state: string | null, ended: boolean): string {
  if (version === 0) return "new (it has no events)";
  if (ended) return `ended (at version ${version})`;
  return state === null ? `at version ${version}` : `in state "${state}" (at version ${version})`;
}

function creatorsOf(rules: LifecycleRules): string {
  const creators = Object.keys(rules).filter((t) => rules[t]?.creates);
  return creators.length === 0 ? "a creating event" : creators.map((t) => `"${t}"`).join(" or ");
}
