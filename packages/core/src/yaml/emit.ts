/**
 * Prints plain JSON exactly as `kubectl kustomize` prints it. kustomize turns each resource into
 * JSON (`encoding/json`) and that JSON into YAML with sigs.k8s.io/yaml `JSONToYAML`: yaml.v2 reads
 * the JSON text and its emitter (a port of libyaml) writes it out. This file follows that emitter:
 * keys in yaml.v2 order, block sequences not indented under their key, YAML 1.1-aware quoting,
 * literal blocks for multi-line text, and lines folded past column 80.
 */
import { KustomizeError } from '../errors.js';
import type { JsonObject, JsonValue } from '../json.js';
import { isBreak, isPrintable, utf8Length } from './chars.js';
import { MAX_NESTING } from './compose.js';
import { formatGoYamlNumber } from './go-number.js';
import { sortKeys } from './key-order.js';
import { isPlainStringForV2 } from './resolve.js';

/** libyaml's preferred line width: a scalar is folded at the first space past this column. */
const BEST_WIDTH = 80;
const BEST_INDENT = 2;
/** Longest key (in UTF-8 bytes) libyaml writes as `key: value`; longer keys use `? key`. */
const MAX_SIMPLE_KEY_LENGTH = 128;

const enum ScalarStyle {
  Plain,
  SingleQuoted,
  DoubleQuoted,
  Literal,
}

/** What libyaml's `yaml_emitter_analyze_scalar` learns about a scalar, reduced to block context. */
interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly plainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

/** A string scalar ready to write: its text after the JSON round trip and the style yaml.v2 asks for. */
interface StringScalar {
  readonly text: string;
  readonly requested: ScalarStyle;
  readonly analysis: ScalarAnalysis;
}

/**
 * One document as `kubectl kustomize` prints it (always ending with a newline).
 * Throws a `KustomizeError` for values kustomize cannot print: NaN or infinite numbers,
 * strings with control characters yaml.v2 refuses, and (`limit-exceeded`) collections nested
 * deeper than the reader accepts.
 */
export function emitYaml(value: JsonValue): string {
  const writer = new YamlWriter();
  writer.node(value, false, false);
  writer.writeIndent();
  return writer.parts.join('');
}

/** Documents joined as kustomize joins them: `---` between documents, none before the first. */
export function emitDocuments(values: readonly JsonValue[]): string {
  return values.map(emitYaml).join('---\n');
}

/** libyaml's emitter state, with the writes the block-style emitter uses. */
class YamlWriter {
  readonly parts: string[] = [];
  private column = 0;
  private indent = -1;
  /** The last thing written was whitespace (or nothing): an indicator needs no space before it. */
  private whitespace = true;
  /** Only indentation (and `-`/`?` indicators) written on this line so far. */
  private indention = true;
  /** Collections open around the current node. */
  private depth = 0;

  node(value: JsonValue, mappingContext: boolean, simpleKey: boolean): void {
    // `undefined` cannot be JSON; like JSON.stringify, an array slot holding it prints as null.
    if (value === null || value === undefined) this.plainWord('null');
    else if (typeof value === 'boolean') this.plainWord(value ? 'true' : 'false');
    else if (typeof value === 'number') this.plainWord(numberText(value));
    else if (typeof value === 'string') this.scalar(stringScalar(value), simpleKey);
    else if (Array.isArray(value)) {
      if (value.length === 0) this.emptyFlow('[', ']');
      else this.nested(() => this.sequence(value, mappingContext));
    } else {
      // Like JSON.stringify, a key whose value is `undefined` is left out.
      const keys = Object.keys(value).filter((key) => value[key] !== undefined);
      if (keys.length === 0) this.emptyFlow('{', '}');
      else this.nested(() => this.mapping(value, sortKeys(keys)));
    }
  }

  /** Writes a collection one level deeper, refusing to go past the nesting the reader accepts. */
  private nested(write: () => void): void {
    if (++this.depth > MAX_NESTING) {
      throw new KustomizeError('limit-exceeded', `value nests collections more than ${MAX_NESTING} levels deep`, {}, 'flatten the value');
    }
    write();
    this.depth--;
  }

