/**
 * What a YAML scalar means, as go-yaml resolves it. kustomize reads resources with yaml.v3
 * (YAML 1.2 booleans) and kustomization files with yaml.v2 via sigs.k8s.io/yaml (YAML 1.1:
 * `yes`, `on`, `y` are booleans too); kustomize prints everything with yaml.v2, whose resolver
 * decides which strings must be quoted.
 */
import { parseGoDecimalFloat, parseGoInteger } from './go-number.js';
import { type GoTimestamp, parseGoTimestamp } from './timestamp.js';

/** Which go-yaml's resolution rules apply. */
export type GoYamlVersion = 'v2' | 'v3';

/** The meaning of a scalar: its resolved tag and value. */
export type ResolvedScalar =
  | { readonly tag: '!!null' }
  | { readonly tag: '!!merge' }
  | { readonly tag: '!!bool'; readonly value: boolean }
  | { readonly tag: '!!int'; readonly value: bigint }
  | { readonly tag: '!!float'; readonly value: number }
  | { readonly tag: '!!timestamp'; readonly value: GoTimestamp }
  /** `!!str`, and also any tag go-yaml does not resolve (`!custom`, `!!binary`): the text as is. */
  | { readonly tag: string; readonly value: string };

const NULL: ResolvedScalar = { tag: '!!null' };
const MERGE: ResolvedScalar = { tag: '!!merge' };
const TRUE: ResolvedScalar = { tag: '!!bool', value: true };
const FALSE: ResolvedScalar = { tag: '!!bool', value: false };
const NAN: ResolvedScalar = { tag: '!!float', value: Number.NaN };
const INFINITY: ResolvedScalar = { tag: '!!float', value: Number.POSITIVE_INFINITY };
const NEGATIVE_INFINITY: ResolvedScalar = { tag: '!!float', value: Number.NEGATIVE_INFINITY };

const COMMON_WORDS: ReadonlyArray<readonly [ResolvedScalar, readonly string[]]> = [
  [TRUE, ['true', 'True', 'TRUE']],
  [FALSE, ['false', 'False', 'FALSE']],
  [NULL, ['', '~', 'null', 'Null', 'NULL']],
  [NAN, ['.nan', '.NaN', '.NAN']],
  [INFINITY, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']],
  [NEGATIVE_INFINITY, ['-.inf', '-.Inf', '-.INF']],
  [MERGE, ['<<']],
];
/** YAML 1.1 booleans that only yaml.v2 knows. */
const YAML11_WORDS: ReadonlyArray<readonly [ResolvedScalar, readonly string[]]> = [
  [TRUE, ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']],
  [FALSE, ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']],
];

function wordTable(entries: ReadonlyArray<readonly [ResolvedScalar, readonly string[]]>): ReadonlyMap<string, ResolvedScalar> {
  return new Map(entries.flatMap(([resolved, words]) => words.map((word) => [word, resolved] as const)));
}

const WORDS: Readonly<Record<GoYamlVersion, ReadonlyMap<string, ResolvedScalar>>> = {
  v3: wordTable(COMMON_WORDS),
  v2: wordTable([...YAML11_WORDS, ...COMMON_WORDS]),
};

/** Tags whose scalars go-yaml resolves; any other tag leaves the text a string. */
const RESOLVABLE_TAGS = new Set(['', '!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp']);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** go-yaml's resolve hint for a first character: S(ign), D(igit), M(ap word), `.`, or none. */
function hintOf(text: string): string | undefined {
  if (text === '') return 'N';
  const c = text[0]!;
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return undefined;
}

/**
 * go-yaml's `resolve(tag, text)`. `tag` is a short tag (`!!int`) or `''` for a plain scalar
 * without one. Throws a `TypeError` carrying go-yaml's message when an explicit tag does not
 * fit the text (`cannot decode !!str \`yes\` as a !!bool`).
 */
export function resolveScalar(tag: string, text: string, version: GoYamlVersion): ResolvedScalar {
  if (!RESOLVABLE_TAGS.has(tag)) return { tag, value: text };
  const resolved = tag === '!!str' ? { tag: '!!str', value: text } : resolveUntagged(text, version, tag);
  if (tag === '' || tag === resolved.tag || tag === '!!str') return resolved;
  if (tag === '!!float' && resolved.tag === '!!int' && 'value' in resolved && typeof resolved.value === 'bigint') {
    // go-yaml converts only what fits an int64 (not a uint64) to a float.
    if (resolved.value < 2n ** 63n) return { tag: '!!float', value: Number(resolved.value) };
  }
  throw new TypeError(`cannot decode ${resolved.tag} \`${text}\` as a ${tag}`);
}

function resolveUntagged(text: string, version: GoYamlVersion, tag: string): ResolvedScalar {
  const hint = hintOf(text);
  if (hint === undefined) return { tag: '!!str', value: text };
  const word = WORDS[version].get(text);
  if (word !== undefined) return word;
  if (hint === '.') {
    const float = parseGoDecimalFloat(text);
    if (float !== undefined) return { tag: '!!float', value: float };
  } else if (hint === 'D' || hint === 'S') {
    return resolveNumeric(text, version, tag) ?? { tag: '!!str', value: text };
  }
  return { tag: '!!str', value: text };
}

function resolveNumeric(text: string, version: GoYamlVersion, tag: string): ResolvedScalar | undefined {
  if (tag === '' || tag === '!!timestamp') {
    const time = parseGoTimestamp(text);
    if (time !== undefined) return { tag: '!!timestamp', value: time };
  }
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  const integer = parseGoInteger(plain);
  if (integer !== undefined) return { tag: '!!int', value: integer };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = parseGoDecimalFloat(plain);
    if (float !== undefined) return { tag: '!!float', value: float };
  }
  // go-yaml's own prefix handling, reached only for forms Go's base-0 parser refused
  // (`0b-1` parses as -1 here, as in go-yaml).
  const prefixed: ReadonlyArray<readonly [string, 2 | 8]> = version === 'v3' ? [['0b', 2], ['0o', 8]] : [['0b', 2]];
  for (const [prefix, base] of prefixed) {
    if (plain.startsWith(prefix)) {
      const value = parseGoInteger(plain.slice(2), base);
      if (value !== undefined) return { tag: '!!int', value };
    } else if (plain.startsWith(`-${prefix}`)) {
      const value = parseGoInteger(`-${plain.slice(3)}`, base);
      if (value !== undefined) return { tag: '!!int', value };
    }
  }
  return undefined;
}

/**
 * True when yaml.v2 would print the string `text` without quotes as far as its meaning goes:
 * it resolves as a string and is not a YAML 1.1 base-60 number such as `1:20`.
 */
export function isPlainStringForV2(text: string): boolean {
  const hint = hintOf(text);
  if (hint === undefined) return true;
  if (resolveUntagged(text, 'v2', '').tag !== '!!str') return false;
  return !((hint === 'D' || hint === 'S') && text.includes(':') && BASE60_FLOAT.test(text));
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
