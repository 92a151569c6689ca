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
      if (error.message.startsWith('Sequence item without')) return EXPECTED_KEY;
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

/**
 * The line go-yaml names in a syntax error (`yaml: line N: …`), for the error `message` (libyaml's words) the
 * `yaml` package found at `offset` of `text`; undefined where go-yaml names none. go-yaml takes the line of the
 * error's context mark (what was being read: the collection a parser error is in, the quoted scalar an end of
 * stream cut) or, when that is the first line, of the problem mark; yaml.v3 looks at the context first, yaml.v2
 * at the problem. Marks count lines from 0 and only scanner errors add 1, so a parser error names the line
 * before the one it means, and nothing on the first line names a line at all.
 */
export function libyamlLine(message: string, text: string, offset: number, version: 'v2' | 'v3'): number | undefined {
  const lines = text.split('\n');
  const lineOf = (at: number): number => text.slice(0, at).split('\n').length - 1;
  const named = (context: number, problem: number, scanner: boolean): number | undefined => {
    const marks = version === 'v3' ? [context, problem] : [problem, context];
    const line = marks.find((mark) => mark !== 0);
    return line === undefined ? undefined : scanner ? line + 1 : line;
  };
  const problemLine = lineOf(offset);
  switch (message) {
    case MAPPING_VALUES: {
      // The `:` the scanner stopped at: the first value indicator from where the `yaml` package stopped.
      const colon = /:(?:[ \t]|$)/m.exec(text.slice(offset));
      const line = colon === null ? problemLine : lineOf(offset + colon.index);
      return named(line, line, true);
    }
    case 'found character that cannot start any token':
    case 'found a tab character that violates indentation':
      return named(problemLine, problemLine, true);
    case 'found unexpected end of stream': {
      const quote = Math.max(text.lastIndexOf("'", offset), text.lastIndexOf('"', offset));
      return named(quote < 0 ? problemLine : lineOf(quote), lineOf(text.length), true);
    }
    case EXPECTED_KEY: {
      // A problem after the start of its line is inside the mapping of that line's key; one at the start of a
      // line is in the mapping the line's indentation leaves it in.
      const column = offset - (text.lastIndexOf('\n', offset - 1) + 1);
      const inOwnLine = column > keyIndentOf(lines[problemLine] ?? '');
      return named(enclosingMappingStart(lines, problemLine, inOwnLine), problemLine, false);
    }
    case "did not find expected '-' indicator":
      return named(sequenceStart(lines, problemLine), problemLine, false);
    case "did not find expected ',' or ']'":
    case "did not find expected ',' or '}'":
      return named(lineOf(unclosedBracket(text, offset)), problemLine, false);
    default:
      return undefined;
  }
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** Where a line's key starts: past its indentation and any `- ` sequence entries. */
function keyIndentOf(line: string): number {
  return /^[ ]*(?:-[ ]+)*/.exec(line)![0].length;
}

/**
 * The first line of the block mapping a problem at line `problem` is read in: that of the line's own key when
 * `inOwnLine`, else the one the line's indentation leaves it in.
 */
function enclosingMappingStart(lines: readonly string[], problem: number, inOwnLine: boolean): number {
  const column = inOwnLine ? keyIndentOf(lines[problem] ?? '') : indentOf(lines[problem] ?? '');
  let at = inOwnLine ? problem : problem - 1;
  while (at >= 0 && (!isContent(lines[at]!) || keyIndentOf(lines[at]!) > column)) at--;
  if (at < 0) return 0;
  const indent = keyIndentOf(lines[at]!);
  let start = at;
  for (let i = at - 1; i >= 0; i--) {
    if (!isContent(lines[i]!)) continue;
    const own = keyIndentOf(lines[i]!);
    if (own < indent) break;
    if (own === indent) start = i;
  }
  return start;
}

/** The first entry of the block sequence a line at `problem` (indented as its entries) ends. */
function sequenceStart(lines: readonly string[], problem: number): number {
  const column = indentOf(lines[problem] ?? '');
  let start = problem;
  for (let i = problem - 1; i >= 0; i--) {
    if (!isContent(lines[i]!)) continue;
    const own = indentOf(lines[i]!);
    if (own < column) break;
    if (own === column && /^ *-(?: |$)/.test(lines[i]!)) start = i;
  }
  return start;
}

/** The offset of the last `[` or `{` before `offset` that is still open there (0 when none is). */
function unclosedBracket(text: string, offset: number): number {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const char = text[i];
    if (char === ']' || char === '}') depth++;
    else if (char === '[' || char === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return 0;
}
