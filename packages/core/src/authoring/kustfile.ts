/**
 * The kustomization file the authoring commands read and write, found and written as kustomize's
 * `commands/internal/kustfile` does.
 */
import { KustomizeError } from '../errors.js';
import type { FileSystem } from '../fs/filesystem.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { kustomizationFileNames } from '../kustomization/load.js';
import { emitYaml } from '../yaml/index.js';

/** `directory/name`, for absolute directories. */
export function joinPath(directory: string, name: string): string {
  return directory === '/' ? `/${name}` : `${directory}/${name}`;
}

/** The recognised kustomization file names present in `directory`, in kustomize's order. */
export function presentKustomizationFiles(fs: FileSystem, directory: string): string[] {
  return kustomizationFileNames.filter((name) => fs.kind(joinPath(directory, name)) !== undefined);
}

/**
 * The one kustomization file in `directory` that an edit changes, with kustomize's errors when there is
 * none, more than one, or a directory of that name.
 */
export function editableKustomizationFile(fs: FileSystem, directory: string): string {
  const present = presentKustomizationFiles(fs, directory);
  if (present.length === 0) {
    throw new KustomizeError('file-not-found', "Missing kustomization file 'kustomization.yaml'.", { file: directory }, 'create one first, e.g. with `kustomize-ts create`');
  }
  if (present.length > 1) {
    throw new KustomizeError('invalid-kustomization', `Found multiple kustomization file: [${present.join(' ')}]`, { file: directory }, 'keep only one of them');
  }
  const file = joinPath(directory, present[0]!);
  if (fs.kind(file) === 'directory') throw new KustomizeError('invalid-kustomization', `${present[0]} should be a file`, { file });
  return file;
}

/**
 * The order in which kustomize writes the fields of a kustomization it marshals (kustfile's
 * `determineFieldOrder`, by JSON name); `imageTags` is not among them, so it is never written.
 */
export const kustomizeFieldOrder: readonly string[] = [
  'apiVersion', 'kind', 'metadata', 'sortOptions', 'resources', 'bases', 'namePrefix', 'nameSuffix', 'namespace', 'crds',
  'commonLabels', 'labels', 'commonAnnotations', 'patchesStrategicMerge', 'patchesJson6902', 'patches', 'configMapGenerator',
  'secretGenerator', 'helmCharts', 'helmChartInflationGenerator', 'helmGlobals', 'generatorOptions', 'vars', 'images',
  'replacements', 'replicas', 'configurations', 'generators', 'transformers', 'validators', 'components', 'openapi', 'buildMetadata',
];

/** Whether kustomize leaves the field out when marshalling (`omitempty`: empty strings, lists and maps). */
export function isEmptyField(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/**
 * One field as kustomize writes it: sigs.k8s.io/yaml marshals a kustomization holding only that field,
 * so nested keys come out sorted and scalars quoted as yaml.v2 quotes them.
 */
export function marshalField(field: string, value: JsonValue): string {
  const single: JsonObject = {};
  Object.defineProperty(single, field, { value, enumerable: true, writable: true, configurable: true });
  return emitYaml(single);
}

/** A whole kustomization as kustomize writes a new one: non-empty fields, one by one, in {@link kustomizeFieldOrder}. */
export function marshalKustomization(kustomization: JsonObject): string {
  return kustomizeFieldOrder
    .filter((field) => Object.prototype.hasOwnProperty.call(kustomization, field) && !isEmptyField(kustomization[field]))
    .map((field) => marshalField(field, kustomization[field]!))
    .join('');
}
