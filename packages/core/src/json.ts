/** A JSON value: what every Kubernetes document is once parsed. */
export type JsonPrimitive = string | number | boolean | null;
/** A JSON value of any shape. */
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
/** A JSON object. Keys such as `__proto__` are plain data: objects are built with `Object.create(null)` or own-property assignment. */
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

/** A copy of `object` with `key` set to `value`, defining the property so a key like `__proto__` stays data. */
export function withKey(object: JsonObject, key: string, value: JsonValue): JsonObject {
  const copy: JsonObject = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A copy of `object` without `key`. */
export function withoutKey(object: JsonObject, key: string): JsonObject {
  const copy: JsonObject = { ...object };
  delete copy[key];
  return copy;
}

/** A deep copy of a JSON value. */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(copy, key, { value: cloneJson(value[key] as JsonValue), enumerable: true, writable: true, configurable: true });
    }
    return copy as T;
  }
  return value;
}
