/**
 * Plain JSON values and the helpers that keep keys like `__proto__` as data. `@kustomize-ts/core` re-exports
 * them, so there is one definition of each.
 */

/** A JSON scalar. */
export type JsonPrimitive = string | number | boolean | null;
/** A JSON value of any shape. */
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
/** A JSON object. Keys such as `__proto__` are plain data. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True when `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `key` of `object`, reading own properties only, so `__proto__` and friends are data. */
export function getOwn(object: JsonObject, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** True when `object` has `key` as an own property. */
export function hasOwn(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Sets `key` on `object` in place so that a key like `__proto__` stays data. */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  // `__proto__` is the one accessor plain objects inherit; every other key can be assigned (which is faster).
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** A deep copy of a JSON value. */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(copy, key, cloneJson(value[key] as JsonValue));
    return copy as T;
  }
  return value;
}

/**
 * Compares strings by Unicode code point, which is the byte order of their UTF-8 encodings: the order Go's
 * `sort.Strings` gives. (JavaScript's default sort compares UTF-16 code units, which differs for astral characters.)
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
