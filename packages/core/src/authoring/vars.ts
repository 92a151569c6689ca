/**
 * `kustomize edit fix --vars`: each var becomes a replacement whose targets are the fields that mention
 * `$(NAME)` in the files the kustomization reaches, and those mentions become `NAME_PLACEHOLDER`, as
 * kustomize v5.8.1's `ConvertVarsToReplacements` does (commands/edit/fix/convert.go).
 */
import { KustomizeError } from '../errors.js';
import { readText, type FileSystem } from '../fs/filesystem.js';
import { normalize, resolve } from '../fs/path.js';
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { objectList, stringList, text } from './model.js';
import { parseYaml, parseYamlDocuments } from '../yaml/index.js';

/** What converting the vars makes: the `replacements` entries and the new text of each file it changed. */
export interface VarsConversion {
  readonly replacements: JsonObject[];
  /** Absolute path to new text. */
  readonly files: Map<string, string>;
}

/** A file a var may be used in, and the patch entry that names it, when it is a patch. */
interface TouchedFile {
  readonly path: string;
  readonly patch?: JsonObject;
}

/** Go's `path.Join` of two slash paths (relative results stay relative). */
function joinPath(base: string, path: string): string {
  if (base === '') return normalize(path);
  return normalize(`${base}/${path}`);
}

const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * The files kustomize looks at, relative to the kustomization directory: each resource (and, for a
 * directory with a kustomization, the files of that one, its own resources read from the first directory
 * as kustomize reads them), then each patch file.
 */
function touchedFiles(fs: FileSystem, directory: string, model: JsonObject, prefix: string, patches: Map<string, JsonObject>): TouchedFile[] {
  const result: TouchedFile[] = [];
  for (const resource of stringList(model, 'resources')) {
    const absolute = resolve(directory, resource);
    const entries = fs.kind(absolute) === 'directory' ? fs.readDir(absolute) : [];
    for (const name of entries.filter((entry) => kustomizationNames.includes(entry))) {
      const file = `${absolute}/${name}`;
      if (fs.kind(file) !== 'file') continue;
      // kustomize reads it leniently (unknown fields ignored, `bases` not folded in), and, as it does, the
      // nested resources are looked up from the top directory while their paths are joined to this one.
      const nested = parseYaml(readText(fs, file), file, { dialect: 'sigs-yaml' });
      if (isJsonObject(nested)) result.push(...touchedFiles(fs, directory, nested, resource, patches));
    }
    result.push({ path: joinPath(prefix, resource) });
  }
  for (const patch of objectList(model, 'patches')) {
    const path = text(patch, 'path');
    if (path === '') continue;
    const joined = joinPath(prefix, path);
    patches.set(joined, patch);
    result.push({ path: joined });
  }
  return result;
}

/** A replacement target's options: where `$(NAME)` sits in a value that is more than it. */
function fieldOptions(value: string, mention: string): JsonObject | undefined {
  if (value === mention) return undefined;
  const at = value.indexOf(mention);
  let delimiter: string;
  let index: number;
  if (at === 0) {
    delimiter = value[mention.length]!;
    index = 0;
  } else if (at + mention.length >= value.length) {
    delimiter = value[at - 1]!;
    index = value.split(delimiter).length - 1;
  } else {
    delimiter = value[at - 1]!;
    if (value[at + mention.length] !== delimiter) throw new KustomizeError('invalid-kustomization', `cannot convert all vars to replacements; ${mention} is not delimited`);
    index = value.split(delimiter).indexOf(mention);
    if (index < 0) throw new KustomizeError('invalid-kustomization', `internal error: could not get index of var ${mention}`);
  }
  return { delimiter, ...(index !== 0 && { index }) };
}

/** The field paths (kustomize's dotted form, `[a.b]` for a key with a dot) of the scalars mentioning `mention`. */
function mentions(value: JsonValue, mention: string, path: readonly string[], found: { path: string; options: JsonObject | undefined }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => mentions(item, mention, [...path, String(i)], found));
  } else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const step = key.trim();
      mentions(item, mention, [...path, step.includes('.') ? `[${step}]` : step], found);
    }
  } else if (typeof value === 'string' && value.includes(mention)) {
    found.push({ path: path.join('.'), options: fieldOptions(value, mention) });
  }
}

/** `apiVersion` split as kustomize's `ParseGroupVersion` splits it. */
function groupVersion(apiVersion: string): { group?: string; version?: string } {
  const slash = apiVersion.indexOf('/');
  const [group, version] = slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
  return { ...(group !== '' && { group }), ...(version !== '' && { version }) };
}

/** Only the non-empty string fields of `object`, as Go's `omitempty` writes them. */
function nonEmpty(object: Record<string, string | undefined>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== '')) as JsonObject;
}

