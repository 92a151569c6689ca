/**
 * A guard against deeply nested input. The `yaml` package composes documents recursively, and so do the
 * converter and the printer: a document nested some thousands of levels deep exhausts the call stack,
 * and near the stack's end V8 may even abort the process (a regular-expression compilation that fails
 * there is fatal). So the depth is bounded from the lexer's tokens, which need no recursion, before
 * anything recursive sees the text.
 */
import { Lexer } from 'yaml';

/**
 * The deepest nesting of collections a document may have. kubectl (yaml.v3) allows 10,000; far fewer
 * keep every recursive step well inside the default stack, and real documents stay below 100.
 */
export const MAX_NESTING = 1000;

/** Lexer tokens that mark structure without standing for source characters. */
const markerTokens = new Set(['\u0002', '\u0018', '\u001f']);

/** An open block collection: the column its entries start at, its depth, and whether it is a mapping whose last key waits for a value below it. */
interface Level {
  readonly column: number;
  readonly depth: number;
  opensValue: boolean;
}

/**
 * The offset in `text` where an upper bound of the collections' nesting depth passes `limit`, or
 * `undefined` when it never does. The bound at a point is the open flow collections (`[`, `{`) plus the
 * open block collections: each `-`, `?` and `key:` opens one at its column, and a line closes those at or
 * right of the column it starts at (but a `-` line at the column of a key that waits for its value is
 * inside that key, as YAML allows). It equals the real depth of well-formed documents and never falls
 * below it; it stops at the first offset past `limit`, so a hostile text costs no more than lexing that far.
 */
export function nestingBeyond(text: string, limit: number = MAX_NESTING): number | undefined {
  const levels: Level[] = [];
  let offset = 0;
  let lineStart = 0;
  let flowDepth = 0;
  let depth = 0;
  // The current line: where its first token is, whether that is a `-`, whether it has been placed under its enclosing levels.
  let firstColumn = -1;
  let startsWithDash = false;
  let placed = false;
  let pushedOnLine = false;
  let waitingForValue = false;
  let lastIsKey = false;
  // Where the current entry's content (a key) starts on the line.
  let contentColumn = -1;

  const place = (): void => {
    if (placed) return;
    placed = true;
    while (levels.length > 0) {
      const last = levels[levels.length - 1]!;
      if (last.column < firstColumn || (last.column === firstColumn && startsWithDash && last.opensValue)) break;
      levels.pop();
    }
    depth = levels.length > 0 ? levels[levels.length - 1]!.depth : 0;
  };
  const open = (column: number, isKey: boolean): boolean => {
    place();
    levels.push({ column, depth: ++depth, opensValue: false });
    lastIsKey = isKey;
    pushedOnLine = true;
    waitingForValue = true;
    contentColumn = -1;
    return depth > limit;
  };
  const endLine = (): void => {
    if (pushedOnLine) levels[levels.length - 1]!.opensValue = waitingForValue && lastIsKey;
    firstColumn = -1;
    startsWithDash = false;
    placed = false;
    pushedOnLine = false;
    waitingForValue = false;
    contentColumn = -1;
  };

  for (const token of new Lexer().lex(text)) {
    if (markerTokens.has(token)) continue;
    const at = offset;
    offset += token.length;
    const column = at - lineStart;
    if (token.includes('\n')) lineStart = at + token.lastIndexOf('\n') + 1;
    if (flowDepth > 0) {
      if (token === '[' || token === '{') {
        if (depth + ++flowDepth > limit) return at;
      } else if (token === ']' || token === '}') {
        flowDepth--;
      }
      continue;
    }
    if (token === '\n' || (token.length > 1 && token.endsWith('\n') && !token.startsWith('#'))) {
      endLine();
      continue;
    }
    if (/^[ \t]+$/.test(token) || token.startsWith('#')) continue;
    if (token === '---' || token === '...') {
      levels.length = 0;
      depth = 0;
      pushedOnLine = false;
      continue;
    }
    if (firstColumn < 0) {
      firstColumn = column + (token.length - token.trimStart().length);
      startsWithDash = token === '-';
    }
    if (token === '-' || token === '?') {
      if (open(column, false)) return at;
    } else if (token === ':') {
      if (open(contentColumn >= 0 ? contentColumn : column, true)) return at;
    } else if (token === '[' || token === '{') {
      place();
      if (contentColumn < 0) contentColumn = column;
      waitingForValue = false;
      if (depth + ++flowDepth > limit) return at;
    } else {
      if (contentColumn < 0) contentColumn = column;
      // Anchors and tags before a value that starts on the next line leave the entry waiting for it.
      if (!/^[&!]/.test(token)) waitingForValue = false;
    }
  }
  return undefined;
}
