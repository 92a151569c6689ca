import { KustomizeError } from '../errors.js';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { dirname, normalize } from '../fs/path.js';
import { Loader } from '../accumulate/loader.js';
import { parseResources } from '../accumulate/parse-resources.js';
import type { Kustomization } from '../kustomization/types.js';
import { idKey, idString } from '../resource/id.js';
import { currentId, type Origin, type Resource } from '../resource/resource.js';
import { callHook, isRemoteTree } from './hooks.js';
import { isRemoteFile, isRemoteReference, refuseRemote } from './remote.js';
import { runGenerators } from './generators.js';
import { noteKindsSeen, schemaAfterLoading } from './openapi.js';
import { joinOriginPath } from './origin.js';
import { emptyBuildConfig, loadConfigurations, mergeConfigurations, type BuildConfig } from './configurations.js';
import { runTransformers } from './transformers.js';
import { bindVars, emptyVarSet, mergeVarSets, type VarSet } from './vars.js';

/** What a kustomization and everything below it add up to, before the last build steps. */
export interface Accumulation {
  readonly resources: readonly Resource[];
  readonly config: BuildConfig;
  readonly vars: VarSet;
}

/** Per-build facts the recursion carries: whether origins are tracked, and the origin path so far. */
export interface TargetContext {
  /** Set when `buildMetadata` asks for origin or transformer annotations: the path of this kustomization from the build root. */
  readonly originPath: string | undefined;
  /** `buildMetadata` of the top kustomization, which kustomize hands down to every base. */
  readonly buildMetadata: readonly string[];
  /** The namespace of the nearest kustomization above that sets one, which Helm charts take (kustomize v5.8's helmRootNamespace); `''` when none does. */
  readonly inheritedNamespace: string;
}

/**
 * Accumulates one kustomization in kustomize's order: its resources (files and bases), its configurations,
 * its generators, its components, then its transformers and validators, then its vars.
 * A component is accumulated into its parent's accumulation (`into`), not a fresh one.
 */
export function accumulateTarget(loader: Loader, kustomization: Kustomization, context: TargetContext, into?: Accumulation): Accumulation {
  let acc: Accumulation = into ?? { resources: [], config: emptyBuildConfig(), vars: emptyVarSet };
  const below: TargetContext = { ...context, inheritedNamespace: kustomization.namespace || context.inheritedNamespace };
  acc = accumulateResources(loader, kustomization.resources, below, acc);
  acc = { ...acc, config: mergeConfigurations(acc.config, loadConfigurations(loader, kustomization.configurations, kustomization.crds)) };
  acc = { ...acc, resources: runGenerators(loader, kustomization, acc.resources, context) };
  for (const path of kustomization.components) {
    acc = isRemoteReference(path) && loader.session.fs.kind(loader.resolve(path)) === undefined ? accumulateRemote(loader, path, true, below, acc) : accumulateDirectory(loader, path, true, below, acc);
  }
  acc = { ...acc, resources: runTransformers(loader, kustomization, acc.resources, acc.config, context) };
  return bindVars(acc, kustomization, loader);
}

/**
 * The resources of `paths` accumulated as `resources:` entries are, into a fresh accumulation: files, and
 * directories whose kustomizations are fully built. Kustomize reads plugin configurations this way.
 */
export function accumulatePaths(loader: Loader, paths: readonly string[], context: TargetContext): Resource[] {
  return [...accumulateResources(loader, paths, context, { resources: [], config: emptyBuildConfig(), vars: emptyVarSet }).resources];
}

function accumulateResources(loader: Loader, paths: readonly string[], context: TargetContext, acc: Accumulation): Accumulation {
  for (const path of paths) {
    // kustomize fetches an http(s) entry, and clones a git address that names no local path.
    if (isRemoteFile(path) || (isRemoteReference(path) && loader.session.fs.kind(loader.resolve(path)) === undefined)) {
      acc = accumulateRemote(loader, path, false, context, acc);
      continue;
    }
    if (loader.isFile(path)) {
      const file = loader.resolve(path);
      const origin: Origin | undefined = context.originPath === undefined ? undefined : { path: joinOriginPath(context.originPath, path) };
      const resources = parseResources(loader.readResourceText(path), loader.display(file), origin);
      noteKindsSeen(loader, resources);
      acc = { ...acc, resources: appendUnique(acc.resources, resources, loader.display(file)) };
      continue;
    }
    acc = accumulateDirectory(loader, path, false, context, acc);
  }
  return acc;
}

