/**
 * Turns a document parsed by the `yaml` package into JSON under go-yaml's rules: scalars resolved
 * as yaml.v3 (kyaml) or yaml.v2 (sigs.k8s.io/yaml) resolve them, anchors expanded, `<<` merges
 * applied, keys checked and converted as the Go code paths do.
 */
import { type Alias, isAlias, isMap, isScalar, isSeq, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import { KustomizeError } from '../errors.js';
import { type JsonObject, type JsonValue, recordScalarNode, type ScalarNode, setOwn, unusualScalarNode } from '../json.js';
import { formatGoFloat32G } from './go-number.js';
import { decodeDoubleQuoted, QuotedScalarError } from './quoted.js';
import { BlockScalarError, decodeBlockScalar } from './block.js';
import { emptyPlainBecomesString, reencodeBlockScalar, type ScalarPlace } from './reencode.js';
import { type GoYamlVersion, type ResolvedScalar, resolveScalar } from './resolve.js';
import { MAX_NESTING } from './compose.js';
import { goYamlError, nestingError, type SourceText, syntaxError } from './source.js';
import { libyamlLine } from './libyaml-messages.js';
import { formatRfc3339Nano } from './timestamp.js';

/** Most nodes that alias (and merge) expansion may produce in one document: a guard against "billion laughs". */
const EXPANSION_LIMIT = 1_000_000;

/** A YAML node that is a key or value of a mapping (the `yaml` package allows absent ones). */
export type MaybeNode = YamlNode | null | undefined;

/** A mapping entry after merges: the key and value nodes as kyaml's `DeAnchor` leaves them. */
interface Entry {
  readonly key: MaybeNode;
  readonly value: MaybeNode;
  /** Copied in by a merge, so its value counts against the expansion limit. */
  readonly merged?: boolean;
}

/** Turns one parsed document into JSON under one go-yaml version's rules. */
export class DocumentConverter {
  private readonly aliasTargets = new Map<Alias, YamlNode>();
  /** Nodes being converted: an alias to one of them would never end. */
  private readonly active = new Set<YamlNode>();
  private readonly decodedText = new WeakMap<Scalar, string>();
  private expansionDepth = 0;
  private expandedNodes = 0;
  /** Collections being converted, one inside the next: aliases can nest deeper than the text does. */
  private nesting = 0;
  /** The node of the scalar just converted, when kyaml sees more in it than its JSON value: its container records it. */
  private pendingNode: ScalarNode | undefined;

  constructor(
    private readonly source: SourceText,
    private readonly version: GoYamlVersion,
  ) {}

  /**
   * Binds every alias to the node its anchor names at that point of the document, as go-yaml's
   * parser does, and checks every double-quoted scalar's escapes.
   */
  bindAliases(root: YamlNode): void {
    const anchors = new Map<string, YamlNode>();
    const pending: MaybeNode[] = [root];
    while (pending.length > 0) {
      const node = pending.pop();
      if (node === null || node === undefined) continue;
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target === undefined) throw this.error(node, `unknown anchor '${node.source}' referenced`);
        this.aliasTargets.set(node, target);
        continue;
      }
      if (node.anchor !== undefined) anchors.set(node.anchor, node);
      // libyaml rejects a bad escape while reading, even in a node that merging drops later.
      if (isScalar(node)) this.scalarText(node);
      else if (isMap(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          const pair = node.items[i]!;
          pending.push(pair.value as MaybeNode, pair.key as MaybeNode);
        }
      } else if (isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i] as MaybeNode);
      }
    }
  }

  /**
   * The JSON of `node`; `topLevel` for the root of a kustomize resource, whose keys go-yaml
   * stringifies; `place` is where the node sits (inside a flow collection or not).
   */
  convert(node: MaybeNode, topLevel: boolean, place: ScalarPlace = 'block'): JsonValue {
    this.pendingNode = undefined;
    // An absent value (`? a` with no `:`) is an empty plain scalar.
    if (node === null || node === undefined) {
      const value = this.version === 'v3' && emptyPlainBecomesString(place) ? '' : null;
      if (this.version === 'v3') this.pendingNode = unusualScalarNode(value, '', '!!null');
      return value;
    }
    if (this.expansionDepth > 0 && ++this.expandedNodes > EXPANSION_LIMIT) {
      throw new KustomizeError(
        'limit-exceeded',
        `${this.where(node)}: anchors and aliases expand to more than ${EXPANSION_LIMIT} nodes`,
        { file: this.source.file, document: this.source.document },
        'use fewer nested aliases',
      );
    }
    if (isAlias(node)) return this.expand(() => this.convert(this.target(node), topLevel, place));
    if (isScalar(node)) {
      const resolved = this.resolve(node, place);
      const value = this.scalarJson(node, resolved);
      // Most scalars are strings, which need no record unless empty (an empty plain one is a null node).
      if (this.version === 'v3' && (typeof value !== 'string' || value === '' || resolved.tag !== '!!str')) this.pendingNode = unusualScalarNode(value, this.scalarText(node), kyamlTag(node, resolved));
      return value;
    }
    if (!isSeq(node) && !isMap(node)) throw this.error(node, 'unsupported YAML node');
    if (this.nesting >= MAX_NESTING) throw nestingError(this.source, node.range?.[0] ?? 0);
    this.active.add(node);
    this.nesting++;
    try {
      if (isMap(node)) {
        if (!node.flow) this.refuseEmptyImplicitKeys(node);
        return this.version === 'v3' ? this.kyamlMapping(node, topLevel) : this.sigsYamlMapping(node);
      }
      const itemPlace = node.flow ? 'flow' : 'block';
      const items: JsonValue[] = [];
      for (const item of node.items) this.setRecorded(items, String(items.length), this.convert(item as MaybeNode, false, itemPlace));
      return items;
    } finally {
      this.active.delete(node);
      this.nesting--;
      this.pendingNode = undefined;
    }
  }

  /** Sets `value` at `key` of `container`, recording the node of the scalar just converted. */
  private setRecorded(container: JsonObject | JsonValue[], key: string, value: JsonValue): void {
    if (Array.isArray(container)) container.push(value);
    else setOwn(container, key, value);
    if (this.pendingNode !== undefined) {
      recordScalarNode(container, key, this.pendingNode);
      this.pendingNode = undefined;
    }
  }

  /** libyaml refuses a block mapping entry that starts with its `:` (an empty key needs `?` or quotes); the `yaml` package reads a null key. */
  private refuseEmptyImplicitKeys(node: YAMLMap): void {
    for (const pair of node.items) {
      const key = pair.key as MaybeNode;
      const start = key?.range?.[0];
      if (isScalar(key) && key.source === '' && start !== undefined && /^[ \t]*:/.test(this.source.text.slice(start, start + 1024))) {
        throw goYamlError(this.source, start, libyamlLine('did not find expected key', this.source.text, start, this.version), 'did not find expected key');
      }
    }
  }

  private target(alias: Alias): YamlNode {
    const target = this.aliasTargets.get(alias)!;
    if (this.active.has(target)) throw this.error(alias, `alias '${alias.source}' refers to a node that contains it`);
    return target;
  }

  /** Runs `work` as an expansion (of an alias or merge), whose nodes count against the limit. */
  private expand<T>(work: () => T): T {
    this.expansionDepth++;
    try {
      return work();
    } finally {
      this.expansionDepth--;
    }
  }

  // ---- kyaml (yaml.v3) ----

  /** A mapping after kyaml's `DeAnchor` (merges) and yaml.v3's decode into `map[string]interface{}`. */
  private kyamlMapping(node: YAMLMap, topLevel: boolean): JsonObject {
    const result: JsonObject = {};
    const place = node.flow ? 'flow' : 'block';
    for (const entry of this.kyamlEntries(node)) {
      const key = this.kyamlKey(entry.key, topLevel);
      const convert = (): JsonValue => this.convert(entry.value, false, place);
      this.setRecorded(result, key, entry.merged ? this.expand(convert) : convert());
    }
    return result;
  }

  /**
   * kyaml's merge: the first key spelled `<<` is removed (merge or not), the merge sources are
   * laid under the mapping's own entries (earlier sources in a `[*a, *b]` list win), and yaml.v3
   * then refuses duplicate keys.
   */
  private kyamlEntries(node: YAMLMap): Entry[] {
    const pairs = node.items.map((pair) => ({ key: pair.key as MaybeNode, value: pair.value as MaybeNode }));
    const merges = pairs.filter((pair) => this.isV3MergeKey(pair.key));
    if (merges.length > 1) throw this.error(merges[1]!.key!, 'duplicate merge key');
    const removed = pairs.findIndex((pair) => isScalar(pair.key) && this.scalarText(pair.key) === '<<');
    const own = pairs.filter((pair, index) => index !== removed && !merges.includes(pair));
    this.refuseDuplicateKeys(own);
    if (merges.length === 0) return own;
    const entries: Entry[] = [...own];
    const positions = new Map(own.map((entry, index) => [this.keyText(entry.key), index]));
    for (const source of this.mergeSources(merges[0]!.value, merges[0]!.key!)) {
      for (const entry of this.kyamlEntries(source)) {
        const key = this.keyText(entry.key);
        const position = positions.get(key);
        if (position === undefined) {
          positions.set(key, entries.length);
          entries.push({ ...entry, merged: true });
        } else if (position >= own.length) {
          entries[position] = { ...entry, merged: true };
        }
      }
    }
    return entries;
  }

  private isV3MergeKey(key: MaybeNode): boolean {
    if (!isScalar(key)) return false;
    const tag = shortTag(key.tag);
    return tag === '!!merge' || (tag === '' && key.type === 'PLAIN' && this.scalarText(key) === '<<');
  }

  /** kyaml `findMergeValues`: the mappings a merge value names, in the order they are applied. */
  private mergeSources(value: MaybeNode, at: YamlNode): YAMLMap[] {
    if (isMap(value)) return [value];
    if (isAlias(value)) {
      const target = this.target(value);
      if (!isMap(target)) throw this.error(value, 'invalid map merge: received alias for a non-map value');
      return [target];
    }
    if (isSeq(value)) {
      const sources: YAMLMap[] = [];
      for (const item of value.items as MaybeNode[]) {
        if (isSeq(item)) throw this.error(item, 'invalid map merge: received a nested sequence');
        sources.unshift(...this.mergeSources(item, at));
      }
      return sources;
    }
    throw this.error(value ?? at, 'map merge requires map or sequence of maps as the value');
  }

  /** yaml.v3 refuses two keys of the same kind with the same text (collections all have the text ""). */
  private refuseDuplicateKeys(entries: readonly Entry[]): void {
    const scalars = new Map<string, MaybeNode>();
    let collection: MaybeNode;
    for (const { key } of entries) {
      const isCollection = isMap(key) || isSeq(key);
      const text = this.keyText(key);
      const first = isCollection ? collection : scalars.get(text);
      if (first !== undefined || (!isCollection && scalars.has(text))) {
        throw this.error(key, `mapping key ${JSON.stringify(text)} already defined at ${this.where(first)}`);
      }
      if (isCollection) collection = key;
      else scalars.set(text, key);
    }
  }

  /** The text kyaml compares keys by (`Node.Value`), looking through aliases. */
  private keyText(key: MaybeNode): string {
    if (isAlias(key)) return this.keyText(this.aliasTargets.get(key));
    return isScalar(key) ? this.scalarText(key) : '';
  }

  /** A key's scalar node (through an alias) and meaning; an absent key is a null scalar. */
  private resolvedKey(key: MaybeNode): { node: Scalar | null; resolved: ResolvedScalar } {
    const node = isAlias(key) ? this.target(key) : key;
    if (node === null || node === undefined) return { node: null, resolved: { tag: '!!null' } };
    if (!isScalar(node)) throw this.error(node, 'a mapping key must be a scalar, not a collection');
    return { node, resolved: this.resolve(node, 'key') };
  }

  /** A key of a kyaml mapping, `topLevel` for a resource's top-level mapping. */
  private kyamlKey(key: MaybeNode, topLevel: boolean): string {
    const { node, resolved } = this.resolvedKey(key);
    return this.located(node, () => kyamlKeyText(node === null ? '' : this.scalarText(node), resolved, topLevel));
  }

  // ---- sigs.k8s.io/yaml (yaml.v2) ----

  /** yaml.v2's decode into `map[interface{}]interface{}`, keys made strings by sigs.k8s.io/yaml. */
  private sigsYamlMapping(node: YAMLMap): JsonObject {
    const result: JsonObject = {};
    for (const pair of node.items) {
      const key = pair.key as MaybeNode;
      const value = pair.value as MaybeNode;
      if (isScalar(key) && this.isV2MergeKey(key)) {
        this.mergeV2(result, value, key);
      } else {
        setOwn(result, this.sigsYamlKey(key), this.convert(value, false, node.flow ? 'flow' : 'block'));
      }
    }
    return result;
  }

  private isV2MergeKey(key: Scalar): boolean {
    if (this.scalarText(key) !== '<<') return false;
    const tag = shortTag(key.tag);
    return tag === '!!merge' || (tag === '' && key.type === 'PLAIN');
  }

  /** yaml.v2's merge: sources overwrite what is there so far; earlier entries of a list win. */
  private mergeV2(result: JsonObject, value: MaybeNode, at: YamlNode): void {
    const sources = isSeq(value) ? [...(value.items as MaybeNode[])].reverse() : [value];
    for (const source of sources) {
      const target = isAlias(source) ? this.target(source) : source;
      if (!isMap(target)) throw this.error(source ?? at, 'map merge requires map or sequence of maps as the value');
      const merged = this.expand(() => this.convert(target, false)) as JsonObject;
      for (const key of Object.keys(merged)) setOwn(result, key, merged[key]!);
    }
  }

  /** sigs.k8s.io/yaml's key conversion: numbers and booleans become their text, null is refused. */
  private sigsYamlKey(key: MaybeNode): string {
    const { node, resolved } = this.resolvedKey(key);
    return this.located(node, () => sigsYamlKeyText(node === null ? '' : this.scalarText(node), resolved));
  }

  // ---- scalars ----

  /** The scalar's meaning under go-yaml's rules for its tag and style (and, for kyaml, its place). */
  private resolve(node: Scalar, place: ScalarPlace): ResolvedScalar {
    return this.located(node, () => scalarMeaning(this.scalarText(node), node.tag, scalarStyle(node), place, this.version));
  }

  /** What `encoding/json` makes of the decoded scalar. */
  private scalarJson(node: Scalar, resolved: ResolvedScalar): JsonValue {
    return this.located(node, () => scalarToJson(resolved, this.scalarText(node), this.version));
  }

  /** Runs `work`, turning the `TypeError` of a scalar that does not fit into an error at `node`. */
  private located<T>(node: MaybeNode, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof TypeError) throw this.error(node, error.message);
      throw error;
    }
  }

  /** A scalar's text; double-quoted scalars decoded as libyaml does. */
  private scalarText(node: Scalar): string {
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return this.blockText(node);
    if (node.type !== 'QUOTE_DOUBLE') return String(node.source ?? node.value ?? '');
    const known = this.decodedText.get(node);
    if (known !== undefined) return known;
    const [start, end] = node.range ?? [0, 0];
    try {
      const text = decodeDoubleQuoted(this.source.text.slice(start, end));
      this.decodedText.set(node, text);
      return text;
    } catch (error) {
      if (!(error instanceof QuotedScalarError)) throw error;
      throw syntaxError(this.source, start + error.offset, error.message);
    }
  }

  /** A block scalar's text as libyaml reads it, from the indicator on. */
  private blockText(node: Scalar): string {
    const known = this.decodedText.get(node);
    if (known !== undefined) return known;
    const start = node.range?.[0] ?? 0;
    const token = node.srcToken;
    const parentIndent = token !== undefined && 'indent' in token ? token.indent : 0;
    try {
      const text = decodeBlockScalar(this.source.text, start, parentIndent);
      this.decodedText.set(node, text);
      return text;
    } catch (error) {
      if (!(error instanceof BlockScalarError)) throw error;
      throw syntaxError(this.source, error.offset, error.message);
    }
  }

  private error(node: MaybeNode, message: string): KustomizeError {
    return syntaxError(this.source, node?.range?.[0] ?? 0, message);
  }

  private where(node: MaybeNode): string {
    const offset = node?.range?.[0] ?? 0;
    return this.source.lines.describe(this.source.offset + offset);
  }
}

