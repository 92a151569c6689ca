/**
 * Block scalars (`|` and `>`) decoded as libyaml (go-yaml) decodes them. The `yaml` package
 * follows YAML 1.2 and differs on lines holding only spaces: libyaml keeps a line with more spaces
 * than the block's indentation as content, and refuses a tab inside the indentation.
 */
import { isBreakChar } from './chars.js';

/** A problem in a block scalar, with the offset (in the whole text) where it lies. */
export class BlockScalarError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const enum Chomping {
  Strip = -1,
  Clip = 0,
  Keep = 1,
}

/**
 * The value of the block scalar whose indicator (`|` or `>`) is at `start` of `text`, per
 * libyaml's `yaml_parser_scan_block_scalar`. `parentIndent` is the indentation of the block
 * collection holding it (-1 or 0 at the top).
 */
export function decodeBlockScalar(text: string, start: number, parentIndent: number): string {
  return scanBlockScalar(text, start, parentIndent).value;
}

/** A block scalar as libyaml scans it: its value, and where the first line after it starts. */
export interface ScannedBlockScalar {
  readonly value: string;
  /** Offset of the start of the first line that is not part of the scalar, or the text's length. */
  readonly end: number;
}

/** {@link decodeBlockScalar}, also saying where the scalar ends. */
export function scanBlockScalar(text: string, start: number, parentIndent: number): ScannedBlockScalar {
  const literal = text[start] === '|';
  let position = start + 1;
  let chomping = Chomping.Clip;
  let increment = 0;
  // Indicators: chomping and indentation, in either order.
  for (let round = 0; round < 2; round++) {
    const char = text[position];
    if ((char === '+' || char === '-') && chomping === Chomping.Clip) {
      chomping = char === '+' ? Chomping.Keep : Chomping.Strip;
      position++;
    } else if (char !== undefined && char >= '0' && char <= '9' && increment === 0) {
      if (char === '0') throw new BlockScalarError('found an indentation indicator equal to 0', position);
      increment = Number(char);
      position++;
    }
  }
  while (text[position] === ' ' || text[position] === '\t') position++;
  if (text[position] === '#') while (position < text.length && !isBreakChar(text[position])) position++;
  if (position < text.length && !isBreakChar(text[position])) {
    throw new BlockScalarError('did not find expected comment or line break', position);
  }
  position = skipBreak(text, position);

  let indent = increment > 0 ? (parentIndent >= 0 ? parentIndent + increment : increment) : 0;
  let column = 0;
  let value = '';
  let leadingBreak = '';
  let trailingBreaks = '';

  /** libyaml's `scan_block_scalar_breaks`: indentation and empty lines, fixing the indent if unknown. */
  const scanBreaks = (): void => {
    let maxIndent = 0;
    for (;;) {
      column = 0;
      while ((indent === 0 || column < indent) && text[position] === ' ') {
        position++;
        column++;
      }
      if (column > maxIndent) maxIndent = column;
      if ((indent === 0 || column < indent) && text[position] === '\t') {
        throw new BlockScalarError('found a tab character where an indentation space is expected', position);
      }
      if (position >= text.length || !isBreakChar(text[position])) break;
      trailingBreaks += breakText(text, position);
      position = skipBreak(text, position);
    }
    if (indent === 0) indent = Math.max(maxIndent, parentIndent + 1, 1);
  };

  scanBreaks();
  let leadingBlank = false;
  while (column === indent && position < text.length) {
    const trailingBlank = text[position] === ' ' || text[position] === '\t';
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak === '\n') {
      if (trailingBreaks === '') value += ' ';
    } else {
      value += leadingBreak;
    }
    value += trailingBreaks;
    leadingBreak = '';
    trailingBreaks = '';
    leadingBlank = text[position] === ' ' || text[position] === '\t';
    const lineEnd = nextBreak(text, position);
    value += text.slice(position, lineEnd);
    position = lineEnd;
    if (position >= text.length) break;
    leadingBreak = breakText(text, position);
    position = skipBreak(text, position);
    scanBreaks();
  }
  if (chomping !== Chomping.Strip) value += leadingBreak;
  if (chomping === Chomping.Keep) value += trailingBreaks;
  // The scan stops on the first character of a less indented line, or at the end of the text.
  return { value, end: position >= text.length ? text.length : position - column };
}

/** The break as libyaml's `read_line` keeps it: CR, LF, CRLF and NEL become `\n`; LS and PS stay. */
function breakText(text: string, position: number): string {
  const char = text[position];
  return char === '\u2028' || char === '\u2029' ? char! : '\n';
}

function skipBreak(text: string, position: number): number {
  if (text[position] === '\r' && text[position + 1] === '\n') return position + 2;
  return isBreakChar(text[position]) ? position + 1 : position;
}

function nextBreak(text: string, position: number): number {
  let end = position;
  while (end < text.length && !isBreakChar(text[end])) end++;
  return end;
}
