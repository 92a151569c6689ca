/**
 * `kustomize create --autodetect [--recursive]`: which files of a directory become `resources`.
 */
import { parseResources } from '../accumulate/parse-resources.js';
import { KustomizeError } from '../errors.js';
import { isSymbolicLink, readText, type FileSystem } from '../fs/filesystem.js';
import { joinPath, presentKustomizationFiles } from './kustfile.js';

/** Finds the entries for `resources` in `directory` (absolute); returns paths relative to it. */
export type ResourceDetector = (fs: FileSystem, directory: string) => readonly string[];

/** How {@link detectResources} searches. */
export interface DetectOptions {
  /** Search subdirectories too, as `--recursive`. */
  readonly recursive?: boolean;
}

/**
 * The resources kustomize's `create --autodetect` finds in `directory`: every file, whatever its name,
 * that kustomize's resource factory reads without error (so README files and YAML without a kind or name
 * are skipped, and an empty file counts), in lexical walk order. With `recursive`, subdirectories are
 * searched too, and a subdirectory holding a kustomization file is listed itself and not entered.
 * Paths are relative to `directory`, as kustomize writes them (`svc.yaml`, `sub/svc.yaml`, `overlay`).
 *
 * @throws KustomizeError when a file or directory cannot be read.
 */
export function detectResources(fs: FileSystem, directory: string, options: DetectOptions = {}): string[] {
  const found: string[] = [];
  const walk = (absolute: string, relative: string) => {
    for (const name of fs.readDir(absolute).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const entry = joinPath(absolute, name);
      if (fs.kind(entry) === 'directory') {
        if (!options.recursive || isSymbolicLink(fs, entry)) continue;
        if (presentKustomizationFiles(fs, entry).length > 0) found.push(path);
        else walk(entry, path);
        continue;
      }
      if (isResourceFile(fs, entry)) found.push(path);
    }
  };
  walk(directory, '');
  return found;
}

/** Whether kustomize's resource factory reads the file without error. */
function isResourceFile(fs: FileSystem, path: string): boolean {
  const text = readText(fs, path);
  try {
    parseResources(text, path);
    return true;
  } catch (error) {
    if (error instanceof KustomizeError) return false;
    throw error;
  }
}

/** kustomize's detection as a {@link ResourceDetector}. */
export function kustomizeDetector(options: DetectOptions = {}): ResourceDetector {
  return (fs, directory) => detectResources(fs, directory, options);
}
