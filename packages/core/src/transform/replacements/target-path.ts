import { getOwn, isJsonObject, recordScalarNode, scalarNodeAt, withKey, type JsonContainer, type JsonObject, type JsonValue, type ScalarNode } from '../../json.js';
import { assertNodeKind, scalarText } from '../node-kind.js';
import { elementsOf, isListIndex, parseIndex, splitIndexNameValue } from './field-path.js';
import { decodeScalar } from './scalar.js';
import { GoRegExp } from '../../regexp.js';

/**
 * Computes the new value of a matched field from its current one. `undefined` means the field was just
 * created (with `create: true`): a node of the kind of the value being written, with no type of its own and,
 * for a scalar, the text `createdText` (empty unless created by a `[=value]` part). `currentNode` is the
 * current scalar's YAML node (its tag and text).
 */
export type TargetSetter = (current: JsonValue | undefined, createdText?: string, currentNode?: ScalarNode) => Written;

/** A value written into a field, with the YAML node to record for it when its value does not tell it. */
export interface Written {
  readonly value: JsonValue;
  readonly node?: ScalarNode;
}

interface Walk {
  readonly parts: readonly string[];
  readonly create: boolean;
  readonly set: TargetSetter;
}

/**
 * The result of walking a node: the node, new where something changed, and how many fields matched; `leaf`
 * is the node to record where the caller puts a written scalar.
 */
export interface Walked {
  readonly node: JsonValue;
  readonly matches: number;
  readonly leaf?: ScalarNode;
}

/** Where a walked node sits: the map or list holding it and its key there. */
interface Place {
  readonly container: JsonContainer;
  readonly key: string;
}

/** The YAML node of the scalar `value` at `place`. */
function nodeAt(place: Place | undefined, value: JsonValue): ScalarNode | undefined {
  if (place === undefined || (value !== null && typeof value === 'object')) return undefined;
  return scalarNodeAt(place.container, place.key, value);
}

/** The walk's result for a field that got `written`. */
function writtenLeaf(written: Written): Walked {
  return written.node === undefined ? { node: written.value, matches: 1 } : { node: written.value, matches: 1, leaf: written.node };
}

/** Records the node of a written scalar at `key` of a container the walk just copied. */
function recordLeaf<T extends JsonContainer>(container: T, key: string, walked: Walked): T {
  if (walked.leaf !== undefined) recordScalarNode(container, key, walked.leaf);
  return container;
}

const noMatch = (node: JsonValue): Walked => ({ node, matches: 0 });

/** True for a part that walks into a list: an element index or a `[field=value]` match. */
function isSequencePart(part: string): boolean {
  const index = parseIndex(part);
  return (index !== undefined && index >= 0) || isListIndex(part);
}

/**
 * Writes to every field `parts` selects in `root`, as kustomize's PathMatcher followed by a set on each match:
 * map keys, element indices, `*` for every element, and `[field=value]` where `value` is an unanchored regular
 * expression tried on the field's text. With `create`, missing maps, elements and the leaf are created.
 * Copy-on-write: returns `root` itself when nothing changed. Throws where a part cannot apply to its node.
 */
export function setMatchingFields(root: JsonValue, parts: readonly string[], create: boolean, set: TargetSetter): Walked {
  return walk(root, 0, { parts, create, set });
}

function walk(node: JsonValue, at: number, context: Walk, place?: Place): Walked {
  if (at === context.parts.length) return writtenLeaf(context.set(node, undefined, nodeAt(place, node)));
  const part = context.parts[at]!;
  if (node === null) return walkNull(part, at, context);
  const index = parseIndex(part);
  if (index !== undefined && index >= 0) return walkIndex(node, index, at, context);
  if (isListIndex(part)) return walkMatchingElements(node, part, at, context);
  if (part === '*') return walkEveryElement(node, at, context);
  return walkField(node, part, at, context);
}

/**
 * A null node acts as an empty map or list; kustomize adds what it creates to a node that is not written
 * out, so matches count but the null stays.
 */
function walkNull(part: string, at: number, context: Walk): Walked {
  const asEmpty: JsonValue = isSequencePart(part) || part === '*' ? [] : {};
  return { node: null, matches: walk(asEmpty, at, context).matches };
}

/** An empty node of the kind the part after `at` needs, or the created leaf when `at` is the last part. */
function createdNode(at: number, context: Walk): Walked {
  const next = context.parts[at + 1];
  if (next === undefined) return writtenLeaf(context.set(undefined));
  return { node: isSequencePart(next) ? [] : {}, matches: 0 };
}

/** `node` as a map; an error for a list or scalar (a null never reaches here). */
function mappingOf(node: JsonValue): JsonObject {
  assertNodeKind(node, 'MappingNode');
  return node as JsonObject;
}

