/**
 * `@kustomize-ts/core/testing`: pin what overlays render in a test suite (Node.js). A test is three lines:
 *
 * @example
 * import { expectGolden } from '@kustomize-ts/core/testing';
 * import { test } from 'vitest';
 * test('prod overlay', () => expectGolden('deploy/overlays/prod', 'deploy/golden/prod.yaml'));
 *
 * A missing golden file is written on the first run (outside CI), as Vitest's `toMatchFileSnapshot` writes
 * one; a mismatch fails with a unified diff from the golden file to the new rendering and how to accept it:
 * `vitest -u` (or `jest -u`, `KUSTOMIZE_TS_UPDATE_GOLDEN=1`, `{ update: true }`) writes the renderings.
 *
 * @module @kustomize-ts/core/testing
 */
import { fileURLToPath } from 'node:url';
import { build } from '../pipeline/index.js';
import { KustomizeError } from '../errors.js';
import { absolutePath, NodeWritableFileSystem } from '../fs/node.js';
import { checkGolden, planGolden, type GoldenBuildOptions, type GoldenPlanOptions, type GoldenTarget } from './golden.js';

export { checkGolden, formatGoldenReport, planGolden, updateGolden, type GoldenBuildOptions, type GoldenCheckOptions, type GoldenPlanOptions, type GoldenResult, type GoldenTarget } from './golden.js';

/** A path given as text (relative to the working directory, or absolute) or as a `file:` URL. */
export type PathLike = string | URL;

function toPath(path: PathLike): string {
  return absolutePath(path instanceof URL ? fileURLToPath(path) : path);
}

/** Options of {@link expectGolden} and {@link matchGolden}. */
export interface ExpectGoldenOptions extends GoldenBuildOptions {
  /** Write the rendering to the golden file instead of comparing (mode `all`); `KUSTOMIZE_TS_UPDATE_GOLDEN=1` does the same. */
  readonly update?: boolean;
  /** The update mode, instead of the one the test runner and the environment give ({@link goldenUpdateMode}). */
  readonly mode?: GoldenUpdateMode;
}

/** Renders the overlay directory on disk as `kustomize build` does and returns its YAML. */
export function renderOverlay(overlay: PathLike, options: GoldenBuildOptions = {}): string {
  return build({ ...options, fs: new NodeWritableFileSystem(), path: toPath(overlay) }).yaml;
}

/**
 * Which golden files a run may write, as Vitest and Jest decide for snapshots: `all` (`vitest -u`,
 * `jest -u`, `update: true` or `KUSTOMIZE_TS_UPDATE_GOLDEN=1`) rewrites every one that differs, `new`
 * (the default outside CI) writes missing ones, `none` (CI) writes nothing.
 */
export type GoldenUpdateMode = 'all' | 'new' | 'none';

/** The snapshot update state of the test runner this runs in: Vitest's global expect (its `snapshotUpdateState`), or Jest's (`_updateSnapshot`). */
function runnerUpdateMode(): GoldenUpdateMode | undefined {
  const globals = globalThis as Record<PropertyKey, unknown>;
  for (const candidate of [globals[Symbol.for('expect-global')], globals['expect']]) {
    const getState = (candidate as { getState?: unknown } | undefined)?.getState;
    if (typeof getState !== 'function') continue;
    const state = (getState.call(candidate) as { snapshotState?: { snapshotUpdateState?: unknown; _updateSnapshot?: unknown } } | undefined)?.snapshotState;
    const mode = state?.snapshotUpdateState ?? state?._updateSnapshot;
    if (mode === 'all' || mode === 'new' || mode === 'none') return mode;
  }
  return undefined;
}

/** The update mode of this run (see {@link GoldenUpdateMode}). */
export function goldenUpdateMode(options: { readonly update?: boolean; readonly mode?: GoldenUpdateMode } = {}): GoldenUpdateMode {
  if (options.mode !== undefined) return options.mode;
  if (options.update === true || ['1', 'true'].includes(process.env['KUSTOMIZE_TS_UPDATE_GOLDEN'] ?? '')) return 'all';
  const ci = process.env['CI'];
  return runnerUpdateMode() ?? (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0' ? 'none' : 'new');
}

const updateHint = 'to accept the new rendering, run the tests again with `vitest -u` (or `jest -u`, or KUSTOMIZE_TS_UPDATE_GOLDEN=1), or run `kustomize-ts golden update`';

/** The outcome of {@link matchGolden}, in the shape `expect.extend` matchers return (Vitest and Jest). */
export interface GoldenMatch {
  readonly pass: boolean;
  /** What happened: the file written, or the unified diff and how to accept it. */
  readonly message: () => string;
  /** The golden file that was written, if one was. */
  readonly written?: string;
}

/**
 * Renders `overlay` and compares it with the file `golden`, writing the file where the update mode allows
 * ({@link goldenUpdateMode}): a missing golden file is written and passes on a first run, as Vitest's
 * `toMatchFileSnapshot` does, and `vitest -u` rewrites one that differs. A plain function for any runner:
 * `expect.extend({ toMatchGolden: (overlay, golden) => matchGolden(overlay, golden) })` in Jest.
 * A build error propagates.
 */
export function matchGolden(overlay: PathLike, golden: PathLike, options: ExpectGoldenOptions = {}): GoldenMatch {
  const { update, mode: requested, ...buildOptions } = options;
  const target: GoldenTarget = { overlay: toPath(overlay), golden: toPath(golden), name: toPath(overlay) };
  const fs = new NodeWritableFileSystem();
  const [result] = checkGolden(fs, [target], { ...buildOptions, displayRoot: process.cwd() });
  if (result!.status === 'error') throw result!.error!;
  if (result!.status === 'match') return { pass: true, message: () => `${target.overlay} matches ${target.golden}` };
  const mode = goldenUpdateMode({ ...(update === undefined ? {} : { update }), ...(requested === undefined ? {} : { mode: requested }) });
  if (mode === 'all' || (mode === 'new' && result!.status === 'missing')) {
    fs.writeFile(target.golden, result!.actual!);
    return { pass: true, message: () => `${target.overlay}: wrote ${target.golden}`, written: target.golden };
  }
  const what = result!.status === 'missing' ? 'has no golden file yet (not written: this run writes none, as in CI)' : 'no longer matches its golden file';
  return { pass: false, message: () => `${target.overlay} ${what}:\n${result!.diff!}\n${updateHint}` };
}

/**
 * Renders `overlay` and compares it with `golden` (a file), as {@link matchGolden}; throws a KustomizeError
 * `golden-mismatch` whose message is the unified diff and how to accept it, with its stack starting at the
 * caller (the test), not inside this package. A build error propagates.
 */
export function expectGolden(overlay: PathLike, golden: PathLike, options: ExpectGoldenOptions = {}): void {
  const match = matchGolden(overlay, golden, options);
  if (match.pass) return;
  const error = new KustomizeError('golden-mismatch', match.message(), { file: toPath(golden) }, updateHint);
  Error.captureStackTrace?.(error, expectGolden);
  throw error;
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
