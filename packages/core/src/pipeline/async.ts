import type { EntryKind, FileSystem } from '../fs/filesystem.js';
import type { JsonValue } from '../json.js';
import type { BuildHooks, HelmChartContext, RemoteTree } from './hooks.js';
import { build, type BuildOptions, type BuildResult } from './index.js';

/**
 * The input of {@link buildAsync}: a {@link FileSystem} whose answers come as promises (Node's
 * `fs/promises`, `fetch`, the browser's File System Access API). The same contract as FileSystem,
 * rejections included: a rejected `readFile` is what a throwing one is.
 */
export interface AsyncFileSystem {
  /** What `path` is, or `undefined` when nothing is there. */
  kind(path: string): Promise<EntryKind | undefined>;
  /** The bytes of the file at `path`; rejects with a KustomizeError `file-not-found` when there is none. */
  readFile(path: string): Promise<Uint8Array>;
  /** The names of the entries of the directory at `path`, in any order. */
  readDir(path: string): Promise<string[]>;
  /** The path with every symbolic link resolved; `path` itself where there are no links. */
  realPath(path: string): Promise<string>;
  /** The size in bytes of the file at `path` when known without reading it. */
  size?(path: string): Promise<number | undefined>;
}

/** {@link BuildHooks} that may answer with a promise. */
export interface AsyncBuildHooks {
  /** Resolves a remote `resources:` entry to files the caller fetched. */
  readonly resolveRemote?: (address: string) => RemoteTree | Promise<RemoteTree>;
  /** Reads an http(s) address given where a file is read. */
  readonly readRemoteFile?: (url: string) => string | Uint8Array | Promise<string | Uint8Array>;
  /** Renders a `helmCharts:` entry to the YAML stream `helm template` would print. */
  readonly renderHelmChart?: (chart: JsonValue, globals: JsonValue | undefined, context: HelmChartContext) => string | Promise<string>;
}

/** What to build with {@link buildAsync}: {@link BuildOptions} over an {@link AsyncFileSystem} with async hooks. */
export interface AsyncBuildOptions extends Omit<BuildOptions, 'fs' | 'hooks'> {
  readonly fs: AsyncFileSystem;
  readonly hooks?: AsyncBuildHooks;
}

/** A settled answer, kept so a replayed build sees exactly what the first asking got, failures included. */
type Answer = { readonly value: unknown } | { readonly error: unknown };

/** Thrown where a build asks for what is not known yet; the driver fetches it and builds again. */
class PendingInput extends Error {
  override readonly name = 'PendingInput';
}

/**
 * The answers of an {@link AsyncFileSystem} and async hooks as a synchronous {@link FileSystem} and
 * {@link BuildHooks}: known answers are returned (or thrown) as they came; an unknown one is recorded as
 * wanted and the build is stopped by a throw. Every request is recorded, whatever the build does with the
 * throw (a `catch` that turns it into another error, or a fallback), so a run that wanted nothing new is
 * exactly the run a synchronous file system would have given.
 */
class ReplayInputs {
  private readonly answers = new Map<string, Answer>();
  private wanted = new Map<string, () => Promise<unknown>>();

  private readonly source: AsyncFileSystem;
  private readonly asyncHooks: AsyncBuildHooks;
  /** The synchronous view the build reads through. */
  readonly fs: FileSystem;

  constructor(source: AsyncFileSystem, asyncHooks: AsyncBuildHooks) {
    this.source = source;
    this.asyncHooks = asyncHooks;
    this.fs = {
      kind: (path) => this.ask(`kind ${path}`, () => this.learnKind(path, true)),
      readFile: (path) => this.ask(`readFile ${path}`, () => source.readFile(path)),
      readDir: (path) => this.ask(`readDir ${path}`, () => source.readDir(path)),
      realPath: (path) => this.ask(`realPath ${path}`, () => source.realPath(path)),
      ...(source.size ? { size: (path: string) => this.ask<number | undefined>(`size ${path}`, () => source.size!(path)) } : {}),
    };
  }

  private ask<T>(key: string, load: () => Promise<unknown>): T {
    const answer = this.answers.get(key);
    if (answer === undefined) {
      if (!this.wanted.has(key)) this.wanted.set(key, load);
      throw new PendingInput(`not fetched yet: ${key}`);
    }
    if ('error' in answer) throw answer.error;
    return answer.value as T;
  }

  /** Whether the last run asked for anything unknown. */
  get pending(): boolean {
    return this.wanted.size > 0;
  }

