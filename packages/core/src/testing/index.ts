/**
 * `@kustomize-ts/core/testing`: pin what overlays render in a test suite (Node.js). A test is three lines:
 *
 * @example
 * import { expectGolden } from '@kustomize-ts/core/testing';
 * import { test } from 'vitest';
 * test('prod overlay', () => expectGolden('deploy/overlays/prod', 'deploy/golden/prod.yaml'));
 *
 * A mismatch fails with a unified diff from the golden file to the new rendering. Set the environment
 * variable `KUSTOMIZE_TS_UPDATE_GOLDEN=1` (or pass `{ update: true }`) to write the renderings instead.
 */
import { fileURLToPath } from 'node:url';
import { build } from '../pipeline/index.js';
import { KustomizeError } from '../errors.js';
import { absolutePath, NodeWritableFileSystem } from '../fs/node.js';
import { checkGolden, planGolden, updateGolden, type GoldenBuildOptions, type GoldenPlanOptions, type GoldenTarget } from './golden.js';

export { checkGolden, formatGoldenReport, planGolden, updateGolden, type GoldenBuildOptions, type GoldenCheckOptions, type GoldenPlanOptions, type GoldenResult, type GoldenTarget } from './golden.js';

/** A path given as text (relative to the working directory, or absolute) or as a `file:` URL. */
export type PathLike = string | URL;

function toPath(path: PathLike): string {
  return absolutePath(path instanceof URL ? fileURLToPath(path) : path);
}

/** Options of {@link expectGolden}. */
export interface ExpectGoldenOptions extends GoldenBuildOptions {
  /** Write the rendering to the golden file instead of comparing; `KUSTOMIZE_TS_UPDATE_GOLDEN=1` does the same. */
  readonly update?: boolean;
}

/** Renders the overlay directory on disk as `kustomize build` does and returns its YAML. */
export function renderOverlay(overlay: PathLike, options: GoldenBuildOptions = {}): string {
  return build({ ...options, fs: new NodeWritableFileSystem(), path: toPath(overlay) }).yaml;
}

function updating(options: ExpectGoldenOptions): boolean {
  return options.update === true || ['1', 'true'].includes(process.env['KUSTOMIZE_TS_UPDATE_GOLDEN'] ?? '');
}

/**
 * Renders `overlay` and compares it with `golden` (a file). Throws a KustomizeError `golden-mismatch` whose
 * message is the unified diff when they differ or the golden file is missing; a build error propagates.
 * In update mode the golden file is written instead.
 */
export function expectGolden(overlay: PathLike, golden: PathLike, options: ExpectGoldenOptions = {}): void {
  const { update: _update, ...buildOptions } = options;
  const target: GoldenTarget = { overlay: toPath(overlay), golden: toPath(golden), name: toPath(overlay) };
  const fs = new NodeWritableFileSystem();
  const check = updating(options) ? updateGolden : checkGolden;
  const [result] = check(fs, [target], { ...buildOptions, displayRoot: process.cwd() });
  if (result!.status === 'error') throw result!.error!;
  if (result!.status === 'match' || updating(options)) return;
  const what = result!.status === 'missing' ? 'has no golden file yet' : 'no longer matches its golden file';
  throw new KustomizeError(
    'golden-mismatch',
    `${target.overlay} ${what}:\n${result!.diff!}`,
    { file: target.golden },
    'if the change is intended, run again with KUSTOMIZE_TS_UPDATE_GOLDEN=1 (or `kustomize-ts golden update`)',
  );
}

/**
 * The overlays under `directory` with their golden files (see {@link planGolden}), for one test each:
 *
 * @example
 * for (const { name, overlay, golden } of goldenTargets('deploy/overlays')) test(name, () => expectGolden(overlay, golden));
 */
export function goldenTargets(directory: PathLike, options: GoldenPlanOptions = {}): GoldenTarget[] {
  return planGolden(new NodeWritableFileSystem(), toPath(directory), options);
}
