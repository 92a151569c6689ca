import { KustomizeError } from '../errors.js';
import { basename, dirname, normalize } from './path.js';

/** What a path names. */
export type EntryKind = 'file' | 'directory';

/**
 * The only way the builder reads input. Paths are absolute and POSIX-normalised.
 * Implementations: {@link MemoryFileSystem} (any runtime) and `NodeFileSystem` from `@kustomize-ts/core/node`.
 */
export interface FileSystem {
  /** What `path` is, or `undefined` when nothing is there. */
  kind(path: string): EntryKind | undefined;
  /** The bytes of the file at `path`; throws a {@link KustomizeError} `file-not-found` when there is none. */
  readFile(path: string): Uint8Array;
  /** The names of the entries of the directory at `path`, in any order. */
  readDir(path: string): string[];
  /**
   * The path with every symbolic link resolved, for load restrictions. Implementations without links
   * return `path` itself.
   */
  realPath(path: string): string;
  /** The size in bytes of the file at `path` when it is known without reading it, so a build can refuse an oversized file unread. */
  size?(path: string): number | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * A {@link FileSystem} that can also write files: what the authoring commands (`create`, `edit`) and
 * golden-file updates need. Implementations: {@link MemoryFileSystem} and `NodeWritableFileSystem` from
 * `@kustomize-ts/core/node`.
 */
export interface WritableFileSystem extends FileSystem {
  /**
   * Replaces or creates the file at `path` (absolute) in one step, creating the directories above it:
   * a reader sees the old content or the new, never part of it, and a failed write leaves the old file.
   */
  writeFile(path: string, content: string | Uint8Array): void;
}

/**
 * True when the directory entry at `path` is a symbolic link: its real path is not its parent's real path
 * joined with its name. Directory walks do not enter linked directories (as Go's `filepath.Walk` does not),
 * so a link can neither loop a walk nor lead it out of its tree.
 */
export function isSymbolicLink(fs: FileSystem, path: string): boolean {
  const parent = fs.realPath(dirname(path));
  return fs.realPath(path) !== `${parent === '/' ? '' : parent}/${basename(path)}`;
}

/** The file at `path` as UTF-8 text (a byte-order mark is kept; callers strip it where kustomize does). */
export function readText(fs: FileSystem, path: string): string {
  return utf8.decode(fs.readFile(path));
}

const encoder = new TextEncoder();

/**
 * A file system held in memory, built from a plain record of file paths to contents.
 * Relative paths are taken from `/`; directories are implied by the files below them.
 *
 * @example
 * const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': '...' });
 */
export class MemoryFileSystem implements WritableFileSystem {
  private readonly files = new Map<string, Uint8Array>();
  private readonly directories = new Map<string, Set<string>>([['/', new Set()]]);

  constructor(files: Readonly<Record<string, string | Uint8Array>> = {}) {
    for (const [path, content] of Object.entries(files)) this.addFile(path, content);
  }

  /** Adds or replaces the file at `path`, creating the directories above it. */
  addFile(path: string, content: string | Uint8Array): void {
    const absolute = normalize(`/${path}`);
    this.files.set(absolute, typeof content === 'string' ? encoder.encode(content) : content);
    let child = absolute;
    while (child !== '/') {
      const parent = dirname(child);
      let entries = this.directories.get(parent);
      if (!entries) {
        entries = new Set();
        this.directories.set(parent, entries);
      }
      entries.add(basename(child));
      child = parent;
    }
  }

  writeFile(path: string, content: string | Uint8Array): void {
    this.addFile(path, content);
  }

  kind(path: string): EntryKind | undefined {
    if (this.files.has(path)) return 'file';
    if (this.directories.has(path)) return 'directory';
    return undefined;
  }

  readFile(path: string): Uint8Array {
    const content = this.files.get(path);
    if (content === undefined) {
      throw new KustomizeError('file-not-found', this.directories.has(path) ? 'is a directory, not a file' : 'no such file', { file: path });
    }
    return content;
  }

  readDir(path: string): string[] {
    const entries = this.directories.get(path);
    if (entries === undefined) throw new KustomizeError('file-not-found', 'no such directory', { file: path });
    return [...entries];
  }

  realPath(path: string): string {
    return path;
  }
}
