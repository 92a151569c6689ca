/**
 * What kyaml's output path does to scalars before kustomize prints them: `RNode.MarshalJSON`
 * encodes the node with yaml.v3 (keeping each scalar's style) and decodes that text again.
 * Two effects survive the round trip:
 * - an empty plain scalar in a flow collection or as a key is written `''`, so it comes back as
 *   the empty string instead of null;
 * - yaml.v3's folded-block writer looks for the next line's first character from the start of
 *   the value instead of the current position (`k := 0`), so it sometimes adds or omits a blank
 *   line, and the folded text reads back different;
 * - a block scalar starting with a tab is written without an indentation indicator, which
 *   yaml.v3 then refuses to read.
 */
import { decodeBlockScalar } from './block.js';
import { isBreak, isBreakChar, isPrintable, utf8Length } from './chars.js';

/** Where a scalar sits, which decides how yaml.v3 re-encodes it. */
export type ScalarPlace = 'block' | 'flow' | 'key';

/** Longest simple key (UTF-8 bytes) yaml.v3 writes without `? `. */
const MAX_SIMPLE_KEY_LENGTH = 128;

/** True when an empty plain scalar at `place` comes back from yaml.v3 as `""` rather than null. */
export function emptyPlainBecomesString(place: ScalarPlace): boolean {
  return place !== 'block';
}

/**
 * The value of a block scalar (`|`, or `>` when `folded`) after yaml.v3 writes it back and reads
 * it again. Unchanged when yaml.v3 would not write it as a block (it picks double quotes inside
 * flow collections, for simple keys, and for text a block cannot carry) and for literal blocks.
 * Throws a `TypeError` when yaml.v3 cannot read its own block: one whose first character is a tab.
 */
export function reencodeBlockScalar(value: string, folded: boolean, place: ScalarPlace): string {
  if (!writtenAsBlock(value, place)) return value;
  if (value.startsWith('\t')) {
    throw new TypeError('kustomize cannot write back a block scalar starting with a tab (found a tab character where an indentation space is expected)');
  }
  return folded ? decodeBlockScalar(foldedText(value), 0, -1) : value;
}

function writtenAsBlock(value: string, place: ScalarPlace): boolean {
  if (place === 'flow' || !blockAllowed(value)) return false;
  const simpleKey = place === 'key' && !/[\n\r\u0085\u2028\u2029]/.test(value) && utf8Length(value) <= MAX_SIMPLE_KEY_LENGTH;
  return !simpleKey;
}

/** yaml.v3's `analyze_scalar`: a block scalar cannot end in a space, put a space before a break, or hold special characters. */
function blockAllowed(value: string): boolean {
  if (value === '' || value.endsWith(' ')) return false;
  let previous = 0;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code !== 0x09 && !isPrintable(code)) return false;
    if (previous === 0x20 && isBreak(code)) return false;
    previous = code;
  }
  return true;
}

/** The folded block yaml.v3 writes for `value` (indent 2, no width limit), header included, at the top of a document. */
function foldedText(value: string): string {
  let header = '>';
  if (value.startsWith(' ') || isBreakChar(value[0])) header += '2';
  const last = value[value.length - 1];
  if (!isBreakChar(last)) header += '-';
  else if (value.length === 1 || isBreakChar(value[value.length - 2])) header += '+';
  // The bug: the look-ahead starts at the beginning of the value, past its leading line breaks.
  let start = 0;
  while (isBreakChar(value[start])) start++;
  const firstContentIsBlank = value[start] === ' ' || value[start] === '\t';
  let body = '';
  let breaks = true;
  let leadingSpaces = true;
  for (const char of value) {
    if (isBreakChar(char)) {
      if (!breaks && !leadingSpaces && char === '\n' && !firstContentIsBlank) body += '\n';
      body += char;
      breaks = true;
    } else {
      if (breaks) {
        body += '  ';
        leadingSpaces = char === ' ' || char === '\t';
      }
      body += char;
      breaks = false;
    }
  }
  return `${header}\n${body}`;
}

