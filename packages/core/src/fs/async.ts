import { KustomizeError } from '../errors.js';
import type { AsyncFileSystem } from '../pipeline/async.js';
import type { EntryKind } from './filesystem.js';
import { normalize } from './path.js';

/**
 * A read-only {@link AsyncFileSystem} over HTTP: a tree served under `base` (any static file server), its
 * files listed in an index, since HTTP cannot list a directory. The index is the list of file paths
 * relative to `base` (`['base/kustomization.yaml', 'base/app.yaml', …]`); without one, `index.json` under
 * `base` is fetched once and read as that list. File `/a/b.yaml` is fetched from `new URL('a/b.yaml', base)`.
 * The caller passes `fetch` (the platform's, or one that adds credentials or a cache): the library itself
 * never reaches the network.
 *
 * @example
 * const fs = new FetchFileSystem('https://example.com/tree/', fetch);
 * const { yaml } = await buildAsync({ fs, path: '/overlays/prod' });
 */
export class FetchFileSystem implements AsyncFileSystem {
  private readonly base: URL;
  private readonly fetcher: typeof fetch;
  private tree: Promise<Map<string, Set<string> | 'file'>> | undefined;

  constructor(base: string | URL, fetcher: typeof fetch, options: { readonly files?: readonly string[] } = {}) {
    this.base = new URL(String(base).endsWith('/') ? String(base) : `${String(base)}/`);
    this.fetcher = fetcher;
    if (options.files) this.tree = Promise.resolve(treeOf(options.files));
  }

  private entries(): Promise<Map<string, Set<string> | 'file'>> {
    this.tree ??= this.fetchBytes('index.json', '/index.json').then((bytes) => {
      const list: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
        throw new KustomizeError('invalid-argument', 'index.json is not a list of file paths', { file: new URL('index.json', this.base).href });
      }
      return treeOf(list);
    });
    return this.tree;
  }

  private async fetchBytes(relative: string, path: string): Promise<Uint8Array> {
    const url = new URL(relative.split('/').map(encodeURIComponent).join('/'), this.base);
    // Called unbound: a browser's fetch refuses to run as a method of another object.
    const fetcher = this.fetcher;
    let response: Response;
    try {
      response = await fetcher(url);
    } catch (error) {
      throw new KustomizeError('file-not-found', `cannot fetch ${url.href}: ${error instanceof Error ? error.message : String(error)}`, { file: path });
    }
    if (!response.ok) throw new KustomizeError('file-not-found', `cannot fetch ${url.href}: HTTP ${response.status}`, { file: path });
    return new Uint8Array(await response.arrayBuffer());
  }

  async kind(path: string): Promise<EntryKind | undefined> {
    const entry = (await this.entries()).get(path);
    return entry === undefined ? undefined : entry === 'file' ? 'file' : 'directory';
  }

  async readFile(path: string): Promise<Uint8Array> {
    const entry = (await this.entries()).get(path);
    if (entry !== 'file') throw new KustomizeError('file-not-found', entry === undefined ? 'no such file' : 'is a directory, not a file', { file: path });
    return this.fetchBytes(path.slice(1), path);
  }

  async readDir(path: string): Promise<string[]> {
    const entry = (await this.entries()).get(path);
    if (entry === undefined || entry === 'file') throw new KustomizeError('file-not-found', 'no such directory', { file: path });
    return [...entry];
  }

  async realPath(path: string): Promise<string> {
    return path;
  }
}

/** Each absolute path of a list of files (relative or absolute) to `'file'` or its directory's entry names. */
function treeOf(files: readonly string[]): Map<string, Set<string> | 'file'> {
  const tree = new Map<string, Set<string> | 'file'>([['/', new Set()]]);
  for (const file of files) {
    const absolute = normalize(`/${file}`);
    tree.set(absolute, 'file');
    let child = absolute;
    while (child !== '/') {
      const cut = child.lastIndexOf('/');
      const parent = cut === 0 ? '/' : child.slice(0, cut);
      let names = tree.get(parent);
      if (names === undefined || names === 'file') {
        names = new Set();
        tree.set(parent, names);
      }
      names.add(child.slice(cut + 1));
      child = parent;
    }
  }
  return tree;
}

/** The part of the File System Access API's `FileSystemDirectoryHandle` a build reads through. */
export interface DirectoryHandle {
  readonly kind: 'directory';
  readonly name: string;
  getDirectoryHandle(name: string): Promise<DirectoryHandle>;
  getFileHandle(name: string): Promise<FileHandle>;
  keys(): AsyncIterable<string>;
}

/** The part of the File System Access API's `FileSystemFileHandle` a build reads through. */
export interface FileHandle {
  readonly kind: 'file';
  getFile(): Promise<{ readonly size: number; arrayBuffer(): Promise<ArrayBuffer> }>;
}

/**
 * A browser directory (from `showDirectoryPicker()`, or the origin-private file system's
 * `navigator.storage.getDirectory()`) as an {@link AsyncFileSystem}: `/` is the directory itself.
 * The API has no symbolic links, so every path is its own real path.
 *
 * @example
 * const fs = new DirectoryHandleFileSystem(await window.showDirectoryPicker());
 * const { yaml } = await buildAsync({ fs, path: '/overlays/prod' });
 */
export class DirectoryHandleFileSystem implements AsyncFileSystem {
  private readonly root: DirectoryHandle;

  constructor(root: DirectoryHandle) {
    this.root = root;
  }

  /** The handle at `path`, or undefined when nothing is there (the API rejects for a missing name or the wrong kind). */
  private async handle(path: string): Promise<DirectoryHandle | FileHandle | undefined> {
    const names = path.split('/').filter((name) => name !== '');
    let directory = this.root;
    for (const [i, name] of names.entries()) {
      const last = i === names.length - 1;
      const next = await directory.getDirectoryHandle(name).catch(() => undefined);
      if (next !== undefined) {
        directory = next;
        continue;
      }
      return last ? directory.getFileHandle(name).catch(() => undefined) : undefined;
    }
    return directory;
  }

  async kind(path: string): Promise<EntryKind | undefined> {
    return (await this.handle(path))?.kind;
  }

  async readFile(path: string): Promise<Uint8Array> {
    const handle = await this.handle(path);
    if (handle?.kind !== 'file') throw new KustomizeError('file-not-found', handle === undefined ? 'no such file' : 'is a directory, not a file', { file: path });
    return new Uint8Array(await (await handle.getFile()).arrayBuffer());
  }

  async readDir(path: string): Promise<string[]> {
    const handle = await this.handle(path);
    if (handle?.kind !== 'directory') throw new KustomizeError('file-not-found', 'no such directory', { file: path });
    const names: string[] = [];
    for await (const name of handle.keys()) names.push(name);
    return names;
  }

  async realPath(path: string): Promise<string> {
    return path;
  }

  async size(path: string): Promise<number | undefined> {
    const handle = await this.handle(path);
    return handle?.kind === 'file' ? (await handle.getFile()).size : undefined;
  }
}