function accumulateDirectory(loader: Loader, path: string, isComponent: boolean, parentContext: TargetContext, acc: Accumulation): Accumulation {
  const field = isComponent ? 'components' : 'resources';
  if (!isComponent && loader.session.fs.kind(loader.resolve(path)) === undefined) {
    throw new KustomizeError(
      'file-not-found',
      `accumulating resources: '${path}' is neither a file nor a directory (no such file or directory)`,
      { file: loader.display(loader.root), field },
      `check the entry '${path}' of ${field}; paths are relative to the kustomization directory`,
    );
  }
  const child = loader.child(path);
  let kustomization: Kustomization;
  try {
    kustomization = child.kustomization();
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    const message = directoryFailure(isComponent, `couldn't make target for path '${loader.display(child.root)}': ${error.message}`);
    throw new KustomizeError(error.code, message, error.location, error.hint, { cause: error });
  }
  loader.session.openApi = schemaAfterLoading(loader.session.openApi, kustomization, child);
  if (isComponent && kustomization.kind !== 'Component') {
    const message = directoryFailure(true, `expected kind 'Component' for path '${loader.display(child.root)}' but got '${kustomization.kind}'`);
    throw new KustomizeError('invalid-kustomization', message, { file: loader.display(kustomization.file), field: 'kind' }, `list it under resources, or make it kind: Component`);
  }
  if (!isComponent && kustomization.kind === 'Component') {
    const message = directoryFailure(false, `expected kind != 'Component' for path '${loader.display(child.root)}'`);
    throw new KustomizeError('invalid-kustomization', message, { file: loader.display(kustomization.file), field: 'kind' }, 'list a Component under components, not resources');
  }
  const context: TargetContext = {
    ...parentContext,
    originPath: parentContext.originPath === undefined ? undefined : joinOriginPath(parentContext.originPath, path),
  };
  if (isComponent) return accumulateTarget(child, kustomization, context, acc);
  return absorb(acc, accumulateTarget(child, kustomization, context), loader.display(child.root));
}

/** Kustomize's words around the failure of a base (`accumulating resources: …`) or a component (its message Go-quoted). */
function directoryFailure(isComponent: boolean, message: string): string {
  return isComponent ? `accumulating components: accumulateDirectory: ${JSON.stringify(message)}` : `accumulating resources: ${message}`;
}

/** A base's accumulation added to its parent's, as kustomize's MergeAccumulator. */
function absorb(acc: Accumulation, sub: Accumulation, display: string): Accumulation {
  return {
    resources: appendUnique(acc.resources, sub.resources, display),
    config: mergeConfigurations(acc.config, sub.config),
    vars: mergeVarSets(acc.vars, sub.vars),
  };
}

/** A remote `resources:` or `components:` entry, through the caller's resolver: a file of resources or a kustomization directory. */
function accumulateRemote(loader: Loader, address: string, isComponent: boolean, context: TargetContext, acc: Accumulation): Accumulation {
  const field = isComponent ? 'components' : 'resources';
  const resolveRemote = loader.session.hooks.resolveRemote;
  if (!resolveRemote) refuseRemote(address, loader, field);
  const tree = callHook('resolveRemote', { file: loader.display(loader.root), field }, () => resolveRemote(address), isRemoteTree, 'a RemoteTree ({ files, path } or { fs, path })');
  const fs = 'fs' in tree ? tree.fs : new MemoryFileSystem(tree.files);
  const target = 'fs' in tree ? tree.path : normalize(`/${tree.path}`);
  const kind = fs.kind(target);
  if (kind === undefined) {
    throw new KustomizeError('file-not-found', `the resolver's tree for '${address}' has no file or directory '${tree.path}'`, { file: loader.display(loader.root), field }, 'return the path of the resource file or kustomization directory within the files');
  }
  const session = { ...loader.session, fs, buildRoot: 'fs' in tree ? target : '/' };
  if (kind === 'file' && !isComponent) {
    const resources = parseResources(new Loader(session, dirname(target)).readText(target), `${address} (${tree.path})`);
    return { ...acc, resources: appendUnique(acc.resources, resources, address) };
  }
  const remoteLoader = new Loader(session, target);
  const kustomization = remoteLoader.kustomization();
  const remoteContext = { ...context, originPath: context.originPath === undefined ? undefined : '' };
  if (isComponent) {
    if (kustomization.kind !== 'Component') {
      throw new KustomizeError('invalid-kustomization', directoryFailure(true, `expected kind 'Component' for path '${address}' but got '${kustomization.kind}'`), { file: loader.display(loader.root), field }, 'list it under resources, or make it kind: Component');
    }
    return accumulateTarget(remoteLoader, kustomization, remoteContext, acc);
  }
  return absorb(acc, accumulateTarget(remoteLoader, kustomization, remoteContext), address);
}

/**
 * The id keys of lists {@link appendUnique} made, so that appending to the list it just made needs no
 * second pass over it: a build appends file after file, base after base, to one growing list. The set
 * moves to the new list (an older list asked again is scanned afresh), so no set is shared or changed
 * under another list.
 */
const idKeysOfList = new WeakMap<readonly Resource[], Set<string>>();

/** `existing` followed by `added`, refusing an id that is already there, as kustomize's ResMap.Append. */
export function appendUnique(existing: readonly Resource[], added: readonly Resource[], file: string): Resource[] {
  const seen = idKeysOfList.get(existing) ?? new Set(existing.map((resource) => idKey(currentId(resource))));
  idKeysOfList.delete(existing);
  const out = [...existing];
  for (const resource of added) {
    const id = currentId(resource);
    const key = idKey(id);
    if (seen.has(key)) {
      throw new KustomizeError('duplicate-id', `may not add resource with an already registered id: ${idString(id)}`, { file }, 'two resources with the same kind, name and namespace cannot both be in one build; remove one or rename it (namePrefix, nameSuffix)');
    }
    seen.add(key);
    out.push(resource);
  }
  idKeysOfList.set(out, seen);
  return out;
}
