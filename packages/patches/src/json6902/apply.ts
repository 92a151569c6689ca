/**
 * JSON6902 as kustomize v5.5.0 applies it: github.com/evanphx/json-patch v4 (api/filters/patchjson6902).
 *
 * fast-json-patch is used where it agrees with that library: unescaping pointer tokens and the deep equality of
 * `test`. Everything else is our own, because the library differs from fast-json-patch in ways kustomize users see:
 * negative array indices count from the end (`add` at `-1` appends), `replace` of a missing object key adds it,
 * `copy` from a missing key copies null, the first segment of a path not starting with `/` is ignored, errors have
 * their own texts, and keys such as `__proto__` are plain data.
 */
import jsonPatch from 'fast-json-patch';
import { PatchError } from '../errors.js';
import { cloneJson, getOwn, hasOwn, isJsonObject, maxCopySize, measureJson, setOwn, type JsonObject, type JsonValue } from '../json.js';
import type { JsonPatchOperation } from './operations.js';

/**
 * Applies JSON6902 operations to a document, in order, and returns the result; the input is not changed and the
 * result shares what the operations leave alone. A failing operation fails the whole patch.
 *
 * Semantics are those of kustomize's library, including: array indices may be negative (counting from the end;
 * for `add`, `-1` appends), `-` appends for `add` only, `replace` of a missing object key adds it, `remove` of a
 * missing key is an error, `copy` or `move` from a missing key yields null, `test` compares as JSON data, and
 * replacing the root (`path: ""`) with a non-container does nothing, and an object document must stay an object.
 *
 * kustomize round-trips the resource through Go maps around this, so its output has keys sorted; the key order of
 * the result here is not significant.
 *
 * @throws PatchError naming the operation index and path, with the library's error text, e.g.
 *   `error in remove for path: '/metadata/x': Unable to remove nonexistent key: x: missing value`
 */
export function applyJson6902(document: JsonValue, operations: readonly JsonPatchOperation[]): JsonValue {
  const state = new PatchState(document);
  operations.forEach((operation, index) => {
    try {
      state.apply(operation);
    } catch (error) {
      if (error instanceof OperationFailure) throw new PatchError('json6902', error.message, { operationIndex: index, path: operation.path });
      throw error;
    }
  });
  // kustomize reads the result back into a resource, which must be an object.
  if (isJsonObject(document) && !isJsonObject(state.root)) {
    throw new PatchError('json6902', `json: cannot unmarshal ${Array.isArray(state.root) ? 'array' : 'value'} into Go value of type map[string]interface {}`);
  }
  return state.root;
}

/** A failure inside one operation; {@link applyJson6902} adds the operation's index and path. */
class OperationFailure extends Error {}

/** The library's "missing value" and "invalid index referenced" errors. */
const missing = (text: string) => new OperationFailure(`${text}: missing value`);
const invalidIndex = (index: number) => new OperationFailure(`Unable to access invalid index: ${index}: invalid index referenced`);

type Container = JsonObject | JsonValue[];

/** Refuses a copy larger than {@link maxCopySize} or one that would nest the document deeper than it allows. */
function checkCopySize(value: JsonValue, path: string): void {
  const pathDepth = path.split('/').length - 1;
  const size = measureJson(value, { nodes: maxCopySize.nodes, depth: maxCopySize.depth - pathDepth });
  if (size.nodes > maxCopySize.nodes) throw new OperationFailure(`copy operation refused: the value has more than ${maxCopySize.nodes} nodes`);
  if (size.depth + pathDepth > maxCopySize.depth) throw new OperationFailure(`copy operation refused: the document would nest more than ${maxCopySize.depth} levels deep`);
}

function isContainer(value: JsonValue | undefined): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Where a pointer leads: the container of its last token, and that token. */
interface Location {
  readonly container: Container;
  readonly key: string;
}

class PatchState {
  root: JsonValue;
  /** Containers copied by this patch, which later operations may change in place. */
  readonly #owned = new WeakSet<object>();

  constructor(root: JsonValue) {
    this.root = root;
  }

  apply(operation: JsonPatchOperation): void {
    switch (operation.op) {
      case 'add': {
        const at = this.#locate(operation.path, true);
        if (at === undefined) throw missing(`add operation does not apply: doc is missing path: "${operation.path}"`);
        addAt(at, valueOf(operation), `error in add for path: '${operation.path}'`);
        return;
      }
      case 'remove': {
        const at = this.#locate(operation.path, true);
        if (at === undefined) throw missing(`remove operation does not apply: doc is missing path: "${operation.path}"`);
        removeAt(at, `error in remove for path: '${operation.path}'`);
        return;
      }
      case 'replace':
        return this.#replace(operation.path, valueOf(operation));
      case 'move': {
        const source = this.#locate(operation.from, true);
        if (source === undefined) throw missing(`move operation does not apply: doc is missing from path: ${operation.from}`);
        const value = getAt(source, `error in move for path: '${source.key}'`);
        removeAt(source, `error in move for path: '${source.key}'`);
        const target = this.#locate(operation.path, true);
        if (target === undefined) throw missing(`move operation does not apply: doc is missing destination path: ${operation.path}`);
        addAt(target, value ?? null, `error in move for path: '${operation.path}'`);
        return;
      }
      case 'copy': {
        const source = this.#locate(operation.from, false);
        if (source === undefined) throw missing(`copy operation does not apply: doc is missing from path: ${operation.from}`);
        const value = getAt(source, `error in copy for from: '${operation.from}'`);
        const target = this.#locate(operation.path, true);
        if (target === undefined) throw missing(`copy operation does not apply: doc is missing destination path: ${operation.path}`);
        if (value !== undefined) checkCopySize(value, operation.path);
        // A deep copy, as the library makes: sharing would let later operations change both places.
        addAt(target, value === undefined ? null : cloneJson(value), 'error while adding value during copy');
        return;
      }
      case 'test':
        // Without a value the library fails (it dereferences the missing value).
        if (operation.value === undefined) throw new OperationFailure(`testing value ${operation.path} failed: test failed`);
        return this.#test(operation.path, operation.value);
    }
  }

