import { KustomizeError } from '@kustomize-ts/core';
import { decodeRune, runeError } from './bytes.js';

/** A malformed pattern (`[`, a trailing `\`): the trim functions then leave the value unchanged. */
export class BadPatternError extends KustomizeError {
  override readonly name = 'BadPatternError';

  constructor(message: string) {
    super('invalid-argument', message);
  }
}

/**
 * Shell pattern matching over byte strings as Flux's `envsubst/path.Match`: `*` (any run, `/` included —
 * Flux's change to Go's `path.Match`), `?` (one rune), `[...]`/`[^...]` classes with ranges, `\` escapes.
 * The whole name must match.
 *
 * @throws {@link BadPatternError} when the pattern is malformed.
 */
export function matchPattern(pattern: string, name: string): boolean {
  let rest = pattern;
  let subject = name;
  chunks: while (rest.length > 0) {
    const { star, chunk, remainder } = scanChunk(rest);
    rest = remainder;
    if (star && chunk === '') return true;
    const direct = matchChunk(chunk, subject);
    if (direct.ok && (direct.rest.length === 0 || rest.length > 0)) {
      subject = direct.rest;
      continue;
    }
    if (star) {
      for (let i = 0; i < subject.length; i++) {
        const skipped = matchChunk(chunk, subject.slice(i + 1));
        if (skipped.ok) {
          if (rest.length === 0 && skipped.rest.length > 0) continue;
          subject = skipped.rest;
          continue chunks;
        }
      }
    }
    return false;
  }
  return subject.length === 0;
}

function scanChunk(pattern: string): { star: boolean; chunk: string; remainder: string } {
  let rest = pattern;
  let star = false;
  while (rest.startsWith('*')) {
    rest = rest.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  scan: for (; i < rest.length; i++) {
    switch (rest[i]) {
      case '\\':
        if (i + 1 < rest.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: rest.slice(0, i), remainder: rest.slice(i) };
}

/** Whether `chunk` (no stars) matches the start of `subject`, and what is left of it. */
function matchChunk(chunk: string, subject: string): { ok: boolean; rest: string } {
  let c = chunk;
  let s = subject;
  const fail = { ok: false, rest: '' };
  while (c.length > 0) {
    if (s.length === 0) return fail;
    switch (c[0]) {
      case '[': {
        const { rune } = decodeRune(s, 0);
        s = s.slice(decodeRune(s, 0).width);
        c = c.slice(1);
        let negated = false;
        if (c.startsWith('^')) {
          negated = true;
          c = c.slice(1);
        }
        let matched = false;
        let ranges = 0;
        for (;;) {
          if (c.startsWith(']') && ranges > 0) {
            c = c.slice(1);
            break;
          }
          const low = escapedRune(c);
          c = low.rest;
          let high = low.rune;
          if (c[0] === '-') {
            const upper = escapedRune(c.slice(1));
            high = upper.rune;
            c = upper.rest;
          }
          if (low.rune <= rune && rune <= high) matched = true;
          ranges++;
        }
        if (matched === negated) return fail;
        break;
      }
      case '?':
        s = s.slice(decodeRune(s, 0).width);
        c = c.slice(1);
        break;
      case '\\':
        c = c.slice(1);
        if (c.length === 0) throw new BadPatternError('syntax error in pattern');
        if (c[0] !== s[0]) return fail;
        s = s.slice(1);
        c = c.slice(1);
        break;
      default:
        if (c[0] !== s[0]) return fail;
        s = s.slice(1);
        c = c.slice(1);
    }
  }
  return { ok: true, rest: s };
}

/** A possibly escaped rune of a character class. */
function escapedRune(chunk: string): { rune: number; rest: string } {
  let c = chunk;
  if (c.length === 0 || c[0] === '-' || c[0] === ']') throw new BadPatternError('syntax error in pattern');
  if (c[0] === '\\') {
    c = c.slice(1);
    if (c.length === 0) throw new BadPatternError('syntax error in pattern');
  }
  const { rune, width } = decodeRune(c, 0);
  if (rune === runeError && width === 1) throw new BadPatternError('syntax error in pattern');
  const rest = c.slice(width);
  if (rest.length === 0) throw new BadPatternError('syntax error in pattern');
  return { rune, rest };
}
