import { getOwn, isJsonObject, withKey, type JsonObject, type JsonValue } from '../../json.js';
import { assertNodeKind, scalarText } from '../node-kind.js';
import { elementsOf, isListIndex, parseIndex, splitIndexNameValue } from './field-path.js';
import { decodeScalar } from './scalar.js';
import { GoRegExp } from '../../regexp.js';

/**
 * Computes the new value of a matched field from its current one. `undefined` means the field was just
 * created (with `create: true`): a node of the kind of the value being written, with no type of its own and,
 * for a scalar, the text `createdText` (empty unless created by a `[=value]` part).
 */
export type TargetSetter = (current: JsonValue | undefined, createdText?: string) => JsonValue;

interface Walk {
  readonly parts: readonly string[];
  readonly create: boolean;
  readonly set: TargetSetter;
}

/** The result of walking a node: the node, new where something changed, and how many fields matched. */
export interface Walked {
  readonly node: JsonValue;
  readonly matches: number;
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

function walk(node: JsonValue, at: number, context: Walk): Walked {
  if (at === context.parts.length) return { node: context.set(node), matches: 1 };
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
function createdNode(at: number, context: Walk): JsonValue {
  const next = context.parts[at + 1];
  if (next === undefined) return context.set(undefined);
  return isSequencePart(next) ? [] : {};
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
    if (at + 1 === context.parts.length) return { node: withKey(map, name, created), matches: 1 };
    const inner = walk(created, at + 1, context);
    return { node: withKey(map, name, inner.node), matches: inner.matches };
  }
  const inner = walk(current, at + 1, context);
  return { node: inner.node === current ? node : withKey(map, name, inner.node), matches: inner.matches };
}

function walkIndex(node: JsonValue, index: number, at: number, context: Walk): Walked {
  let elements = elementsOf(node);
  if (elements.length === index && context.create) elements = [...elements, createdNode(at, context)];
  if (elements.length < index + 1) throw new Error(`index ${index} specified but only ${elements.length} elements found`);
  const element = elements[index]!;
  const appended = elements !== node;
  if (appended && at + 1 === context.parts.length) return { node: elements as JsonValue[], matches: 1 };
  const inner = walk(element, at + 1, context);
  if (inner.node === element && !appended) return { node, matches: inner.matches };
  const copy = [...elements];
  copy[index] = inner.node;
  return { node: copy, matches: inner.matches };
}

function walkEveryElement(node: JsonValue, at: number, context: Walk): Walked {
  const elements = elementsOf(node);
  let matches = 0;
  let changed = false;
  const out = elements.map((element) => {
    const inner = walk(element, at + 1, context);
    matches += inner.matches;
    if (inner.node !== element) changed = true;
    return inner.node;
  });
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
  if (field === '') return { node: [...elements, context.set(undefined, value)], matches: 1 };
  const created = walk(withKey({}, field, decodeScalar({ tag: '', text: value })), at + 1, context);
  return { node: [...elements, created.node], matches: created.matches };
}

function matchElements(elements: readonly JsonValue[], field: string, pattern: GoRegExp, at: number, context: Walk): { elements: readonly JsonValue[]; matches: number } {
  let matches = 0;
  let changed = false;
  const out = elements.map((element) => {
    if (field === '') {
      // A list of scalars: the element itself is the match, whatever parts follow.
      if (!pattern.test(matchText(element))) return element;
      matches++;
      const next = context.set(element);
      if (next !== element) changed = true;
      return next;
    }
    if (!isJsonObject(element)) return element;
    const fieldValue = getOwn(element, field);
    if (fieldValue === undefined || !pattern.test(matchText(fieldValue))) return element;
    const inner = walk(element, at + 1, context);
    matches += inner.matches;
    if (inner.node !== element) changed = true;
    return inner.node;
  });
  return { elements: changed ? out : elements, matches };
}
