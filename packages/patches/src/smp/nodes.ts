/**
 * The node-level operations kyaml's strategic merge is built from (kyaml/yaml: FieldMatcher, ElementMatcher,
 * ElementSetter, ElementValuesList, and walk's appendListNode, validateKeys, mergeValues), on JSON values.
 *
 * kyaml compares YAML scalar *texts*; JSON values stand in for them through {@link scalarText}. Lists are changed in
 * place, as kyaml changes a node's content in place: callers only pass lists they own.
 */
import { PatchError } from '../errors.js';
import { hasOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/** The text of a YAML scalar holding this value (a node's `Value`): empty for maps and lists. */
export function scalarText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A parsed JSON null was a YAML `null` (or `~`); kyaml's text of it is that word.
  if (value === null) return 'null';
  return '';
}

const plainNonStrings = new Set(['', '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN']);
const plainNumber = /^[-+]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9_]+(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$/;

/**
 * True when YAML would not read `value` back as the same string if it were written plain: it looks like a null,
 * boolean or number (YAML 1.2, as yaml.v3 resolves), spans lines, or has surrounding blanks. Such strings must
 * have been quoted (or written as block scalars) in the document they came from.
 */
export function mustBeQuoted(value: string): boolean {
  return plainNonStrings.has(value) || plainNumber.test(value) || value.includes('\n') || value.trim() !== value;
}

/** kyaml's `IsNilOrEmpty` text of a field: empty for a missing field, null, `{}`, `[]`; else the scalar text. */
export function fieldText(value: JsonValue | undefined): string {
  if (value === undefined || value === null || isEmptyContainer(value)) return '';
  return scalarText(value);
}

/** True for `{}` and `[]`. */
export function isEmptyContainer(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/** kyaml's `IsEmptyMap`: missing, null, or `{}`. */
export function isMissingNullOrEmptyMap(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || (isJsonObject(value) && Object.keys(value).length === 0);
}

/** A set key for a tuple of key texts. */
export function tupleId(tuple: readonly string[]): string {
  return tuple.length === 1 ? (tuple[0] as string) : JSON.stringify(tuple);
}

/** The YAML node kind kyaml names in its errors. */
export function nodeKind(value: JsonValue): 'MappingNode' | 'SequenceNode' | 'ScalarNode' {
  if (Array.isArray(value)) return 'SequenceNode';
  return isJsonObject(value) ? 'MappingNode' : 'ScalarNode';
}

/** Where an operation happens, for error messages; computed only when an error is reported. */
export type Where = () => string;

/** kyaml's InvalidNodeKindError, with the node's contents shown as JSON. */
export function wrongKindError(expected: string, value: JsonValue, where: Where): PatchError {
  return new PatchError('strategic-merge', `wrong node kind: expected ${expected} but got ${nodeKind(value)}: node contents:\n${JSON.stringify(value)}`, { path: where() });
}

/**
 * FieldMatcher{Name, StringValue}: does `item` have field `name` (with text `value`, unless `value` is empty)?
 * An empty `name` matches a scalar item by its text. Null items never match; items of the wrong kind are an error.
 */
export function matchesField(item: JsonValue, name: string, value: string, where: Where): boolean {
  if (item === null) return false;
  if (name === '') {
    if (Array.isArray(item) || isJsonObject(item)) throw wrongKindError('ScalarNode', item, where);
    return scalarText(item) === value;
  }
  if (!isJsonObject(item)) throw wrongKindError('MappingNode', item, where);
  return hasOwn(item, name) && (value === '' || scalarText(item[name] as JsonValue) === value);
}

/**
 * ElementMatcher (RNode.ElementList): the index of the first element whose fields `keys` have exactly the texts
 * `values` (an empty text must match an empty text), or -1. With an empty first key, scalars are matched by text.
 */
export function findElement(list: readonly JsonValue[], keys: readonly string[], values: readonly string[]): number {
  const matchKeys = keys.length === 0 ? [''] : keys;
  const matchValues = values.length === 0 ? [''] : values;
  if (matchKeys[0] === '') return list.findIndex((item) => scalarText(item) === matchValues[0]);
  for (let index = 0; index < list.length; index++) {
    const item = list[index] as JsonValue;
    if (item !== null && !isJsonObject(item)) continue;
    // kyaml reports this as an error, which ElementList swallows into "no element".
    if (matchKeys.length !== matchValues.length) return -1;
    if (item !== null && matchKeys.every((key, i) => hasOwn(item, key) && scalarText(item[key] as JsonValue) === matchValues[i])) return index;
  }
  return -1;
}

/** RNode.ElementValuesList: per element, the {@link fieldText} of each key (empty for non-map elements). */
export function elementKeyTexts(list: readonly JsonValue[], keys: readonly string[]): string[][] {
  return list.map((item) => keys.map((key) => (isJsonObject(item) ? fieldText(hasOwn(item, key) ? item[key] : undefined) : '')));
}

/**
 * ElementSetter, in place: drops null and `{}` elements, then replaces every element matching `keys`/`values` with
 * `element` (or deletes them when `element` is undefined), appending `element` when nothing matched. Quirks kept:
 * a key with an empty value matches any element that has the key; with fewer values than keys the last comparison
 * made decides; with no values at all every element is dropped; non-map elements survive a map-keyed set.
 */
export function setElement(list: JsonValue[], element: JsonValue | undefined, keys: readonly string[], values: readonly string[], where: Where): void {
  const matchKeys = keys.length === 0 ? [''] : keys;
  const setsMaps = matchKeys[0] !== '' && values.length > 0 && values[0] !== '';
  const kept: JsonValue[] = [];
  let matchedAny = false;
  for (const item of list) {
    if (isMissingNullOrEmptyMap(item)) continue;
    if (!isJsonObject(item) && setsMaps) {
      kept.push(item);
      continue;
    }
    let matched = false;
    let found = true;
    for (let j = 0; j < matchKeys.length; j++) {
      if (j < values.length) matched = matchesField(item, matchKeys[j] as string, values[j] as string, where);
      if (!matched) {
        found = false;
        break;
      }
    }
    if (!found) {
      if (values.length > 0) kept.push(item);
      continue;
    }
    matchedAny = true;
    if (element !== undefined) kept.push(element);
  }
  list.splice(0, list.length, ...kept);
  if (element === undefined || element === null) return;
  if (!matchedAny) list.push(element);
}

/**
 * walk's appendListNode, in place on `target`: sets each element of `source` into `target` by its key values.
 * An element lacking a key is appended and then set with the values found so far (which, with none, empties
 * `target` first: kyaml's behaviour). With several keys, an element is removed before it is set, so it moves last.
 */
export function appendElements(target: JsonValue[], source: readonly JsonValue[], keys: readonly string[], where: Where): void {
  for (const element of source) {
    if (keys[0] === '') {
      setElement(target, element, [''], [scalarText(element)], where);
      continue;
    }
    const values: string[] = [];
    for (const key of keys) {
      if (element !== null && !isJsonObject(element)) throw wrongKindError('MappingNode', element, where);
      const value = element !== null && hasOwn(element, key) ? (element as JsonObject)[key] : undefined;
      if (value === undefined) {
        target.push(element);
        continue;
      }
      values.push(scalarText(value));
    }
    if (keys.length > 1) setElement(target, undefined, keys, values, where);
    setElement(target, element, keys, values, where);
  }
}

/**
 * walk's validateKeys: the keys that have a non-empty value in any of `tuples`, and `values` for those keys.
 * When no key has a value anywhere, all keys and values are kept.
 */
export function keysWithValues(tuples: readonly (readonly string[])[], values: readonly string[], keys: readonly string[]): [string[], string[]] {
  const present = new Set<string>();
  for (const tuple of tuples) tuple.forEach((value, i) => value !== '' && present.add(keys[i] as string));
  if (present.size === 0) return [[...keys], [...values]];
  return [keys.filter((key) => present.has(key)), values.filter((value, i) => value !== '' || present.has(keys[i] as string))];
}

/**
 * walk's mergeValues: key tuples that share a value and differ only where one side is empty (a port with and one
 * without a protocol) are both replaced by their union. Pairs are visited in kyaml's order, with its aliasing.
 */
export function unifyKeyTuples(tuples: readonly string[][]): string[][] {
  const result = [...tuples];
  for (let i = 0; i < result.length; i++) {
    const first = result[i] as string[];
    for (let j = 0; j < result.length; j++) {
      const union = unionIfCompatible(first, result[j] as string[]);
      if (union !== undefined) {
        result[i] = union;
        result[j] = union;
      }
    }
  }
  return result;
}

function unionIfCompatible(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length !== b.length) return undefined;
  let shared = false;
  const union: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) {
      shared = true;
      union.push(x);
    } else if (x !== '' && y !== '') {
      return undefined;
    } else {
      union.push(x !== '' ? x : y);
    }
  }
  return shared ? union : undefined;
}
