import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { resolve as resolveNative } from 'node:path';
import { KustomizeError } from '../errors.js';
import type { EntryKind, FileSystem } from './filesystem.js';

/** The local disk as a {@link FileSystem}. Import it from `@kustomize-ts/core/node`. */
export class NodeFileSystem implements FileSystem {
  kind(path: string): EntryKind | undefined {
    try {
      const stat = statSync(path);
      if (stat.isFile()) return 'file';
      if (stat.isDirectory()) return 'directory';
      return undefined;
    } catch {
      return undefined;
    }
  }

  readFile(path: string): Uint8Array {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new KustomizeError('file-not-found', describe(error), { file: path });
    }
  }

  readDir(path: string): string[] {
    try {
      return readdirSync(path);
    } catch (error) {
      throw new KustomizeError('file-not-found', describe(error), { file: path });
    }
  }

  realPath(path: string): string {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  }
}

/** The absolute path of `path` taken from the process's working directory. */
export function absolutePath(path: string): string {
  return resolveNative(path);
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
