import type { FileSystem } from './filesystem.js';

/**
 * Why kustomize cannot open the absolute `path` as a directory, in its words (Go's `filepath.EvalSymlinks`
 * failing on the first missing ancestor): `evalsymlink failure on '/a/b/c' : lstat /a/b: no such file or directory`.
 */
export function missingPathReason(fs: FileSystem, path: string): string {
  const parts = path.split('/').filter(Boolean);
  let missing = path;
  for (let i = 1; i <= parts.length; i++) {
    const prefix = `/${parts.slice(0, i).join('/')}`;
    if (fs.kind(prefix) === undefined) {
      missing = prefix;
      break;
    }
  }
  return `evalsymlink failure on '${path}' : lstat ${missing}: no such file or directory`;
}
