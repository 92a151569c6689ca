/**
 * A fast reader for the YAML that Kubernetes manifests are written in. Composing every document with
 * the `yaml` package (tokens, a concrete syntax tree, then `Document` nodes) and converting the nodes
 * to JSON is most of the cost of a build; this reader goes from text to JSON in one pass, with no
 * intermediate objects, for a strict subset of YAML. On anything outside the subset it gives up
 * ({@link NOT_PLAIN}) and the full reader runs, so errors and unusual documents are its business.
 *
 * The subset, all in block context unless said otherwise:
 * - block mappings and sequences, including `- key: value` items, `- - item`, and sequences written
 *   at the same indentation as their mapping key;
 * - plain scalars on one line, single- and double-quoted scalars on one line, literal and folded
 *   block scalars (`|`, `>`, with `-` or `+` chomping) as values;
 * - flow collections on one line: `{}`, and `[…]` of plain and quoted scalars;
 * - anchors on values and aliases as values (not on or as keys, not inside flow collections);
 * - comments, blank lines, a `---` line before the document.
 * It gives up on tags, merge keys (`<<`), complex keys, multi-line plain or quoted scalars, tabs
 * outside scalars, directives, document markers after the start, duplicate kyaml keys, keys kustomize
 * refuses, scalars JSON cannot hold, and nesting deeper than {@link MAX_PLAIN_NESTING}.
 *
 * Scalars, keys and their meaning go through the same functions the full reader uses, so whatever
 * this reader returns is what the full reader returns for the same text and dialect.
 */
import { cloneJson, hasOwn, type JsonObject, type JsonValue, recordScalarNode, type ScalarNode, setOwn, unusualScalarNode } from '../json.js';
import { BlockScalarError, scanBlockScalar } from './block.js';
import { kyamlKeyText, type ScalarStyle, scalarMeaning, scalarToJson, sigsYamlKeyText } from './convert.js';
import { decodeDoubleQuoted, QuotedScalarError } from './quoted.js';
import type { ScalarPlace } from './reencode.js';
import type { GoYamlVersion } from './resolve.js';

/** What {@link readPlainDocument} returns for a document outside its subset. */
export const NOT_PLAIN: unique symbol = Symbol('not plain YAML');

/** Deepest nesting the reader follows; deeper documents (and the nesting limit) are the full reader's. */
export const MAX_PLAIN_NESTING = 100;

/** Most nodes aliases may copy in one document before the full reader (and its expansion limit) takes over. */
const MAX_ALIAS_NODES = 10_000;

/** Longest key read; the `yaml` package and libyaml refuse implicit keys of more than 1024 characters. */
const MAX_KEY_LENGTH = 1000;

/**
 * Line breaks other than `\n` and the byte order mark: libyaml and the `yaml` package read them
 * differently (the stream readers turn CR and NEL into `\n` before this reader runs).
 */
const UNSHARED_CHARACTERS = /[\r\u0085\u2028\u2029\ufeff]/;

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;
const DOT = 0x2e;
const PERCENT = 0x25;
const COLON = 0x3a;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const AMPERSAND = 0x26;
const ASTERISK = 0x2a;
const BRACKET_OPEN = 0x5b;
const BRACKET_CLOSE = 0x5d;
const BRACE_OPEN = 0x7b;
const BRACE_CLOSE = 0x7d;
const PIPE = 0x7c;
const GREATER = 0x3e;

/** The signal, thrown inside the reader, that the document is outside the subset. */
const GIVE_UP: unique symbol = Symbol('give up');

/** Characters that start something other than a plain scalar (YAML's c-indicators). */
function isIndicator(code: number): boolean {
  switch (code) {
    case DASH:
    case 0x3f: // ?
    case COLON:
    case COMMA:
    case BRACKET_OPEN:
    case BRACKET_CLOSE:
    case BRACE_OPEN:
    case BRACE_CLOSE:
    case HASH:
    case AMPERSAND:
    case ASTERISK:
    case 0x21: // !
    case PIPE:
    case GREATER:
    case SINGLE_QUOTE:
    case DOUBLE_QUOTE:
    case PERCENT:
    case 0x40: // @
    case 0x60: // `
      return true;
    default:
      return false;
  }
}

