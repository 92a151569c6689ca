import { getOwn, isJsonObject, type JsonContainer, type JsonObject, type JsonValue } from '../../json.js';
import { splitEscaped } from '../fieldspec.js';
import { assertNodeKind, scalarText } from '../node-kind.js';

/**
 * Splits a dotted field path as kustomize's SmarterPathSplitter: `\.` escapes a dot, and a bracketed part
 * such as `[name=a.b]` stays whole. A bracketed part without `=` (`[a.b]`) is a map key and loses its brackets.
 */
export function splitDottedPath(path: string): string[] {
  const unescaped = splitEscaped(path, '.');
  const out: string[] = [];
  for (let i = 0; i < unescaped.length; i++) {
    const element = unescaped[i]!;
    if (!element.startsWith('[') || element.endsWith(']')) {
      out.push(element);
      continue;
    }
    const bracketed = [element];
    while (i < unescaped.length - 1) {
      i++;
      bracketed.push(unescaped[i]!);
      if (unescaped[i]!.endsWith(']')) break;
    }
    const joined = bracketed.join('.');
    out.push(joined.includes('=') ? joined : joined.replace(/^[[\]]+|[[\]]+$/g, ''));
  }
  return out;
}

/** True for a `[field=value]` (or `[=value]`) path part. */
export function isListIndex(part: string): boolean {
  return part.startsWith('[') && part.endsWith(']');
}

/** Splits `[field=value]` into field and value; `[=value]` has an empty field, for lists of scalars. */
export function splitIndexNameValue(part: string): { field: string; value: string } {
  const inner = part.slice(1, -1);
  const equals = inner.indexOf('=');
  if (equals < 0) throw new Error('list path element must contain fieldName=fieldValue for element to match');
  return { field: inner.slice(0, equals), value: inner.slice(equals + 1) };
}

/** The integer Go's strconv.Atoi reads from `part`, or undefined when it is not one. */
export function parseIndex(part: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(part)) return undefined;
  const value = Number(part);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The elements of a sequence; a null node has none, anything else is an error. */
export function elementsOf(node: JsonValue): readonly JsonValue[] {
  assertNodeKind(node, 'SequenceNode');
  return node === null ? [] : (node as JsonValue[]);
}

/** The value of `name` in a map; missing in a null node; an error in anything else. */
function fieldOf(node: JsonValue, name: string): JsonValue | undefined {
  assertNodeKind(node, 'MappingNode');
  return node === null ? undefined : getOwn(node as Record<string, JsonValue>, name);
}

/** The text kustomize compares `[field=value]` with: a scalar's text, none (`''`) for a map or list. */
export function nodeText(value: JsonValue): string {
  return Array.isArray(value) || isJsonObject(value) ? '' : scalarText(value);
}

/** The first element matching `[field=value]` exactly (by the scalar's text), as kustomize's ElementMatcher. */
function matchingElement(node: JsonValue, field: string, value: string): JsonValue | undefined {
  for (const element of elementsOf(node)) {
    if (field === '') {
      if (nodeText(element) === value) return element;
      continue;
    }
    if (!isJsonObject(element)) continue;
    const fieldValue = getOwn(element, field);
    if (fieldValue !== undefined && nodeText(fieldValue) === value) return element;
  }
  return undefined;
}

/**
 * The value at `parts` in `root`, as kustomize's PathGetter (used to read replacement sources and var values):
 * map keys, element indices (`-` is the last element), and `[field=value]` exact matches. Blank parts are
 * skipped. Returns undefined when some part is missing; throws on a part that cannot apply to its node.
 */
export function lookupField(root: JsonValue, parts: readonly string[]): JsonValue | undefined {
  return lookupFieldPlace(root, parts)?.value;
}

/** Where {@link lookupField} found its value: the value, and the map or list and key it sits at (none for the root). */
export interface FieldPlace {
  readonly value: JsonValue;
  readonly container?: JsonContainer;
  readonly key?: string;
}

/** {@link lookupField}, telling where the value sits, so its YAML node (scalar-nodes) can be read. */
export function lookupFieldPlace(root: JsonValue, parts: readonly string[]): FieldPlace | undefined {
  let node: JsonValue | undefined = root;
  let container: JsonContainer | undefined;
  let key: string | undefined;
  for (const rawPart of parts) {
    const part = rawPart.trim();
    if (part === '') continue;
    const index = parseIndex(part);
    const parent: JsonValue = node;
    if (index !== undefined) {
      if (index < 0) throw new Error(`array index ${index} cannot be negative`);
      const elements = elementsOf(node);
      [container, key, node] = [elements, String(index), elements[index]];
    } else if (part === '-') {
      const elements = elementsOf(node);
      [container, key, node] = [elements, String(elements.length - 1), elements[elements.length - 1]];
    } else if (part === '*') {
      throw new Error('wildcard is not supported in PathGetter');
    } else if (isListIndex(part)) {
      const { field, value } = splitIndexNameValue(part);
      node = matchingElement(node, field, value);
      const elements = elementsOf(parent);
      [container, key] = [elements, String(elements.indexOf(node as JsonValue))];
    } else {
      node = fieldOf(node, part);
      [container, key] = [parent as JsonObject, part];
    }
    if (node === undefined) return undefined;
  }
  return container === undefined || key === undefined ? { value: node } : { value: node, container, key };
}
