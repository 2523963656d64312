/**
 * Events handed out are deeply frozen, so user code cannot change what the log returned: any write
 * throws a TypeError in strict mode (ES modules are always strict).
 */

/** Freezes `value` and everything reachable from it (own properties, cycles allowed); returns it. */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  freezeInto(value, new WeakSet());
  return value as DeepReadonly<T>;
}

function freezeInto(value: unknown, seen: WeakSet<object>): void {
  if (value === null || (typeof value !== "object" && typeof value !== "function") || seen.has(value)) return;
  seen.add(value);
  // Typed arrays with elements cannot be frozen (Object.freeze throws); JSON never holds them, user states might.
  if (ArrayBuffer.isView(value)) return;
  // Object.freeze is shallow, so already-frozen objects are still walked.
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    freezeInto((value as Record<PropertyKey, unknown>)[key], seen);
  }
}

export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? ReadonlyMap<DeepReadonly<K>, DeepReadonly<V>>
    : T extends readonly (infer E)[]
      ? readonly DeepReadonly<E>[]
      : T extends object
        ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
        : T;
