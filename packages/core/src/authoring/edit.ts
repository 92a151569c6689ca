/**
 * `kustomize edit`: the common edit commands as one pure function over a {@link FileSystem}. The commands
 * decide what to change as kustomize v5.5.0 decides it (same checks, same errors); the change itself is made
 * on the file's YAML Document, so comments, key order and formatting stay (see {@link KustomizationDocument}).
 */
import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { KustomizeError } from '../errors.js';
import { readText, type FileSystem, type WritableFileSystem } from '../fs/filesystem.js';
import { basename, isWithin, resolve } from '../fs/path.js';
import { generateConfigMap, generateSecret, mergeGeneratorOptions, type GeneratorOptions, type SecretArgs } from '../generate/index.js';
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { expandPathArguments, type ImageSetting, type ReplicaSetting } from './arguments.js';
import { appendToList, deleteKey, ensureList, getNode, insertByName, KustomizationDocument, removeListItems, setField, setMapEntries, setValue } from './document.js';
import { fixKustomization } from './fix.js';
import { glob, goMatch } from './glob.js';
import { editableKustomizationFile } from './kustfile.js';

/** A patch target, as the `--group`, `--version`, `--kind`, `--name`, `--namespace` and selector flags give it. */
export interface SelectorSetting {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly annotationSelector?: string;
  readonly labelSelector?: string;
}

/** A `patches` entry: a file (`path`) or inline text (`patch`), one of them, and an optional target. */
export interface PatchSetting {
  readonly path?: string;
  readonly patch?: string;
  readonly target?: SelectorSetting;
}

/** A ConfigMap or Secret generator to add to, as `kustomize edit add configmap|secret NAME` flags give it. */
export interface GeneratorSetting {
  readonly name: string;
  readonly namespace?: string;
  /** `create`, `merge` or `replace`. */
  readonly behavior?: string;
  /** `key=value` pairs (`--from-literal`). */
  readonly literals?: readonly string[];
  /** `[key=]path` sources, paths as Go globs (`--from-file`); a pattern that matches nothing is skipped with a note. */
  readonly files?: readonly string[];
  /** An env file (`--from-env-file`). */
  readonly envFile?: string;
  /** `--disableNameSuffixHash`: the entry's `options` become `disableNameSuffixHash: true`. */
  readonly disableNameSuffixHash?: boolean;
}

/** One edit command and its arguments. */
export type KustomizationEdit =
  | { readonly kind: 'addResource'; readonly paths: readonly string[]; readonly noVerify?: boolean }
  | { readonly kind: 'addComponent'; readonly paths: readonly string[] }
  | { readonly kind: 'addPatch'; readonly patch: PatchSetting }
  | {
      readonly kind: 'addLabel';
      readonly labels: Readonly<Record<string, string>>;
      readonly force?: boolean;
      /** Add a `labels` entry (selectors untouched) instead of `commonLabels`. */
      readonly withoutSelector?: boolean;
      /** With `withoutSelector`: the entry sets `includeTemplates: true`. */
      readonly includeTemplates?: boolean;
    }
  | { readonly kind: 'addAnnotation'; readonly annotations: Readonly<Record<string, string>>; readonly force?: boolean }
  | { readonly kind: 'addConfigMap'; readonly generator: GeneratorSetting }
  | { readonly kind: 'addSecret'; readonly generator: GeneratorSetting & { readonly type?: string } }
  | { readonly kind: 'setImage'; readonly images: readonly ImageSetting[] }
  | { readonly kind: 'setNamespace'; readonly namespace: string }
  | { readonly kind: 'setNamePrefix'; readonly prefix: string }
  | { readonly kind: 'setNameSuffix'; readonly suffix: string }
  | { readonly kind: 'setReplicas'; readonly replicas: readonly ReplicaSetting[] }
  | { readonly kind: 'setLabel'; readonly labels: Readonly<Record<string, string>> }
  | { readonly kind: 'setAnnotation'; readonly annotations: Readonly<Record<string, string>> }
  | { readonly kind: 'removeResource'; readonly patterns: readonly string[] }
  | { readonly kind: 'removePatch'; readonly patch: PatchSetting }
  | { readonly kind: 'removeLabel'; readonly keys: readonly string[]; readonly ignoreMissing?: boolean }
  | { readonly kind: 'removeAnnotation'; readonly keys: readonly string[]; readonly ignoreMissing?: boolean }
  | { readonly kind: 'fix' };

