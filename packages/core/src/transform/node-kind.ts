import { isJsonObject, type JsonValue } from '../json.js';

/** The YAML node kind a JSON value would be, in kustomize's (kyaml's) terms. */
export type NodeKind = 'ScalarNode' | 'MappingNode' | 'SequenceNode';

/** The YAML node kind of `value`. */
export function nodeKindOf(value: JsonValue): NodeKind {
  if (Array.isArray(value)) return 'SequenceNode';
  return isJsonObject(value) ? 'MappingNode' : 'ScalarNode';
}

/**
 * A field holds a node of another kind than a transformer needs. Thrown from field setters, so
 * applyFieldSpec wraps it with the field and object, as kustomize's InvalidNodeKindError.
 */
export class WrongNodeKindError extends Error {
  override readonly name = 'WrongNodeKindError';
  readonly expected: NodeKind;
  readonly actual: NodeKind;

  constructor(expected: NodeKind, actual: NodeKind) {
    super(`wrong node kind: expected ${expected} but got ${actual}`);
    this.expected = expected;
    this.actual = actual;
  }
}

/** Throws a WrongNodeKindError unless `value` is missing, null or of kind `expected`. */
export function assertNodeKind(value: JsonValue | undefined, expected: NodeKind): void {
  if (value === undefined || value === null) return;
  const actual = nodeKindOf(value);
  if (actual !== expected) throw new WrongNodeKindError(expected, actual);
}

/** The text of a scalar as kustomize reads it (`YNode().Value`); `null` reads as `null`. */
export function scalarText(value: JsonValue): string {
  return typeof value === 'string' ? value : String(value);
}
