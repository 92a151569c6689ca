/**
 * Go's `filepath.Match` and `filepath.Glob` (Unix), which `kustomize create --resources` and
 * `kustomize edit add|remove resource` use to expand their arguments, over a {@link FileSystem}.
 *
 * Not minimatch: whatever its options, it reads globs as a shell does, not as Go. It negates `[!a]` (Go's
 * class holds `!` and `a`), reads `[[:alpha:]]` as a POSIX class, and takes a malformed pattern (`[`, `[a-]`,
 * `[]a]`, a trailing `\`) as literal text where Go refuses it with `syntax error in pattern`.
 */
import { KustomizeError } from '../errors.js';
import type { FileSystem } from '../fs/filesystem.js';
import { normalize, resolve } from '../fs/path.js';
import { GoRegExp } from '../regexp.js';

/** Go's `filepath.ErrBadPattern` text. */
const badPattern = 'syntax error in pattern';

/** True when `pattern` has a character Go's glob treats specially. */
export function hasMeta(pattern: string): boolean {
  return /[*?[\\]/.test(pattern);
}

/**
 * `pattern` as a (linear-time) regular expression with Go's `filepath.Match` meaning: `*` and `?` stop at `/`,
 * `[…]` and `[^…]` classes with ranges, `\` escapes. Throws the `syntax error in pattern` KustomizeError
 * for a malformed pattern (an unclosed or empty class, a trailing `\`, a range missing an end).
 */
export function globToRegExp(pattern: string): GoRegExp {
  const chars = [...pattern];
  let source = '';
  let i = 0;
  const fail = (): never => {
    throw new KustomizeError('invalid-argument', badPattern, {}, `check the pattern '${pattern}'`);
  };
  const classChar = (): string => {
    let c = chars[i];
    if (c === undefined || c === '-' || c === ']') return fail();
    if (c === '\\') {
      c = chars[++i];
      if (c === undefined) return fail();
    }
    i++;
    return c;
  };
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '*') {
      source += '[^/]*';
      i++;
    } else if (c === '?') {
      source += '[^/]';
      i++;
    } else if (c === '\\') {
      const escaped = chars[i + 1];
      if (escaped === undefined) fail();
      source += escapeRegExp(escaped!);
      i += 2;
    } else if (c === '[') {
      i++;
      const negated = chars[i] === '^';
      if (negated) i++;
      let ranges = '';
      for (;;) {
        if (chars[i] === ']' && ranges !== '') {
          i++;
          break;
        }
        const low = classChar();
        let high = low;
        if (chars[i] === '-') {
          i++;
          high = classChar();
        }
        if (low.codePointAt(0)! > high.codePointAt(0)!) fail();
        ranges += low === high ? escapeClassChar(low) : `${escapeClassChar(low)}-${escapeClassChar(high)}`;
      }
      source += negated ? `[^${ranges}]` : `[${ranges}]`;
    } else {
      source += escapeRegExp(c);
      i++;
    }
  }
  // A linear-time matcher: `*a*a*a…b` makes a backtracking one take exponential time.
  return GoRegExp.compile(`^${source}$`);
}

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

function escapeClassChar(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

/** Go's `filepath.Match`: whether all of `name` matches `pattern`. Throws for a malformed pattern. */
export function goMatch(pattern: string, name: string): boolean {
  return globToRegExp(pattern).test(name);
}

/**
 * What kyaml's on-disk `Glob` returns for `pattern`, read relative to the directory `cwd` (absolute):
 * Go's `filepath.Glob` (a pattern without magic characters as written when the path exists; otherwise
 * matches in lexical order per directory, cleaned), without paths to hidden files unless the pattern's
 * last element itself starts with a dot.
 */
export function glob(fs: FileSystem, cwd: string, pattern: string): string[] {
  const matches = goGlob(fs, cwd, pattern);
  const hidden = (path: string) => baseName(path).startsWith('.');
  return hidden(pattern) ? matches : matches.filter((path) => !hidden(path));
}

/** Go's `filepath.Base`: the last element, trailing slashes removed; `.` for an empty path. */
function baseName(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function goGlob(fs: FileSystem, cwd: string, pattern: string): string[] {
  globToRegExp(pattern);
  // lstat("") fails, so an empty pattern matches nothing.
  if (!hasMeta(pattern)) return pattern === '' || fs.kind(resolve(cwd, pattern)) === undefined ? [] : [pattern];
  const slash = pattern.lastIndexOf('/');
  const file = pattern.slice(slash + 1);
  const rawDirectory = pattern.slice(0, slash + 1);
  const directory = rawDirectory === '' ? '.' : rawDirectory === '/' ? '/' : rawDirectory.slice(0, -1);
  if (!hasMeta(directory)) return globDirectory(fs, cwd, directory, file);
  if (directory === pattern) throw new KustomizeError('invalid-argument', badPattern, {}, `check the pattern '${pattern}'`);
  return goGlob(fs, cwd, directory).flatMap((match) => globDirectory(fs, cwd, match, file));
}

function globDirectory(fs: FileSystem, cwd: string, directory: string, pattern: string): string[] {
  const absolute = resolve(cwd, directory);
  if (fs.kind(absolute) !== 'directory') return [];
  const matcher = globToRegExp(pattern);
  return fs
    .readDir(absolute)
    .sort()
    .filter((name) => matcher.test(name))
    .map((name) => normalize(`${directory}/${name}`));
}