/** What an edit did. */
export interface EditOutcome {
  /** The kustomization file (absolute). */
  readonly file: string;
  /** Its text before the edit. */
  readonly before: string;
  /** Its text after the edit; equal to `before` when nothing changed. */
  readonly after: string;
  readonly changed: boolean;
  /** What kustomize would log: entries already present, patterns without a match, build differences after `fix`. */
  readonly notes: readonly string[];
}

/** What an edit reads besides the kustomization file. */
interface EditContext {
  readonly fs: FileSystem;
  readonly directory: string;
  readonly notes: string[];
}

/**
 * Applies `edit` to the kustomization file in `directory` (absolute) and returns the new text without
 * writing it.
 *
 * @throws KustomizeError with kustomize's message when the arguments are wrong, the directory has no (or
 * more than one) kustomization file, the file is not a valid kustomization, or the edit cannot be made.
 */
export function renderEdit(fs: FileSystem, directory: string, edit: KustomizationEdit): EditOutcome {
  const context: EditContext = { fs, directory, notes: [] };
  const prepared = prepare(edit, context);
  const file = editableKustomizationFile(fs, directory);
  const before = readText(fs, file);
  const document = new KustomizationDocument(file, before);
  prepared(document);
  const after = document.print();
  return { file, before, after, changed: after !== before, notes: context.notes };
}

/**
 * Applies `edit` to the kustomization file in `directory` and writes the result (atomically, through
 * `fs.writeFile`) when it changed. On any error nothing is written: the file stays byte for byte as it was.
 */
export function editKustomization(fs: WritableFileSystem, directory: string, edit: KustomizationEdit): EditOutcome {
  const outcome = renderEdit(fs, directory, edit);
  if (outcome.changed) fs.writeFile(outcome.file, outcome.after);
  return outcome;
}

type Apply = (document: KustomizationDocument) => void;