  /** Fetches everything the last run wanted, at once, and what it will most likely want next. */
  async fetchWanted(): Promise<void> {
    const wanted = this.wanted;
    this.wanted = new Map();
    await Promise.all([...wanted].map(([key, load]) => this.settle(key, load)));
  }

  private async settle(key: string, load: () => Promise<unknown>): Promise<void> {
    if (this.answers.has(key)) return;
    try {
      this.answers.set(key, { value: await load() });
    } catch (error) {
      this.answers.set(key, { error });
    }
  }

  /**
   * A path's kind, with what a build asks next prefetched: a file's real path, size and bytes; a
   * directory's real path, its listing and its entries' kinds (the files among them unread).
   */
  private async learnKind(path: string, deep: boolean): Promise<EntryKind | undefined> {
    const kind = await this.source.kind(path);
    this.answers.set(`kind ${path}`, { value: kind });
    if (kind === undefined) return kind;
    const also: Promise<void>[] = [this.settle(`realPath ${path}`, () => this.source.realPath(path))];
    if (this.source.size) also.push(this.settle(`size ${path}`, () => this.source.size!(path)));
    if (kind === 'file' && deep) also.push(this.settle(`readFile ${path}`, () => this.source.readFile(path)));
    if (kind === 'directory' && deep) {
      also.push(
        this.settle(`readDir ${path}`, async () => {
          const names = await this.source.readDir(path);
          const prefix = path === '/' ? '' : path;
          await Promise.all(names.map((name) => this.settle(`kind ${prefix}/${name}`, () => this.learnKind(`${prefix}/${name}`, false))));
          return names;
        }),
      );
    }
    await Promise.all(also);
    return kind;
  }

  /** The hooks as synchronous ones; each distinct question is put to the caller's hook once. */
  hooks(): BuildHooks {
    const { resolveRemote, readRemoteFile, renderHelmChart } = this.asyncHooks;
    return {
      ...(resolveRemote ? { resolveRemote: (address: string) => this.ask<RemoteTree>(`resolveRemote ${address}`, async () => resolveRemote(address)) } : {}),
      ...(readRemoteFile ? { readRemoteFile: (url: string) => this.ask<string | Uint8Array>(`readRemoteFile ${url}`, async () => readRemoteFile(url)) } : {}),
      ...(renderHelmChart
        ? {
            renderHelmChart: (chart: JsonValue, globals: JsonValue | undefined, context: HelmChartContext) =>
              this.ask<string>(`renderHelmChart ${JSON.stringify([chart, globals ?? null, context.directory])}`, async () => renderHelmChart(chart, globals, context)),
          }
        : {}),
    };
  }
}

/**
 * Builds like {@link build}, reading through an {@link AsyncFileSystem} and async hooks, and resolves to
 * exactly what `build` returns for the same files (rejects with the same KustomizeError).
 *
 * The pipeline is the synchronous one: a run that needs a file not fetched yet stops, the file (with what
 * usually follows it: a directory's listing, a file's bytes after its kind) is fetched, and the build runs
 * again from the start with every answer so far. A build costs a few runs per directory level, not per
 * file, and each caller's hook is asked each distinct question once.
 *
 * @example
 * const { yaml } = await buildAsync({ fs: new NodeAsyncFileSystem(), path: '/abs/overlays/prod' });
 */
export async function buildAsync(options: AsyncBuildOptions): Promise<BuildResult> {
  const inputs = new ReplayInputs(options.fs, options.hooks ?? {});
  const hooks = inputs.hooks();
  for (;;) {
    let result: BuildResult | undefined;
    let failure: unknown;
    try {
      result = build({ ...options, fs: inputs.fs, hooks });
    } catch (error) {
      failure = error;
    }
    if (!inputs.pending) {
      if (result === undefined) throw failure;
      return result;
    }
    await inputs.fetchWanted();
  }
}

/** A synchronous {@link FileSystem} as an {@link AsyncFileSystem}: its answers as settled promises. */
export function toAsyncFileSystem(fs: FileSystem): AsyncFileSystem {
  const settle = <T>(read: () => T): Promise<T> => new Promise((resolve) => resolve(read()));
  return {
    kind: (path) => settle(() => fs.kind(path)),
    readFile: (path) => settle(() => fs.readFile(path)),
    readDir: (path) => settle(() => fs.readDir(path)),
    realPath: (path) => settle(() => fs.realPath(path)),
    ...(fs.size ? { size: (path: string) => settle(() => fs.size!(path)) } : {}),
  };
}