/**
 * The tag kyaml's node has: what the scalar resolved to, except that an empty plain scalar is a null node
 * even where kustomize's output turns it into `""` (in a flow collection, see reencode.ts).
 */
function kyamlTag(node: Scalar, resolved: ResolvedScalar): string {
  return resolved.tag === '!!str' && node.type === 'PLAIN' && node.tag === undefined && node.source === '' ? '!!null' : resolved.tag;
}

/** How a scalar is written, which decides how go-yaml reads its text. */
export type ScalarStyle = 'plain' | 'quoted' | 'literal' | 'folded';

function scalarStyle(node: Scalar): ScalarStyle {
  switch (node.type) {
    case 'PLAIN':
      return 'plain';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'quoted';
  }
}

/**
 * The meaning of a scalar whose decoded text is `text`, with tag `tag` (as written, `undefined`
 * for none), written in `style` at `place`, under one go-yaml version's rules. Throws a
 * `TypeError` with go-yaml's message when the tag does not fit the text.
 */
export function scalarMeaning(text: string, tag: string | undefined, style: ScalarStyle, place: ScalarPlace, version: GoYamlVersion): ResolvedScalar {
  const short = shortTag(tag);
  const quoted = style !== 'plain';
  if (version === 'v3') {
    const block = style === 'literal' || style === 'folded';
    const value = block ? reencodeBlockScalar(text, style === 'folded', place) : text;
    if (short === '!!str' || (short === '' && quoted)) return { tag: '!!str', value };
    if (short === '' && value === '' && emptyPlainBecomesString(place)) return { tag: '!!str', value: '' };
    return resolveScalar(short, value, 'v3');
  }
  if (tag === '!') return { tag: '!', value: text };
  if (short === '' && quoted) return { tag: '!!str', value: text };
  return resolveScalar(short, text, 'v2');
}

