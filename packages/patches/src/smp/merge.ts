/**
 * Strategic merge as kustomize v5.5.0 applies it (api/filters/patchstrategicmerge → kyaml merge2 + walk, with
 * list items from the patch placed first). This follows kyaml's walk step by step, quirks included; the reasons
 * for the less obvious steps are kyaml's, noted where they matter.
 *
 * kyaml changes the target's YAML nodes in place. Here every map or list the walk changes is first copied
 * ("owned"); subtrees the patch does not reach are returned as they were, unless kyaml would rewrite them
 * (see {@link Merger.isStable}).
 */
import { PatchError } from '../errors.js';
import { compareCodePoints, getOwn, hasOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from '../json.js';
import { builtinSchema, type FieldSchema, type SchemaLookup } from '../schema/lookup.js';
import { carryScalarNodes, forgetScalarNode, isImplicitNull, recordedScalarNode, recordScalarNode } from '../scalar-nodes.js';
import {
  appendElements,
  elementKeyTexts,
  fieldText,
  findElement,
  isMissingNullOrEmptyMap,
  keysWithValues,
  mustBeQuoted,
  nodeKind,
  scalarText,
  setElement,
  tupleId,
  unifyKeyTuples,
  wrongKindError,
} from './nodes.js';

/** Options of {@link strategicMerge}. */
export interface StrategicMergeOptions {
  /**
   * Where merge keys and strategies come from; {@link builtinSchema} (Kubernetes v1.21.2) by default. Lists without
   * a `merge` patch strategy in the schema (and every list of a kind the schema does not know) are replaced whole.
   */
  readonly schema?: SchemaLookup;
  /**
   * Whether a string of the original was written quoted (or as a block scalar) in its YAML. kyaml gives a patch
   * value the style of the value it replaces, so a number or boolean replacing a quoted string is printed quoted
   * and becomes a string (`value: "1"` patched with `value: 2` gives `"2"`). By default, strings that must be
   * quoted to stay strings (`"80"`, `"true"`, `""`, multi-line text) count as quoted, other strings as plain.
   */
  readonly isQuoted?: (value: string) => boolean;
}

/**
 * Applies a strategic-merge patch to a resource, as kustomize v5.5.0 does for `patches` and
 * `patchesStrategicMerge`, and returns the result; `null` when the patch deletes the resource (`$patch: delete` at
 * the top). Neither input is changed; the result shares the subtrees the patch leaves alone.
 *
 * What it does, like kustomize:
 * - maps merge field by field; a `null` in the patch deletes the field; an explicit `null` in the original stays;
 * - `$patch: delete | replace | merge` on a map deletes it, replaces it with the patch's map, or merges (the default);
 * - lists merge element by element only when the schema gives them a `merge` strategy: by their merge keys
 *   (`x-kubernetes-list-map-keys`, e.g. container ports by `containerPort`+`protocol`, else
 *   `x-kubernetes-patch-merge-key`), or by value for lists of scalars (e.g. `finalizers`, deduplicated); patch
 *   elements come first in patch order, then the original's other elements; an element `{$patch: delete, <keys>}`
 *   deletes, a list element `{$patch: replace}` / `{$patch: delete}` replaces / deletes the whole list;
 * - other lists are replaced by the patch's list as written;
 * - kyaml's quirks are kept (an element lacking its merge key, or a null element, empties the list around it;
 *   duplicate keys collapse; a port without a protocol swallows the patch's port with one), and kubectl's
 *   `$setElementOrder`, `$retainKeys`, `$deleteFromPrimitiveList` directives and the `retainKeys` strategy are not
 *   supported by kustomize either: such keys are merged as ordinary fields;
 * - `$patch: replace` at the top of the patch leaves the resource unchanged (kustomize applies the merge in place
 *   and a top-level replace merges into the patch instead).
 *
 * - a field of the original written with an empty value (`key:`, an implicit null recorded by the reader) that the
 *   patch does not mention is dropped wherever the walk goes (maps, elements of merged lists); `key: null` and
 *   `key: ~` stay (kyaml keeps a null only when its text is not empty).
 *
 * @throws PatchError when the two documents have different shapes at some field, or on an unknown `$patch` value
 */
export function strategicMerge(original: JsonObject, patch: JsonObject, options: StrategicMergeOptions = {}): JsonObject | null {
  const merger = new Merger(options.schema ?? builtinSchema, options.isQuoted ?? mustBeQuoted);
  const result = merger.walk(original, merger.ownedCopy(patch), undefined, rootPath);
  // kustomize keeps the resource node it merged into; `$patch: replace` at the top makes the merge return the
  // patch's node instead, which kustomize then ignores, so the resource stays as it was (the merge still runs for
  // its errors).
  if (getOwn(patch, '$patch') === 'replace') return original;
  // The walk of two maps gives a map, or nothing when the patch deletes it.
  return result === undefined ? null : (result as JsonObject);
}

/** kyaml's persistent null: a null of the original that the patch does not touch, kept rather than cleared. */
const keepNull: unique symbol = Symbol('keep null');
/** What a walk returns: a value, undefined to clear the field or element, or {@link keepNull}. */
type Walked = JsonValue | undefined | typeof keepNull;

type Directive = 'merge' | 'replace' | 'delete';

/** Field paths for error messages, formatted only when an error is thrown. */
type Path =
  | { readonly parent: Path; readonly field: string }
  | { readonly parent: Path; readonly keys: readonly string[]; readonly values: readonly string[] }
  | undefined;
const rootPath: Path = undefined;

function pathText(path: Path): string {
  const segments: string[] = [];
  for (let at = path; at !== undefined; at = at.parent) {
    if ('field' in at) segments.push(/^[A-Za-z0-9_$-]+$/.test(at.field) ? `.${at.field}` : `[${JSON.stringify(at.field)}]`);
    else segments.push(`[${at.keys.length === 1 && at.keys[0] === '' ? (at.values[0] ?? '') : at.keys.map((key, i) => `${key}=${at.values[i] ?? ''}`).join(',')}]`);
  }
  return segments.reverse().join('').replace(/^\./, '');
}

function isMissingOrNull(value: JsonValue | undefined): value is undefined | null {
  return value === undefined || value === null;
}

function isContainer(value: JsonValue | undefined): value is JsonObject | JsonValue[] {
  return typeof value === 'object' && value !== null;
}

class Merger {
  readonly #schema: SchemaLookup;
  readonly #isQuoted: (value: string) => boolean;
  /** Maps and lists this merge may change in place: copies it made, and the copy of the patch. */
  readonly #owned = new WeakSet<object>();

  constructor(schema: SchemaLookup, isQuoted: (value: string) => boolean) {
    this.#schema = schema;
    this.#isQuoted = isQuoted;
  }

  /** A deep copy of the patch that the merge may change and place into the result (kyaml merges a copy of it). */
  ownedCopy<T extends JsonValue>(value: T): T {
    if (Array.isArray(value)) {
      const copy = value.map((item) => this.ownedCopy(item));
      this.#owned.add(copy);
      return copy as T;
    }
    if (isJsonObject(value)) {
      const copy: JsonObject = {};
      for (const key of Object.keys(value)) setOwn(copy, key, this.ownedCopy(value[key] as JsonValue));
      this.#owned.add(copy);
      return carryScalarNodes(value, copy) as T;
    }
    return value;
  }

  #own<T extends JsonObject | JsonValue[]>(node: T): T {
    if (this.#owned.has(node)) return node;
    const copy = carryScalarNodes(node, (Array.isArray(node) ? node.slice() : { ...node }) as T);
    this.#owned.add(copy);
    return copy;
  }

  /** kyaml's Walker.Walk over the sources [dest, origin]: `dest` from the original, `origin` from the patch. */
  walk(dest: JsonValue | undefined, origin: JsonValue | undefined, schema: FieldSchema | undefined, path: Path): Walked {
    if (origin === undefined && isContainer(dest) && this.isStable(dest, schema)) return dest;
    const resolved = schema ?? this.#schemaOfType(dest) ?? this.#schemaOfType(origin);
    const first = isMissingOrNull(dest) ? origin : dest;
    if (isMissingOrNull(first)) return this.#walkMap(dest, origin, resolved, path);
    // Every source that is not null must have the kind of the first; only the patch side can differ.
    if (!isMissingOrNull(origin) && Array.isArray(origin) !== Array.isArray(first)) throw wrongKindError(nodeKind(first), origin, () => pathText(path));
    if (!isMissingOrNull(origin) && isJsonObject(origin) !== isJsonObject(first)) throw wrongKindError(nodeKind(first), origin, () => pathText(path));
    if (isJsonObject(first)) return this.#walkMap(dest, origin, resolved, path);
    if (Array.isArray(first)) {
      if (resolved?.mergesList) return this.#walkAssociativeList(dest, origin, resolved, path);
      return origin !== undefined ? origin : dest;
    }
    return origin !== undefined ? origin : dest;
  }

  /** kyaml takes the schema of a map that has no schema from the map's own apiVersion and kind, when it knows them. */
  #schemaOfType(value: JsonValue | undefined): FieldSchema | undefined {
    if (!isJsonObject(value)) return undefined;
    const apiVersion = fieldText(getOwn(value, 'apiVersion'));
    const kind = fieldText(getOwn(value, 'kind'));
    return apiVersion === '' || kind === '' ? undefined : this.#schema.resource(apiVersion, kind);
  }

  /** kyaml's walkMap with Merger.VisitMap. */
  #walkMap(dest: JsonValue | undefined, origin: JsonValue | undefined, schema: FieldSchema | undefined, path: Path): Walked {
    let base: JsonValue | undefined;
    if (isMissingOrNull(dest)) {
      // kyaml ignores an unknown directive here (and leaves it in place).
      if (isJsonObject(origin) && this.#mapDirective(origin, path, false) === 'delete') return undefined;
      if (origin === undefined && dest === null) return keepNull;
      base = origin;
    } else {
      if (origin === null) return undefined;
      const directive = isJsonObject(origin) ? this.#mapDirective(origin, path, true) : 'merge';
      if (directive === 'delete') return undefined;
      base = directive === 'replace' ? origin : dest;
    }
    if (!isJsonObject(base)) return base;
    // Changed in place once owned; copied at the first real change otherwise, so an untouched map is kept.
    let target = base;
    const patch = isJsonObject(origin) ? origin : undefined;
    const names = new Set(Object.keys(target));
    if (patch !== undefined) for (const name of Object.keys(patch)) names.add(name);
    for (const name of [...names].sort(compareCodePoints)) {
      const current = getOwn(target, name);
      const patchValue = patch === undefined ? undefined : getOwn(patch, name);
      // kyaml keeps an untouched null only when it has text (`null`, `~`): an empty one (`key:`) goes.
      const walked = (current === null || current === '') && patchValue === undefined && isImplicitNull(target, name) ? undefined : this.walk(current, patchValue, schema?.field(name), { parent: path, field: name });
      if (walked === undefined || walked === null) {
        if (current === undefined) continue;
        target = this.#own(target);
        delete target[name];
      } else {
        const value = walked === keepNull ? null : this.#styled(current, walked);
        if (current === value) continue;
        target = this.#own(target);
        setOwn(target, name, value);
        // A scalar from the patch brings its YAML node (`1.50` stays `1.50` as text).
        const node = value === patchValue && patch !== undefined ? recordedScalarNode(patch, name) : undefined;
        if (node === undefined) forgetScalarNode(target, name);
        else recordScalarNode(target, name, node);
      }
    }
    return target;
  }

  /** kyaml's FieldSetter keeps the style of the value it replaces: a quoted string turns a number or boolean into its text. */
  #styled(previous: JsonValue | undefined, value: JsonValue): JsonValue {
    if (typeof previous === 'string' && (typeof value === 'number' || typeof value === 'boolean') && this.#isQuoted(previous)) {
      return scalarText(value);
    }
    return value;
  }

  /**
   * The `$patch` directive of a patch map, removed from it when known. An unknown value is an error when `strict`
   * (kyaml reports it only when the original has the map).
   */
  #mapDirective(origin: JsonObject, path: Path, strict: boolean): Directive | 'unknown' {
    if (!hasOwn(origin, '$patch')) return 'merge';
    const value = scalarText(origin['$patch'] as JsonValue);
    if (value === 'merge' || value === 'replace' || value === 'delete') {
      delete origin['$patch'];
      return value;
    }
    if (strict) throw new PatchError('strategic-merge', `unknown patch strategy '${value}'`, { path: pathText(path) });
    return 'unknown';
  }

  /**
   * The directive of a patch list: the first map element with a `$patch` field, when that is its only field. The
   * directive's elements are removed (together with null and `{}` elements, as kyaml's ElementSetter does).
   */
  #listDirective(origin: JsonValue[], path: Path): Directive {
    const element = origin.find((item): item is JsonObject => isJsonObject(item) && hasOwn(item, '$patch'));
    if (element === undefined || Object.keys(element).length > 1) return 'merge';
    const value = scalarText(element['$patch'] as JsonValue);
    if (value !== 'merge' && value !== 'replace' && value !== 'delete') {
      throw new PatchError('strategic-merge', `unknown patch strategy '${value}'`, { path: pathText(path) });
    }
    setElement(origin, undefined, ['$patch'], [value], () => pathText(path));
    return value;
  }

  /** kyaml's walkAssociativeSequence with Merger.VisitList, for a list whose schema has the `merge` strategy. */
  #walkAssociativeList(dest: JsonValue | undefined, origin: JsonValue | undefined, schema: FieldSchema, path: Path): Walked {
    let target: JsonValue[];
    let patch: JsonValue[] | undefined;
    if (isMissingOrNull(dest)) {
      // The patch's list becomes the target and is merged with itself.
      target = origin as JsonValue[];
      patch = target;
    } else {
      if (origin === null) return undefined;
      patch = origin as JsonValue[] | undefined;
      const directive = patch === undefined ? 'merge' : this.#listDirective(patch, path);
      if (directive === 'delete') return undefined;
      target = directive === 'replace' ? (patch as JsonValue[]) : this.#own(dest as JsonValue[]);
    }
    const keys = schema.mergeKeys;
    const tuples = uniqueTuples([patch, target], (list) => elementKeyTexts(list, keys));
    if (tuples.length > 0 || keys.length > 0) return this.#mergeElements(tuples, keys, target, patch, schema, path);
    // A list of scalars (finalizers): elements are their own keys.
    return this.#mergeElements(
      uniqueTuples([patch, target], (list) => list.map((item) => [scalarText(item)])),
      [''],
      target,
      patch,
      schema,
      path,
    );
  }

  /**
   * kyaml's setAssociativeSequenceElements (prepend mode): merges the element of each key tuple, collects the
   * results in tuple order (patch elements first), then sets the target's elements into that list again.
   */
  #mergeElements(
    tuples: string[][],
    keys: readonly string[],
    target: JsonValue[],
    patch: JsonValue[] | undefined,
    schema: FieldSchema,
    path: Path,
  ): JsonValue[] {
    const merged: JsonValue[] = [];
    const elementSchema = schema.elements();
    const keyTuples = keys.length > 1 ? unifyKeyTuples(tuples) : tuples;
    let validKeys: string[] = [];
    let validValues: string[] = [];
    for (const values of keyTuples) {
      if (values.length === 0) continue;
      [validKeys, validValues] = keysWithValues(keyTuples, values, keys);
      const [matchKeys, matchValues] = keysWithValues([validValues], validValues, validKeys);
      const at: Path = { parent: path, keys: matchKeys, values: matchValues };
      const destIndex = findElement(target, matchKeys, matchValues);
      const patchIndex = patch === undefined ? -1 : findElement(patch, matchKeys, matchValues);
      let destElement = destIndex < 0 ? undefined : target[destIndex];
      const patchElement = patchIndex < 0 ? undefined : patch?.[patchIndex];
      let walked: Walked;
      if (patchElement === undefined && isContainer(destElement) && this.isStable(destElement, elementSchema)) {
        walked = destElement;
      } else {
        // The walk changes the target's element in place in kyaml; later steps see the change through the list.
        if (isContainer(destElement)) {
          destElement = this.#own(destElement);
          target[destIndex] = destElement;
        }
        walked = this.walk(destElement, patchElement, elementSchema, at);
      }
      let removed = false;
      for (let i = 0; i < validKeys.length; i++) {
        const key = validKeys[i] as string;
        const value = validValues[i] as string;
        if (walked === undefined || walked === keepNull || isMissingNullOrEmptyMap(walked)) {
          setElement(target, undefined, validKeys, validValues, () => pathText(at));
          removed = true;
        } else if (value !== '' && !(isJsonObject(walked) && hasOwn(walked, key))) {
          walked = this.#setKeyField(walked, key, value, target, destIndex, at);
        }
      }
      if (removed) continue;
      setElement(merged, walked as JsonValue, validKeys, validValues, () => pathText(at));
    }
    if (keyTuples.length === 0) return target;
    appendElements(merged, target, validKeys, () => pathText(path));
    return merged;
  }

  /**
   * kyaml sets a merge key the merged element lacks to the key's text. Its YAML 1.1 compatibility quoting makes
   * that text a string. For scalar elements (key "") the text is the element's own, so nothing changes.
   */
  #setKeyField(element: JsonValue, key: string, value: string, target: JsonValue[], index: number, path: Path): JsonValue {
    if (key === '') {
      if (isContainer(element)) throw wrongKindError('ScalarNode', element, () => pathText(path));
      return element;
    }
    if (!isJsonObject(element)) throw wrongKindError('MappingNode', element, () => pathText(path));
    const owned = this.#own(element);
    if (owned !== element && index >= 0 && target[index] === element) target[index] = owned;
    setOwn(owned, key, value);
    return owned;
  }

  /**
   * True when kyaml's walk of this subtree without a patch (every walk visits the whole original) leaves it as it
   * is. Maps and scalars always stay; a merged list stays when its elements are maps with every merge key set to
   * a distinct non-empty scalar (or distinct non-empty scalars, for lists of scalars) and each element stays.
   * Anything else is walked for real: kyaml then drops null and `{}` elements and empty nulls (`key:`), collapses duplicates, and so on.
   */
  isStable(value: JsonValue, schema: FieldSchema | undefined): boolean {
    if (Array.isArray(value)) return schema?.mergesList !== true || this.#isStableList(value, schema);
    if (!isJsonObject(value)) return true;
    const resolved = schema ?? this.#schemaOfType(value);
    for (const name of Object.keys(value)) {
      const field = value[name] as JsonValue;
      if ((field === null || field === '') && isImplicitNull(value, name)) return false;
      if (!this.isStable(field, resolved?.field(name))) return false;
    }
    return true;
  }

  #isStableList(list: readonly JsonValue[], schema: FieldSchema): boolean {
    const keys = schema.mergeKeys;
    const seen = new Set<string>();
    if (keys.length === 0) {
      for (const item of list) {
        if (item === null || isContainer(item)) return false;
        const text = scalarText(item);
        if (text === '' || seen.has(text)) return false;
        seen.add(text);
      }
      return true;
    }
    const elementSchema = schema.elements();
    for (const item of list) {
      if (!isJsonObject(item)) return false;
      const texts: string[] = [];
      for (const key of keys) {
        const field = getOwn(item, key);
        if (field === undefined || field === null || isContainer(field)) return false;
        const text = scalarText(field);
        if (text === '') return false;
        texts.push(text);
      }
      const id = tupleId(texts);
      if (seen.has(id)) return false;
      seen.add(id);
      if (!this.isStable(item, elementSchema)) return false;
    }
    return true;
  }
}

/** The distinct non-empty key tuples of the lists' elements, in order (kyaml's elementValues / elementPrimitiveValues). */
function uniqueTuples(lists: readonly (JsonValue[] | undefined)[], tuplesOf: (list: JsonValue[]) => string[][]): string[][] {
  const seen = new Set<string>();
  const result: string[][] = [];
  for (const list of lists) {
    if (list === undefined) continue;
    for (const tuple of tuplesOf(list)) {
      if (tuple.length === 0) continue;
      const id = tupleId(tuple);
      if (seen.has(id)) continue;
      seen.add(id);
      result.push(tuple);
    }
  }
  return result;
}
