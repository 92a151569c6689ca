/**
 * JSON text exactly as Go's `encoding/json` Marshal writes a `map[string]interface{}` (Go 1.22 and later),
 * because kustomize hashes that text: object keys sorted by their UTF-8 bytes, `<`, `>`, `&`, U+2028 and
 * U+2029 escaped, control characters escaped, no whitespace.
 */
import { getOwn, type JsonValue } from '../json.js';

/** Orders strings as Go's `sort.Strings` does: by UTF-8 bytes, which is code point order (not UTF-16 order). */
export function compareGoStrings(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
}

const shortEscapes: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function quote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const short = shortEscapes[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) out += unicodeEscape(code);
    // A lone surrogate is not valid UTF-8; Go writes the replacement character for it.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += char;
  }
  return `${out}"`;
}

function number(value: number): string {
  // Go prints negative zero with its sign; otherwise its shortest float64 form matches JavaScript's.
  return Object.is(value, -0) ? '-0' : String(value);
}

/** `value` as Go's json.Marshal writes it, or with `indent` as json.MarshalIndent(value, "", indent). */
export function goJson(value: JsonValue, indent?: string): string {
  return indent === undefined ? compact(value) : indented(value, indent, '\n');
}

function compact(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  if (Array.isArray(value)) return `[${value.map(compact).join(',')}]`;
  const keys = Object.keys(value).sort(compareGoStrings);
  return `{${keys.map((key) => `${quote(key)}:${compact(getOwn(value, key) ?? null)}`).join(',')}}`;
}

/** MarshalIndent: each element on its own line below its parent, `"key": value`, empty collections as `{}` and `[]`. */
function indented(value: JsonValue, indent: string, newline: string): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const inner = newline + indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => inner + indented(item, indent, inner)).join(',')}${newline}]`;
  }
  const keys = Object.keys(value).sort(compareGoStrings);
  if (keys.length === 0) return '{}';
  return `{${keys.map((key) => `${inner}${quote(key)}: ${indented(getOwn(value, key) ?? null, indent, inner)}`).join(',')}${newline}}`;
}

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  return typeof value === 'number' ? number(value) : String(value);
}