/**
 * What `encoding/json` makes of a scalar go-yaml decoded as `resolved` from `text`. Throws a
 * `TypeError` for what it cannot write (infinities, NaN, far timestamps, bad base64).
 */
export function scalarToJson(resolved: ResolvedScalar, text: string, version: GoYamlVersion): JsonValue {
  switch (resolved.tag) {
    case '!!null':
      return null;
    case '!!merge':
      return '<<';
    case '!!bool':
      return (resolved as { value: boolean }).value;
    case '!!int':
      return Number((resolved as { value: bigint }).value);
    case '!!float': {
      const value = (resolved as { value: number }).value;
      if (!Number.isFinite(value)) throw new TypeError(`json: unsupported value: ${goFloatName(value)}`);
      return value;
    }
    case '!!timestamp':
      if (version === 'v2') return text;
      try {
        return formatRfc3339Nano((resolved as Extract<ResolvedScalar, { tag: '!!timestamp' }>).value);
      } catch (error) {
        throw new TypeError(`json: error calling MarshalJSON for type time.Time: ${(error as Error).message}`);
      }
    case '!!binary': {
      const decoded = decodeBinary((resolved as { value: string }).value);
      if (decoded === undefined) throw new TypeError('!!binary value contains invalid base64 data');
      return decoded;
    }
    default:
      return (resolved as { value: string }).value;
  }
}

