/**
 * libyaml's words for the syntax errors the `yaml` package reports. kubectl reads YAML with go-yaml, a port of
 * libyaml, whose messages users search for ("mapping values are not allowed in this context"); the two parsers
 * stop at the same mistakes but describe them differently, so the `yaml` package's description becomes the hint.
 * The mapping follows `kubectl kustomize` (v5.5.0) on the same inputs; a message it does not cover is kept.
 */
import type { YAMLError } from 'yaml';

const MAPPING_VALUES = 'mapping values are not allowed in this context';
const EXPECTED_KEY = 'did not find expected key';

/** libyaml's message for `error` in `text` (the document it was found in), or undefined when there is none to give. */
export function libyamlMessage(error: YAMLError, text: string): string | undefined {
  const offset = error.pos[0];
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return error.message.startsWith('A block sequence') ? EXPECTED_KEY : MAPPING_VALUES;
    case 'MULTILINE_IMPLICIT_KEY':
      // A key continued on the next line reaches a `:` there; a line that is no key ends the mapping early.
      return hasMappingValue(linesFrom(text, offset, 2)) ? MAPPING_VALUES : EXPECTED_KEY;
    case 'BAD_INDENT':
      if (error.message.startsWith('Flow sequence')) return "did not find expected ',' or ']'";
      if (error.message.startsWith('Flow map')) return "did not find expected ',' or '}'";
      return followsSequenceEntry(text, offset) ? "did not find expected '-' indicator" : EXPECTED_KEY;
    case 'UNEXPECTED_TOKEN':
      return EXPECTED_KEY;
    case 'MISSING_CHAR':
      return /closing .?quote/.test(error.message) ? 'found unexpected end of stream' : undefined;
    case 'BAD_SCALAR_START':
      return 'found character that cannot start any token';
    case 'TAB_AS_INDENT':
      return 'found a tab character that violates indentation';
    default:
      return undefined;
  }
}

/** `count` lines of `text` from the one holding `offset`. */
function linesFrom(text: string, offset: number, count: number): string {
  let end = offset;
  for (let line = 0; line < count && end !== -1; line++) end = text.indexOf('\n', end + 1);
  return text.slice(offset, end === -1 ? text.length : end);
}

/** True when `text` holds a mapping value indicator: a `:` followed by a space or the end of a line. */
function hasMappingValue(text: string): boolean {
  return /:(?:[ \t]|$)/m.test(text);
}

/** True when the line before the one holding `offset` is a block sequence entry at the same indentation. */
function followsSequenceEntry(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^ */.exec(text.slice(lineStart))![0].length;
  const previousLines = text.slice(0, Math.max(lineStart - 1, 0)).split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const previous = previousLines.at(-1);
  return previous !== undefined && /^ */.exec(previous)![0].length === indent && /^ *-(?: |$)/.test(previous);
}
