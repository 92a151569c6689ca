import type { FileSystem } from '@kustomize-ts/core';
import { isSymbolicLink, readText } from '@kustomize-ts/core';
import { toBytes } from '../envsubst/bytes.js';
import { BadPatternError, matchPattern } from '../envsubst/match.js';

/**
 * `.sourceignore` rules as Flux applies them (fluxcd/pkg `sourceignore` and its gitignore matcher): each
 * pattern belongs to the directory ("domain") whose `.sourceignore` declared it, the last matching
 * pattern decides, `!` re-includes, a trailing `/` means directories only, and Flux's defaults (VCS
 * files, images and archives, CI files, `.sops.yaml`, …) come first.
 *
 * Not the `ignore` package: it follows git, and go-git's matcher (the one Flux uses) answers otherwise. Its
 * last match wins even below an excluded directory (`dir/` then `!dir/keep.yaml` keeps the file, which git
 * cannot re-include), `a/**` matches the directory `a` itself, and a segment is matched by Go's
 * `filepath.Match`, where `[!a]` is a class holding `!` and `a`, not a negation. Nor has `ignore` domains.
 */

/** The name of the ignore file Flux reads in every directory. */
export const sourceIgnoreFile = '.sourceignore';

const excludeVcs = '.git/,.gitignore,.gitmodules,.gitattributes';
const excludeExt = '*.jpg,*.jpeg,*.gif,*.png,*.wmv,*.flv,*.tar.gz,*.zip';
const excludeCi = '.github/,.circleci/,.travis.yml,.gitlab-ci.yml,appveyor.yml,.drone.yml,cloudbuild.yaml,codeship-services.yml,codeship-steps.yml';
const excludeExtra = '**/.goreleaser.yml,**/.sops.yaml,**/.flux.yaml';

/** One gitignore pattern and where it applies. */
export interface IgnorePattern {
  readonly domain: readonly string[];
  readonly segments: readonly string[];
  readonly inclusion: boolean;
  readonly directoryOnly: boolean;
  readonly glob: boolean;
}

/** A path segment against a glob segment, as Go's `filepath.Match` (a malformed pattern matches nothing). */
function segmentMatches(pattern: string, name: string): boolean {
  try {
    return matchPattern(toBytes(pattern), toBytes(name));
  } catch (error) {
    if (error instanceof BadPatternError) return false;
    throw error;
  }
}

/** Parses one pattern line for `domain` (the path segments of the directory it belongs to). */
export function parseIgnorePattern(line: string, domain: readonly string[]): IgnorePattern {
  let text = line;
  const inclusion = text.startsWith('!');
  if (inclusion) text = text.slice(1);
  if (!text.endsWith('\\ ')) text = text.replace(/ +$/, '');
  const directoryOnly = text.endsWith('/');
  if (directoryOnly) text = text.slice(0, -1);
  return { domain: [...domain], segments: text.split('/'), inclusion, directoryOnly, glob: text.includes('/') };
}

/** Pattern lines of a `.sourceignore` or `--ignore-paths` text: blank lines and `#` comments skipped. */
export function readIgnorePatterns(text: string, domain: readonly string[]): IgnorePattern[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => !line.startsWith('#') && line.trim().length > 0)
    .map((line) => parseIgnorePattern(line, domain));
}

function simpleNameMatch(pattern: IgnorePattern, path: readonly string[], isDirectory: boolean): boolean {
  for (let i = 0; i < path.length; i++) {
    if (!segmentMatches(pattern.segments[0]!, path[i]!)) continue;
    return !(pattern.directoryOnly && !isDirectory && i === path.length - 1);
  }
  return false;
}

function globMatch(pattern: IgnorePattern, fullPath: readonly string[], isDirectory: boolean): boolean {
  let path = fullPath;
  let matched = false;
  let canTraverse = false;
  for (let i = 0; i < pattern.segments.length; i++) {
    const segment = pattern.segments[i]!;
    if (segment === '') {
      canTraverse = false;
      continue;
    }
    if (segment === '**') {
      if (i === pattern.segments.length - 1) break;
      canTraverse = true;
      continue;
    }
    if (segment.includes('**')) return false;
    if (path.length === 0) return false;
    if (canTraverse) {
      canTraverse = false;
      while (path.length > 0) {
        const element = path[0]!;
        path = path.slice(1);
        if (segmentMatches(segment, element)) {
          matched = true;
          break;
        } else if (path.length === 0) {
          matched = false;
        }
      }
    } else {
      if (!segmentMatches(segment, path[0]!)) return false;
      matched = true;
      path = path.slice(1);
    }
  }
  return !(matched && pattern.directoryOnly && !isDirectory && path.length === 0) && matched;
}

/** `exclude`, `include` or nothing, for one pattern and a path given as segments. */
function matchOne(pattern: IgnorePattern, path: readonly string[], isDirectory: boolean): 'exclude' | 'include' | undefined {
  if (path.length <= pattern.domain.length) return undefined;
  if (pattern.domain.some((segment, i) => path[i] !== segment)) return undefined;
  const rest = path.slice(pattern.domain.length);
  const hit = pattern.glob ? globMatch(pattern, rest, isDirectory) : simpleNameMatch(pattern, rest, isDirectory);
  if (!hit) return undefined;
  return pattern.inclusion ? 'include' : 'exclude';
}

/** Flux's default patterns for a domain: VCS files first, then images, archives, CI files and extras. */
export function defaultIgnorePatterns(domain: readonly string[]): IgnorePattern[] {
  return [excludeVcs, excludeExt, excludeCi, excludeExtra].flatMap((list) => list.split(',').map((line) => parseIgnorePattern(line, domain)));
}

/** True when `path` (an absolute path) is ignored: the last pattern that matches decides. */
export function isIgnored(patterns: readonly IgnorePattern[], path: string, isDirectory: boolean): boolean {
  const segments = path.split('/');
  for (let i = patterns.length - 1; i >= 0; i--) {
    const result = matchOne(patterns[i]!, segments, isDirectory);
    if (result !== undefined) return result === 'exclude';
  }
  return false;
}

/**
 * Every `.sourceignore` pattern at and below `directory` (an absolute path in `fs`), each for its own
 * directory, as Flux's `LoadIgnorePatterns` (subdirectories in name order, `.git` skipped).
 */
export function loadIgnorePatterns(fs: FileSystem, directory: string): IgnorePattern[] {
  const domain = directory.split('/');
  const walk = (dir: string, dom: readonly string[]): IgnorePattern[] => {
    const file = `${dir === '/' ? '' : dir}/${sourceIgnoreFile}`;
    const own = fs.kind(file) === 'file' ? readIgnorePatterns(readText(fs, file), dom) : [];
    const children = fs
      .readDir(dir)
      .sort()
      .filter((name) => name !== '.git' && fs.kind(`${dir === '/' ? '' : dir}/${name}`) === 'directory' && !isSymbolicLink(fs, `${dir === '/' ? '' : dir}/${name}`))
      .flatMap((name) => walk(`${dir === '/' ? '' : dir}/${name}`, [...dom, name]));
    return [...own, ...children];
  };
  return walk(directory, domain);
}
