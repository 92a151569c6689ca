/**
 * Double-quoted scalars decoded as libyaml (go-yaml) decodes them. The `yaml` package follows
 * YAML 1.2, which differs in small ways: libyaml accepts `\'` and `\<TAB>`, rejects `\/` and
 * surrogate code points, and treats LS/PS as line breaks when folding.
 */
import { isBreakChar } from './chars.js';

/** A problem in a double-quoted scalar, with the offset (in the quoted text) where it lies. */
export class QuotedScalarError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  "'": "'",
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_ESCAPE_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}


/** The break as libyaml's `read_line` keeps it: CR, LF, CRLF and NEL become `\n`; LS and PS stay. */
function readBreak(source: string, index: number): { text: string; length: number } {
  const char = source[index]!;
  if (char === '\r' && source[index + 1] === '\n') return { text: '\n', length: 2 };
  return { text: char === '\u2028' || char === '\u2029' ? char : '\n', length: 1 };
}

/**
 * The value of the double-quoted scalar `source` (quotes included), per libyaml's
 * `yaml_parser_scan_flow_scalar`. Throws a `QuotedScalarError` for a bad escape.
 */
export function decodeDoubleQuoted(source: string): string {
  let value = '';
  let i = 1;
  const end = source.length - 1;
  while (i < end) {
    let leadingBlanks = false;
    // Non-blank characters, escapes included.
    while (i < end && !isBlank(source[i]) && !isBreakChar(source[i])) {
      const char = source[i]!;
      if (char !== '\\') {
        value += char;
        i++;
        continue;
      }
      const code = source[i + 1];
      if (isBreakChar(code)) {
        // An escaped line break joins the lines without a space.
        i += 1 + readBreak(source, i + 1).length;
        leadingBlanks = true;
        break;
      }
      const simple = code === undefined ? undefined : SIMPLE_ESCAPES[code];
      if (simple !== undefined) {
        value += simple;
        i += 2;
        continue;
      }
      const length = code === undefined ? undefined : HEX_ESCAPE_LENGTHS[code];
      if (length === undefined) throw new QuotedScalarError('found unknown escape character', i);
      const digits = source.slice(i + 2, i + 2 + length);
      if (digits.length !== length || !/^[0-9a-fA-F]+$/.test(digits)) {
        throw new QuotedScalarError('did not find expected hexdecimal number', i);
      }
      const codePoint = Number.parseInt(digits, 16);
      if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) {
        throw new QuotedScalarError('found invalid Unicode character escape code', i);
      }
      value += String.fromCodePoint(codePoint);
      i += 2 + length;
    }
    if (i >= end) break;
    // Blanks and line breaks between words, folded.
    let whitespace = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    while (i < end && (isBlank(source[i]) || isBreakChar(source[i]))) {
      if (isBlank(source[i])) {
        if (!leadingBlanks) whitespace += source[i];
        i++;
      } else {
        const lineBreak = readBreak(source, i);
        if (!leadingBlanks) {
          whitespace = '';
          leadingBreak = lineBreak.text;
          leadingBlanks = true;
        } else {
          trailingBreaks += lineBreak.text;
        }
        i += lineBreak.length;
      }
    }
    if (!leadingBlanks) value += whitespace;
    else if (leadingBreak === '\n') value += trailingBreaks === '' ? ' ' : trailingBreaks;
    else value += leadingBreak + trailingBreaks;
  }
  return value;
}

/**
 * Where the quoted scalar starting at `start` (on its quote) ends as libyaml scans it: the offset
 * of the closing quote, or -1 when there is none. libyaml looks only for the closing quote,
 * wherever the lines in between are indented.
 */
export function quotedScalarEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (quote === '"' && char === '\\') i++;
    else if (char === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * `text` with the lines inside the quoted scalar `[start, end]` indented past `start`'s column.
 * The YAML 1.2 parser wants continuation lines indented; libyaml does not, and since folding drops
 * a continuation line's leading blanks the value stays the same. A line starting with a document
 * marker is left alone (libyaml refuses it).
 */
export function indentQuotedContinuations(text: string, start: number, end: number): string {
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  const indent = ' '.repeat(column + 1);
  let result = text.slice(0, start);
  let lineStart = start;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    result += text.slice(lineStart, i + 1);
    lineStart = i + 1;
    if (!/^(?:---|\.\.\.)(?:[ \t\n]|$)/.test(text.slice(lineStart, lineStart + 4))) result += indent;
  }
  return result + text.slice(lineStart);
}
