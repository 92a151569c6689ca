import { build, emitYaml, getOwn, isJsonObject, KustomizeError, parseYamlDocuments, type EntryKind, type BuildHooks, type FileSystem, type JsonObject, type KustomizeVersion } from '@kustomize-ts/core';
import { readKustomization, type FluxKustomization } from '../model/kustomization.js';
import { postBuildSubstitute } from '../substitute.js';
import { generateKustomization, type GeneratedKustomization } from './generator.js';
import { maskSopsData } from './sops.js';

/**
 * `flux build kustomization`: what Flux would apply for a Kustomization, rendered from a local tree.
 * The pipeline is flux2's `internal/build`: generate the kustomization, build it with kustomize (no load
 * restrictions, builtin plugins only), run postBuild substitution, label every object with the
 * Kustomization's name and namespace, mask SOPS data, drop what is not a Kubernetes object, add
 * `commonMetadata`, and — with `recursive` — build the Flux Kustomizations found in the output too.
 */

/** Label keys Flux sets on everything it applies. */
export const ownerLabels = { name: 'kustomize.toolkit.fluxcd.io/name', namespace: 'kustomize.toolkit.fluxcd.io/namespace' } as const;

/** What `flux build` needs. */
export interface FluxBuildOptions {
  /** The source tree. */
  readonly fs: FileSystem;
  /** The directory to build (`--path`), an absolute path in `fs`. */
  readonly path: string;
  /** The Flux Kustomization to build for. */
  readonly kustomization: FluxKustomization;
  /** `--ignore-paths`: more `.sourceignore` patterns. */
  readonly ignorePaths?: readonly string[];
  /** `--dry-run`: `substituteFrom` is skipped. */
  readonly dryRun?: boolean;
  /** `--strict-substitute`. */
  readonly strictSubstitute?: boolean;
  /** The ConfigMaps and Secrets of the cluster that `substituteFrom` may read (ignored in dry-run). */
  readonly clusterObjects?: readonly JsonObject[];
  /** `--recursive`: also build the Flux Kustomizations the output contains. */
  readonly recursive?: boolean;
  /** `--local-sources`: `Kind/namespace/name` of a source → its directory in `fs`. */
  readonly localSources?: Readonly<Record<string, string>>;
  /** Nothing outside this directory of `fs` may be read, as Flux's secure file system (`--in-memory-build` roots it at the working directory). */
  readonly root?: string;
  /** The kustomize release the Flux version embeds (Flux 2.8–2.9: v5.8.1, the default; 2.7.0–2.7.3: v5.7.1; 2.5–2.6: v5.5.0's output). */
  readonly kustomizeVersion?: KustomizeVersion;
  /** What the build may ask its caller for (remote bases, say); none by default. */
  readonly hooks?: BuildHooks;
}

/** What `flux build` produced. */
export interface FluxBuildResult {
  readonly objects: readonly JsonObject[];
  /** Flux's output form: every object as YAML followed by `---`. */
  readonly yaml: string;
  /** The kustomization Flux generated for the top-level build. */
  readonly generated: GeneratedKustomization;
}

/** `fs` with one file replaced or added, as Flux writes its generated kustomization over the tree. */
class OverlayFileSystem implements FileSystem {
  private readonly content: Uint8Array;

  constructor(
    private readonly base: FileSystem,
    private readonly file: string,
    text: string,
  ) {
    this.content = new TextEncoder().encode(text);
  }

  kind(path: string): EntryKind | undefined {
    return path === this.file ? 'file' : this.base.kind(path);
  }

  readFile(path: string): Uint8Array {
    return path === this.file ? this.content : this.base.readFile(path);
  }

  readDir(path: string): string[] {
    const entries = this.base.readDir(path);
    const slash = this.file.lastIndexOf('/');
    const parent = slash <= 0 ? '/' : this.file.slice(0, slash);
    const name = this.file.slice(slash + 1);
    return parent === path && !entries.includes(name) ? [...entries, name] : entries;
  }

  realPath(path: string): string {
    return path === this.file ? path : this.base.realPath(path);
  }
}

/** `fs` with the generated kustomization file in place, as Flux builds it. */
export function withGeneratedKustomization(fs: FileSystem, generated: GeneratedKustomization): FileSystem {
  return new OverlayFileSystem(fs, generated.file, generated.yaml);
}