/** A code unit that ends a token: a space, a line break or the end of the text (NaN). */
function isBlankOrEnd(code: number): boolean {
  return code === SPACE || code === NEWLINE || Number.isNaN(code);
}

/** A character that may follow a leading `-` of a plain scalar (YAML's ns-plain-safe). */
function isPlainSafe(code: number, flow: boolean): boolean {
  if (isBlankOrEnd(code) || code === TAB) return false;
  return !flow || (code !== COMMA && code !== BRACKET_OPEN && code !== BRACKET_CLOSE && code !== BRACE_OPEN && code !== BRACE_CLOSE);
}

/**
 * `work()`, giving up where it fails as the full reader would fail: on a scalar that does not fit
 * (`TypeError`), a bad escape or a bad block scalar.
 */
function orGiveUp<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TypeError || error instanceof QuotedScalarError || error instanceof BlockScalarError) throw GIVE_UP;
    throw error;
  }
}

/** An anchored value whose node is still being read: an alias to it would contain itself. */
interface PendingAnchor {
  readonly pending: true;
}

interface AnchoredValue {
  readonly value: JsonValue;
  /** Nodes the value holds, counted against {@link MAX_ALIAS_NODES} each time an alias copies it. */
  readonly nodes: number;
  /** True when scalar nodes were recorded for it (a copy would need them too). */
  readonly recordsNodes: boolean;
}

/**
 * The JSON of the YAML document `text` as the full reader (`readDocument` in parse.ts) would give it
 * under go-yaml `version`'s rules (`topLevelKeys` for a kustomize resource, whose top-level keys
 * yaml.v3 decodes as Go strings), or {@link NOT_PLAIN} when the text is outside the subset this
 * reader handles. Never throws for bad input: that is left to the full reader.
 */
export function readPlainDocument(text: string, version: GoYamlVersion, topLevelKeys: boolean): JsonValue | typeof NOT_PLAIN {
  if (UNSHARED_CHARACTERS.test(text)) return NOT_PLAIN;
  try {
    return new PlainReader(text, version, topLevelKeys).document();
  } catch (error) {
    if (error === GIVE_UP) return NOT_PLAIN;
    throw error;
  }
}

/**
 * One pass over one document. Between nodes, `position` is on the first character of the next
 * content line (not blank, not a comment) and `indent` is that line's indentation, -1 at the end.
 */
class PlainReader {
  private position = 0;
  private indent = -1;
  private depth = 0;
  private nodes = 0;
  private aliasNodes = 0;
  private readonly anchors = new Map<string, AnchoredValue | PendingAnchor>();
  /**
   * The node of the scalar just read when kyaml sees more in it than its JSON value (as the full reader
   * records it): the container it goes into records it. `recordedNodes` counts those recorded.
   */
  private pendingNode: ScalarNode | undefined;
  private recordedNodes = 0;

  constructor(
    private readonly text: string,
    private readonly version: GoYamlVersion,
    private readonly topLevelKeys: boolean,
  ) {}

  document(): JsonValue {
    this.nextContentLine(true);
    if (this.indent === 0 && this.isDocumentMarker(this.position, DASH)) {
      this.position += 3;
      this.endOfLine();
      this.nextContentLine(false);
    }
    if (this.indent < 0) return null;
    const value = this.blockNode(this.indent, -1);
    if (this.indent >= 0) throw GIVE_UP;
    return value;
  }

  // ---- lines ----

