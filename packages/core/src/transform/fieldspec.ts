import { KustomizeError } from '../errors.js';
import { getOwn, isJsonObject, recordScalarNode, scalarNodeAt, withKey, type JsonObject, type JsonValue, type ScalarNode } from '../json.js';
import { gvkSelectedBy, idString } from '../resource/id.js';
import { idOfObject } from '../resource/resource.js';

/**
 * Where a transformer acts: objects of a group, version and kind (empty means any), and a slash-separated
 * path in them. Sequences met along the path are entered element by element; `name[]` marks a field that
 * must be a sequence. `create` makes missing maps along the way, as kustomize's `create: true`.
 */
export interface FieldSpec {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly path: string;
  readonly create?: boolean;
}

/** What the leaf setter is told about where it is. */
export interface FieldContext {
  /** The path segments walked to the value, with sequence indices, e.g. `['spec', 'containers', '0', 'image']`. */
  readonly path: readonly string[];
  /** The YAML node of a scalar value in a map: its text as written and its tag. */
  readonly node?: ScalarNode;
  /** Records the YAML node of the scalar the setter returns, when its value does not tell it (scalar-nodes). */
  readonly record?: (node: ScalarNode) => void;
}

/**
 * Computes the new value of a field from its current one (`undefined` when missing). Returning the same
 * value leaves the object untouched; returning `undefined` for a missing field creates nothing.
 */
export type FieldSetter = (value: JsonValue | undefined, context: FieldContext) => JsonValue | undefined;

/** Splits a field-spec path on `/`, keeping `\/`-escaped slashes, as kustomize's PathSplitter. */
export function splitFieldPath(path: string): string[] {
  return splitEscaped(path, '/');
}

/**
 * Splits `path` on `delimiter` as kyaml's path splitters do: a leading delimiter starts no part, and a part
 * ending in a backslash joins the next one, the backslash giving way to the delimiter.
 */
export function splitEscaped(path: string, delimiter: string): string[] {
  const parts = path.split(delimiter);
  if (parts.length > 1 && parts[0] === '') parts.shift();
  const out: string[] = [];
  for (const part of parts) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.endsWith('\\')) out[last] = `${out[last]!.slice(0, -1)}${delimiter}${part}`;
    else out.push(part);
  }
  return out;
}

/** True when `spec` applies to `object` by group, version and kind. */
export function fieldSpecSelects(spec: FieldSpec, object: JsonObject): boolean {
  return gvkSelectedBy(idOfObject(object), spec);
}

/** Split paths by field spec: a spec is applied to every resource of a build, its path split once. */
const segmentsBySpec = new WeakMap<FieldSpec, readonly string[]>();

function segmentsOf(spec: FieldSpec): readonly string[] {
  let segments = segmentsBySpec.get(spec);
  if (segments === undefined) {
    segments = splitFieldPath(spec.path);
    segmentsBySpec.set(spec, segments);
  }
  return segments;
}

/**
 * Applies `set` at every place `spec` names in `object`, copy-on-write: the result shares every part
 * that did not change, and is `object` itself when nothing did. Objects the spec does not select are
 * returned as they are.
 */
export function applyFieldSpec(object: JsonObject, spec: FieldSpec, set: FieldSetter): JsonObject {
  if (!fieldSpecSelects(spec, object)) return object;
  const segments = segmentsOf(spec);
  try {
    return walk(object, segments, 0, spec.create === true, set, []) as JsonObject;
  } catch (error) {
    if (error instanceof KustomizeError) throw error;
    throw new KustomizeError(
      'transform-failed',
      `considering field '${spec.path}' of object ${idString(idOfObject(object))}: ${(error as Error).message}`,
      { field: spec.path.replaceAll('/', '.') },
      undefined,
      { cause: error },
    );
  }
}

function walk(node: JsonValue, segments: readonly string[], index: number, create: boolean, set: FieldSetter, trail: string[]): JsonValue {
  if (index === segments.length) {
    const next = set(node, { path: trail });
    return next === undefined ? node : next;
  }
  if (node === null) return node;
  if (Array.isArray(node)) {
    let changed = false;
    const out = node.map((element, i) => {
      const next = walk(element, segments, index, create, set, [...trail, String(i)]);
      if (next !== element) changed = true;
      return next;
    });
    return changed ? out : node;
  }
  if (!isJsonObject(node)) throw new Error('expected sequence or mapping node');
  const raw = segments[index]!;
  const isSequence = raw.endsWith('[]');
  const key = isSequence ? raw.slice(0, -2) : raw;
  if (key === '') throw new Error('cannot set or create an empty field name');
  const current = getOwn(node, key);
  const isLeaf = index === segments.length - 1;
  if (isLeaf && current !== undefined && (current === null || typeof current !== 'object')) {
    let written: ScalarNode | undefined;
    const next = set(current, { path: [...trail, key], node: scalarNodeAt(node, key, current), record: (recorded) => (written = recorded) });
    if (next === undefined || (next === current && written === undefined)) return node;
    const copy = withKey(node, key, next);
    if (written !== undefined) recordScalarNode(copy, key, written);
    return copy;
  }
  let next: JsonValue;
  if (current === undefined) {
    if (!create || isSequence) return node;
    if (isLeaf) {
      const created = set(undefined, { path: [...trail, key] });
      if (created === undefined) return node;
      next = created;
    } else {
      const built = walk({}, segments, index + 1, create, set, [...trail, key]);
      next = built;
    }
  } else if (current === null && isSequence) {
    // Kustomize turns a null field named as a sequence (`containers[]`) into an empty sequence.
    next = walk([], segments, index + 1, create, set, [...trail, key]);
  } else if (current === null && create && !isLeaf) {
    next = walk({}, segments, index + 1, create, set, [...trail, key]);
  } else {
    next = walk(current, segments, index + 1, create, set, [...trail, key]);
  }
  return next === current ? node : withKey(node, key, next);
}
