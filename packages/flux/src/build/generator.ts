import { emitYaml, getOwn, isJsonObject, isSymbolicLink, KustomizeError, kustomizationFileNames, parseYaml, parseYamlDocuments, readText, type FileSystem, type JsonObject, type JsonValue } from '@kustomize-ts/core';
import type { FluxKustomization } from '../model/kustomization.js';
import { defaultIgnorePatterns, isIgnored, loadIgnorePatterns, readIgnorePatterns, type IgnorePattern } from './ignore.js';

/**
 * The kustomization Flux builds for a Kustomization (fluxcd/pkg `kustomize.Generator`): the directory's
 * own kustomization file, or one listing the manifests found below it, then the Flux Kustomization's
 * `targetNamespace`, `namePrefix`, `nameSuffix`, `patches`, `components`, `images` and `buildMetadata`
 * merged in, and with `filter` the ignore rules applied to `resources`, `components` and `crds`.
 */

/** Whether the kustomization file was generated or the directory's own one was used. */
export type GeneratorAction = 'created' | 'unchanged';

/** How the generator filters. */
export interface GeneratorOptions {
  /** Apply `.sourceignore` files, Flux's defaults and `ignore` to the resources (`NewGeneratorWithIgnore`). */
  readonly filter?: boolean;
  /** More ignore patterns, one per line, as `--ignore-paths` gives them. */
  readonly ignore?: string;
}

/** The generated kustomization. */
export interface GeneratedKustomization {
  /** The kustomization as sigs.k8s.io/yaml would marshal kustomize's `Kustomization` struct. */
  readonly kustomization: JsonObject;
  /** Its YAML text. */
  readonly yaml: string;
  /** Where it is written: the existing file, or `kustomization.yaml` in the directory. */
  readonly file: string;
  readonly action: GeneratorAction;
}

/** The fields of kustomize's `Kustomization` struct; others do not survive Flux's unmarshal and marshal. */
const kustomizationFields = new Set([
  'apiVersion', 'kind', 'metadata', 'openapi', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels', 'commonAnnotations',
  'patchesStrategicMerge', 'patchesJson6902', 'patches', 'images', 'imageTags', 'replacements', 'replicas', 'vars', 'sortOptions',
  'resources', 'components', 'crds', 'bases', 'configMapGenerator', 'secretGenerator', 'helmGlobals', 'helmCharts',
  'helmChartInflationGenerator', 'generatorOptions', 'configurations', 'generators', 'transformers', 'validators', 'buildMetadata',
]);

