/**
 * `kustomize edit`: the common edit commands as one pure function over a {@link FileSystem}. The commands
 * decide what to change as kustomize v5.5.0 decides it (same checks, same errors); the change itself is made
 * on the file's YAML Document, so comments, key order and formatting stay (see {@link KustomizationDocument}).
 */
import { isMap, type YAMLMap, type YAMLSeq } from 'yaml';
import { readText, type FileSystem, type WritableFileSystem } from '../fs/filesystem.js';
import { basename, resolve } from '../fs/path.js';
import { getOwn, isJsonObject, type JsonObject } from '../json.js';
import { expandPathArguments, type ImageSetting, type ReplicaSetting } from './arguments.js';
import { appendToList, deleteKey, ensureList, getNode, insertByName, KustomizationDocument, removeListItems, replaceList, setField, setMapEntries, setValue } from './document.js';
import { fixKustomization } from './fix.js';
import { addGenerator, checkedGenerator, checkGeneratorUpdate, removeGenerators, updateGenerator, type GeneratorSetting, type GeneratorUpdate } from './generators.js';
import { glob, goMatch } from './glob.js';
import { editableKustomizationFile } from './kustfile.js';
import { invalid, objectList, stringList, withPrefix, type EditContext } from './model.js';

export type { GeneratorSetting, GeneratorUpdate } from './generators.js';

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

/** One edit command and its arguments. */
export type KustomizationEdit =
  | { readonly kind: 'addResource'; readonly paths: readonly string[]; readonly noVerify?: boolean }
  /** Paths as given (kustomize splits its one argument at commas); each must exist and be new to `resources`. */
  | { readonly kind: 'addBase'; readonly paths: readonly string[] }
  | { readonly kind: 'addBuildMetadata'; readonly options: readonly string[] }
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
  /** Go glob patterns of generator configuration files; a pattern without a match is a note. */
  | { readonly kind: 'addGenerator'; readonly paths: readonly string[] }
  /** Go glob patterns of transformer configuration files; a pattern without a match is a note. */
  | { readonly kind: 'addTransformer'; readonly paths: readonly string[] }
  | { readonly kind: 'setBuildMetadata'; readonly options: readonly string[] }
  | { readonly kind: 'setConfigMap'; readonly generator: GeneratorUpdate }
  | { readonly kind: 'setSecret'; readonly generator: GeneratorUpdate }
  | { readonly kind: 'setImage'; readonly images: readonly ImageSetting[] }
  | { readonly kind: 'setNamespace'; readonly namespace: string }
  | { readonly kind: 'setNamePrefix'; readonly prefix: string }
  | { readonly kind: 'setNameSuffix'; readonly suffix: string }
  | { readonly kind: 'setReplicas'; readonly replicas: readonly ReplicaSetting[] }
  | { readonly kind: 'setLabel'; readonly labels: Readonly<Record<string, string>> }
  | { readonly kind: 'setAnnotation'; readonly annotations: Readonly<Record<string, string>> }
  | { readonly kind: 'removeBuildMetadata'; readonly options: readonly string[] }
  /** The generators with one of `names` in `namespace` (empty and `default` are the same). */
  | { readonly kind: 'removeConfigMap'; readonly names: readonly string[]; readonly namespace?: string }
  | { readonly kind: 'removeSecret'; readonly names: readonly string[]; readonly namespace?: string }
  | { readonly kind: 'removeResource'; readonly patterns: readonly string[] }
  /** Entries of `transformers` that match one of the Go patterns. */
  | { readonly kind: 'removeTransformer'; readonly patterns: readonly string[] }
  | { readonly kind: 'removePatch'; readonly patch: PatchSetting }
  | { readonly kind: 'removeLabel'; readonly keys: readonly string[]; readonly ignoreMissing?: boolean }
  | { readonly kind: 'removeAnnotation'; readonly keys: readonly string[]; readonly ignoreMissing?: boolean }
  /** With `vars`, the vars also become replacements (`--vars`), which rewrites the files that use them. */
  | { readonly kind: 'fix'; readonly vars?: boolean };

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
  /** The other files the edit rewrites (only `fix --vars` does), absolute path to new text. */
  readonly otherFiles: ReadonlyMap<string, string>;
}