const within = (root: string, path: string) => root === '/' || path === root || path.startsWith(`${root}/`);

/** `fs` seen through Flux's secure file system: paths outside `root`, as written or through symbolic links, do not exist. */
class RootedFileSystem implements FileSystem {
  private readonly realRoot: string;

  constructor(
    private readonly base: FileSystem,
    private readonly root: string,
  ) {
    this.realRoot = base.realPath(root);
  }

  private inside(path: string): boolean {
    return within(this.root, path) && within(this.realRoot, this.base.realPath(path));
  }

  kind(path: string): EntryKind | undefined {
    return this.inside(path) ? this.base.kind(path) : undefined;
  }

  readFile(path: string): Uint8Array {
    if (!this.inside(path)) throw new KustomizeError('load-restricted', `path '${path}' is not in or below '${this.root}'`, { file: path }, 'keep every file the build reads inside the root');
    return this.base.readFile(path);
  }

  readDir(path: string): string[] {
    if (!this.inside(path)) throw new KustomizeError('load-restricted', `path '${path}' is not in or below '${this.root}'`, { file: path }, 'keep every file the build reads inside the root');
    return this.base.readDir(path);
  }

  realPath(path: string): string {
    return this.base.realPath(path);
  }
}

/**
 * `kustomize build` as Flux runs it (fluxcd/pkg `kustomize.Build`): no load restrictions, builtin plugins
 * only, no legacy reordering; with `root`, nothing outside it is readable.
 *
 * @throws KustomizeError `kustomize build failed: …`.
 */
export function fluxKustomizeBuild(fs: FileSystem, path: string, root?: string, kustomizeVersion?: KustomizeVersion, hooks?: BuildHooks): JsonObject[] {
  try {
    const source = root === undefined ? fs : new RootedFileSystem(fs, root);
    return [...build({ fs: source, path, loadRestrictor: 'none', reorder: 'none', openApiMergesBuiltins: true, ...(kustomizeVersion && { kustomizeVersion }), ...(hooks && { hooks }) }).objects];
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    throw new KustomizeError(error.code, `kustomize build failed: ${error.message}`, error.location, error.hint, { cause: error });
  }
}

function withLabels(object: JsonObject, labels: Readonly<Record<string, string>>, field: 'labels' | 'annotations' = 'labels'): JsonObject {
  const metadata = getOwn(object, 'metadata');
  const meta = isJsonObject(metadata) ? metadata : {};
  const existing = getOwn(meta, field);
  const merged: JsonObject = { ...(isJsonObject(existing) ? existing : {}) };
  for (const [key, value] of Object.entries(labels)) Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
  if (Object.keys(merged).length === 0) return object;
  return { ...object, metadata: { ...meta, [field]: merged } };
}


function text(object: JsonObject, ...path: string[]): string {
  let at: unknown = object;
  for (const key of path) at = isJsonObject(at as JsonObject) ? getOwn(at as JsonObject, key) : undefined;
  return typeof at === 'string' ? at : '';
}

/** ssa's `ReadObjects`: lists flattened; objects without apiVersion, kind or name and kustomize's own Kustomizations dropped. */
function kubernetesObjects(objects: readonly JsonObject[]): JsonObject[] {
  return objects.flatMap((object) => {
    const items = getOwn(object, 'items');
    if (Array.isArray(items)) return items.filter(isJsonObject);
    if (text(object, 'apiVersion') === '' || text(object, 'kind') === '' || text(object, 'metadata', 'name') === '') return [];
    const kustomizeOwn = text(object, 'kind').toLowerCase() === 'kustomization' && text(object, 'apiVersion').startsWith('kustomize.config.k8s.io/');
    return kustomizeOwn ? [] : [object];
  });
}

function isFluxKustomization(object: JsonObject): boolean {
  return text(object, 'kind') === 'Kustomization' && text(object, 'apiVersion').startsWith('kustomize.toolkit.fluxcd.io/');
}

function joinPath(base: string, relative: string): string {
  const joined = cleanPath(`${base}/${relative}`);
  return joined.startsWith('/') ? joined : `/${joined}`;
}