/** The replacement targets for the mentions in one resource of `file`. */
function targetsIn(resource: JsonObject, file: TouchedFile, found: readonly { path: string; options: JsonObject | undefined }[]): JsonObject[] {
  const metadata = getOwn(resource, 'metadata');
  const meta = (key: string) => (isJsonObject(metadata) ? text(metadata, key) : '');
  const patch = file.patch;
  const patchOptions = patch && getOwn(patch, 'options');
  const allows = (option: string) => isJsonObject(patchOptions) && getOwn(patchOptions, option) === true;
  const usePatchTarget = patch !== undefined && !(allows('allowNameChange') && allows('allowKindChange'));
  return found.map(({ path, options }) => {
    let select: JsonObject;
    if (usePatchTarget) {
      const target = getOwn(patch, 'target');
      // The patch's target, with what a patch that may rename or re-kind its target gets from the resource.
      const overrides: Record<string, string> = {};
      if (allows('allowNameChange')) overrides['name'] = meta('name');
      if (allows('allowKindChange')) overrides['kind'] = text(resource, 'kind');
      if (meta('namespace') !== '') overrides['namespace'] = meta('namespace');
      select = nonEmpty({ ...(isJsonObject(target) ? (target as Record<string, string>) : {}), ...overrides });
    } else {
      select = { ...groupVersion(text(resource, 'apiVersion')), ...nonEmpty({ kind: text(resource, 'kind'), name: meta('name'), namespace: meta('namespace') }) };
    }
    return { select, fieldPaths: [path], ...(options && { options }) };
  });
}

/** The resources of a file as kustomize's reader gives them: empty documents dropped, a lone List unwrapped. */
function resourcesOf(textOfFile: string, file: string): JsonObject[] | undefined {
  let documents: JsonValue[];
  try {
    documents = parseYamlDocuments(textOfFile, file);
  } catch {
    return undefined;
  }
  const present = documents.filter((document) => document !== null && document !== undefined);
  const only = present.length === 1 ? present[0] : undefined;
  if (isJsonObject(only) && ['List', 'ResourceList'].includes(text(only, 'kind')) && Array.isArray(getOwn(only, 'items'))) {
    return (getOwn(only, 'items') as JsonValue[]).filter(isJsonObject);
  }
  return present.filter(isJsonObject);
}

/**
 * Converts the `vars` of the kustomization `model` (in `directory`, absolute) into replacements, reading
 * and changing files through `fs` as kustomize does; `undefined` when it has no `vars` field.
 *
 * @throws KustomizeError when a mention of a var sits inside a value without a delimiter around it.
 */
export function convertVars(fs: FileSystem, directory: string, model: JsonObject): VarsConversion | undefined {
  if (getOwn(model, 'vars') === undefined) return undefined;
  const patches = new Map<string, JsonObject>();
  const withBases = { ...model, resources: [...stringList(model, 'resources'), ...stringList(model, 'bases')] };
  const files = touchedFiles(fs, directory, withBases, '', patches).map((file) => ({ ...file, ...(patches.has(file.path) && { patch: patches.get(file.path)! }) }));
  const changed = new Map<string, string>();
  const read = (path: string): string | undefined => {
    const absolute = resolve(directory, path);
    if (changed.has(absolute)) return changed.get(absolute);
    return fs.kind(absolute) === 'file' ? readText(fs, absolute) : undefined;
  };
  const replacements: JsonObject[] = [];
  for (const variable of objectList(model, 'vars')) {
    const name = text(variable, 'name');
    const mention = `$(${name})`;
    const targets: JsonObject[] = [];
    for (const file of files) {
      const content = read(file.path);
      const resources = content === undefined ? undefined : resourcesOf(content, file.path);
      for (const resource of resources ?? []) {
        const found: { path: string; options: JsonObject | undefined }[] = [];
        try {
          mentions(resource, mention, [], found);
        } catch (error) {
          if (error instanceof KustomizeError) throw new KustomizeError(error.code, `error with ${file.path}: ${error.message}`);
          throw error;
        }
        targets.push(...targetsIn(resource, file, found));
      }
    }
    const objref = getOwn(variable, 'objref');
    const ref = (key: string) => (isJsonObject(objref) ? text(objref, key) : '');
    const fieldref = getOwn(variable, 'fieldref');
    const source = {
      ...groupVersion(ref('apiVersion')),
      ...nonEmpty({ kind: ref('kind'), name: ref('name'), namespace: ref('namespace'), fieldPath: isJsonObject(fieldref) ? text(fieldref, 'fieldPath') : '' }),
    };
    replacements.push({ source, ...(targets.length > 0 && { targets }) });
    for (const file of files) {
      const content = read(file.path);
      if (content !== undefined && content.includes(mention)) changed.set(resolve(directory, file.path), content.split(mention).join(`${name}_PLACEHOLDER`));
    }
  }
  return { replacements, files: changed };
}
