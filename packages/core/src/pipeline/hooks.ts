import { KustomizeError, type ErrorLocation } from '../errors.js';
import type { JsonValue } from '../json.js';

/** A remote tree the caller fetched: its files, and the file or directory of it that the entry names. */
export interface RemoteTree {
  /** Files by path (relative or absolute, `/`-separated), as for a MemoryFileSystem. */
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  /** The file or kustomization directory within `files` that the entry refers to. */
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
   * Renders a `helmCharts:` entry (as written, plus `helmGlobals`) to the YAML stream `helm template`
   * would print; the build takes its documents as generated resources.
   */
  readonly renderHelmChart?: (chart: JsonValue, globals: JsonValue | undefined) => string;
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
  const { files, path } = value as Partial<RemoteTree>;
  return typeof path === 'string' && typeof files === 'object' && files !== null && Object.values(files).every((content) => typeof content === 'string' || content instanceof Uint8Array);
}