/** Checks the arguments (before the file is read, as kustomize does) and returns the change to make. */
function prepare(edit: KustomizationEdit, context: EditContext): Apply {
  switch (edit.kind) {
    case 'addResource': {
      if (edit.paths.length === 0) throw invalid('must specify a resource file');
      const paths = expandPathArguments(context.fs, context.directory, edit.paths, edit.noVerify === true);
      return (document) => addPaths(document, 'resources', 'resource', paths, context);
    }
    case 'addComponent': {
      if (edit.paths.length === 0) throw invalid('must specify a component file');
      const paths = expandPathArguments(context.fs, context.directory, edit.paths);
      return (document) => addPaths(document, 'components', 'component', paths, context);
    }
    case 'addPatch': {
      const patch = checkedPatch(edit.patch, true);
      return (document) => addPatch(document, patch, context);
    }
    case 'addLabel': {
      checkMetadata(edit.labels, 'label');
      if (edit.includeTemplates && !edit.withoutSelector) throw invalid('--without-selector flag must be specified for --include-templates to work');
      if (edit.withoutSelector) {
        const entry: JsonObject = { pairs: { ...edit.labels }, ...(edit.includeTemplates && { includeTemplates: true }) };
        return (document) => appendToList(document.root, 'labels', [entry], true);
      }
      return (document) => addMetadata(document, 'commonLabels', 'label', edit.labels, edit.force === true);
    }
    case 'addAnnotation':
      checkMetadata(edit.annotations, 'annotation');
      return (document) => addMetadata(document, 'commonAnnotations', 'annotation', edit.annotations, edit.force === true);
    case 'addConfigMap':
    case 'addSecret': {
      const generator = checkedGenerator(edit.generator, context);
      const secretType = edit.kind === 'addSecret' ? (edit.generator.type ?? 'Opaque') : undefined;
      return (document) => addGenerator(document, edit.kind === 'addSecret' ? 'secretGenerator' : 'configMapGenerator', generator, secretType, context);
    }
    case 'setImage':
      if (edit.images.length === 0) throw invalid('no image specified');
      return (document) => setImages(document, edit.images);
    case 'setNamespace':
      return (document) => setField(document.root, 'namespace', edit.namespace);
    case 'setNamePrefix':
      return (document) => setField(document.root, 'namePrefix', edit.prefix);
    case 'setNameSuffix':
      return (document) => setField(document.root, 'nameSuffix', edit.suffix);
    case 'setReplicas':
      if (edit.replicas.length === 0) throw invalid('no replicas specified');
      return (document) => setReplicas(document, edit.replicas);
    case 'setLabel':
      checkMetadata(edit.labels, 'label');
      return (document) => setMapEntries(document.root, 'commonLabels', edit.labels);
    case 'setAnnotation':
      checkMetadata(edit.annotations, 'annotation');
      for (const key of Object.keys(edit.annotations)) {
        if (!annotationKey.test(key)) throw invalid('invalid annotation key: see the syntax and character set rules at https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/');
      }
      return (document) => setMapEntries(document.root, 'commonAnnotations', edit.annotations);
    case 'removeResource':
      if (edit.patterns.length === 0) throw invalid('must specify a resource file');
      for (const pattern of edit.patterns) goMatch(pattern, '');
      return (document) => removeResources(document, edit.patterns);
    case 'removePatch': {
      const patch = checkedPatch(edit.patch, false);
      return (document) => removePatch(document, patch, context);
    }
    case 'removeLabel':
      checkKeys(edit.keys, 'label');
      return (document) => removeMetadata(document, 'commonLabels', 'label', edit.keys, edit.ignoreMissing === true);
    case 'removeAnnotation':
      checkKeys(edit.keys, 'annotation');
      return (document) => removeMetadata(document, 'commonAnnotations', 'annotation', edit.keys, edit.ignoreMissing === true);
    case 'fix':
      return (document) => fixKustomization(document, context.fs, context.directory, context.notes);
  }
}

/** kustomize's check of an annotation key (`edit set annotation`). */
const annotationKey = /^([a-zA-Z](([-a-zA-Z0-9.]{0,251})[a-zA-Z0-9])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,61}[a-zA-Z0-9])?$/;

function invalid(message: string, hint?: string): KustomizeError {
  return new KustomizeError('invalid-argument', message, {}, hint);
}

function stringList(model: JsonObject, field: string): string[] {
  const value = getOwn(model, field);
  return Array.isArray(value) ? value.map(String) : [];
}

