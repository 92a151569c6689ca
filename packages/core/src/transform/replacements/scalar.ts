import type { JsonValue } from '../../json.js';

/**
 * The YAML tag of a scalar as kustomize's YAML nodes carry it: the type a value keeps when only its text is
 * replaced. `''` is the tag of a node kustomize creates itself, whose type is read from its text.
 */
export type ScalarTag = 'str' | 'int' | 'float' | 'bool' | 'null' | '';

/** A scalar as kustomize handles it inside a YAML node: a tag and a text. */
export interface TaggedScalar {
  readonly tag: ScalarTag;
  readonly text: string;
}

/** The tag a parsed JSON scalar had in YAML. */
export function tagOf(value: string | number | boolean | null): ScalarTag {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int' : 'float';
}

/** The text of a scalar as its YAML node holds it; a map or list has none (`''`), as kustomize's node value. */
export function scalarText(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return '';
  return String(value);
}

const nullTexts = new Set(['', '~', 'null', 'Null', 'NULL']);
const trueTexts = new Set(['true', 'True', 'TRUE']);
const falseTexts = new Set(['false', 'False', 'FALSE']);
const specialFloats = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN']);
/** Go's strconv.ParseInt with base 0: optional sign, then a 0x/0o/0b prefix, a leading-0 octal, or decimal. */
const goInteger = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const yamlFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const uint64Max = 2n ** 64n - 1n;

function parseGoInteger(text: string): number | undefined {
  const match = goInteger.exec(text);
  if (!match) return undefined;
  const [, sign, digits] = match as unknown as [string, string, string];
  const prefixed = /^0[oO]/.test(digits) ? `0o${digits.slice(2)}` : /^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits;
  const magnitude = BigInt(prefixed);
  const value = sign === '-' ? -magnitude : magnitude;
  // A signed text must fit int64 (ParseInt); an unsigned one may use all of uint64 (ParseUint).
  const fits = sign === '' ? value <= uint64Max : value >= int64Min && value <= int64Max;
  if (!fits) return undefined;
  return Number(value);
}

/**
 * The tag and value YAML gives an untagged plain scalar, as kustomize's YAML library (yaml.v3) resolves it:
 * null and boolean words, Go integer syntax (underscores ignored, `0777` octal), YAML floats, else a string.
 * Timestamps stay strings, as they do when kustomize decodes them.
 */
export function resolvePlainScalar(text: string): { tag: Exclude<ScalarTag, ''>; value: JsonValue } {
  if (nullTexts.has(text)) return { tag: 'null', value: null };
  if (trueTexts.has(text)) return { tag: 'bool', value: true };
  if (falseTexts.has(text)) return { tag: 'bool', value: false };
  if (specialFloats.has(text)) {
    // Infinities and NaN have no JSON form: kustomize fails when it writes them out.
    throw new Error(`json: unsupported value: ${text.toLowerCase().includes('nan') ? 'NaN' : text.startsWith('-') ? '-Inf' : '+Inf'}`);
  }
  const first = text.charAt(0);
  if (first === '.') {
    const value = Number(text);
    if (yamlFloat.test(text) && Number.isFinite(value)) return { tag: 'float', value };
    return { tag: 'str', value: text };
  }
  if (/[0-9+-]/.test(first)) {
    const plain = text.replaceAll('_', '');
    const integer = parseGoInteger(plain);
    if (integer !== undefined) return { tag: 'int', value: integer };
    if (yamlFloat.test(plain)) {
      const value = Number(plain);
      if (Number.isFinite(value)) return { tag: 'float', value };
    }
  }
  return { tag: 'str', value: text };
}

/**
 * The JSON value of a YAML scalar node with tag `tag` and text `text`, as kustomize decodes it when writing
 * its output. A text that does not fit the tag is an error (kustomize's "cannot decode !!int `x` as a !!bool").
 */
export function decodeScalar(scalar: TaggedScalar): JsonValue {
  const { tag, text } = scalar;
  if (tag === 'str') return text;
  const resolved = resolvePlainScalar(text);
  if (tag === '' || resolved.tag === tag || (tag === 'float' && resolved.tag === 'int')) return resolved.value;
  throw new Error(`cannot decode !!${resolved.tag} \`${text}\` as a !!${tag}`);
}
