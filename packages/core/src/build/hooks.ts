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
