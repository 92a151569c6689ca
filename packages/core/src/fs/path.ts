/**
 * POSIX path helpers for the virtual file system, so core needs no `node:path` and runs in a browser.
 * Every path the builder handles is absolute and normalised: `/a/b`, never `a/./b/../c` or `/a/`.
 */

/** Normalises `path` (absolute or relative): removes `.`, empty segments and resolvable `..`. */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** Resolves `path` against the directory `base`; an absolute `path` stands alone. */
export function resolve(base: string, path: string): string {
  return normalize(path.startsWith('/') ? path : `${base}/${path}`);
}

/** The directory that holds `path`. */
export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  if (index <= 0) return path.startsWith('/') ? '/' : '.';
  return path.slice(0, index);
}

/** The last segment of `path`. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `path` is `root` or lies below it. Both must be normalised and absolute. */
export function isWithin(root: string, path: string): boolean {
  return root === '/' || path === root || path.startsWith(`${root}/`);
}

/** `path` relative to the directory `from` (both absolute and normalised), as kustomize prints it. */
export function relative(from: string, path: string): string {
  const a = from === '/' ? [] : from.slice(1).split('/');
  const b = path === '/' ? [] : path.slice(1).split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const parts = [...Array(a.length - common).fill('..'), ...b.slice(common)];
  return parts.join('/') || '.';
}