/**
 * Applies `edit` to the kustomization file in `directory` (absolute) and returns the new text without
 * writing it.
 *
 * @throws KustomizeError with kustomize's message when the arguments are wrong, the directory has no (or
 * more than one) kustomization file, the file is not a valid kustomization, or the edit cannot be made.
 */
export function renderEdit(fs: FileSystem, directory: string, edit: KustomizationEdit): EditOutcome {
  const context: EditContext = { fs, directory, notes: [], otherFiles: new Map() };
  const prepared = prepare(edit, context);
  const [findPrefix, readPrefix] = fileErrorPrefixes[edit.kind] ?? ['', ''];
  const file = withPrefix(findPrefix, () => editableKustomizationFile(fs, directory));
  const before = readText(fs, file);
  const document = withPrefix(readPrefix, () => new KustomizationDocument(file, before));
  prepared(document);
  const after = document.print();
  return { file, before, after, changed: after !== before, notes: context.notes, otherFiles: context.otherFiles };
}

/**
 * Applies `edit` to the kustomization file in `directory` and writes the result (atomically, through
 * `fs.writeFile`) when it changed, after the other files the edit rewrites. On any error nothing is
 * written: every file stays byte for byte as it was.
 */
export function editKustomization(fs: WritableFileSystem, directory: string, edit: KustomizationEdit): EditOutcome {
  const outcome = renderEdit(fs, directory, edit);
  // The files first, as kustomize writes them before the kustomization.
  for (const [file, text] of outcome.otherFiles) fs.writeFile(file, text);
  if (outcome.changed) fs.writeFile(outcome.file, outcome.after);
  return outcome;
}

/**
 * The words the generator commands put before an error finding, or reading, the kustomization file
 * (the other commands say the error alone).
 */
const fileErrorPrefixes: Partial<Record<KustomizationEdit['kind'], readonly [string, string]>> = {
  addConfigMap: ['failed to load kustomization file: ', 'failed to read kustomization file: '],
  addSecret: ['failed to load kustomization file: ', 'failed to read kustomization file: '],
  setConfigMap: ['failed to load kustomization file: ', 'failed to read kustomization file: '],
  setSecret: ['failed to load kustomization file: ', 'failed to read kustomization file: '],
  removeConfigMap: ['could not read kustomization file: ', 'could not read kustomization file contents: '],
  removeSecret: ['could not read kustomization file: ', 'could not read kustomization file contents: '],
};

type Apply = (document: KustomizationDocument) => void;