  /**
   * Moves to the next content line. At column 0, a document marker or directive ends the subset,
   * except for a `---` at the very start (`atStart`), which {@link document} reads.
   */
  private nextContentLine(atStart: boolean): void {
    const text = this.text;
    let lineStart = this.position;
    for (;;) {
      let i = lineStart;
      while (text.charCodeAt(i) === SPACE) i++;
      const code = text.charCodeAt(i);
      if (Number.isNaN(code)) {
        this.position = i;
        this.indent = -1;
        return;
      }
      if (code === NEWLINE || code === HASH) {
        const end = text.indexOf('\n', i);
        if (end === -1) {
          this.position = text.length;
          this.indent = -1;
          return;
        }
        lineStart = end + 1;
        continue;
      }
      if (code === TAB) throw GIVE_UP;
      const column = i - lineStart;
      if (column === 0 && (code === PERCENT || this.isDocumentMarker(i, DOT) || (!atStart && this.isDocumentMarker(i, DASH)))) throw GIVE_UP;
      this.position = i;
      this.indent = column;
      return;
    }
  }

  /** True when `---` (or `...`, by `char`) followed by a blank or the end stands at `at`. */
  private isDocumentMarker(at: number, char: number): boolean {
    const text = this.text;
    return text.charCodeAt(at) === char && text.charCodeAt(at + 1) === char && text.charCodeAt(at + 2) === char && isBlankOrEnd(text.charCodeAt(at + 3));
  }