  #replace(path: string, value: JsonValue): void {
    if (path === '') {
      // The library replaces the root only with an object or array; otherwise it silently does nothing.
      if (isContainer(value)) this.root = value;
      return;
    }
    const at = this.#locate(path, true);
    if (at === undefined) throw missing(`replace operation does not apply: doc is missing path: ${path}`);
    if (Array.isArray(at.container)) {
      let index: number;
      try {
        index = elementIndex(at.container, at.key);
      } catch {
        throw missing(`replace operation does not apply: doc is missing key: ${path}`);
      }
      at.container[index] = value;
    } else {
      setOwn(at.container, at.key, value);
    }
  }

  #test(path: string, expected: JsonValue): void {
    const failed = () => new OperationFailure(`testing value ${path} failed: test failed`);
    if (path === '') {
      if (!jsonPatch._areEquals(this.root, expected)) throw failed();
      return;
    }
    const at = this.#locate(path, false);
    if (at === undefined) throw missing(`test operation does not apply: is missing path: ${path}`);
    const actual = getAt(at, `error in test for path: '${path}'`);
    if (actual === undefined || actual === null) {
      if (expected !== null) throw failed();
      return;
    }
    if (!jsonPatch._areEquals(actual, expected)) throw failed();
  }

  /**
   * The library's findObject: follows every token but the last (the first token, before the leading `/`, is
   * skipped even when not empty), failing on missing, null or scalar steps. For a write, the containers on the
   * way are copied first (once per patch) so the caller can change the returned one in place.
   */
  #locate(path: string, write: boolean): Location | undefined {
    const tokens = path.split('/');
    if (tokens.length < 2 || !isContainer(this.root)) return undefined;
    let current: Container = write ? this.#own(this.root) : this.root;
    if (write) this.root = current;
    for (const token of tokens.slice(1, -1)) {
      let next: JsonValue | undefined;
      try {
        next = getAt({ container: current, key: decodeToken(token) }, '');
      } catch {
        return undefined;
      }
      if (!isContainer(next)) return undefined;
      if (write) {
        const owned = this.#own(next);
        setChild(current, decodeToken(token), owned);
        next = owned;
      }
      current = next;
    }
    return { container: current, key: decodeToken(tokens[tokens.length - 1] as string) };
  }

  #own<T extends Container>(container: T): T {
    if (this.#owned.has(container)) return container;
    const copy = (Array.isArray(container) ? container.slice() : { ...container }) as T;
    this.#owned.add(copy);
    return copy;
  }
}

function valueOf(operation: { readonly value?: JsonValue }): JsonValue {
  return operation.value === undefined ? null : operation.value;
}

function decodeToken(token: string): string {
  return jsonPatch.unescapePathComponent(token);
}

/** The value at a location: undefined (nil) for a missing object key; array indices must exist. */
function getAt(at: Location, context: string): JsonValue | undefined {
  if (!Array.isArray(at.container)) return getOwn(at.container, at.key);
  try {
    return at.container[elementIndex(at.container, at.key)];
  } catch (error) {
    throw wrap(context, error);
  }
}

function addAt(at: Location, value: JsonValue, context: string): void {
  if (!Array.isArray(at.container)) {
    setOwn(at.container, at.key, value);
    return;
  }
  if (at.key === '-') {
    at.container.push(value);
    return;
  }
  let index: number;
  try {
    index = goAtoi(at.key);
  } catch (error) {
    throw wrap(`${context}: value was not a proper array index: '${at.key}'`, error);
  }
  // An insertion position runs from 0 to the length; negative positions count back from one past the end.
  const size = at.container.length + 1;
  if (index >= size || index < -size) throw wrap(context, invalidIndex(index));
  at.container.splice(index < 0 ? index + size : index, 0, value);
}

function removeAt(at: Location, context: string): void {
  if (!Array.isArray(at.container)) {
    if (!hasOwn(at.container, at.key)) throw wrap(context, missing(`Unable to remove nonexistent key: ${at.key}`));
    delete at.container[at.key];
    return;
  }
  try {
    at.container.splice(elementIndex(at.container, at.key), 1);
  } catch (error) {
    throw wrap(context, error);
  }
}

function setChild(container: Container, key: string, value: JsonValue): void {
  if (Array.isArray(container)) container[elementIndex(container, key)] = value;
  else setOwn(container, key, value);
}

/** The index of an existing element; negative indices count from the end. */
function elementIndex(list: readonly JsonValue[], key: string): number {
  const index = goAtoi(key);
  if (index >= list.length || index < -list.length) throw invalidIndex(index);
  return index < 0 ? index + list.length : index;
}

/** Go's strconv.Atoi: an optionally signed decimal integer within 64 bits. */
function goAtoi(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text)) throw new OperationFailure(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = BigInt(text);
  if (value > 9223372036854775807n || value < -9223372036854775808n) throw new OperationFailure(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  return Number(value);
}

function wrap(context: string, error: unknown): OperationFailure {
  const reason = error instanceof Error ? error.message : String(error);
  return new OperationFailure(context === '' ? reason : `${context}: ${reason}`);
}