function walkField(node: JsonValue, name: string, at: number, context: Walk): Walked {
  const map = mappingOf(node);
  const current = getOwn(map, name);
  if (current === undefined) {
    if (!context.create) return noMatch(node);
    const created = createdNode(at, context);
    if (at + 1 === context.parts.length) return { node: recordLeaf(withKey(map, name, created.node), name, created), matches: 1 };
    const inner = walk(created.node, at + 1, context);
    return { node: withKey(map, name, inner.node), matches: inner.matches };
  }
  const inner = walk(current, at + 1, context, { container: map, key: name });
  const unchanged = inner.node === current && inner.leaf === undefined;
  return { node: unchanged ? node : recordLeaf(withKey(map, name, inner.node), name, inner), matches: inner.matches };
}

function walkIndex(node: JsonValue, index: number, at: number, context: Walk): Walked {
  let elements = elementsOf(node);
  let created: Walked | undefined;
  if (elements.length === index && context.create) {
    created = createdNode(at, context);
    elements = [...elements, created.node];
  }
  if (elements.length < index + 1) throw new Error(`index ${index} specified but only ${elements.length} elements found`);
  const element = elements[index]!;
  if (created !== undefined && at + 1 === context.parts.length) return { node: recordLeaf(elements as JsonValue[], String(index), created), matches: 1 };
  const inner = walk(element, at + 1, context, { container: elements, key: String(index) });
  if (inner.node === element && inner.leaf === undefined && created === undefined) return { node, matches: inner.matches };
  const copy = [...elements];
  copy[index] = inner.node;
  return { node: recordLeaf(copy, String(index), inner), matches: inner.matches };
}

function walkEveryElement(node: JsonValue, at: number, context: Walk): Walked {
  const elements = elementsOf(node);
  let matches = 0;
  let changed = false;
  const leaves: [string, Walked][] = [];
  const out = elements.map((element, i) => {
    const inner = walk(element, at + 1, context, { container: elements, key: String(i) });
    matches += inner.matches;
    if (inner.node !== element || inner.leaf !== undefined) changed = true;
    if (inner.leaf !== undefined) leaves.push([String(i), inner]);
    return inner.node;
  });
  for (const [key, inner] of leaves) recordLeaf(out, key, inner);
  return { node: changed ? out : node, matches };
}

/** The text kustomize tries a `[field=value]` pattern on: the field's value as a trimmed YAML scalar. */
function matchText(value: JsonValue): string {
  return Array.isArray(value) || isJsonObject(value) ? JSON.stringify(value) : scalarText(value).trim();
}

function walkMatchingElements(node: JsonValue, part: string, at: number, context: Walk): Walked {
  const { field, value } = splitIndexNameValue(part);
  const pattern = GoRegExp.compile(value);
  const elements = elementsOf(node);
  const found = matchElements(elements, field, pattern, at, context);
  if (found.matches > 0) return { node: found.elements === elements ? node : (found.elements as JsonValue[]), matches: found.matches };
  if (!context.create) return noMatch(node);
  // Kustomize appends an element holding the pattern's text (untagged, so typed by its text), then searches
  // again; an element that does not match its own pattern would make it search forever.
  if (!pattern.test(value)) throw new Error(`the element created for "${part}" does not match its own pattern`);
  if (field === '') {
    const written = writtenLeaf(context.set(undefined, value));
    return { node: recordLeaf([...elements, written.node], String(elements.length), written), matches: 1 };
  }
  const created = walk(withKey({}, field, decodeScalar({ tag: '', text: value })), at + 1, context);
  return { node: [...elements, created.node], matches: created.matches };
}

function matchElements(elements: readonly JsonValue[], field: string, pattern: GoRegExp, at: number, context: Walk): { elements: readonly JsonValue[]; matches: number } {
  let matches = 0;
  let changed = false;
  const leaves: [string, Walked][] = [];
  const out = elements.map((element, i) => {
    if (field === '') {
      // A list of scalars: the element itself is the match, whatever parts follow.
      if (!pattern.test(matchText(element))) return element;
      matches++;
      const written = writtenLeaf(context.set(element, undefined, nodeAt({ container: elements as JsonValue[], key: String(i) }, element)));
      if (written.node !== element || written.leaf !== undefined) changed = true;
      if (written.leaf !== undefined) leaves.push([String(i), written]);
      return written.node;
    }
    if (!isJsonObject(element)) return element;
    const fieldValue = getOwn(element, field);
    if (fieldValue === undefined || !pattern.test(matchText(fieldValue))) return element;
    const inner = walk(element, at + 1, context);
    matches += inner.matches;
    if (inner.node !== element) changed = true;
    return inner.node;
  });
  for (const [key, written] of leaves) recordLeaf(out, key, written);
  return { elements: changed ? out : elements, matches };
}
