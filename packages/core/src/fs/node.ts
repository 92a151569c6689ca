/**
 * `@kustomize-ts/core/node`: the local disk as file systems (Node.js only).
 *
 * @module @kustomize-ts/core/node
 */
import { chmodSync, closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolveNative } from 'node:path';
import { KustomizeError } from '../errors.js';
import type { AsyncFileSystem } from '../pipeline/async.js';
import type { BuildHooks } from '../pipeline/hooks.js';
import type { EntryKind, FileSystem, WritableFileSystem } from './filesystem.js';
import { helmRenderer, type HelmOptions } from './node-helm.js';
import { remoteFetcher, type RemoteOptions } from './node-remote.js';

export { helmRenderer, type HelmOptions } from './node-helm.js';
export { remoteFetcher, type RemoteFetcher, type RemoteOptions } from './node-remote.js';

/** What a stat says a path is, for the builder: only regular files and directories count. */
function kindOfStat(stats: { isFile(): boolean; isDirectory(): boolean }): EntryKind | undefined {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  return undefined;
}

function notRegularFile(stats: { isDirectory(): boolean }, path: string): KustomizeError {
  return new KustomizeError('file-not-found', stats.isDirectory() ? 'is a directory, not a file' : 'not a regular file', { file: path }, 'only regular files are read');
}

/** The local disk as a {@link FileSystem}. Import it from `@kustomize-ts/core/node`. */
export class NodeFileSystem implements FileSystem {
  kind(path: string): EntryKind | undefined {
    try {
      return kindOfStat(statSync(path));
    } catch {
      return undefined;
    }
  }

  /** The bytes of the regular file at `path`. A FIFO or device is refused without waiting on it: reading one could block or never end. */
  readFile(path: string): Uint8Array {
    let descriptor: number | undefined;
    try {
      descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      const stats = fstatSync(descriptor);
      if (!stats.isFile()) throw notRegularFile(stats, path);
      return readFileSync(descriptor);
    } catch (error) {
      if (error instanceof KustomizeError) throw error;
      throw new KustomizeError('file-not-found', describe(error), { file: path });
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
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

  size(path: string): number | undefined {
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  }
}

/** The local disk as an {@link AsyncFileSystem} (Node's `fs/promises`), for `buildAsync`; it answers as {@link NodeFileSystem} does. */
export class NodeAsyncFileSystem implements AsyncFileSystem {
  async kind(path: string): Promise<EntryKind | undefined> {
    return stat(path).then(kindOfStat, () => undefined);
  }

  async readFile(path: string): Promise<Uint8Array> {
    let handle;
    try {
      handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
      const stats = await handle.stat();
      if (!stats.isFile()) throw notRegularFile(stats, path);
      return new Uint8Array(await handle.readFile());
    } catch (error) {
      if (error instanceof KustomizeError) throw error;
      throw new KustomizeError('file-not-found', describe(error), { file: path });
    } finally {
      await handle?.close();
    }
  }

  async readDir(path: string): Promise<string[]> {
    return readdir(path).catch((error: unknown) => {
      throw new KustomizeError('file-not-found', describe(error), { file: path });
    });
  }

  async realPath(path: string): Promise<string> {
    return realpath(path).catch(() => path);
  }

  async size(path: string): Promise<number | undefined> {
    return stat(path).then((stats) => stats.size, () => undefined);
  }
}

/**
 * The local disk as a {@link WritableFileSystem}: a write goes to a temporary file beside the target,
 * which is then renamed over it, so a reader never sees half a file and a failure leaves the old one.
 * An existing file keeps its permission bits.
 */
export class NodeWritableFileSystem extends NodeFileSystem implements WritableFileSystem {
  writeFile(path: string, content: string | Uint8Array): void {
    const directory = dirname(path);
    const temporary = join(directory, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
      mkdirSync(directory, { recursive: true });
      writeFileSync(temporary, content, { flag: 'wx' });
      const existingMode = fileMode(path);
      if (existingMode !== undefined) chmodSync(temporary, existingMode);
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new KustomizeError('write-failed', `cannot write: ${describe(error)}`, { file: path });
    }
  }
}

function fileMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
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

/** What {@link nodeHooks} lets a build do. */
export interface NodeHookOptions {
  /** Fetch remote resources and files (git clones, http(s) addresses); default true. `false` refuses them. */
  readonly remote?: boolean | RemoteOptions;
  /** Run helm for `helmCharts:`; default true. `false` refuses them. */
  readonly helm?: boolean | HelmOptions;
}

/** Build hooks for Node, and the clean-up of the clones they made. */
export interface NodeBuildHooks extends BuildHooks {
  /** Removes the temporary clones (also done when the process exits). */
  dispose(): void;
}

/**
 * The powers the kustomize-ts CLI has, as build hooks for Node: remote bases and files fetched with the
 * system's `git` and over HTTP(S), Helm charts inflated with the `helm` program, as kustomize does.
 *
 * @example
 * ```ts
 * const { yaml } = build({ fs: new NodeFileSystem(), path: '/repo/overlays/prod', hooks: nodeHooks() });
 * ```
 */
export function nodeHooks(options: NodeHookOptions = {}): NodeBuildHooks {
  const remote = options.remote === false ? undefined : remoteFetcher(options.remote === true ? {} : options.remote);
  const helm = options.helm === false ? undefined : helmRenderer(options.helm === true ? {} : options.helm);
  return {
    ...(remote && { resolveRemote: remote.resolveRemote, readRemoteFile: remote.readRemoteFile }),
    ...(helm && { renderHelmChart: helm }),
    dispose: () => remote?.dispose(),
  };
}
