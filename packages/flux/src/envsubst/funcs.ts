import { decodeRune, fromBytes, mapRuneCase, runeBytes, runes, toBytes } from './bytes.js';
import { BadPatternError, matchPattern } from './match.js';

/**
 * The string functions behind envsubst's operators, as Flux's `envsubst/funcs.go` defines them. Values and
 * arguments are byte strings (see `bytes.ts`), so lengths and offsets count bytes as in Go.
 */
export type SubstituteFunction = (value: string, ...args: string[]) => string;

function mapCase(value: string, toCase: (text: string) => string): string {
  let out = '';
  for (let i = 0; i < value.length; ) {
    const { rune, width } = decodeRune(value, i);
    const mapped = mapRuneCase(rune, toCase);
    out += mapped === rune ? value.slice(i, i + width) : runeBytes(mapped);
    i += width;
  }
  return out;
}

function mapFirst(value: string, toCase: (text: string) => string): string {
  if (value === '') return value;
  const { rune, width } = decodeRune(value, 0);
  return runeBytes(mapRuneCase(rune, toCase)) + value.slice(width);
}

const lower = (text: string) => text.toLowerCase();
const upper = (text: string) => text.toUpperCase();

/** `${#var}`: the length in bytes. */
export const toLen: SubstituteFunction = (value) => String(value.length);
/** `${var,,}`. */
export const toLower: SubstituteFunction = (value) => mapCase(value, lower);
/** `${var^^}`. */
export const toUpper: SubstituteFunction = (value) => mapCase(value, upper);
/** `${var,}`. */
export const toLowerFirst: SubstituteFunction = (value) => mapFirst(value, lower);
/** `${var^}`. */
export const toUpperFirst: SubstituteFunction = (value) => mapFirst(value, upper);

/** Every defaulting operator: the value when not empty, else the arguments joined without separator. */
export const toDefault: SubstituteFunction = (value, ...args) => (value.length === 0 && args.length > 0 ? args.join('') : value);

/** Go's `strconv.Atoi`, or `undefined` where it fails. */
function atoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const parsed = BigInt(text);
  return parsed > 2n ** 63n - 1n || parsed < -(2n ** 63n) ? undefined : Number(parsed);
}

/** `${var:offset}` and `${var:offset:length}`, in bytes; bash's leniency for bad numbers kept. */
export const toSubstr: SubstituteFunction = (value, ...args) => {
  if (args.length === 0) return value;
  let position = atoi(args[0]!);
  if (position === undefined) return value;
  if (position < 0) position = Math.max(0, value.length + position);
  if (args.length === 1) return position < value.length ? value.slice(position) : '';
  const length = atoi(args[1]!);
  if (length === undefined) return value;
  if (position + length >= value.length) return position < value.length ? value.slice(position) : '';
  return value.slice(position, position + length);
};

/** Go's `strings.Replace(s, old, new, n)` with `n` = -1 for all; an empty `old` matches at every rune boundary. */
function goReplace(value: string, old: string, replacement: string, count: number): string {
  if (old === '') {
    const parts = runes(value);
    let out = '';
    let done = 0;
    for (let i = 0; i <= parts.length; i++) {
      if (count < 0 || done < count) {
        out += replacement;
        done++;
      }
      if (i < parts.length) out += parts[i];
    }
    return out;
  }
  if (count < 0) return value.split(old).join(replacement);
  const index = value.indexOf(old);
  return index < 0 ? value : value.slice(0, index) + replacement + value.slice(index + old.length);
}

/** `${var//pattern/replacement}`: every literal occurrence. */
export const replaceAll: SubstituteFunction = (value, ...args) => (args.length === 0 ? value : goReplace(value, args[0]!, args[1] ?? '', -1));
/** `${var/pattern/replacement}`: the first literal occurrence. */
export const replaceFirst: SubstituteFunction = (value, ...args) => (args.length === 0 ? value : goReplace(value, args[0]!, args[1] ?? '', 1));
/** `${var/#pattern/replacement}`: a literal prefix. */
export const replacePrefix: SubstituteFunction = (value, ...args) =>
  args.length === 2 && value.startsWith(args[0]!) ? goReplace(value, args[0]!, args[1]!, 1) : value;
/** `${var/%pattern/replacement}`: a literal suffix. */
export const replaceSuffix: SubstituteFunction = (value, ...args) =>
  args.length === 2 && value.endsWith(args[0]!) ? value.slice(0, value.length - args[0]!.length) + args[1]! : value;

const reverse = (value: string) => runes(value).reverse().join('');

/** Strips the shortest prefix matching `pattern` (Flux tries every prefix, longest first, and keeps the last match). */
function trimShortest(value: string, pattern: string): string {
  let shortest = '';
  for (let i = 0; i < value.length; i++) {
    const prefix = value.slice(0, value.length - i);
    try {
      if (matchPattern(pattern, prefix)) shortest = prefix;
    } catch (error) {
      if (error instanceof BadPatternError) return value;
      throw error;
    }
  }
  return shortest !== '' && value.startsWith(shortest) ? value.slice(shortest.length) : value;
}

/** Strips the longest prefix matching `pattern`. */
function trimLongest(value: string, pattern: string): string {
  for (let i = 0; i < value.length; i++) {
    const prefix = value.slice(0, value.length - i);
    try {
      if (matchPattern(pattern, prefix)) return value.slice(prefix.length);
    } catch (error) {
      if (error instanceof BadPatternError) return value;
      throw error;
    }
  }
  return value;
}

/** `${var#pattern}`. */
export const trimShortestPrefix: SubstituteFunction = (value, ...args) => (args.length === 0 ? value : trimShortest(value, args[0]!));
/** `${var%pattern}`: done on the reversed value with the reversed pattern, as Flux does. */
export const trimShortestSuffix: SubstituteFunction = (value, ...args) =>
  args.length === 0 ? value : reverse(trimShortest(reverse(value), reverse(args[0]!)));
/** `${var##pattern}`. */
export const trimLongestPrefix: SubstituteFunction = (value, ...args) => (args.length === 0 ? value : trimLongest(value, args[0]!));
/** `${var%%pattern}`. */
export const trimLongestSuffix: SubstituteFunction = (value, ...args) =>
  args.length === 0 ? value : reverse(trimLongest(reverse(value), reverse(args[0]!)));

/** The function an operator names, given how many arguments it has (Flux's `lookupFunc`). */
export function lookupFunction(name: string, argumentCount: number): SubstituteFunction {
  switch (name) {
    case ',':
      return toLowerFirst;
    case ',,':
      return toLower;
    case '^':
      return toUpperFirst;
    case '^^':
      return toUpper;
    case '#':
      return argumentCount === 0 ? toLen : trimShortestPrefix;
    case '##':
      return trimLongestPrefix;
    case '%':
      return trimShortestSuffix;
    case '%%':
      return trimLongestSuffix;
    case ':':
      return toSubstr;
    case '/#':
      return replacePrefix;
    case '/%':
      return replaceSuffix;
    case '/':
      return replaceFirst;
    case '//':
      return replaceAll;
    default:
      return toDefault;
  }
}

/** Applies the function behind `operator` to a value, as envsubst does: `applyEnvsubstFunction('^^', 'abc', [])` is `ABC`. */
export function applyEnvsubstFunction(operator: string, value: string, args: readonly string[]): string {
  return fromBytes(lookupFunction(operator, args.length)(toBytes(value), ...args.map(toBytes)));
}
