import { type JsonValue, type ScalarNode, unusualScalarNode } from '../../json.js';
import { resolveScalar, type ResolvedScalar } from '../../yaml/resolve.js';
import { formatRfc3339Nano, type GoTimestamp } from '../../yaml/timestamp.js';

/**
 * The YAML tag of a scalar as kustomize's YAML nodes carry it, short and without `!!` (`int`, `timestamp`):
 * the type a value keeps when only its text is replaced. `''` is the tag of a node kustomize creates itself,
 * whose type is read from its text.
 */
export type ScalarTag = string;

/** A scalar as kustomize handles it inside a YAML node: a tag and a text. */
export interface TaggedScalar {
  readonly tag: ScalarTag;
  readonly text: string;
}

/** A scalar's YAML node as a tagged scalar. */
export function taggedScalar(node: ScalarNode): TaggedScalar {
  return { tag: node.tag.startsWith('!!') ? node.tag.slice(2) : node.tag, text: node.text };
}

/** The tag a parsed JSON scalar had in YAML. */
export function tagOf(value: string | number | boolean | null): ScalarTag {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int' : 'float';
}

/** What kustomize writes for a resolved scalar: its value as JSON (encoding/json of the decoded Go value). */
function jsonOf(resolved: ResolvedScalar, text: string): JsonValue {
  if (resolved.tag === '!!null') return null;
  if (!('value' in resolved)) return text;
  const { value } = resolved;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') {
    // Infinities and NaN have no JSON form: kustomize fails when it writes them out.
    if (!Number.isFinite(value)) throw new Error(`json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
    return value;
  }
  return formatRfc3339Nano(value as GoTimestamp);
}

function resolve(tag: ScalarTag, text: string): ResolvedScalar {
  try {
    return resolveScalar(tag === '' ? '' : `!!${tag}`, text, 'v3');
  } catch (error) {
    throw new Error((error as Error).message);
  }
}

/**
 * The JSON value of a YAML scalar node with tag `tag` and text `text`, as kustomize decodes it when writing
 * its output (yaml.v3 rules). An untagged node is typed by its text: `8080` a number, `true` a boolean,
 * `` and `~` null, a date an RFC 3339 time. A text that does not fit the tag is an error: kustomize's
 * "cannot decode !!int `x` as a !!bool".
 */
export function decodeScalar(scalar: TaggedScalar): JsonValue {
  return jsonOf(resolve(scalar.tag, scalar.text), scalar.text);
}

/** {@link decodeScalar}, with the node to record for the value when the value does not tell its text and tag. */
export function decodeScalarNode(scalar: TaggedScalar): { readonly value: JsonValue; readonly node?: ScalarNode } {
  const resolved = resolve(scalar.tag, scalar.text);
  const value = jsonOf(resolved, scalar.text);
  const node = unusualScalarNode(value, scalar.text, resolved.tag);
  return node === undefined ? { value } : { value, node };
}
