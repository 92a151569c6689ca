import { KustomizeError } from '../../errors.js';
import { getOwn, isJsonObject, withKey, type JsonObject, type JsonValue } from '../../json.js';
import { normalize } from '../../fs/path.js';
import { idString } from '../../resource/id.js';
import { currentId, withObject, type Resource } from '../../resource/resource.js';
import { selectResources, type ResourceSelector } from '../../resource/select.js';
import { splitFieldPath } from '../../transform/fieldspec.js';
import { transformNamespace } from '../../transform/index.js';
import { assertNodeKind, nodeKindOf, WrongNodeKindError } from '../../transform/node-kind.js';

/** One target of kustomize's ValueAddTransformer. */
export interface ValueAddTarget {
  /** The resources to change; all of them when absent. */
  readonly selector?: ResourceSelector;
  /** A slash-separated path to the field that gets the value (`\/` escapes a slash); never empty. */
  readonly fieldPath: string;
  /**
   * When above 0, the field holds a file path and the value is inserted as its part number
   * `filePathPosition` (1 is first; beyond the end appends), instead of replacing the field.
   */
  readonly filePathPosition?: number;
}

/** The configuration of kustomize's ValueAddTransformer. */
export interface ValueAddConfig {
  readonly value: string;
  readonly targets: readonly ValueAddTarget[];
}

const namespacePath = 'metadata/namespace';

/**
 * Writes `value` into each target's field of the resources its selector picks, as kustomize's
 * ValueAddTransformer: `metadata/namespace` goes through the namespace transformer's rules (cluster-scoped
 * kinds keep none, RoleBinding subjects named `default` follow); any other field is created where missing
 * (maps along the way, and list elements for `[key=value]` parts) and must be a scalar where present.
 */
export function transformValueAdd(resources: readonly Resource[], config: ValueAddConfig): Resource[] {
  let out = [...resources];
  for (const target of config.targets) {
    const selected = new Set(target.selector === undefined ? out : selectResources(out, target.selector));
    out = out.map((resource) => (selected.has(resource) ? addValue(resource, target, config.value) : resource));
  }
  return out;
}

function addValue(resource: Resource, target: ValueAddTarget, value: string): Resource {
  if (target.fieldPath === namespacePath) {
    const [changed] = transformNamespace([resource], { namespace: value, fieldSpecs: [] });
    // Kustomize sets the namespace here without remembering the previous id.
    return withObject(resource, changed!.object);
  }
  const position = target.filePathPosition ?? 0;
  const setValue = (current: JsonValue | undefined): JsonValue => {
    assertNodeKind(current, 'ScalarNode');
    if (position <= 0) return value;
    return insertPathPart(current === undefined || current === null ? '' : String(current), position - 1, value);
  };
  try {
    return withObject(resource, setAtPath(resource.object, splitFieldPath(target.fieldPath), 0, setValue) as JsonObject);
  } catch (error) {
    if (!(error instanceof WrongNodeKindError) && !(error instanceof PathError)) throw error;
    throw new KustomizeError(
      'transform-failed',
      `ValueAddTransformer: ${error.message} at ${target.fieldPath} in ${idString(currentId(resource))}`,
      { field: target.fieldPath.replaceAll('/', '.') },
      'the field path must lead through maps (and [key=value] list elements) to a scalar',
      { cause: error },
    );
  }
}

class PathError extends Error {}

/**
 * `node` with `set` applied at `parts`, as kyaml's LookupCreate for a scalar: map fields are created
 * where missing (as lists when the next part selects an element), `[key=value]` finds the first element
 * whose `key` has that text or appends one, and a number indexes an existing element.
 */