function objectList(model: JsonObject, field: string): JsonObject[] {
  const value = getOwn(model, field);
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

function stringMap(model: JsonObject, field: string): Record<string, string> | undefined {
  const value = getOwn(model, field);
  return isJsonObject(value) ? (value as Record<string, string>) : undefined;
}

function addPaths(document: KustomizationDocument, field: 'resources' | 'components', noun: string, paths: readonly string[], context: EditContext): void {
  const model = document.model();
  // kustomize reads `bases` into `resources` before it looks for duplicates.
  const present = new Set([...stringList(model, field), ...(field === 'resources' ? stringList(model, 'bases') : [])]);
  const added: string[] = [];
  for (const path of paths) {
    if (path === basename(document.file)) continue;
    if (present.has(path)) {
      context.notes.push(`${noun} ${path} already in kustomization file`);
      continue;
    }
    present.add(path);
    added.push(path);
  }
  appendToList(document.root, field, added, true);
}

/** A patch with its empty target fields dropped, and no target when all are empty (as kustomize omits it). */
function checkedPatch(setting: PatchSetting, requireOne: boolean): JsonObject {
  const path = setting.path ?? '';
  const patch = setting.patch ?? '';
  if (path !== '' && patch !== '') throw invalid("patch and path can't be set at the same time");
  if (requireOne && path === '' && patch === '') throw invalid('must provide either patch or path');
  const target = Object.fromEntries(Object.entries(setting.target ?? {}).filter(([, value]) => typeof value === 'string' && value !== ''));
  return { ...(path !== '' && { path }), ...(patch !== '' && { patch }), ...(Object.keys(target).length > 0 && { target }) };
}

/** kustomize's `Patch.Equals`: same path, patch text and target, and no options on either side. */
function samePatch(existing: JsonObject, patch: JsonObject): boolean {
  const text = (object: JsonObject, key: string) => (getOwn(object, key) as string | undefined) ?? '';
  const a = getOwn(existing, 'target') as JsonObject | undefined;
  const b = getOwn(patch, 'target') as JsonObject | undefined;
  const selectorKeys = ['group', 'version', 'kind', 'name', 'namespace', 'annotationSelector', 'labelSelector'];
  const sameTarget = (a === undefined && b === undefined) || (a !== undefined && b !== undefined && selectorKeys.every((key) => text(a, key) === text(b, key)));
  return text(existing, 'path') === text(patch, 'path') && text(existing, 'patch') === text(patch, 'patch') && sameTarget && getOwn(existing, 'options') === undefined;
}

function addPatch(document: KustomizationDocument, patch: JsonObject, context: EditContext): void {
  if (objectList(document.model(), 'patches').some((existing) => samePatch(existing, patch))) {
    context.notes.push('patch already in kustomization file');
    return;
  }
  appendToList(document.root, 'patches', [patch], true);
}

function removePatch(document: KustomizationDocument, patch: JsonObject, context: EditContext): void {
  const matching = new Set<number>();
  objectList(document.model(), 'patches').forEach((existing, i) => {
    if (samePatch(existing, patch)) matching.add(i);
  });
  if (matching.size === 0) {
    context.notes.push(`patch ${(getOwn(patch, 'patch') as string | undefined) ?? ''} doesn't exist in kustomization file`);
    return;
  }
  removeListItems(document.root, 'patches', matching, true);
}

function checkMetadata(pairs: Readonly<Record<string, string>>, noun: string): void {
  if (Object.keys(pairs).length === 0) throw invalid(`must specify ${noun}`);
}

function addMetadata(document: KustomizationDocument, field: string, noun: string, pairs: Readonly<Record<string, string>>, force: boolean): void {
  const existing = stringMap(document.model(), field) ?? {};
  for (const key of Object.keys(pairs)) {
    if (Object.prototype.hasOwnProperty.call(existing, key) && !force) {
      throw invalid(`${noun} ${key} already in kustomization file`, `use --force to overwrite it, or 'set ${noun}'`);
    }
  }
  setMapEntries(document.root, field, pairs);
}

function checkKeys(keys: readonly string[], noun: string): void {
  if (keys.length === 0) throw invalid(`must specify ${noun}`);
  if (keys.some((key) => key === '')) throw invalid(`invalid ${noun}: '' (name is empty)`);
}

function removeMetadata(document: KustomizationDocument, field: string, noun: string, keys: readonly string[], ignoreMissing: boolean): void {
  const existing = stringMap(document.model(), field);
  if (existing === undefined && !ignoreMissing) throw invalid(`${field} is not defined in kustomization file`);
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(existing ?? {}, key) && !ignoreMissing) throw invalid(`${noun} ${key} is not defined in kustomization file`);
  }
  const map = getNode(document.root, field, true);
  if (!isMap(map)) return;
  for (const key of keys) deleteKey(map, key);
  if (map.items.length === 0) deleteKey(document.root, field, true);
}

