/**
 * The order of a build, as kustomize v5.5.0 runs it; this is the one place that shows all of it, and each
 * step's module holds only that step.
 *
 * 1. Load the kustomization at the build path (`accumulate/loader.ts`, `kustomization/`), and settle the
 *    OpenAPI schema it asks for (`openapi.ts`).
 * 2. Accumulate it (`accumulateTarget`, `target.ts`); every kustomization below it, depth first, in turn:
 *    1. `resources:`: files parsed, bases accumulated in full and appended;
 *    2. `configurations:` and `crds:` (`configurations.ts`);
 *    3. generators (`generators.ts`): `configMapGenerator`, `secretGenerator`, `helmCharts`, then `generators:`;
 *    4. `components:`, each accumulated into this kustomization's accumulation;
 *    5. transformers (`transformers.ts`): the builtin fields in kustomize's order, then `transformers:`
 *       (`plugins.ts`), then `validators:`;
 *    6. `vars:` bound to the resources they read (`vars.ts`).
 * 3. Finish once for the whole tree (`finish.ts`): hash suffixes on generated names, name references
 *    following renames, vars substituted, local configuration dropped.
 * 4. Order: `sortOptions`, else `--reorder` (legacy by kind, or input order).
 * 5. Decorate (managed-by label, origin and transformer annotations) and print the YAML stream.
 */
import { defaultLoadLimits, Loader, type LoadLimits, type LoadRestrictor, type LoadSession } from '../accumulate/loader.js';
import { KustomizeError } from '../errors.js';
import type { FileSystem } from '../fs/filesystem.js';
import { missingPathReason } from '../fs/missing.js';
import { normalize } from '../fs/path.js';
import type { JsonObject } from '../json.js';
import { sortResources } from '../order/sort.js';
import type { Resource } from '../resource/resource.js';
import { emitDocuments } from '../yaml/index.js';
import type { BuildWarning } from './diagnostics.js';
import { decorate, finishBuild } from './finish.js';
import type { BuildHooks } from './hooks.js';
import { initialOpenApiState, schemaAfterLoading } from './openapi.js';
import { accumulateTarget } from './target.js';
import { goFormatWithoutArguments } from '../gofmt.js';
import { versionBehaviour, type KustomizeVersion } from '../versions.js';

/** How `--reorder` asks for output order: `legacy` sorts by kind, `none` keeps input order. */
export type ReorderOption = 'legacy' | 'none';

/** What to build and how. */
export interface BuildOptions {
  /** Where the tree is read from. */
  readonly fs: FileSystem;
  /** The kustomization directory to build: an absolute path in `fs`. */
  readonly path: string;
  /** `rootOnly` (the default) keeps every kustomization's file reads inside its own directory. */
  readonly loadRestrictor?: LoadRestrictor;
  /** Output order when the kustomization has no `sortOptions`; `legacy` by default. */
  readonly reorder?: ReorderOption;
  /**
   * The kustomize release whose output to reproduce; `v5.8.1` (the newest) by default. `v5.5.0` also stands for
   * v5.4.x and v5.6.0. What differs between them is listed in `kustomizeChanges`.
   */
  readonly kustomizeVersion?: KustomizeVersion;
  /** Adds `app.kubernetes.io/managed-by: kustomize-<version>` to every resource, as `--enable-managedby-label`. */
  readonly addManagedByLabel?: boolean;
  /** Limits on what one build may read. */
  readonly limits?: Partial<LoadLimits>;
  /** What the build may ask the caller for: remote resources, rendered Helm charts. */
  readonly hooks?: BuildHooks;
  /**
   * Merge an `openapi: {path}` schema over the built-in one, as kustomize releases after v5.5.0 (and so Flux)
   * do; v5.5.0 replaces the built-in schema unless it was already in use.
   */
  readonly openApiMergesBuiltins?: boolean;
}

/** What a build produced. */
export interface BuildResult {
  /** The resources in output order, as plain objects. */
  readonly objects: readonly JsonObject[];
  /** The YAML stream `kustomize build` prints for them. */
  readonly yaml: string;
  /**
   * What the build noticed without failing, in order: kubectl's own warnings (`source: 'kubectl'`, which
   * `kubectl kustomize` prints on stderr) and work that did nothing (`source: 'lint'`). The library prints nothing.
   */
  readonly warnings: readonly BuildWarning[];
}