/**
 * A kyaml (yaml.v3) mapping key with text `text`, resolved as `resolved` (`!!null` for an absent
 * key): at the top level of a resource yaml.v3 decodes it into a Go string, keeping its text;
 * below it builds a `map[string]interface{}` only when every key is a string. Throws a `TypeError`
 * for a key kustomize cannot use.
 */
export function kyamlKeyText(text: string, resolved: ResolvedScalar, topLevel: boolean): string {
  if (topLevel) {
    if (resolved.tag === '!!null') throw new TypeError('a mapping key must not be null');
    return resolved.tag === '!!binary' || resolved.tag === '!!str' ? String(scalarToJson(resolved, text, 'v3')) : text;
  }
  if (resolved.tag !== '!!str' && resolved.tag !== '!!merge') {
    throw new TypeError(`mapping key ${JSON.stringify(text)} is not a string (${resolved.tag}); kustomize cannot print such a mapping`);
  }
  return String(scalarToJson(resolved, text, 'v3'));
}

/**
 * sigs.k8s.io/yaml's conversion of a yaml.v2 mapping key with text `text`, resolved as `resolved`:
 * numbers and booleans become their text; null and keys beyond int64 are refused (`TypeError`).
 */
export function sigsYamlKeyText(text: string, resolved: ResolvedScalar): string {
  switch (resolved.tag) {
    case '!!null':
      throw new TypeError('unsupported map key of type: <nil>');
    case '!!bool':
    case '!!str':
      return String((resolved as { value: unknown }).value);
    case '!!int': {
      const value = (resolved as { value: bigint }).value;
      if (value >= 2n ** 63n) throw new TypeError('unsupported map key of type: uint64');
      return value.toString();
    }
    case '!!float': {
      const formatted = formatGoFloat32G((resolved as { value: number }).value);
      return ({ '+Inf': '.inf', '-Inf': '-.inf', NaN: '.nan' } as Record<string, string>)[formatted] ?? formatted;
    }
    default:
      return scalarToJson(resolved, text, 'v2') as string;
  }
}

/** A tag in go-yaml's short form: `!!int` for `tag:yaml.org,2002:int`; `''` for none or `!`. */
function shortTag(tag: string | undefined): string {
  if (tag === undefined || tag === '!') return '';
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function goFloatName(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
}

/**
 * Go's `base64.StdEncoding.DecodeString` (line breaks ignored, padding required), the bytes then
 * read as `encoding/json` reads a Go string: each invalid UTF-8 byte becomes U+FFFD.
 */
function decodeBinary(text: string): string | undefined {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) return undefined;
  return decodeUtf8Lossy(Uint8Array.from(atob(compact), (char) => char.charCodeAt(0)));
}

function decodeUtf8Lossy(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let codePoint = length === 1 ? lead : length === 0 ? -1 : lead & (0xff >> (length + 1));
    for (let k = 1; k < length && codePoint >= 0; k++) {
      const next = bytes[i + k];
      codePoint = next !== undefined && (next & 0xc0) === 0x80 ? (codePoint << 6) | (next & 0x3f) : -1;
    }
    const minimum = [0, 0, 0x80, 0x800, 0x10000][length]!;
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      text += '\uFFFD';
      i++;
    } else {
      text += String.fromCodePoint(codePoint);
      i += length;
    }
  }
  return text;
}
