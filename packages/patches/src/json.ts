/**
 * Plain JSON values and the helpers that keep keys like `__proto__` as data. `@kustomize-ts/core` re-exports
 * them, so there is one definition of each.
 */
import { carryScalarNodes } from './scalar-nodes.js';

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

/** How Go's encoding/json names the type of a JSON value in its errors (`cannot unmarshal bool into …`). */
export function goJsonTypeName(value: JsonValue): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

/** A deep copy of a JSON value, with the scalar nodes recorded for it (scalar-nodes.ts). */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return carryScalarNodes(value, value.map((item) => cloneJson(item))) as T;
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(copy, key, cloneJson(value[key] as JsonValue));
    return carryScalarNodes(value, copy) as T;
  }
  return value;
}

/** How big a JSON value is: its nodes (every value counts one) and its depth (a scalar 0, a list or object 1 more than its deepest element). */
export interface JsonSize {
  readonly nodes: number;
  readonly depth: number;
}

/**
 * The most a patch may copy of a document (JSON6902 `copy`, a replacement's value) in one operation. Copies
 * of copies grow a document exponentially with the number of operations; this stops that long before it
 * exhausts memory or the call stack, and far above what real resources hold.
 */
export const maxCopySize: JsonSize = { nodes: 1_000_000, depth: 1000 };

/**
 * The size of `value`, counted without recursion. Counting stops once either measure passes `limit`, so a
 * value that shares its parts (and would be huge written out) costs no more than the limit: compare the
 * result with the limit to know whether it was passed.
 */
export function measureJson(value: JsonValue, limit: JsonSize): JsonSize {
  let nodes = 0;
  let depth = 0;
  // Two parallel stacks (values and their levels) spare an allocation per node.
  const values: JsonValue[] = [value];
  const levels: number[] = [0];
  while (values.length > 0) {
    const node = values.pop()!;
    const level = levels.pop()!;
    nodes++;
    if (typeof node !== 'object' || node === null) continue;
    if (level + 1 > depth) depth = level + 1;
    if (nodes > limit.nodes || depth > limit.depth) break;
    if (Array.isArray(node)) {
      for (const child of node) {
        values.push(child);
        levels.push(level + 1);
      }
    } else {
      for (const key of Object.keys(node)) {
        values.push(node[key]!);
        levels.push(level + 1);
      }
    }
  }
  return { nodes, depth };
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