/** The struct's round trip: unknown fields dropped, empty `omitempty` fields gone, apiVersion and kind defaulted. */
function normalize(object: JsonObject): JsonObject {
  const out: JsonObject = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' };
  for (const [key, value] of Object.entries(object)) {
    if (!kustomizationFields.has(key)) continue;
    const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isJsonObject(value) && Object.keys(value).length === 0);
    if (empty) {
      if (key !== 'apiVersion' && key !== 'kind') delete out[key];
      continue;
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const join = (directory: string, name: string) => (directory === '/' ? `/${name}` : `${directory}/${name}`);

function resolvePath(directory: string, relative: string): string {
  const parts = directory.split('/').filter(Boolean);
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join('/')}`;
}

/** Flux's `IsLocalRelativePath`: not a remote reference and not absolute. */
export function isLocalRelativePath(path: string): boolean {
  for (const prefix of ['git::', 'gh:', 'ssh://', 'https://', 'http://', 'git@', 'github.com:', 'github.com/']) {
    if (prefix.length < path.length && path.slice(0, prefix.length).toLowerCase() === prefix) return false;
  }
  return !(path.startsWith('/') || path.toLowerCase().replace(/^file:\/\//, '').startsWith('/'));
}

/** Go's `url.ParseRequestURI` succeeding with a scheme. */
function isUrl(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && !/[\u0000-\u001f\u007f ]/.test(text);
}

function existingKustomizationFile(fs: FileSystem, directory: string): string | undefined {
  return kustomizationFileNames.map((name) => join(directory, name)).find((path) => fs.kind(path) === 'file');
}

/** A file of Kubernetes manifests, as kustomize's resource factory reads it: YAML documents with a kind. */
function checkManifests(fs: FileSystem, path: string): void {
  let documents: JsonValue[];
  try {
    documents = parseYamlDocuments(readText(fs, path), path);
  } catch (error) {
    throw new KustomizeError('yaml-syntax', `failed to decode Kubernetes YAML from ${path}: ${(error as Error).message}`, { file: path });
  }
  for (const document of documents) {
    if (document === null) continue;
    if (!isJsonObject(document) || typeof getOwn(document, 'kind') !== 'string' || getOwn(document, 'kind') === '') {
      throw new KustomizeError('invalid-resource', `failed to decode Kubernetes YAML from ${path}: missing kind in object`, { file: path }, 'add the file to .sourceignore or --ignore-paths');
    }
  }
}

/**
 * The manifests Flux would list for a directory without a kustomization file (its `scanManifests`): every
 * `.yaml`/`.yml` file below it that is not ignored, in walk order, except that a subdirectory holding a
 * kustomization file is listed itself and not entered.
 *
 * @throws KustomizeError when a listed file is not Kubernetes YAML.
 */
export function scanManifests(fs: FileSystem, base: string, patterns: readonly IgnorePattern[]): string[] {
  const found: string[] = [];
  const matcherPatterns = patterns.length > 0 ? [...defaultIgnorePatterns(base.split('/')), ...patterns] : [];
  const walk = (directory: string) => {
    for (const name of fs.readDir(directory).sort()) {
      const path = join(directory, name);
      const kind = fs.kind(path);
      // Flux's walk does not follow a linked directory, so a link can neither loop it nor lead it out of the tree.
      if (kind === 'directory' && isSymbolicLink(fs, path)) continue;
      if (kind === 'directory') {
        if (existingKustomizationFile(fs, path) !== undefined) found.push(path);
        else walk(path);
        continue;
      }
      if (!name.endsWith('.yaml') && !name.endsWith('.yml')) continue;
      if (matcherPatterns.length > 0 && isIgnored(matcherPatterns, path, false)) continue;
      checkManifests(fs, path);
      found.push(path);
    }
  };
  walk(base);
  return found;
}

function readExisting(fs: FileSystem, file: string): JsonObject {
  const parsed = parseYaml(readText(fs, file), file, { dialect: 'sigs-yaml' });
  if (parsed !== null && !isJsonObject(parsed)) throw new KustomizeError('invalid-kustomization', 'the kustomization file is not a map', { file });
  return normalize(parsed ?? {});
}

/** Drops entries of `field` that the ignore rules exclude; a missing local entry is an error, as Flux's `lstat`. */
function filterEntries(fs: FileSystem, kustomization: JsonObject, directory: string, field: string, patterns: readonly IgnorePattern[]): JsonObject {
  const entries = getOwn(kustomization, field);
  if (!Array.isArray(entries)) return kustomization;
  const kept = entries.filter((entry) => {
    if (typeof entry !== 'string') return true;
    if (field !== 'crds' && isUrl(entry)) return true;
    const path = resolvePath(directory, entry);
    const kind = fs.kind(path);
    if (kind === undefined) throw new KustomizeError('file-not-found', `lstat ${path}: no such file or directory`, { file: path, field }, `remove '${entry}' from ${field} or create it`);
    return !isIgnored(patterns, path, kind === 'directory');
  });
  return normalize({ ...kustomization, [field]: kept });
}

function selector(target: JsonObject | undefined): JsonObject | undefined {
  if (target === undefined) return undefined;
  const out: JsonObject = {};
  for (const key of ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector']) {
    const value = getOwn(target, key);
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

/**
 * Generates the kustomization Flux builds for `kustomization` in `directory` (an absolute path in `fs`).
 *
 * @throws KustomizeError naming what failed: an unreadable manifest, a missing resource, a remote component.
 */
export function generateKustomization(fs: FileSystem, directory: string, kustomization: FluxKustomization, options: GeneratorOptions = {}): GeneratedKustomization {
  let patterns: IgnorePattern[] = [];
  if (options.filter || (options.ignore ?? '') !== '') {
    patterns = loadIgnorePatterns(fs, directory);
    if (options.ignore) patterns = [...patterns, ...readIgnorePatterns(options.ignore, directory.split('/'))];
  }
  const existing = existingKustomizationFile(fs, directory);
  let action: GeneratorAction = 'unchanged';
  let file = existing ?? join(directory, 'kustomization.yaml');
  let result: JsonObject;
  if (existing !== undefined) {
    result = readExisting(fs, existing);
    if (!Array.isArray(getOwn(result, 'resources'))) result = { ...result, buildMetadata: ['originAnnotations'] };
  } else {
    action = 'created';
    file = join(directory, 'kustomization.yaml');
    const resources = scanManifests(fs, directory, patterns).map((path) => `.${path.slice(directory === '/' ? 0 : directory.length)}`);
    result = normalize(resources.length === 0 ? { namespace: '_placeholder' } : { resources });
  }
  if (options.filter) {
    // Flux filters listed entries with its default matcher, so the default excludes always apply here.
    const matcher = [...defaultIgnorePatterns(directory.split('/')), ...patterns];
    for (const field of ['resources', 'components', 'crds']) result = filterEntries(fs, result, directory, field, matcher);
  }
  const { spec } = kustomization;
  const rawSpec = getOwn(kustomization.object, 'spec');
  const raw = isJsonObject(rawSpec) ? rawSpec : {};
  const set = (key: string, value: JsonValue) => {
    result = normalize({ ...result, [key]: value });
  };
  if (typeof getOwn(raw, 'targetNamespace') === 'string') set('namespace', spec.targetNamespace ?? '');
  if (typeof getOwn(raw, 'namePrefix') === 'string') set('namePrefix', spec.namePrefix ?? '');
  if (typeof getOwn(raw, 'nameSuffix') === 'string') set('nameSuffix', spec.nameSuffix ?? '');
  const existingPatches = (getOwn(result, 'patches') as JsonValue[] | undefined) ?? [];
  if (spec.patches && spec.patches.length > 0) {
    set('patches', [
      ...existingPatches,
      ...spec.patches.map((patch) => {
        const target = selector(patch.target as JsonObject | undefined);
        return { patch: patch.patch, ...(target && { target }) };
      }),
    ]);
  }
  const components = [...((getOwn(result, 'components') as JsonValue[] | undefined) ?? [])];
  for (const component of spec.components ?? []) {
    if (!isLocalRelativePath(component)) throw new KustomizeError('invalid-kustomization', `component path '${component}' must be local and relative`, { field: 'spec.components' });
    if (fs.kind(resolvePath(directory, component)) === undefined && spec.ignoreMissingComponents) continue;
    components.push(component);
  }
  if (components.length > 0) set('components', components);
  const strategicMerge = getOwn(raw, 'patchesStrategicMerge');
  if (Array.isArray(strategicMerge) && strategicMerge.length > 0) {
    set('patchesStrategicMerge', [...((getOwn(result, 'patchesStrategicMerge') as JsonValue[] | undefined) ?? []), ...strategicMerge.map((patch) => JSON.stringify(patch))]);
  }
  const json6902 = getOwn(raw, 'patchesJson6902');
  if (Array.isArray(json6902) && json6902.length > 0) {
    set('patchesJson6902', [
      ...((getOwn(result, 'patchesJson6902') as JsonValue[] | undefined) ?? []),
      ...json6902.filter(isJsonObject).map((patch) => ({ patch: JSON.stringify(getOwn(patch, 'patch') ?? null), target: selector(getOwn(patch, 'target') as JsonObject | undefined) ?? {} })),
    ]);
  }
  if (spec.images && spec.images.length > 0) {
    const images = ((getOwn(result, 'images') as JsonValue[] | undefined) ?? []).map((image) => ({ ...(image as JsonObject) }));
    for (const image of spec.images) {
      const index = images.findIndex((entry) => getOwn(entry, 'name') === image.name);
      if (index < 0) {
        images.push(normalizeImage({ name: image.name, newName: image.newName ?? '', newTag: image.newTag ?? '', digest: image.digest ?? '' }));
        continue;
      }
      const entry: JsonObject = { ...images[index]! };
      if (image.newName) entry.newName = image.newName;
      if (image.newTag || image.digest) {
        entry.newTag = image.newTag ?? '';
        entry.digest = image.digest ?? '';
      }
      images[index] = normalizeImage(entry);
    }
    set('images', images);
  }
  if (spec.buildMetadata && spec.buildMetadata.length > 0) set('buildMetadata', [...spec.buildMetadata]);
  return { kustomization: result, yaml: emitYaml(result), file, action };
}

/** An image entry as kustomize's `Image` struct marshals it: empty optional fields dropped. */
function normalizeImage(image: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(image).filter(([key, value]) => key === 'name' || (value !== '' && value !== null && value !== undefined)));
}
