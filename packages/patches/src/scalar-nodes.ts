/**
 * What a YAML scalar node is beyond its JSON value: the text it was written with and its tag.
 *
 * kustomize works on YAML nodes, and a node keeps both: `f: 1.50` is the float 1.5 with the text `1.50`,
 * `a: 2001-12-14` a timestamp, `x:` an empty (implicit) null and `y: ~` another null. Most of the time only
 * the value matters, and resources here are plain JSON (fast to copy, the public API's shape, what patches
 * take). Where kustomize reads a node's text or tag (string maps rewritten from their text, a replacement
 * that keeps its target's tag, a strategic merge that drops empty nulls) the value alone is not enough.
 *
 * So the nodes whose value does not tell their text and tag are kept in a side table keyed by the JSON
 * container (object or array) and the key (property name or array index) they sit at. Containers are never
 * changed once built (transforms copy on write), so an entry stays true as long as its container lives, and
 * the table holds nothing a build could see of another. The readers record the few such nodes (numbers
 * written unusually, nulls not written `null`, timestamps, binaries); a copy of a container made to change
 * one entry carries the others' records ({@link carryScalarNodes}). Every other scalar is what its value
 * says: {@link scalarNodeAt}.
 */
import type { JsonObject, JsonValue } from './json.js';

/** A YAML scalar's text (the node's Value, as kyaml reads it) and resolved tag in short form (`!!int`). */
export interface ScalarNode {
  readonly text: string;
  readonly tag: string;
}

/** A JSON object or array: what scalars sit in. */
export type JsonContainer = JsonObject | readonly JsonValue[];

const recorded = new WeakMap<JsonContainer, Map<string, ScalarNode>>();

/**
 * The node a scalar read as `value` from `text` with resolved tag `tag` must be recorded as, or undefined
 * when the value tells both (a string read as a string, `true`, `12`, `2.5`, `null`).
 */
export function unusualScalarNode(value: JsonValue, text: string, tag: string): ScalarNode | undefined {
  if (tag === '!!str' && typeof value === 'string') return undefined;
  const usual = tag === valueTag(value) && text === valueText(value);
  return usual ? undefined : { text, tag };
}

/** Records that the scalar at `key` of `container` is `node`. */
export function recordScalarNode(container: JsonContainer, key: string, node: ScalarNode): void {
  let nodes = recorded.get(container);
  if (nodes === undefined) {
    nodes = new Map();
    recorded.set(container, nodes);
  }
  nodes.set(key, node);
}

/** Forgets the record at `key` of `container` (a copy that changed the value there). */
export function forgetScalarNode(container: JsonContainer, key: string): void {
  recorded.get(container)?.delete(key);
}

/** The recorded node at `key` of `container`, if any. */
export function recordedScalarNode(container: JsonContainer, key: string): ScalarNode | undefined {
  return recorded.get(container)?.get(key);
}

/** Every recorded node of `container`, by key (undefined when none). */
export function recordedScalarNodes(container: JsonContainer): ReadonlyMap<string, ScalarNode> | undefined {
  return recorded.get(container);
}

/**
 * The node of the scalar `value` at `key` of `container`: the recorded one, else what the value says
 * (as kyaml writes a JSON value: `8080` is `!!int` with text `8080`).
 */
export function scalarNodeAt(container: JsonContainer, key: string, value: string | number | boolean | null): ScalarNode {
  return recorded.get(container)?.get(key) ?? { text: valueText(value), tag: valueTag(value) };
}

/**
 * True when the value at `key` of `container` is a null written with nothing (`key:`), which strategic merges
 * drop (JSON null, or `""` in a flow collection, where kustomize's output turns such a null into a string).
 */
export function isImplicitNull(container: JsonContainer, key: string): boolean {
  const node = recorded.get(container)?.get(key);
  return node?.text === '' && node.tag === '!!null';
}

/**
 * Gives `copy` the records of `original` (a container it was copied from), except those at `except` (the
 * keys the copy changed). Returns `copy`.
 */
export function carryScalarNodes<T extends JsonContainer>(original: JsonContainer, copy: T, except?: string): T {
  const nodes = recorded.get(original);
  if (nodes === undefined) return copy;
  const kept = new Map(nodes);
  if (except !== undefined) kept.delete(except);
  if (kept.size > 0) recorded.set(copy, kept);
  return copy;
}

/** The text kyaml gives a JSON scalar it did not read from YAML. */
function valueText(value: string | number | boolean | null | JsonValue): string {
  return value === null ? 'null' : typeof value === 'object' ? '' : String(value);
}

function valueTag(value: JsonValue): string {
  if (value === null) return '!!null';
  switch (typeof value) {
    case 'string':
      return '!!str';
    case 'boolean':
      return '!!bool';
    case 'number':
      return Number.isInteger(value) ? '!!int' : '!!float';
    default:
      return Array.isArray(value) ? '!!seq' : '!!map';
  }
}