/** Go's `filepath.Clean`: `.` and empty segments dropped, `..` resolved where it can be. */
export function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (segment !== '..' || !absolute) parts.push(segment);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/**
 * Where `--local-sources` puts a Kustomization's path: the directory given for its source
 * (`Kind/namespace/name`, the namespace defaulting to the Kustomization's) joined with `spec.path`.
 *
 * @throws KustomizeError when no directory is given for the source.
 */
export function localSourcePath(kustomization: FluxKustomization, localSources: Readonly<Record<string, string>>): string {
  const source = kustomization.spec.sourceRef;
  const namespace = source.namespace || kustomization.metadata.namespace;
  const key = namespace ? `${source.kind}/${namespace}/${source.name}` : `${source.kind}/${source.name}`;
  const local = Object.prototype.hasOwnProperty.call(localSources, key) ? localSources[key] : undefined;
  if (local === undefined) {
    throw new KustomizeError('file-not-found', `cannot get local path for ${key} of kustomization ${kustomization.metadata.name}`, { field: 'spec.sourceRef' }, 'give its directory with --local-sources');
  }
  return cleanPath(`${local}/${kustomization.spec.path ?? ''}`);
}

/**
 * The Flux Kustomization named `name` in a `--kustomization-file` text, as flux2 picks it: the first
 * `kustomize.toolkit.fluxcd.io` Kustomization with that name whose namespace is `namespace` or unset.
 *
 * @throws KustomizeError when there is none.
 */
export function selectKustomization(content: string, name: string, namespace: string, file: string): FluxKustomization {
  for (const document of parseYamlDocuments(content, file)) {
    if (!isJsonObject(document)) continue;
    const found = readKustomization(document, { file });
    const objectNamespace = found.metadata.namespace;
    if (text(document, 'apiVersion').startsWith('kustomize.toolkit.fluxcd.io/') && text(document, 'kind') === 'Kustomization' && found.metadata.name === name && (objectNamespace === namespace || objectNamespace === '')) {
      return found;
    }
  }
  throw new KustomizeError('invalid-resource', `failed find kustomization with name '${name}' and namespace '${namespace}' in file '${file}'`, { file }, 'check the name and the --namespace');
}

function buildOne(options: FluxBuildOptions, seen: readonly FluxKustomization[]): { objects: JsonObject[]; generated: GeneratedKustomization } {
  const { fs, path, kustomization } = options;
  const generated = generateKustomization(fs, path, kustomization, { filter: true, ignore: (options.ignorePaths ?? []).join('\n') });
  let objects = fluxKustomizeBuild(withGeneratedKustomization(fs, generated), path, options.root, options.kustomizeVersion, options.hooks);
  objects = postBuildSubstitute(objects, kustomization, {
    strict: options.strictSubstitute ?? false,
    dryRun: options.dryRun ?? false,
    clusterObjects: options.clusterObjects ?? [],
  });
  const owner = { [ownerLabels.name]: kustomization.metadata.name, [ownerLabels.namespace]: kustomization.metadata.namespace };
  objects = kubernetesObjects(objects.map((object) => maskSopsData(withLabels(object, owner))));
  const common = kustomization.spec.commonMetadata;
  if (common) objects = objects.map((object) => withLabels(withLabels(object, common.labels ?? {}), common.annotations ?? {}, 'annotations'));
  if (options.recursive) {
    const nested: JsonObject[] = [];
    for (const object of objects.filter(isFluxKustomization)) {
      const child = readKustomization(object);
      if (child.metadata.name === kustomization.metadata.name && child.metadata.namespace === kustomization.metadata.namespace) continue;
      if (seen.some((k) => k.metadata.name === child.metadata.name && k.metadata.namespace === child.metadata.namespace)) continue;
      const path = joinPath('/', localSourcePath(child, options.localSources ?? {}));
      nested.push(...buildOne({ ...options, path, kustomization: child }, [...seen, kustomization]).objects);
    }
    objects = [...objects, ...nested];
  }
  return { objects, generated };
}

/**
 * Renders a Flux Kustomization against a local tree exactly as `flux build kustomization` does.
 *
 * @throws KustomizeError naming the stage and the cause (`kustomize build failed: …`, `var substitution failed for '…': …`).
 */
export function fluxBuild(options: FluxBuildOptions): FluxBuildResult {
  const { objects, generated } = buildOne(options, []);
  return { objects, yaml: objects.map((object) => `${emitYaml(object)}---\n`).join(''), generated };
}