  private sequence(items: readonly JsonValue[], mappingContext: boolean): void {
    const saved = this.indent;
    // A sequence that is a mapping value starts on the key's column ("indentless").
    if (this.indent < 0) this.indent = 0;
    else if (!(mappingContext && !this.indention)) this.indent += BEST_INDENT;
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false, false);
    }
    this.indent = saved;
  }

  private mapping(object: JsonObject, keys: readonly string[]): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + BEST_INDENT;
    for (const key of keys) {
      refuseUnreadableKey(key);
      this.writeIndent();
      const scalar = stringScalar(key);
      if (!scalar.analysis.multiline && utf8Length(scalar.text) <= MAX_SIMPLE_KEY_LENGTH) {
        this.scalar(scalar, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(scalar, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(object[key] as JsonValue, true, false);
    }
    this.indent = saved;
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  /** A null, boolean or number: always plain, never folded (it has no spaces). */
  private plainWord(text: string): void {
    if (!this.whitespace) this.put(' ');
    this.parts.push(text);
    this.column += text.length;
    this.whitespace = false;
    this.indention = false;
  }

  private scalar(scalar: StringScalar, simpleKey: boolean): void {
    const style = selectStyle(scalar, simpleKey);
    const saved = this.indent;
    this.indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT;
    const allowBreaks = !simpleKey;
    switch (style) {
      case ScalarStyle.Plain:
        this.writePlain(scalar.text, allowBreaks);
        break;
      case ScalarStyle.SingleQuoted:
        this.writeSingleQuoted(scalar.text, allowBreaks);
        break;
      case ScalarStyle.DoubleQuoted:
        this.writeDoubleQuoted(scalar.text, allowBreaks);
        break;
      case ScalarStyle.Literal:
        this.writeLiteral(scalar.text);
        break;
    }
    this.indent = saved;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.parts.push(spaces(indent - this.column));
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.parts.push(indicator);
    this.column += indicator.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private put(char: string): void {
    this.parts.push(char);
    this.column++;
  }

  private putBreak(): void {
    this.parts.push('\n');
    this.column = 0;
  }

  /** A line break from the text itself: `\n` as a newline, other breaks copied as they are. */
  private writeBreak(char: string): void {
    if (char === '\n') this.putBreak();
    else {
      this.parts.push(char);
      this.column = 0;
    }
  }

  private writePlain(text: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const length = codePointLength(text);
    if (!allowBreaks || this.column + length <= BEST_WIDTH + 1 || !text.includes(' ')) {
      this.parts.push(text);
      this.column += length;
    } else {
      let spaces = false;
      for (let i = 0; i < text.length; ) {
        if (text.charCodeAt(i) === 0x20) {
          if (!spaces && this.column > BEST_WIDTH && text[i + 1] !== ' ') this.writeIndent();
          else this.put(' ');
          spaces = true;
          i++;
        } else {
          // A word at once: the same characters and columns as one by one.
          let end = text.indexOf(' ', i);
          if (end === -1) end = text.length;
          const word = text.slice(i, end);
          this.parts.push(word);
          this.column += codePointLength(word);
          this.indention = false;
          spaces = false;
          i = end;
        }
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < text.length; i++) {
      const char = charAt(text, i);
      const code = char.codePointAt(0)!;
      if (char === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < text.length - 1 && text[i + 1] !== ' ') {
          this.writeIndent();
        } else {
          this.put(' ');
        }
        spaces = true;
      } else if (isBreak(code)) {
        if (!breaks && char === '\n') this.putBreak();
        this.writeBreak(char);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (char === "'") this.put("'");
        this.parts.push(char);
        this.column++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
      i += char.length - 1;
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // libyaml's BOM test looks at the start of the value, so a leading BOM escapes every character.
    const escapeAll = text.charCodeAt(0) === 0xfeff;
    let spaces = false;
    for (let i = 0; i < text.length; i++) {
      const char = charAt(text, i);
      const code = char.codePointAt(0)!;
      if (escapeAll || !isPrintable(code) || isBreak(code) || char === '"' || char === '\\') {
        const escape = escapeSequence(code);
        this.parts.push(escape);
        this.column += escape.length;
        spaces = false;
      } else if (char === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < text.length - 1) {
          this.writeIndent();
          if (text[i + 1] === ' ') this.put('\\');
        } else {
          this.put(' ');
        }
        spaces = true;
      } else {
        this.parts.push(char);
        this.column++;
        spaces = false;
      }
      i += char.length - 1;
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(text: string): void {
    this.writeIndicator('|', true, false, false);
    const first = text.codePointAt(0)!;
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomping = chompingIndicator(text);
    if (chomping !== '') this.writeIndicator(chomping, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < text.length; ) {
      if (isBreak(text.charCodeAt(i))) {
        this.writeBreak(text[i]!);
        this.indention = true;
        breaks = true;
        i++;
      } else {
        // A line at once: the same characters and columns as one by one.
        let end = i + 1;
        while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
        const line = text.slice(i, end);
        if (breaks) this.writeIndent();
        this.parts.push(line);
        this.column += codePointLength(line);
        this.indention = false;
        breaks = false;
        i = end;
      }
    }
  }
}

const SPACES = ' '.repeat(64);

function spaces(count: number): string {
  return count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count);
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) {
    throw new KustomizeError('invalid-resource', `cannot print the number ${value}: JSON has no NaN or infinity`);
  }
  return formatGoYamlNumber(value);
}

/**
 * yaml.v2 reads the JSON's keys as simple keys, which must sit on one line and end within 1024
 * characters of their start: a key with a raw NEL, or whose JSON literal is longer, fails.
 */
function refuseUnreadableKey(key: string): void {
  const multiline = key.includes('\u0085');
  if (!multiline && key.length <= MAX_SAFE_KEY_LENGTH) return;
  if (multiline || jsonLiteralLength(key) > MAX_JSON_KEY_LENGTH) {
    throw new KustomizeError(
      'invalid-resource',
      `cannot print the key ${JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)}: kustomize's YAML printer cannot read it back (${multiline ? 'it contains NEL, a line break' : `its JSON form exceeds ${MAX_JSON_KEY_LENGTH} characters`})`,
      {},
      'shorten the key',
    );
  }
}

/** Longest JSON string literal, quotes included, that yaml.v2 accepts as a key. */
const MAX_JSON_KEY_LENGTH = 1024;
/** Keys up to this many UTF-16 units cannot exceed it: no character's JSON form is longer than six. */
const MAX_SAFE_KEY_LENGTH = Math.floor((MAX_JSON_KEY_LENGTH - 2) / 6);

/** Characters in `encoding/json`'s literal for `text` (a `\u003c` escape is six, an emoji one). */
function jsonLiteralLength(text: string): number {
  let length = 2;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\' || char === '\n' || char === '\r' || char === '\t' || char === '\b' || char === '\f') length += 2;
    else if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) length += 6;
    else length += 1;
  }
  return length;
}

/** The style yaml.v2 asks for, before libyaml checks what the text allows. */
function stringScalar(value: string): StringScalar {
  const text = jsonRoundTrip(value);
  const requested = text.includes('\n')
    ? ScalarStyle.Literal
    : isPlainStringForV2(text)
      ? ScalarStyle.Plain
      : ScalarStyle.DoubleQuoted;
  return { text, requested, analysis: analyzeScalar(text) };
}

/** libyaml's `yaml_emitter_select_scalar_style`, in block context. */
function selectStyle(scalar: StringScalar, simpleKey: boolean): ScalarStyle {
  const { analysis } = scalar;
  let style = scalar.requested;
  if (simpleKey && analysis.multiline) style = ScalarStyle.DoubleQuoted;
  if (style === ScalarStyle.Plain && (!analysis.plainAllowed || (scalar.text === '' && simpleKey))) {
    style = ScalarStyle.SingleQuoted;
  }
  if (style === ScalarStyle.SingleQuoted && !analysis.singleQuotedAllowed) style = ScalarStyle.DoubleQuoted;
  if (style === ScalarStyle.Literal && (!analysis.blockAllowed || simpleKey)) style = ScalarStyle.DoubleQuoted;
  return style;
}

/** libyaml's `yaml_emitter_analyze_scalar`: which styles can carry the text unchanged. */
function analyzeScalar(text: string): ScalarAnalysis {
  if (text === '') return { multiline: false, plainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let indicators = text.startsWith('---') || text.startsWith('...');
  const first = text.charCodeAt(0);
  const followedByBlank = (index: number): boolean => index >= text.length || text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09;
  if (FIRST_CHARACTER_INDICATORS.includes(text[0]!)) indicators = true;
  else if ((first === 0x3f /* ? */ || first === 0x3a /* : */ || first === 0x2d /* - */) && followedByBlank(1)) indicators = true;
  let lineBreaks = false;
  let special = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = text.codePointAt(i++)!;
    if (i > 0 && ((code === 0x3a /* : */ && followedByBlank(i + 1)) || (code === 0x23 /* # */ && precededByWhitespace))) indicators = true;
    if (!isPrintable(code)) special = true;
    const lineBreak = isBreak(code);
    if (code === 0x20) {
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (lineBreak) {
      lineBreaks = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = code === 0x20 || code === 0x09 || code === 0 || lineBreak;
  }
  const last = text.charCodeAt(text.length - 1);
  const leadingBlank = first === 0x20 || isBreak(first);
  const trailingSpace = last === 0x20;
  const edgeWhitespace = leadingBlank || trailingSpace || isBreak(last);
  return {
    multiline: lineBreaks,
    plainAllowed: !(edgeWhitespace || breakSpace || spaceBreak || special || lineBreaks || indicators),
    singleQuotedAllowed: !(breakSpace || spaceBreak || special),
    blockAllowed: !(trailingSpace || spaceBreak || special),
  };
}

/** Characters that make a scalar starting with them need quotes (`?`, `:` and `-` only before a blank). */
const FIRST_CHARACTER_INDICATORS = '#,[]{}&*!|>\'"%@`';

function chompingIndicator(text: string): string {
  const chars = Array.from(text);
  const last = chars[chars.length - 1]!.codePointAt(0)!;
  if (!isBreak(last)) return '-';
  if (chars.length === 1) return '+';
  return isBreak(chars[chars.length - 2]!.codePointAt(0)!) ? '+' : '';
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function escapeSequence(code: number): string {
  const short = SHORT_ESCAPES[code];
  if (short !== undefined) return `\\${short}`;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/**
 * The string yaml.v2 reads back from kustomize's JSON: `encoding/json` leaves some characters
 * unescaped, so yaml.v2's reader rejects raw control characters (U+007F–U+009F but NEL, U+FFFE,
 * U+FFFF) and folds a raw NEL inside the double-quoted JSON string like any line break.
 */
function jsonRoundTrip(value: string): string {
  if (!NEEDS_ROUND_TRIP.test(value)) return value;
  const text = value.replace(/\p{Cs}/gu, '\uFFFD');
  const control = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.exec(text);
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new KustomizeError(
      'invalid-resource',
      `cannot print the string ${JSON.stringify(value)}: kustomize's YAML printer rejects the control character U+${code} ("yaml: control characters are not allowed")`,
      {},
      'escape or remove the character',
    );
  }
  return text.includes('\u0085') ? foldRawLineBreaks(text) : text;
}

const NEEDS_ROUND_TRIP = /[\u007f-\u009f\ufffe\uffff\ud800-\udfff]/;

/**
 * libyaml's double-quoted scalar scanner over a JSON string whose only raw blanks are spaces and
 * whose only raw line break is NEL: a single break becomes a space, further breaks become newlines,
 * and spaces around breaks are dropped.
 */
function foldRawLineBreaks(text: string): string {
  let result = '';
  let i = 0;
  for (;;) {
    while (i < text.length && text[i] !== ' ' && text[i] !== '\u0085') result += text[i++];
    if (i >= text.length) return result;
    let whitespace = '';
    let breaks = 0;
    while (i < text.length && (text[i] === ' ' || text[i] === '\u0085')) {
      if (text[i] === ' ') {
        if (breaks === 0) whitespace += ' ';
      } else {
        breaks++;
      }
      i++;
    }
    if (breaks === 0) result += whitespace;
    else result += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
    if (text[i - 1] === '\u0085' && /^(?:---|\.\.\.)[ \u0085]/.test(text.slice(i, i + 4))) {
      throw new KustomizeError(
        'invalid-resource',
        `cannot print the string ${JSON.stringify(text)}: a NEL followed by a document marker breaks kustomize's YAML printer ("found unexpected document indicator")`,
      );
    }
  }
}

function charAt(text: string, index: number): string {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? text.slice(index, index + 2) : text[index]!;
}

function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) length--;
  }
  return length;
}