function setAtPath(node: JsonValue, parts: readonly string[], at: number, set: (current: JsonValue | undefined) => JsonValue): JsonValue {
  if (at === parts.length) return set(node);
  const part = parts[at]!;
  if (/^[+-]?\d+$/.test(part)) return setAtIndex(node, Number(part), parts, at, set);
  if (part === '*') throw new PathError('wildcard is not supported in PathGetter');
  if (part.startsWith('[') && part.endsWith(']')) return setAtMatchingElement(node, part, parts, at, set);
  const map = node === null ? {} : node;
  if (!isJsonObject(map)) throw new WrongNodeKindError('MappingNode', nodeKindOf(map));
  const current = getOwn(map, part);
  const last = at + 1 === parts.length;
  let changed: JsonValue;
  if (current === undefined || (current === null && !last)) changed = last ? set(undefined) : setAtPath(createdNode(parts[at + 1]!), parts, at + 1, set);
  else changed = setAtPath(current, parts, at + 1, set);
  return changed === current ? node : withKey(map, part, changed);
}

/** The empty node a missing intermediate field becomes: a list when `next` selects an element, else a map. */
function createdNode(next: string): JsonValue {
  return /^[+-]?\d+$/.test(next) || (next.startsWith('[') && next.endsWith(']')) ? [] : {};
}

function setAtIndex(node: JsonValue, index: number, parts: readonly string[], at: number, set: (current: JsonValue | undefined) => JsonValue): JsonValue {
  if (index < 0) throw new PathError(`array index ${index} cannot be negative`);
  if (node === null) return node;
  if (!Array.isArray(node)) throw new WrongNodeKindError('SequenceNode', nodeKindOf(node));
  // A missing element is no match: kustomize then sets nothing.
  if (index >= node.length) return node;
  const element = node[index]!;
  const changed = setAtPath(element, parts, at + 1, set);
  if (changed === element) return node;
  const copy = [...node];
  copy[index] = changed;
  return copy;
}

function setAtMatchingElement(node: JsonValue, part: string, parts: readonly string[], at: number, set: (current: JsonValue | undefined) => JsonValue): JsonValue {
  const inner = part.slice(1, -1);
  const equals = inner.indexOf('=');
  if (equals < 0) throw new PathError('list path element must contain fieldName=fieldValue for element to match');
  const key = inner.slice(0, equals);
  const text = inner.slice(equals + 1);
  const list = node === null ? [] : node;
  if (!Array.isArray(list)) throw new WrongNodeKindError('SequenceNode', nodeKindOf(list));
  const matches = (element: JsonValue): boolean => {
    const candidate = key === '' ? element : isJsonObject(element) ? getOwn(element, key) : undefined;
    return candidate !== undefined && candidate !== null && !isJsonObject(candidate) && !Array.isArray(candidate) && String(candidate) === text;
  };
  const index = list.findIndex(matches);
  if (index >= 0) return setAtIndex(list, index, parts, at, set);
  const created: JsonValue = key === '' ? text : withKey({}, key, text);
  return setAtIndex([...list, created], list.length, parts, at, set);
}

/**
 * `part` inserted into the file path `path` at `position` (0 is first, beyond the end appends), as
 * kustomize's InsertPathPart: a leading slash stays, and the result is cleaned.
 */
export function insertPathPart(path: string, position: number, part: string): string {
  if (part === '') return path;
  const parts = splitPath(path);
  let at = Math.min(Math.max(position, 0), parts.length);
  // A leading empty part marks an absolute path; positions count the parts after it.
  if (parts.length > 0 && parts[0] === '' && at < parts.length) at++;
  return joinPath([...parts.slice(0, at), part, ...parts.slice(at)]);
}

function splitPath(path: string): string[] {
  if (path === '') return [];
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1);
  if (slash < 0) return [file];
  const directory = path.slice(0, slash + 1);
  if (directory === '/') return file === '' ? [''] : ['', file];
  const trimmed = directory.slice(0, -1);
  return trimmed === '' ? [file] : [...splitPath(trimmed), file];
}

function joinPath(parts: readonly string[]): string {
  if (parts.length === 0) return '';
  if (parts[0] === '') return `/${joinRelative(parts.slice(1))}`;
  return joinRelative(parts);
}

/** Go's filepath.Join: empty parts ignored, the result cleaned; all empty gives an empty path. */
function joinRelative(parts: readonly string[]): string {
  const nonEmpty = parts.filter((part) => part !== '');
  return nonEmpty.length === 0 ? '' : normalize(nonEmpty.join('/'));
}
