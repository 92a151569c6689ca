import { KustomizeError, type ErrorLocation } from '../errors.js';
import type { FileSystem } from '../fs/filesystem.js';
import type { JsonValue } from '../json.js';

/**
 * A remote tree the caller fetched, and the file or kustomization directory of it that the entry names:
 * either its files (`{ files, path }`, read as a MemoryFileSystem) or a file system that holds it
 * (`{ fs, path }`, e.g. a clone on disk, with `path` absolute in it).
 */
export type RemoteTree = RemoteFiles | RemoteFileSystem;

/** A remote tree as files by path (relative or absolute, `/`-separated), as for a MemoryFileSystem. */
export interface RemoteFiles {
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  /** The file or kustomization directory within `files` that the entry refers to. */
  readonly path: string;
}

/** A remote tree on a file system, such as a git clone in a temporary directory. */
export interface RemoteFileSystem {
  readonly fs: FileSystem;
  /** The absolute path in `fs` of the file or kustomization directory the entry refers to. */
  readonly path: string;
}

/**
 * What a build may ask its caller for, instead of using the network or running programs itself.
 * Without a hook, entries that need one are refused with an error that names the field.
 */
export interface BuildHooks {
  /**
   * Resolves a remote `resources:` entry (a git or HTTP address) to files the caller fetched,
   * e.g. from a cache or a vendored copy.
   */
  readonly resolveRemote?: (address: string) => RemoteTree;
  /**
   * Reads an http(s) address given where kustomize reads a file (`patches[].path`, `configurations`, `crds`,
   * generator `files`/`envs`, `replacements[].path`, `openapi.path`, `patchesStrategicMerge`, …) and returns
   * its content.
   */
  readonly readRemoteFile?: (url: string) => string | Uint8Array;
  /**
   * Renders a `helmCharts:` entry (as written, plus `helmGlobals`) to the YAML stream `helm template`
   * would print; the build takes its documents as generated resources.
   */
  readonly renderHelmChart?: (chart: JsonValue, globals: JsonValue | undefined, context: HelmChartContext) => string;
}

/** Where a `helmCharts:` entry is: what `chartHome`, `valuesFile` and `additionalValuesFiles` are relative to. */
export interface HelmChartContext {
  /** The kustomization's directory, absolute in the build's file system. */
  readonly directory: string;
  /** Reads a file as the kustomization's other files are read: relative to `directory`, through the load restrictor and the limits. */
  readonly readFile: (path: string) => Uint8Array;
  /** True when `path` (relative to `directory`) is a directory. */
  readonly isDirectory: (path: string) => boolean;
}

/**
 * The result of a caller's hook, checked by `accept`: a KustomizeError it throws passes through; anything
 * else it throws, or a result `accept` refuses, becomes a `hook-failed` error at `location`, so that a
 * build throws only KustomizeError whatever the hook does.
 */
export function callHook<T>(hook: string, location: ErrorLocation, run: () => unknown, accept: (result: unknown) => result is T, expected: string): T {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (error instanceof KustomizeError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new KustomizeError('hook-failed', `the ${hook} hook failed: ${reason}`, location, undefined, { cause: error });
  }
  if (!accept(result)) throw new KustomizeError('hook-failed', `the ${hook} hook returned something other than ${expected}`, location);
  return result;
}

/** True when `value` has the shape of a {@link RemoteTree}. */
export function isRemoteTree(value: unknown): value is RemoteTree {
  if (typeof value !== 'object' || value === null) return false;
  const { files, fs, path } = value as Partial<RemoteFiles & RemoteFileSystem>;
  if (typeof path !== 'string') return false;
  if (typeof fs === 'object' && fs !== null) return typeof fs.kind === 'function' && typeof fs.readFile === 'function';
  return typeof files === 'object' && files !== null && Object.values(files).every((content) => typeof content === 'string' || content instanceof Uint8Array);
}
