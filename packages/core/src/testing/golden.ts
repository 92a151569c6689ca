/**
 * Golden files of overlays: every kustomization under a directory rendered to `<golden>/<name>.yaml`, checked
 * for drift (a unified diff) or updated. Works on any {@link FileSystem}.
 */
import { createBuildCache } from '../pipeline/cache.js';
import { build, type BuildOptions } from '../pipeline/index.js';
import { unifiedDiff } from '../diff/lines.js';
import { KustomizeError } from '../errors.js';
import { isSymbolicLink, readText, type FileSystem, type WritableFileSystem } from '../fs/filesystem.js';
import { dirname, isWithin, relative } from '../fs/path.js';
import { isJsonObject } from '../json.js';
import { findKustomizationFile, kustomizationFileNames } from '../kustomization/load.js';
import { parseYaml } from '../yaml/index.js';

/** One overlay and its golden file. */
export interface GoldenTarget {
  /** The overlay directory (absolute). */
  readonly overlay: string;
  /** The golden file (absolute): `<golden folder>/<name>.yaml`. */
  readonly golden: string;
  /** The overlay's path relative to the searched directory, e.g. `prod` or `apps/web/prod`. */
  readonly name: string;
}

/** Where golden files go. */
export interface GoldenPlanOptions {
  /**
   * The golden folder (absolute). By default `golden` beside the searched directory: for `app/overlays`
   * that is `app/golden`, so `app/overlays/prod` renders to `app/golden/prod.yaml`.
   */
  readonly goldenDir?: string;
}

const join = (directory: string, name: string) => (directory === '/' ? `/${name}` : `${directory}/${name}`);

function hasKustomization(fs: FileSystem, directory: string): boolean {
  return kustomizationFileNames.some((name) => fs.kind(join(directory, name)) === 'file');
}

/** Whether the kustomization in `directory` is a Component, which cannot be built on its own. */
function isComponent(fs: FileSystem, directory: string): boolean {
  try {
    const parsed = parseYaml(readText(fs, findKustomizationFile(fs, directory)), directory, { dialect: 'sigs-yaml' });
    return isJsonObject(parsed) && parsed['kind'] === 'Component';
  } catch {
    return false;
  }
}

/**
 * The golden targets for `directory` (absolute): the directory itself when it holds a kustomization (it is
 * then named by its base name, as if its parent had been searched), else every directory below it that holds
 * one, not looking inside those, skipping Components, hidden directories and the golden folder.
 */
export function planGolden(fs: FileSystem, directory: string, options: GoldenPlanOptions = {}): GoldenTarget[] {
  if (fs.kind(directory) !== 'directory') {
    throw new KustomizeError('file-not-found', `not a directory: '${directory}'`, { file: directory }, 'give a directory of overlays or an overlay');
  }
  const searched = hasKustomization(fs, directory) ? dirname(directory) : directory;
  const goldenDir = options.goldenDir ?? join(dirname(searched), 'golden');
  const overlays: string[] = [];
  const walk = (path: string) => {
    if (isWithin(goldenDir, path)) return;
    if (hasKustomization(fs, path)) {
      if (!isComponent(fs, path)) overlays.push(path);
      return;
    }
    for (const name of fs.readDir(path).sort()) {
      const child = join(path, name);
      if (!name.startsWith('.') && fs.kind(child) === 'directory' && !isSymbolicLink(fs, child)) walk(child);
    }
  };
  walk(directory);
  return overlays.map((overlay) => {
    const name = relative(searched, overlay);
    return { overlay, golden: join(goldenDir, `${name}.yaml`), name };
  });
}

/** What a build-and-compare found for one target. */
export interface GoldenResult {
  readonly target: GoldenTarget;
  /** `match`: equal; `changed`: differs; `missing`: no golden file; `error`: the overlay does not build. */
  readonly status: 'match' | 'changed' | 'missing' | 'error';
  /** The rendered YAML (absent on `error`). */
  readonly actual?: string;
  /** For `changed` and `missing`: the unified diff from the golden file to the rendering. */
  readonly diff?: string;
  /** For `error`: the build error. */
  readonly error?: KustomizeError;
}

/** Build options for golden renders: everything but the file system and path. */
export type GoldenBuildOptions = Omit<BuildOptions, 'fs' | 'path'>;

/** How file names appear in diffs: relative to `displayRoot` when given. */
export interface GoldenCheckOptions extends GoldenBuildOptions {
  /** Paths in diff headers are printed relative to this directory (absolute); absolute otherwise. */
  readonly displayRoot?: string;
}

/**
 * Renders each target and compares it with its golden file. The builds share `options.cache`, or a cache of
 * their own, so a base common to several overlays is parsed once.
 */
export function checkGolden(fs: FileSystem, targets: readonly GoldenTarget[], options: GoldenCheckOptions = {}): GoldenResult[] {
  const { displayRoot, cache = createBuildCache(), ...rest } = options;
  const buildOptions = { ...rest, cache };
  const display = (path: string) => (displayRoot === undefined ? path : relative(displayRoot, path));
  return targets.map((target): GoldenResult => {
    let actual: string;
    try {
      actual = build({ ...buildOptions, fs, path: target.overlay }).yaml;
    } catch (error) {
      if (error instanceof KustomizeError) return { target, status: 'error', error };
      throw error;
    }
    const exists = fs.kind(target.golden) === 'file';
    const expected = exists ? readText(fs, target.golden) : '';
    if (exists && expected === actual) return { target, status: 'match', actual };
    const diff = unifiedDiff(expected, actual, { fromFile: exists ? display(target.golden) : '/dev/null', toFile: `kustomize build ${display(target.overlay)}` });
    return { target, status: exists ? 'changed' : 'missing', actual, diff };
  });
}

/** Renders each target and writes its golden file where it is missing or differs; returns what it found. */
export function updateGolden(fs: WritableFileSystem, targets: readonly GoldenTarget[], options: GoldenCheckOptions = {}): GoldenResult[] {
  const results = checkGolden(fs, targets, options);
  for (const result of results) {
    if ((result.status === 'changed' || result.status === 'missing') && result.actual !== undefined) fs.writeFile(result.target.golden, result.actual);
  }
  return results;
}

/**
 * A report of results, one line per overlay (`ok`, `changed`, `missing`, `error`, or with `updated` the
 * files written), the diffs of drifted overlays, and a summary line.
 */
export function formatGoldenReport(results: readonly GoldenResult[], options: { readonly displayRoot?: string; readonly updated?: boolean } = {}): string {
  const display = (path: string) => (options.displayRoot === undefined ? path : relative(options.displayRoot, path));
  let out = '';
  const counts = { match: 0, changed: 0, missing: 0, error: 0 };
  for (const result of results) {
    counts[result.status]++;
    const where = `${display(result.target.overlay)} -> ${display(result.target.golden)}`;
    if (result.status === 'match') out += `ok       ${where}\n`;
    else if (result.status === 'error') out += `error    ${display(result.target.overlay)}: ${result.error!.toOneLine()}\n`;
    else if (options.updated) out += `updated  ${where}\n`;
    else out += `${result.status.padEnd(8)} ${where}\n${result.diff!}`;
  }
  const noun = results.length === 1 ? 'overlay' : 'overlays';
  const drift = options.updated ? `${counts.changed + counts.missing} updated` : `${counts.changed} changed, ${counts.missing} missing`;
  out += `${results.length} ${noun}: ${counts.match} ok, ${drift}, ${counts.error} failed to build\n`;
  if (!options.updated && counts.changed + counts.missing > 0) out += 'run `kustomize-ts golden update` to accept the new output\n';
  return out;
}
