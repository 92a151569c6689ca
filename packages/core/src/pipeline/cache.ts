/**
 * What a caller may keep between builds so that a rebuild after an edit redoes little: the documents of
 * every resource and patch file read, keyed by the file's path and kept while its text stays the same.
 * Parsing is most of a build's cost for large files (CRDs), and the documents can be shared because
 * nothing in a build changes a parsed object (transforms copy on write), so a build with a cache prints
 * exactly what a cold build prints.
 */
import type { JsonValue } from '../json.js';

interface ParsedFile {
  readonly text: string;
  readonly documents: readonly JsonValue[];
}

/**
 * A cache for {@link build}'s `cache` option, made by {@link createBuildCache}. Share one between the
 * builds of one process (several targets, or rebuilds while editing); it holds the parsed documents of
 * the files the builds read, so drop it (or {@link BuildCache.clear} it) to free them.
 */
export class BuildCache {
  readonly #files = new Map<string, ParsedFile>();

  /** Files whose documents are kept. */
  get size(): number {
    return this.#files.size;
  }

  /** Forgets every file. */
  clear(): void {
    this.#files.clear();
  }

  /** @internal The documents of the file at `path` holding `text`: kept ones when the text is unchanged, else `parse()`'s. */
  documents(path: string, text: string, parse: () => readonly JsonValue[]): readonly JsonValue[] {
    const kept = this.#files.get(path);
    if (kept !== undefined && kept.text === text) return kept.documents;
    const documents = parse();
    this.#files.set(path, { text, documents });
    return documents;
  }
}

/**
 * A new, empty cache to pass as {@link BuildOptions.cache} to many builds.
 *
 * @example
 * const cache = createBuildCache();
 * const first = build({ fs, path: '/app/overlays/prod', cache });
 * const second = build({ fs, path: '/app/overlays/dev', cache }); // the shared base is parsed once
 */
export function createBuildCache(): BuildCache {
  return new BuildCache();
}
