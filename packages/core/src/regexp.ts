/**
 * Regular expressions in Go's syntax (RE2), matched in time linear in the text, as Go matches them.
 *
 * Kustomizations hold regular expressions (selector fields, image names, `[field=value]` path elements). A
 * backtracking engine such as JavaScript's takes exponential time on patterns like `(a|a)*b`, so a hostile
 * kustomization could hang a build; Go's engine cannot be made to. re2js, a port of RE2 that parses as Go's
 * regexp/syntax does, matches here. It differs from Go in two ways, mended below: it refuses two groups of the
 * same name, which Go accepts, and it leaves out the quoted expression of a message where Go quotes an empty
 * one (a trailing backslash) or the whole pattern (one too large or too deeply nested).
 */
import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';

/** A pattern that is not valid Go syntax; the message is Go's, e.g. ``error parsing regexp: missing closing ]: `[a` ``. */
export class GoRegExpError extends Error {
  override readonly name = 'GoRegExpError';
}

/** A compiled Go regular expression. */
export class GoRegExp {
  private constructor(private readonly expression: RE2JS) {}

  /** Compiles `pattern` (Go syntax). @throws GoRegExpError with Go's message when it is not valid. */
  static compile(pattern: string): GoRegExp {
    const { source, restore } = withUniqueGroupNames(pattern);
    try {
      return new GoRegExp(RE2JS.compile(source));
    } catch (error) {
      if (error instanceof RE2JSSyntaxException) throw new GoRegExpError(restore(goMessage(error, pattern)));
      if (error instanceof RE2JSException) throw new GoRegExpError(restore(error.message));
      throw error;
    }
  }

  /** Whether the expression matches anywhere in `text`, as Go's `MatchString`. */
  test(text: string): boolean {
    return this.expression.test(text);
  }
}

/** Go's `regexp/syntax` Error text: the code, then the expression it concerns, always quoted. */
function goMessage(error: RE2JSSyntaxException, pattern: string): string {
  const description = error.getDescription();
  const wholePattern = description === 'expression too large' || description === 'expression nests too deeply';
  const expression = error.getPattern() || (wholePattern ? pattern : '');
  return `error parsing regexp: ${description}: \`${expression}\``;
}

/**
 * `pattern` with each repeated group name (`(?P<n>` or `(?<n>`) renamed to one used nowhere in it, so that
 * re2js accepts what Go accepts; `restore` puts the first names back into a message that quotes the new ones.
 * Group names never change what matches.
 */
function withUniqueGroupNames(pattern: string): { source: string; restore: (message: string) => string } {
  const openings = namedGroupOpenings(pattern);
  const seen = new Set<string>();
  const renamed: { at: number; prefix: string; name: string; fresh: string }[] = [];
  for (const opening of openings) {
    if (!seen.has(opening.name)) {
      seen.add(opening.name);
      continue;
    }
    let fresh = `${opening.name}_${renamed.length}`;
    while (pattern.includes(fresh)) fresh = `${fresh}_`;
    renamed.push({ ...opening, fresh });
  }
  if (renamed.length === 0) return { source: pattern, restore: (message) => message };
  let source = '';
  let from = 0;
  for (const { at, prefix, name, fresh } of renamed) {
    source += `${pattern.slice(from, at)}${prefix}${fresh}`;
    from = at + prefix.length + name.length;
  }
  source += pattern.slice(from);
  return {
    source,
    restore: (message) => renamed.reduce((text, { prefix, name, fresh }) => text.split(`${prefix}${fresh}`).join(`${prefix}${name}`), message),
  };
}

/**
 * Where groups are named in `pattern`, read as Go's parser reads it: not after a backslash, inside `\Q…\E` or
 * inside a character class (where `[` opens none and `]` first or after `^` closes none).
 */
function namedGroupOpenings(pattern: string): { at: number; prefix: string; name: string }[] {
  const openings: { at: number; prefix: string; name: string }[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '\\') {
      if (pattern[index + 1] === 'Q') {
        const end = pattern.indexOf('\\E', index + 2);
        index = end < 0 ? pattern.length : end + 2;
      } else {
        index += 2;
      }
    } else if (char === '[') {
      index = classEnd(pattern, index);
    } else if (char === '(' && pattern[index + 1] === '?') {
      const prefix = pattern.startsWith('(?P<', index) ? '(?P<' : pattern.startsWith('(?<', index) ? '(?<' : undefined;
      const end = prefix === undefined ? -1 : pattern.indexOf('>', index);
      if (prefix !== undefined && end >= 0) openings.push({ at: index, prefix, name: pattern.slice(index + prefix.length, end) });
      index += 2;
    } else {
      index += 1;
    }
  }
  return openings;
}

/** The index after the class that opens at `start`: past its `]`, its escapes and `[:name:]` classes. */
function classEnd(pattern: string, start: number): number {
  let index = start + 1;
  if (pattern[index] === '^') index += 1;
  if (pattern[index] === ']') index += 1;
  while (index < pattern.length && pattern[index] !== ']') {
    if (pattern[index] === '\\') index += 2;
    else if (pattern.startsWith('[:', index) && pattern.indexOf(':]', index + 2) >= 0) index = pattern.indexOf(':]', index + 2) + 2;
    else index += 1;
  }
  return index + 1;
}
