import { KustomizeError } from '../errors.js';
import { readText, type FileSystem } from '../fs/filesystem.js';
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { parseYaml } from '../yaml/index.js';
import { deprecationWarnings, type BuildWarning } from '../pipeline/diagnostics.js';
import { decodeObject } from './decode.js';
import { kustomizationShape } from './schema.js';
import type { Kustomization } from './types.js';
import { versionBehaviour, type VersionBehaviour } from '../versions.js';

/** The file names kustomize recognises, in the order it tries them. */
export const kustomizationFileNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

const kustomizationVersion = 'kustomize.config.k8s.io/v1beta1';
const componentVersion = 'kustomize.config.k8s.io/v1alpha1';

/** Finds the one kustomization file in `directory`; errors when there is none or more than one. */
export function findKustomizationFile(fs: FileSystem, directory: string): string {
  const entries = new Set(fs.kind(directory) === 'directory' ? fs.readDir(directory) : []);
  const found = kustomizationFileNames.filter((name) => entries.has(name) && fs.kind(`${directory}/${name}`) === 'file');
  if (found.length === 0) {
    throw new KustomizeError(
      'file-not-found',
      `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${directory}'`,
      { file: directory },
      'add a kustomization.yaml to the directory, or point the build at a directory that has one',
    );
  }
  if (found.length > 1) {
    throw new KustomizeError('invalid-kustomization', `Found multiple kustomization files under: ${directory}`, { file: directory }, `keep only one of ${found.join(', ')}`);
  }
  return `${directory === '/' ? '' : directory}/${found[0]!}`;
}

/** Reads, decodes and checks the kustomization in `directory`, with the fields of the kustomize release of `behaviour` (the newest by default). */
export function loadKustomization(fs: FileSystem, directory: string, behaviour: VersionBehaviour = versionBehaviour()): Kustomization {
  const file = findKustomizationFile(fs, directory);
  return parseKustomization(asInvalidKustomization(() => readText(fs, file)), file, directory, undefined, behaviour);
}

/**
 * Decodes the text of a kustomization file, with the fields of the kustomize release of `behaviour` (the newest by
 * default). `warn` receives kubectl's warnings for deprecated fields, as kustomize gives them: once the file
 * decodes, before it is checked further.
 */
export function parseKustomization(text: string, file: string, directory: string, warn?: (warning: BuildWarning) => void, behaviour: VersionBehaviour = versionBehaviour()): Kustomization {
  // kustomize decodes kustomization files with sigs.k8s.io/yaml (YAML 1.1 scalars: `y`, `on` are booleans).
  const parsed = asInvalidKustomization(() => parseYaml(text, file, { dialect: 'sigs-yaml' }));
  const raw = decodeObject(parsed ?? {}, kustomizationShape(behaviour), 'Kustomization', file);
  // The decoder drops null fields, so a field it kept is one Go's nil check sees as set.
  if (warn) for (const warning of deprecationWarnings((field) => Object.hasOwn(raw, field), file)) warn(warning);
  // Like kustomize, a file that sets nothing but its type is empty; an explicit empty list is not. Kustomize says
  // `kustomization.yaml` whatever the file's name; the location names the file.
  if (Object.keys(raw).every((key) => key === 'apiVersion' || key === 'kind')) {
    throw new KustomizeError('invalid-kustomization', 'kustomization.yaml is empty', { file }, 'list resources, components or generators in it');
  }
  const kind = stringOf(raw, 'kind') || 'Kustomization';
  if (kind !== 'Kustomization' && kind !== 'Component') {
    throw new KustomizeError('invalid-kustomization', `Failed to read kustomization file under ${directory}: kind should be Kustomization or Component`, { file, field: 'kind' });
  }
  const requiredVersion = kind === 'Component' ? componentVersion : kustomizationVersion;
  const apiVersion = stringOf(raw, 'apiVersion') || requiredVersion;
  if (apiVersion !== requiredVersion) {
    throw new KustomizeError('invalid-kustomization', `Failed to read kustomization file under ${directory}: apiVersion for ${kind} should be ${requiredVersion}`, { file, field: 'apiVersion' });
  }
  const generators = (field: string): JsonObject[] =>
    listOf(raw, field).map((entry) => {
      const { env, ...rest } = entry as JsonObject;
      if (typeof env !== 'string' || env === '') return rest;
      return { ...rest, envs: [...(Array.isArray(rest['envs']) ? rest['envs'] : []), env] };
    });
  const kustomization = {
    apiVersion,
    kind,
    file,
    directory,
    resources: [...listOf(raw, 'resources'), ...listOf(raw, 'bases')],
    components: listOf(raw, 'components'),
    crds: listOf(raw, 'crds'),
    configurations: listOf(raw, 'configurations'),
    generators: listOf(raw, 'generators'),
    transformers: listOf(raw, 'transformers'),
    validators: listOf(raw, 'validators'),
    buildMetadata: listOf(raw, 'buildMetadata'),
    namePrefix: stringOf(raw, 'namePrefix'),
    nameSuffix: stringOf(raw, 'nameSuffix'),
    namespace: stringOf(raw, 'namespace'),
    commonLabels: mapOf(raw, 'commonLabels'),
    labels: listOf(raw, 'labels'),
    commonAnnotations: mapOf(raw, 'commonAnnotations'),
    patches: listOf(raw, 'patches'),
    patchesStrategicMerge: listOf(raw, 'patchesStrategicMerge'),
    patchesJson6902: listOf(raw, 'patchesJson6902'),
    images: [...listOf(raw, 'images'), ...listOf(raw, 'imageTags')],
    replicas: listOf(raw, 'replicas'),
    replacements: listOf(raw, 'replacements'),
    vars: listOf(raw, 'vars'),
    configMapGenerator: generators('configMapGenerator'),
    secretGenerator: generators('secretGenerator'),
    generatorOptions: getOwn(raw, 'generatorOptions'),
    sortOptions: getOwn(raw, 'sortOptions'),
    openapi: mapOf(raw, 'openapi'),
    helmCharts: [...listOf(raw, 'helmCharts'), ...listOf(raw, 'helmChartInflationGenerator')],
    helmGlobals: getOwn(raw, 'helmGlobals'),
  };
  // The decoder has checked every field against the schema, so the shapes hold.
  return kustomization as unknown as Kustomization;
}

function stringOf(raw: JsonObject, key: string): string {
  const value = getOwn(raw, key);
  return typeof value === 'string' ? value : '';
}

function listOf(raw: JsonObject, key: string): JsonValue[] {
  const value = getOwn(raw, key);
  return Array.isArray(value) ? value : [];
}

function mapOf(raw: JsonObject, key: string): JsonObject {
  const value = getOwn(raw, key);
  return isJsonObject(value) ? value : {};
}

/** Runs `work`, giving a YAML error the `invalid Kustomization: ` kustomize puts before errors reading a kustomization file. */
export function asInvalidKustomization<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof KustomizeError) || error.code !== 'yaml-syntax') throw error;
    throw new KustomizeError(error.code, `invalid Kustomization: ${error.message}`, error.location, error.hint, { cause: error.cause });
  }
}
