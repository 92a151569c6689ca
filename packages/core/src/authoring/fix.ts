/**
 * `kustomize edit fix`: deprecated fields moved to the fields that replace them, as kustomize's
 * `FixKustomization` and `FixKustomizationPreMarshalling` do, then the build compared before and after.
 */
import { isMap, isSeq, YAMLSeq, type YAMLMap } from 'yaml';
import { build } from '../pipeline/index.js';
import { unifiedDiff } from '../diff/lines.js';
import { KustomizeError } from '../errors.js';
import type { EntryKind, FileSystem } from '../fs/filesystem.js';
import { resolve } from '../fs/path.js';
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { appendToList, deleteKey, findPair, getNode, insertField, kustomizeNode, renameField, setField, type KustomizationDocument, type ValueNode } from './document.js';
import { isEmptyField } from './kustfile.js';
import type { EditContext } from './model.js';
import { convertVars } from './vars.js';

/**
 * Fixes the kustomization in `document`: `apiVersion` and `kind` added when missing (at the top); `bases`
 * into `resources`, `imageTags` into `images`, `patchesJson6902` and `patchesStrategicMerge` into `patches`
 * (a strategic-merge entry naming a file becomes `path`, other text `patch`), `commonLabels` into a `labels`
 * entry with `includeSelectors: true`, generators' `env` into `envs`, `helmChartInflationGenerator` into
 * `helmCharts` and `helmGlobals`. A field that moves to a missing field is renamed in place. Then the
 * directory is built with the old and the new file, and a difference is added to `notes` as kustomize warns.
 *
 * @throws KustomizeError when a label is in both `commonLabels` and `labels`.
 */
export function fixKustomization(document: KustomizationDocument, context: EditContext, vars: boolean): void {
  const { fs, directory } = context;
  const model = document.model();
  const root = document.root;
  const list = (field: string): JsonValue[] => {
    const value = getOwn(model, field);
    return Array.isArray(value) ? value : [];
  };
  const commonLabels = getOwn(model, 'commonLabels');
  if (isJsonObject(commonLabels) && Object.keys(commonLabels).length > 0) {
    for (const label of list('labels').filter(isJsonObject)) {
      const pairs = getOwn(label, 'pairs');
      const clash = isJsonObject(pairs) ? Object.keys(pairs).find((key) => getOwn(commonLabels, key) !== undefined) : undefined;
      if (clash !== undefined) throw new KustomizeError('invalid-kustomization', `label name '${clash}' exists in both commonLabels and labels`, { file: document.file, field: 'commonLabels' });
    }
  }
  addTypeFields(document, model);
  moveInto(root, 'bases', 'resources');
  moveInto(root, 'imageTags', 'images');
  for (const field of ['configMapGenerator', 'secretGenerator']) moveEnvIntoEnvs(root, field, list(field));
  fixHelm(root, model, list('helmChartInflationGenerator'));
  moveInto(root, 'patchesJson6902', 'patches');
  const strategicMerge = list('patchesStrategicMerge').map((entry): JsonObject => {
    const text = String(entry);
    return isFile(fs, resolve(directory, text)) ? { path: text } : { patch: text };
  });
  moveInto(root, 'patchesStrategicMerge', 'patches', strategicMerge);
  moveCommonLabels(root);
  if (vars) replaceVars(document, context);
  context.notes.push(...buildDifference(fs, directory, document, context.otherFiles));
}

function isFile(fs: FileSystem, path: string): boolean {
  return fs.kind(path) === 'file';
}