function removeResources(document: KustomizationDocument, patterns: readonly string[]): void {
  const model = document.model();
  // kustomize reads `bases` into `resources`, so entries of either can be removed.
  for (const field of ['resources', 'bases']) {
    const matching = new Set<number>();
    stringList(model, field).forEach((entry, i) => {
      if (patterns.some((pattern) => goMatch(pattern, entry))) matching.add(i);
    });
    removeListItems(document.root, field, matching, true);
  }
}

/** The `images` entry an argument makes: `*` keeps the value of the existing entry, or is dropped. */
function resolvedImage(setting: ImageSetting, existing: JsonObject | undefined): JsonObject {
  const entry: JsonObject = { name: setting.name };
  for (const key of ['newName', 'newTag', 'digest'] as const) {
    let value = setting[key] ?? '';
    if (value === '*') value = ((existing && getOwn(existing, key)) as string | undefined) ?? '';
    if (value !== '') entry[key] = value;
  }
  return entry;
}

/**
 * `edit set image`: an entry of the same name is replaced by the argument (its `tagSuffix` and any value the
 * argument does not give are dropped, `*` keeps one), in place; new entries go in name order.
 */
function setImages(document: KustomizationDocument, images: readonly ImageSetting[]): void {
  setNamedEntries(
    document,
    'images',
    images,
    (item, setting, entry) => {
      const resolved = resolvedImage(setting, entry);
      for (const key of ['newName', 'tagSuffix', 'newTag', 'digest']) {
        const value = getOwn(resolved, key);
        if (value === undefined) deleteKey(item, key);
        else setValue(item, key, value);
      }
    },
    (setting) => resolvedImage(setting, undefined) as JsonObject & { name: string },
  );
}

/** `edit set replicas`: counts of existing entries change in place; new entries go in name order. */
function setReplicas(document: KustomizationDocument, replicas: readonly ReplicaSetting[]): void {
  setNamedEntries(
    document,
    'replicas',
    replicas,
    (item, setting) => setValue(item, 'count', setting.count),
    (setting) => ({ name: setting.name, count: setting.count }),
  );
}

/**
 * A list of named entries set from `settings` (the last of a name wins): an entry of the same name is
 * changed in place by `update`, and the other settings become new entries (`create`) in name order.
 */
function setNamedEntries<Setting extends { readonly name: string }>(
  document: KustomizationDocument,
  field: string,
  settings: readonly Setting[],
  update: (item: YAMLMap, setting: Setting, entry: JsonObject) => void,
  create: (setting: Setting) => JsonObject & { name: string },
): void {
  const pending = new Map(settings.map((setting) => [setting.name, setting]));
  const existing = objectList(document.model(), field);
  const list = ensureList(document.root, field, true);
  existing.forEach((entry, i) => {
    const setting = pending.get(getOwn(entry, 'name') as string);
    const item = list.items[i];
    if (setting === undefined || !isMap(item)) return;
    pending.delete(setting.name);
    update(item, setting, entry);
  });
  for (const setting of pending.values()) insertByName(list, create(setting));
}

/** A generator setting with its file sources expanded and its flags checked, as kustomize checks them. */
function checkedGenerator(setting: GeneratorSetting, context: EditContext): GeneratorSetting {
  const files: string[] = [];
  for (const source of setting.files ?? []) {
    const parts = source.split('=');
    const [key, pattern] = parts.length === 2 ? [parts[0]!, parts[1]!] : ['', parts[0]!];
    let matches: string[];
    try {
      matches = glob(context.fs, context.directory, pattern);
    } catch (error) {
      if (error instanceof KustomizeError) throw invalid(`failed to expand file source: ${error.message}`);
      throw error;
    }
    if (matches.length === 0) context.notes.push(`${pattern} has no match`);
    if (key === '') {
      files.push(...matches);
      continue;
    }
    if (matches.length !== 1) throw invalid(`failed to expand file source: 'pattern '${source}' catches files [${matches.join(' ')}], should catch only one`);
    files.push(`${key}=${matches[0]!}`);
  }
  const literals = setting.literals ?? [];
  const envFile = setting.envFile ?? '';
  if (envFile === '' && files.length === 0 && literals.length === 0) throw invalid('failed to validate flags: at least from-env-file, or from-file or from-literal must be set');
  if (envFile !== '' && (files.length > 0 || literals.length > 0)) throw invalid('failed to validate flags: from-env-file cannot be combined with from-file or from-literal');
  if (setting.behavior && !['create', 'merge', 'replace'].includes(setting.behavior)) {
    throw invalid('failed to validate flags: invalid behavior: must be one of "create", "merge", or "replace"');
  }
  return { ...setting, files };
}

