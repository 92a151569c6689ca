import { isJsonObject, type JsonObject, type JsonValue } from '@kustomize-ts/core';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type ParsedNode } from 'yaml';

/**
 * YAML → JSON exactly as `sigs.k8s.io/yaml.YAMLToJSON` does it, which is how Flux re-reads a resource
 * after postBuild substitution: go-yaml v2 reads the first document with YAML 1.1 rules (`yes`/`on`/`y`
 * are booleans, `0777` is octal, `1_000` is 1000, an empty value is null, timestamps stay strings) and
 * map keys that are not strings become their text.
 */
export class GoYamlError extends Error {
  override readonly name = 'GoYamlError';
}

const booleans: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((word) => [word, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((word) => [word, false] as const),
]);
const nulls: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);
const specialFloats: ReadonlyMap<string, number> = new Map([
  ...['.nan', '.NaN', '.NAN'].map((word) => [word, Number.NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((word) => [word, Number.POSITIVE_INFINITY] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((word) => [word, Number.NEGATIVE_INFINITY] as const),
]);
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's `strconv.ParseInt(text, 0, 64)` / `ParseUint`: sign, `0x`/`0o`/`0b` prefixes, leading-zero octal. */
function parseGoInteger(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const digits = match[2]!;
  const magnitude = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits.toLowerCase());
  const value = match[1] === '-' ? -magnitude : magnitude;
  const fits = value < 0n ? value >= -(1n << 63n) : value < 1n << 64n && (match[1] !== '+' || value < 1n << 63n);
  return fits ? value : undefined;
}

/** The value go-yaml v2 resolves an untagged plain scalar to. */
function resolvePlain(text: string): JsonValue {
  if (nulls.has(text)) return null;
  const bool = booleans.get(text);
  if (bool !== undefined) return bool;
  const special = specialFloats.get(text);
  if (special !== undefined) return special;
  const first = text[0];
  if (first !== undefined && (first === '+' || first === '-' || (first >= '0' && first <= '9'))) {
    const plain = text.replaceAll('_', '');
    const integer = parseGoInteger(plain);
    if (integer !== undefined) return Number(integer);
    if (yamlStyleFloat.test(plain)) return Number(plain);
  } else if (first === '.' && yamlStyleFloat.test(text)) {
    return Number(text);
  }
  return text;
}

const stringTags = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:binary']);

function scalarValue(node: Node): JsonValue {
  if (!isScalar(node)) throw new GoYamlError('expected a scalar');
  const text = String(node.value ?? '');
  if (node.type !== 'PLAIN' || (node.tag !== undefined && stringTags.has(node.tag))) return text;
  if (node.tag !== undefined && !node.tag.startsWith('tag:yaml.org,2002:')) return text;
  return resolvePlain(text);
}

function keyText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  throw new GoYamlError(`unsupported map key of type: ${value === null ? '<nil>' : typeof value}`);
}

function toJson(node: Node | null, document: Document): JsonValue {
  if (node === null) return null;
  if (isAlias(node)) return toJson(node.resolve(document) ?? null, document);
  if (isMap(node)) {
    const out: JsonObject = {};
    for (const pair of node.items) {
      const key = keyText(toJson(pair.key as Node | null, document));
      const value = toJson(pair.value as Node | null, document);
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toJson(item as Node | null, document));
  const value = scalarValue(node);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new GoYamlError(`json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
  return value;
}

/**
 * The first YAML document of `text` as JSON, read as go-yaml v2 reads it for `sigs.k8s.io/yaml.YAMLToJSON`.
 *
 * @throws {@link GoYamlError} when the text is not YAML or holds what JSON cannot (NaN, infinities, null keys).
 */
export function goYamlToJson(text: string): JsonValue {
  const document = parseDocument(text, { schema: 'failsafe', version: '1.1', uniqueKeys: false, keepSourceTokens: false });
  if (document.errors.length > 0) throw new GoYamlError(`yaml: ${document.errors[0]!.message}`);
  return toJson(document.contents as ParsedNode | null, document);
}

/** {@link goYamlToJson} for text that must hold an object. */
export function goYamlToObject(text: string): JsonObject {
  const value = goYamlToJson(text);
  if (!isJsonObject(value)) throw new GoYamlError('json: cannot unmarshal into an object');
  return value;
}