/** Checks the arguments (before the file is read, as kustomize does) and returns the change to make. */
function prepare(edit: KustomizationEdit, context: EditContext): Apply {
  switch (edit.kind) {
    case 'addResource': {
      if (edit.paths.length === 0) throw invalid('must specify a resource file');
      const paths = expandPathArguments(context.fs, context.directory, edit.paths, edit.noVerify === true);
      return (document) => addPaths(document, 'resources', 'resource', withoutKustomizationFile(document, paths), context);
    }
    case 'addBase':
      if (edit.paths.length === 0) throw invalid('must specify a base directory');
      return (document) => addBases(document, edit.paths, context);
    case 'addBuildMetadata': {
      const options = checkedBuildMetadata(edit.options);
      return (document) => addBuildMetadata(document, options);
    }
    case 'setBuildMetadata': {
      const options = checkedBuildMetadata(edit.options);
      return (document) => replaceList(document.root, 'buildMetadata', options);
    }
    case 'removeBuildMetadata': {
      const options = checkedBuildMetadata(edit.options);
      return (document) => removeMatching(document, ['buildMetadata'], (entry) => options.includes(entry));
    }
    case 'addGenerator':
    case 'addTransformer': {
      const noun = edit.kind === 'addGenerator' ? 'generator' : 'transformer';
      if (edit.paths.length === 0) throw invalid(`must specify a yaml file which contains a ${noun} plugin resource`);
      const paths = globPatterns(edit.paths, context);
      return (document) => addPaths(document, `${noun}s`, noun, paths, context);
    }
    case 'addComponent': {
      if (edit.paths.length === 0) throw invalid('must specify a component file');
      const paths = expandPathArguments(context.fs, context.directory, edit.paths);
      return (document) => addPaths(document, 'components', 'component', withoutKustomizationFile(document, paths), context);
    }
    case 'addPatch': {
      const patch = checkedPatch(edit.patch, true);
      return (document) => addPatch(document, patch, context);
    }
    case 'addLabel': {
      checkMetadata(edit.labels, 'label');
      if (edit.includeTemplates && !edit.withoutSelector) throw invalid('--without-selector flag must be specified for --include-templates to work');
      if (edit.withoutSelector) return (document) => addLabelsWithoutSelector(document, edit.labels, edit.includeTemplates === true, edit.force === true);
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
    case 'setConfigMap':
    case 'setSecret': {
      checkGeneratorUpdate(edit.generator);
      return (document) => updateGenerator(document, edit.kind === 'setSecret' ? 'secretGenerator' : 'configMapGenerator', edit.generator, context);
    }
    case 'removeConfigMap':
    case 'removeSecret': {
      const field = edit.kind === 'removeSecret' ? 'secretGenerator' : 'configMapGenerator';
      if (edit.names.length === 0) throw invalid(`at least one ${field === 'secretGenerator' ? 'secret' : 'configmap'} name must be specified`);
      return (document) => removeGenerators(document, field, edit.names, edit.namespace ?? '', context);
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
      // kustomize reads `bases` into `resources`, so entries of either can be removed.
      return (document) => removeMatching(document, ['resources', 'bases'], matchesAny(edit.patterns));
    case 'removeTransformer':
      if (edit.patterns.length === 0) throw invalid('must specify a transformer file');
      return (document) => removeMatching(document, ['transformers'], matchesAny(edit.patterns));
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
      return (document) => fixKustomization(document, context, edit.vars === true);
  }
}

/** kustomize's check of an annotation key (`edit set annotation`). */
const annotationKey = /^([a-zA-Z](([-a-zA-Z0-9.]{0,251})[a-zA-Z0-9])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,61}[a-zA-Z0-9])?$/;

function stringMap(model: JsonObject, field: string): Record<string, string> | undefined {
  const value = getOwn(model, field);
  return isJsonObject(value) ? (value as Record<string, string>) : undefined;
}

/** `paths` without the kustomization file itself, which `add resource|component` never add. */
function withoutKustomizationFile(document: KustomizationDocument, paths: readonly string[]): string[] {
  return paths.filter((path) => path !== basename(document.file));
}

/** Appends `paths` to the list `field`; one already there (for `resources`, in `bases` too) is a note. */
function addPaths(document: KustomizationDocument, field: string, noun: string, paths: readonly string[], context: EditContext): void {
  const model = document.model();
  // kustomize reads `bases` into `resources` before it looks for duplicates.
  const present = new Set([...stringList(model, field), ...(field === 'resources' ? stringList(model, 'bases') : [])]);
  const added: string[] = [];
  for (const path of paths) {
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

/** Refuses a key of `pairs` that `existing` has, unless forced, in kustomize v5.8's words. */
function checkNewKeys(existing: Readonly<Record<string, string>>, pairs: Readonly<Record<string, string>>, noun: string, force: boolean): void {
  for (const key of Object.keys(pairs)) {
    if (Object.prototype.hasOwnProperty.call(existing, key) && !force) {
      throw invalid(`${noun} ${key} already in kustomization file. Use --force to override.`, `or 'set ${noun}'`);
    }
  }
}

function addMetadata(document: KustomizationDocument, field: string, noun: string, pairs: Readonly<Record<string, string>>, force: boolean): void {
  checkNewKeys(stringMap(document.model(), field) ?? {}, pairs, noun, force);
  setMapEntries(document.root, field, pairs);
}

/**
 * `edit add label --without-selector`: the pairs go into the first `labels` entry that leaves selectors alone
 * and has the same `includeTemplates` (kustomize v5.8), or into a new entry when there is none.
 */
function addLabelsWithoutSelector(document: KustomizationDocument, pairs: Readonly<Record<string, string>>, includeTemplates: boolean, force: boolean): void {
  const index = objectList(document.model(), 'labels').findIndex(
    (entry) => getOwn(entry, 'includeSelectors') !== true && (getOwn(entry, 'includeTemplates') === true) === includeTemplates,
  );
  if (index < 0) {
    appendToList(document.root, 'labels', [{ pairs: { ...pairs }, ...(includeTemplates && { includeTemplates: true }) }], true);
    return;
  }
  const entry = objectList(document.model(), 'labels')[index]!;
  checkNewKeys(stringMap(entry, 'pairs') ?? {}, pairs, 'label', force);
  const item = (getNode(document.root, 'labels', true) as YAMLSeq).items[index] as YAMLMap;
  setMapEntries(item, 'pairs', pairs);
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

/** A test of list entries: whether one of the Go `patterns` matches. */
function matchesAny(patterns: readonly string[]): (entry: string) => boolean {
  return (entry) => patterns.some((pattern) => goMatch(pattern, entry));
}

/** Removes the entries of the list fields that pass `test`; a field left empty goes. */
function removeMatching(document: KustomizationDocument, fields: readonly string[], test: (entry: string) => boolean): void {
  const model = document.model();
  for (const field of fields) {
    const matching = new Set<number>();
    stringList(model, field).forEach((entry, i) => {
      if (test(entry)) matching.add(i);
    });
    removeListItems(document.root, field, matching, true);
  }
}

/** kustomize's `GlobPatterns`: each pattern's matches; a pattern without one is a note. */
function globPatterns(patterns: readonly string[], context: EditContext): string[] {
  return patterns.flatMap((pattern) => {
    const matches = glob(context.fs, context.directory, pattern);
    if (matches.length === 0) context.notes.push(`${pattern} has no match`);
    return matches;
  });
}

/** `edit add base`: each path must exist, and must not be in `resources` (or `bases`) yet; kustomize stops at the first that fails. */
function addBases(document: KustomizationDocument, paths: readonly string[], context: EditContext): void {
  const model = document.model();
  const present = new Set([...stringList(model, 'resources'), ...stringList(model, 'bases')]);
  for (const path of paths) {
    if (context.fs.kind(resolve(context.directory, path)) === undefined) throw invalid(`${path} does not exist`);
    if (present.has(path)) throw invalid(`base ${path} already in kustomization file`);
    present.add(path);
  }
  appendToList(document.root, 'resources', paths, true);
}

/** The `buildMetadata` options kustomize knows. */
const buildMetadataOptions = ['originAnnotations', 'transformerAnnotations', 'managedByLabel'];

function checkedBuildMetadata(options: readonly string[]): readonly string[] {
  if (options.length === 0) throw invalid('must specify a buildMetadata option');
  const unknown = options.find((option) => !buildMetadataOptions.includes(option));
  if (unknown !== undefined) throw invalid(`invalid buildMetadata option: ${unknown}`, `the options are ${buildMetadataOptions.join(', ')}`);
  return options;
}

function addBuildMetadata(document: KustomizationDocument, options: readonly string[]): void {
  const present = new Set(stringList(document.model(), 'buildMetadata'));
  for (const option of options) {
    if (present.has(option)) throw invalid(`buildMetadata option ${option} already in kustomization file`);
    present.add(option);
  }
  appendToList(document.root, 'buildMetadata', options, true);
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