/**
 * `edit add configmap|secret`: the sources are added to the generator of the same name and namespace (an
 * empty namespace and `default` are the same), or to a new one; the result must generate, as kustomize checks.
 */
function addGenerator(document: KustomizationDocument, field: 'configMapGenerator' | 'secretGenerator', setting: GeneratorSetting, secretType: string | undefined, context: EditContext): void {
  const model = document.model();
  const sameNamespace = (a: string, b: string) => (a || 'default') === (b || 'default');
  const entries = objectList(model, field);
  const index = entries.findIndex((entry) => getOwn(entry, 'name') === setting.name && sameNamespace((getOwn(entry, 'namespace') as string | undefined) ?? '', setting.namespace ?? ''));
  const base: JsonObject =
    index >= 0
      ? entries[index]!
      : { name: setting.name, ...(setting.namespace && { namespace: setting.namespace }), ...(secretType !== undefined && secretType !== '' && { type: secretType }) };
  const additions: JsonObject = {
    ...(setting.literals?.length && { literals: [...stringList(base, 'literals'), ...setting.literals] }),
    ...(setting.files?.length && { files: [...stringList(base, 'files'), ...setting.files] }),
    ...(setting.envFile && { envs: [...stringList(base, 'envs'), setting.envFile] }),
    ...(setting.disableNameSuffixHash && { options: { disableNameSuffixHash: true } }),
    ...(setting.behavior && { behavior: setting.behavior }),
  };
  const merged: JsonObject = { ...base, ...additions };
  checkGenerates(field, merged, getOwn(model, 'generatorOptions') as GeneratorOptions | undefined, context);
  if (index < 0) {
    appendToList(document.root, field, [merged], true);
    return;
  }
  const item = (getNode(document.root, field, true) as YAMLSeq).items[index] as YAMLMap;
  for (const [key, value] of Object.entries(additions)) {
    const node = getNode(item, key);
    if (Array.isArray(value) && isSeq(node)) appendToList(item, key, value.slice(node.items.length));
    else setValue(item, key, value as JsonValue);
  }
}

/** Generates the ConfigMap or Secret, reading files below the kustomization directory only, as kustomize does. */
function checkGenerates(field: 'configMapGenerator' | 'secretGenerator', args: JsonObject, global: GeneratorOptions | undefined, context: EditContext): void {
  const loadFile = (path: string) => {
    const absolute = resolve(context.directory, path);
    if (!isWithin(context.directory, absolute)) {
      throw new KustomizeError('load-restricted', `security; file '${absolute}' is not in or below '${context.directory}'`, { file: path });
    }
    return context.fs.readFile(absolute);
  };
  const options = mergeGeneratorOptions(getOwn(args, 'options') as GeneratorOptions | undefined, global);
  const noun = field === 'configMapGenerator' ? 'configmap' : 'secret';
  try {
    if (field === 'configMapGenerator') generateConfigMap(args as SecretArgs, options, loadFile);
    else generateSecret(args as SecretArgs, options, loadFile);
  } catch (error) {
    if (error instanceof KustomizeError) throw new KustomizeError(error.code, `failed to create ${noun}: ${error.message}`, error.location, error.hint);
    throw error;
  }
}