function addTypeFields(document: KustomizationDocument, model: JsonObject): void {
  const kind = (getOwn(model, 'kind') as string | undefined) ?? '';
  const apiVersion = (getOwn(model, 'apiVersion') as string | undefined) ?? '';
  if (apiVersion === '') {
    deleteKey(document.root, 'apiVersion', true);
    insertField(document.root, 0, 'apiVersion', kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1');
  }
  if (kind === '') {
    deleteKey(document.root, 'kind', true);
    const after = document.root.items.indexOf(findPair(document.root, 'apiVersion', true)!);
    insertField(document.root, after + 1, 'kind', 'Kustomization');
  }
}

/**
 * Moves the items of the deprecated list field `from` to the end of `to`. Item nodes move as they are (with
 * their comments) unless `converted` gives new items; when `to` is missing, `from` is renamed in place.
 */
function moveInto(root: YAMLMap, from: string, to: string, converted?: readonly JsonValue[]): void {
  const pair = findPair(root, from, true);
  if (!pair) return;
  const old = pair.value;
  const items: ValueNode[] = converted ? converted.map(kustomizeNode) : isSeq(old) ? (old.items as ValueNode[]) : [];
  const target = getNode(root, to, true);
  if (isSeq(target) || items.length === 0) {
    if (isSeq(target)) target.items.push(...items);
    deleteKey(root, from, true);
    return;
  }
  deleteKey(root, to, true);
  const list = new YAMLSeq();
  list.items = items;
  renameField(root, from, to, converted || !isSeq(old) ? list : undefined);
}

/** `commonLabels` as a `labels` entry selecting too, its map node (and comments) kept as `pairs`. */
function moveCommonLabels(root: YAMLMap): void {
  const pair = findPair(root, 'commonLabels', true);
  if (!pair) return;
  if (!isMap(pair.value) || pair.value.items.length === 0) {
    deleteKey(root, 'commonLabels', true);
    return;
  }
  const entry = kustomizeNode({ includeSelectors: true, pairs: {} }) as YAMLMap;
  entry.set('pairs', pair.value);
  const labels = getNode(root, 'labels', true);
  if (isSeq(labels)) {
    labels.items.push(entry);
    deleteKey(root, 'commonLabels', true);
    return;
  }
  deleteKey(root, 'labels', true);
  const list = new YAMLSeq();
  list.items = [entry];
  renameField(root, 'commonLabels', 'labels', list);
}

function moveEnvIntoEnvs(root: YAMLMap, field: string, entries: readonly JsonValue[]): void {
  const list = getNode(root, field, true);
  if (!isSeq(list)) return;
  entries.forEach((entry, i) => {
    const env = isJsonObject(entry) ? getOwn(entry, 'env') : undefined;
    const item = list.items[i];
    if (typeof env !== 'string' || env === '' || !item || !('items' in (item as object))) return;
    const map = item as YAMLMap;
    appendToList(map, 'envs', [env]);
    deleteKey(map, 'env');
  });
}

/** kustomize's `SplitHelmParameters`: each old entry becomes a chart; the last chart and helm homes become globals. */
function fixHelm(root: YAMLMap, model: JsonObject, old: readonly JsonValue[]): void {
  if (!findPair(root, 'helmChartInflationGenerator', true)) return;
  const globals: JsonObject = {};
  const charts = old.filter(isJsonObject).map((entry) => {
    const text = (key: string) => (getOwn(entry, key) as string | undefined) ?? '';
    if (text('helmHome') !== '') globals['configHome'] = text('helmHome');
    if (text('chartHome') !== '') globals['chartHome'] = text('chartHome');
    const chart: JsonObject = {};
    const copy = (to: string, value: JsonValue | undefined) => {
      if (!isEmptyField(value)) chart[to] = value!;
    };
    copy('name', text('chartName'));
    copy('version', text('chartVersion'));
    copy('repo', text('chartRepoUrl'));
    copy('valuesFile', text('values'));
    copy('valuesInline', getOwn(entry, 'valuesLocal'));
    copy('valuesMerge', text('valuesMerge'));
    copy('releaseName', text('releaseName'));
    return chart;
  });
  if (getOwn(model, 'helmGlobals') === undefined && Object.keys(globals).length > 0) setField(root, 'helmGlobals', globals);
  moveInto(root, 'helmChartInflationGenerator', 'helmCharts', charts);
}

/** A file system that shows `files` in place of what `base` has there. */
class ReplacedFiles implements FileSystem {
  constructor(
    private readonly base: FileSystem,
    private readonly files: ReadonlyMap<string, Uint8Array>,
  ) {}

  kind(path: string): EntryKind | undefined {
    return this.files.has(path) ? 'file' : this.base.kind(path);
  }

  readFile(path: string): Uint8Array {
    return this.files.get(path) ?? this.base.readFile(path);
  }

  readDir(path: string): string[] {
    return this.base.readDir(path);
  }

  realPath(path: string): string {
    return this.base.realPath(path);
  }
}

/** kustomize's warnings after `edit fix`: the fixed kustomization fails to build, or builds differently. */
/**
 * `--vars`: the vars become replacements, in the place of the `vars` field; kustomize drops the
 * replacements the file had. The files that used the vars are changed in `context.otherFiles`.
 */
function replaceVars(document: KustomizationDocument, context: EditContext): void {
  const conversion = convertVars(context.fs, context.directory, document.model());
  if (conversion === undefined) return;
  for (const [file, text] of conversion.files) context.otherFiles.set(file, text);
  if (conversion.replacements.length === 0) {
    deleteKey(document.root, 'vars', true);
    return;
  }
  deleteKey(document.root, 'replacements', true);
  renameField(document.root, 'vars', 'replacements', kustomizeNode(conversion.replacements));
}

function buildDifference(fs: FileSystem, directory: string, document: KustomizationDocument, otherFiles: ReadonlyMap<string, string>): string[] {
  const before = tryBuild(fs, directory);
  const encoder = new TextEncoder();
  const changed = new Map([...otherFiles].map(([file, text]) => [file, encoder.encode(text)]));
  changed.set(document.file, encoder.encode(document.print()));
  const fixed = new ReplacedFiles(fs, changed);
  const after = tryBuild(fixed, directory);
  if (after.error !== undefined) return [`Warning: 'Fixed' kustomization now produces the error when running \`kustomize build\`: ${after.error}`];
  if (after.yaml === before.yaml) return [];
  const diff = unifiedDiff(before.yaml ?? '', after.yaml ?? '', { fromFile: 'build before fix', toFile: 'build after fix' });
  return [`Warning: 'Fixed' kustomization now produces different output when running \`kustomize build\`:\n${diff}`];
}

function tryBuild(fs: FileSystem, directory: string): { yaml?: string; error?: string } {
  try {
    return { yaml: build({ fs, path: directory }).yaml };
  } catch (error) {
    if (error instanceof KustomizeError) return { error: error.toOneLine() };
    throw error;
  }
}