/**
 * Builds the kustomization at `options.path` the way `kustomize build` of `options.kustomizeVersion` does, and
 * returns the resulting objects, their YAML and its warnings. Throws only {@link KustomizeError}; one thrown after
 * warnings carries them in its `warnings`.
 *
 * @example
 * const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'resources: [cm.yaml]\n', 'app/cm.yaml': '…' });
 * const { yaml } = build({ fs, path: '/app' });
 */
export function build(options: BuildOptions): BuildResult {
  const warnings: BuildWarning[] = [];
  try {
    return buildTree(options, warnings);
  } catch (error) {
    const typed = asEngineLimitError(error, options.path) ?? error;
    if (!(typed instanceof KustomizeError) || warnings.length === 0) throw typed;
    throw new KustomizeError(typed.code, typed.message, typed.location, typed.hint, { cause: typed.cause, warnings });
  }
}

/**
 * The last-resort guard of the public boundary: the engine's RangeErrors (a string or an array longer than
 * it can hold, the call stack exhausted) can arise wherever a build concatenates or recurses, so they are
 * turned into the limit errors they are here rather than prevented at each place.
 */
function asEngineLimitError(error: unknown, path: string): KustomizeError | undefined {
  if (!(error instanceof RangeError)) return undefined;
  return new KustomizeError(
    'limit-exceeded',
    `the build needs more than the JavaScript engine can hold (${error.message})`,
    { file: path },
    'the output, a value in it or its nesting is too large; build smaller parts separately',
    { cause: error },
  );
}

function buildTree(options: BuildOptions, warnings: BuildWarning[]): BuildResult {
  const behaviour = versionBehaviour(options.kustomizeVersion);
  const root = normalize(options.path);
  if (!root.startsWith('/')) {
    throw new KustomizeError('invalid-argument', `the build path '${options.path}' is not absolute`, { file: options.path }, `paths in a FileSystem are absolute: pass '/${options.path}' for a MemoryFileSystem, or path.resolve('${options.path}') for the disk`);
  }
  const kind = options.fs.kind(root);
  if (kind !== 'directory') {
    // Up to v5.7 kustomize used the quoted path as a Go format, so a `%` in it reads as a verb.
    const quoted = behaviour.verbatimPathsInErrors ? `'${options.path}'` : goFormatWithoutArguments(`'${options.path}'`);
    const reason = kind === 'file' ? `${quoted}: file is not directory` : `not a valid directory: ${missingPathReason(options.fs, root)}`;
    throw new KustomizeError('file-not-found', `must build at directory: ${reason}`, { file: options.path }, 'give the directory that holds kustomization.yaml');
  }
  const session: LoadSession = {
    fs: options.fs,
    restrictor: options.loadRestrictor ?? 'rootOnly',
    limits: { ...defaultLoadLimits, ...options.limits },
    buildRoot: root,
    filesRead: 0,
    hooks: options.hooks ?? {},
    openApi: { ...initialOpenApiState, builtinLoaded: options.openApiMergesBuiltins === true },
    behaviour,
    warnings,
  };
  const loader = new Loader(session, root);
  const kustomization = loader.kustomization();
  session.openApi = schemaAfterLoading(session.openApi, kustomization, loader);
  // kustomize tracks origins whenever buildMetadata lists anything, and drops what was not asked for at the end.
  const tracksOrigin = kustomization.buildMetadata.length > 0;
  const accumulation = accumulateTarget(loader, kustomization, { originPath: tracksOrigin ? '' : undefined, buildMetadata: kustomization.buildMetadata, inheritedNamespace: '' });
  let resources: readonly Resource[] = finishBuild(accumulation, warnings);
  if (kustomization.sortOptions !== undefined) {
    resources = sortResources(resources, kustomization.sortOptions, loader.display(kustomization.file));
  } else if ((options.reorder ?? 'legacy') === 'legacy') {
    resources = sortResources(resources, { order: 'legacy' });
  }
  const objects = decorate(resources, kustomization.buildMetadata, options.addManagedByLabel === true, session.behaviour.managedByLabel);
  return { objects, yaml: emitDocuments(objects), warnings };
}

/** Builds and returns only the YAML stream. */
export function buildYaml(options: BuildOptions): string {
  return build(options).yaml;
}