  /** Past spaces and a comment to the next line; anything else on the line ends the subset. */
  private endOfLine(): void {
    const text = this.text;
    let i = this.position;
    while (text.charCodeAt(i) === SPACE) i++;
    let code = text.charCodeAt(i);
    if (code === HASH && i > this.position) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      code = text.charCodeAt(i);
    }
    if (code === NEWLINE) i++;
    else if (!Number.isNaN(code)) throw GIVE_UP;
    this.position = i;
  }

  /** The column of `at` on its line. */
  private columnOf(at: number): number {
    return at - (this.text.lastIndexOf('\n', at - 1) + 1);
  }

  // ---- block nodes ----

  /** The node starting at `position`, in column `column`, inside a block collection indented `parentIndent`. */
  private blockNode(column: number, parentIndent: number): JsonValue {
    if (this.atSequenceEntry()) return this.sequence(column);
    const start = this.position;
    const key = this.mappingKey();
    if (key !== undefined) {
      this.position = start;
      return this.mapping(column, parentIndent < 0 && this.topLevelKeys);
    }
    // A scalar on a line of its own: only a whole document, on one line.
    if (parentIndent >= 0) throw GIVE_UP;
    const code = this.text.charCodeAt(this.position);
    if (code === AMPERSAND || code === ASTERISK || code === PIPE || code === GREATER) throw GIVE_UP;
    return this.inlineValue(parentIndent);
  }

  private atSequenceEntry(): boolean {
    return this.text.charCodeAt(this.position) === DASH && isBlankOrEnd(this.text.charCodeAt(this.position + 1));
  }

  private enter(): void {
    if (++this.depth > MAX_PLAIN_NESTING) throw GIVE_UP;
    this.nodes++;
  }

  /** A block mapping whose first key is at `position`, in column `indent`. */
  private mapping(indent: number, topLevel: boolean): JsonObject {
    this.enter();
    const result: JsonObject = {};
    for (;;) {
      const key = this.mappingKey();
      if (key === undefined) throw GIVE_UP;
      const name = this.keyName(key.text, key.style, topLevel);
      // yaml.v3 refuses a key twice; yaml.v2 keeps the last value (in the first key's place, as here).
      // No JSON value is undefined, so the plain lookup spares most own-property checks.
      if (this.version === 'v3' && result[name] !== undefined && hasOwn(result, name)) throw GIVE_UP;
      setOwn(result, name, this.entryValue(indent, true));
      this.recordPending(result, name);
      if (this.indent < indent) break;
      if (this.indent > indent) throw GIVE_UP;
    }
    this.depth--;
    return result;
  }

  /** A block sequence whose first `-` is at `position`, in column `indent`. */
  private sequence(indent: number): JsonValue[] {
    this.enter();
    const items: JsonValue[] = [];
    do {
      this.position++;
      items.push(this.entryValue(indent, false));
      this.recordPending(items, String(items.length - 1));
      if (this.indent > indent) throw GIVE_UP;
    } while (this.indent === indent && this.atSequenceEntry());
    this.depth--;
    return items;
  }

  /**
   * The value of a mapping entry (after its `:`) or sequence entry (after its `-`) of the collection in
   * column `indent`; leaves the reader on the next content line.
   */
  private entryValue(indent: number, inMapping: boolean): JsonValue {
    const text = this.text;
    // Where the blanks before a comment start: a comment needs one.
    let blanks = this.position;
    this.skipSpaces();
    let code = text.charCodeAt(this.position);
    let anchor: string | undefined;
    if (code === AMPERSAND) {
      anchor = this.anchorName();
      blanks = this.position;
      this.skipSpaces();
      code = text.charCodeAt(this.position);
    }
    if (code === NEWLINE || code === HASH || Number.isNaN(code)) {
      this.position = blanks;
      this.endOfLine();
      this.nextContentLine(false);
      const nested = this.indent > indent || (inMapping && this.indent === indent && this.atSequenceEntry());
      if (!nested) {
        if (anchor !== undefined) throw GIVE_UP;
        this.nodes++;
        if (this.version === 'v3') this.pendingNode = { text: '', tag: '!!null' };
        return null;
      }
      return this.anchored(anchor, () => this.blockNode(this.indent, indent));
    }
    if (code === ASTERISK) {
      if (anchor !== undefined) throw GIVE_UP;
      const value = this.alias();
      this.endOfLine();
      this.nextContentLine(false);
      return value;
    }
    if (!inMapping && anchor === undefined) {
      const column = this.columnOf(this.position);
      if (this.atSequenceEntry()) return this.sequence(column);
      const start = this.position;
      if (this.mappingKey() !== undefined) {
        this.position = start;
        return this.mapping(column, false);
      }
    }
    return this.anchored(anchor, () => this.inlineValue(indent));
  }

  /** Reads `read()`'s value and, with an anchor, binds the anchor to it (as go-yaml binds it: before the node's children). */
  private anchored(anchor: string | undefined, read: () => JsonValue): JsonValue {
    if (anchor === undefined) return read();
    const pending: PendingAnchor = { pending: true };
    this.anchors.set(anchor, pending);
    const nodesBefore = this.nodes;
    const recordedBefore = this.recordedNodes;
    const value = read();
    // Copies would need the records too: aliases of such values are the full reader's.
    const recordsNodes = this.recordedNodes > recordedBefore || this.pendingNode !== undefined;
    // An anchor of the same name inside the node is the one later aliases mean.
    if (this.anchors.get(anchor) === pending) this.anchors.set(anchor, { value, nodes: this.nodes - nodesBefore, recordsNodes });
    return value;
  }

  /** `&name` at `position`: the name (libyaml's anchor characters only). */
  private anchorName(): string {
    const start = ++this.position;
    const name = this.name();
    if (name === '' || !isBlankOrEnd(this.text.charCodeAt(this.position))) throw GIVE_UP;
    return this.text.slice(start, this.position);
  }

  /** `*name` at `position`: a copy of the anchored value, as the full reader converts the node again. */
  private alias(): JsonValue {
    this.position++;
    const name = this.name();
    const anchored = this.anchors.get(name);
    if (name === '' || anchored === undefined || 'pending' in anchored || anchored.recordsNodes) throw GIVE_UP;
    this.aliasNodes += anchored.nodes;
    this.nodes += anchored.nodes;
    if (this.aliasNodes > MAX_ALIAS_NODES) throw GIVE_UP;
    return cloneJson(anchored.value);
  }

  /** Letters, digits, `-` and `_` from `position` on (what libyaml allows in anchor names). */
  private name(): string {
    const text = this.text;
    const start = this.position;
    for (;;) {
      const code = text.charCodeAt(this.position);
      const lower = code | 0x20;
      if ((lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === DASH || code === 0x5f) this.position++;
      else return text.slice(start, this.position);
    }
  }

  // ---- keys ----

  /**
   * The key of a mapping entry at `position` (plain or quoted, then `:` and a blank), moving past
   * the `:`; undefined, with the position unchanged, when the line holds no mapping entry.
   */
  private mappingKey(): { text: string; style: ScalarStyle } | undefined {
    const text = this.text;
    const start = this.position;
    const first = text.charCodeAt(start);
    let key: { text: string; style: ScalarStyle } | undefined;
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      key = { text: this.quoted(), style: 'quoted' };
      if (text.charCodeAt(this.position) !== COLON || !isBlankOrEnd(text.charCodeAt(this.position + 1))) key = undefined;
    } else if (!isIndicator(first)) {
      for (let i = start; ; i++) {
        const code = text.charCodeAt(i);
        if (code === NEWLINE || Number.isNaN(code)) break;
        if (code === TAB) throw GIVE_UP;
        if (code === HASH && text.charCodeAt(i - 1) === SPACE) break;
        if (code === COLON && isBlankOrEnd(text.charCodeAt(i + 1))) {
          if (text.charCodeAt(i - 1) === SPACE) throw GIVE_UP;
          key = { text: text.slice(start, i), style: 'plain' };
          this.position = i;
          break;
        }
      }
    }
    if (key === undefined) {
      this.position = start;
      return undefined;
    }
    if (this.position - start > MAX_KEY_LENGTH) throw GIVE_UP;
    this.position++;
    return key;
  }

  /** A key as the full reader converts it; `<<` (a merge, or removed by kyaml) ends the subset. */
  private keyName(text: string, style: ScalarStyle, topLevel: boolean): string {
    if (text === '<<') throw GIVE_UP;
    this.nodes++;
    return orGiveUp(() => {
      const resolved = scalarMeaning(text, undefined, style, 'key', this.version);
      return this.version === 'v3' ? kyamlKeyText(text, resolved, topLevel) : sigsYamlKeyText(text, resolved);
    });
  }

  // ---- scalars and flow collections ----

  /** A scalar or flow collection starting at `position` and ending its line (a block scalar: its lines). */
  private inlineValue(parentIndent: number): JsonValue {
    const text = this.text;
    const code = text.charCodeAt(this.position);
    let value: JsonValue;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      value = this.scalar(this.quoted(), 'quoted', 'block');
    } else if (code === PIPE || code === GREATER) {
      return this.blockScalar(parentIndent);
    } else if (code === BRACKET_OPEN) {
      value = this.flowSequence();
    } else if (code === BRACE_OPEN) {
      if (text.charCodeAt(this.position + 1) !== BRACE_CLOSE) throw GIVE_UP;
      this.position += 2;
      this.nodes++;
      value = {};
    } else {
      value = this.scalar(this.plain(false), 'plain', 'block');
    }
    this.endOfLine();
    this.nextContentLine(false);
    return value;
  }

  private scalar(text: string, style: ScalarStyle, place: ScalarPlace): JsonValue {
    this.nodes++;
    const resolved = orGiveUp(() => scalarMeaning(text, undefined, style, place, this.version));
    const value = orGiveUp(() => scalarToJson(resolved, text, this.version));
    if (this.version === 'v3' && style === 'plain') this.pendingNode = unusualScalarNode(value, text, resolved.tag);
    return value;
  }

  /** Records the node of the scalar just read, if it needs a record, at `key` of `container`. */
  private recordPending(container: JsonObject | JsonValue[], key: string): void {
    if (this.pendingNode === undefined) return;
    recordScalarNode(container, key, this.pendingNode);
    this.pendingNode = undefined;
    this.recordedNodes++;
  }

  /**
   * A plain scalar on one line from `position` (in a flow collection when `flow`): up to a comment,
   * the end of the line or (in flow) an indicator, trailing spaces dropped.
   */
  private plain(flow: boolean): string {
    const text = this.text;
    const start = this.position;
    const first = text.charCodeAt(start);
    if (isIndicator(first) && !(first === DASH && isPlainSafe(text.charCodeAt(start + 1), flow))) throw GIVE_UP;
    let end = start;
    let i = start;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === NEWLINE || Number.isNaN(code)) break;
      if (code === TAB) throw GIVE_UP;
      if (code === HASH && text.charCodeAt(i - 1) === SPACE) break;
      if (code === COLON) {
        const next = text.charCodeAt(i + 1);
        if (isBlankOrEnd(next) || (flow && (next === COMMA || next === BRACKET_CLOSE))) throw GIVE_UP;
      }
      if (flow && (code === COMMA || code === BRACKET_CLOSE)) break;
      if (flow && (code === BRACKET_OPEN || code === BRACE_OPEN || code === BRACE_CLOSE)) throw GIVE_UP;
      if (code !== SPACE) end = i + 1;
      i++;
    }
    this.position = end;
    return text.slice(start, end);
  }

  /** A single- or double-quoted scalar on one line at `position`, decoded as libyaml decodes it. */
  private quoted(): string {
    const text = this.text;
    const start = this.position;
    const quote = text.charCodeAt(start);
    let i = start + 1;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === NEWLINE || Number.isNaN(code)) throw GIVE_UP;
      if (quote === DOUBLE_QUOTE && code === 0x5c /* \ */) {
        // An escaped line break continues the scalar on the next line.
        if (text.charCodeAt(i + 1) === NEWLINE) throw GIVE_UP;
        i += 2;
      } else if (code === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) i += 2;
        else break;
      } else i++;
    }
    this.position = i + 1;
    if (quote === SINGLE_QUOTE) return text.slice(start + 1, i).replaceAll("''", "'");
    return orGiveUp(() => decodeDoubleQuoted(text.slice(start, i + 1)));
  }

  /** A literal or folded block scalar at `position`, value of the collection indented `parentIndent`. */
  private blockScalar(parentIndent: number): JsonValue {
    const text = this.text;
    const start = this.position;
    let i = start + 1;
    const chomping = text.charCodeAt(i);
    if (chomping === DASH || chomping === 0x2b /* + */) i++;
    // An indentation indicator, or leading blank lines that fix the indentation, are left to the full reader.
    if (!isBlankOrEnd(text.charCodeAt(i))) throw GIVE_UP;
    const lineEnd = text.indexOf('\n', i);
    if (lineEnd !== -1) {
      let next = lineEnd + 1;
      while (text.charCodeAt(next) === SPACE) next++;
      if (text.charCodeAt(next) === NEWLINE) throw GIVE_UP;
    }
    const scanned = orGiveUp(() => scanBlockScalar(text, start, parentIndent));
    const value = this.scalar(scanned.value, text.charCodeAt(start) === PIPE ? 'literal' : 'folded', 'block');
    this.position = scanned.end;
    this.nextContentLine(false);
    return value;
  }

  /** A flow sequence of scalars on one line at `position`. */
  private flowSequence(): JsonValue[] {
    const text = this.text;
    this.enter();
    this.position++;
    const items: JsonValue[] = [];
    this.skipSpaces();
    if (text.charCodeAt(this.position) === BRACKET_CLOSE) {
      this.position++;
      this.depth--;
      return items;
    }
    for (;;) {
      const code = text.charCodeAt(this.position);
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) items.push(this.scalar(this.quoted(), 'quoted', 'flow'));
      else {
        const item = this.plain(true);
        if (item === '') throw GIVE_UP;
        items.push(this.scalar(item, 'plain', 'flow'));
        this.recordPending(items, String(items.length - 1));
      }
      this.skipSpaces();
      const next = text.charCodeAt(this.position++);
      if (next === BRACKET_CLOSE) break;
      if (next !== COMMA) throw GIVE_UP;
      this.skipSpaces();
      if (text.charCodeAt(this.position) === BRACKET_CLOSE) throw GIVE_UP;
    }
    this.depth--;
    return items;
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.position) === SPACE) this.position++;
  }
}
