/**
 * `kustomize edit add|set|remove configmap|secret`: the `configMapGenerator` and `secretGenerator` entries,
 * changed as kustomize's commands change them (`commands/edit/{add,set,remove}`, `commands/internal/util`).
 */
import { isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { KustomizeError } from '../errors.js';
import { isWithin, resolve } from '../fs/path.js';
import { generateConfigMap, generateSecret, mergeGeneratorOptions, type GeneratorOptions, type SecretArgs } from '../generate/index.js';
import { getOwn, type JsonObject, type JsonValue } from '../json.js';
import { appendToList, getNode, removeListItems, setListItem, setValue, type KustomizationDocument } from './document.js';
import { glob } from './glob.js';
import { invalid, objectList, sameNamespace, stringList, text, withPrefix, type EditContext } from './model.js';

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

/** A change to an existing generator, as `kustomize edit set configmap|secret NAME` flags give it. */
export interface GeneratorUpdate {
  readonly name: string;
  /** The generator's namespace now; empty and `default` are the same. */
  readonly namespace?: string;
  /** `--new-namespace`. */
  readonly newNamespace?: string;
  /** `key=value` pairs (`--from-literal`), each key one the generator already has. */
  readonly literals?: readonly string[];
}

/** The generator field and what kustomize calls its output in messages. */
export type GeneratorField = 'configMapGenerator' | 'secretGenerator';

const nouns: Record<GeneratorField, { lower: string; kind: string }> = {
  configMapGenerator: { lower: 'configmap', kind: 'ConfigMap' },
  secretGenerator: { lower: 'secret', kind: 'Secret' },
};

/** A generator setting with its file sources expanded and its flags checked, as kustomize checks them. */
export function checkedGenerator(setting: GeneratorSetting, context: EditContext): GeneratorSetting {
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

/** The index of the entry of `field` with this name and namespace, or -1. */
function findGenerator(model: JsonObject, field: GeneratorField, name: string, namespace: string): number {
  return objectList(model, field).findIndex((entry) => text(entry, 'name') === name && sameNamespace(text(entry, 'namespace'), namespace));
}

/** The map node of entry `index` of the generator list `field`. */
function generatorNode(document: KustomizationDocument, field: GeneratorField, index: number): YAMLMap {
  return (getNode(document.root, field, true) as YAMLSeq).items[index] as YAMLMap;
}

/**
 * `edit add configmap|secret`: the sources are added to the generator of the same name and namespace (an
 * empty namespace and `default` are the same), or to a new one; the result must generate, as kustomize checks.
 */
export function addGenerator(document: KustomizationDocument, field: GeneratorField, setting: GeneratorSetting, secretType: string | undefined, context: EditContext): void {
  const model = document.model();
  const index = findGenerator(model, field, setting.name, setting.namespace ?? '');
  const base: JsonObject =
    index >= 0
      ? objectList(model, field)[index]!
      : { name: setting.name, ...(setting.namespace && { namespace: setting.namespace }), ...(secretType !== undefined && secretType !== '' && { type: secretType }) };
  const additions: JsonObject = {
    ...(setting.literals?.length && { literals: [...stringList(base, 'literals'), ...setting.literals] }),
    ...(setting.files?.length && { files: [...stringList(base, 'files'), ...setting.files] }),
    ...(setting.envFile && { envs: [...stringList(base, 'envs'), setting.envFile] }),
    ...(setting.disableNameSuffixHash && { options: { disableNameSuffixHash: true } }),
    ...(setting.behavior && { behavior: setting.behavior }),
  };
  const merged: JsonObject = { ...base, ...additions };
  withPrefix(`failed to create ${nouns[field].lower}: `, () => checkGenerates(field, merged, model, context));
  if (index < 0) {
    appendToList(document.root, field, [merged], true);
    return;
  }
  const item = generatorNode(document, field, index);
  for (const [key, value] of Object.entries(additions)) {
    const node = getNode(item, key);
    if (Array.isArray(value) && isSeq(node)) appendToList(item, key, value.slice(node.items.length));
    else setValue(item, key, value as JsonValue);
  }
}

/** kustomize's `UpdateLiteralSources`: the literals with the new values, every key one they have. */
function updatedLiterals(existing: readonly string[], updates: readonly string[]): string[] {
  const values = new Map(existing.map(splitLiteral));
  for (const [key, value] of updates.map(splitLiteral)) {
    if (!values.has(key)) throw invalid(`key '${key}' not found in resource`);
    values.set(key, value);
  }
  return [...values].map(([key, value]) => `${key}=${value}`);
}

/** A literal source split at its one `=`, as kustomize's `validateAndExtractLiteralSource` requires. */
function splitLiteral(literal: string): [string, string] {
  const parts = literal.split('=');
  if (parts.length !== 2) throw invalid('failed to update resource: invalid format: literal values must be specified in the key=value format');
  return [parts[0]!, parts[1]!];
}

/** Checks what `edit set configmap|secret` is given before the file is read, as kustomize's `ValidateSet` does. */
export function checkGeneratorUpdate(update: GeneratorUpdate): void {
  if ((update.literals ?? []).length === 0 && (update.newNamespace ?? '') === '') {
    throw invalid('failed to validate flags: at least one of [--from-literal, --new-namespace] must be specified');
  }
}

/**
 * `edit set configmap|secret`: new values for keys the generator's literals already have, and a new
 * namespace. kustomize collects the literals in a Go map (so one line per key, in random order); they keep
 * their order here, a repeated key kept once, where it first was, with its last value.
 */
export function updateGenerator(document: KustomizationDocument, field: GeneratorField, update: GeneratorUpdate, context: EditContext): void {
  const { kind, lower } = nouns[field];
  const prefix = `failed to create ${lower}: `;
  const model = document.model();
  const index = findGenerator(model, field, update.name, update.namespace ?? '');
  if (index < 0) throw invalid(`${prefix}could not set new ${kind} value: unable to find ${kind} with name ${JSON.stringify(update.name)}`);
  const entry = objectList(model, field)[index]!;
  const existing = stringList(entry, 'literals');
  const literals = (update.literals ?? []).length === 0 ? existing : withPrefix(`${prefix}failed to update literal sources: `, () => updatedLiterals(existing, update.literals ?? []));
  const namespace = update.newNamespace || text(entry, 'namespace');
  withPrefix(`${prefix}failed to validate ${kind} structure: `, () => checkGenerates(field, { ...entry, literals, ...(namespace !== '' && { namespace }) }, model, context));
  const item = generatorNode(document, field, index);
  if (literals !== existing) writeLiterals(item, existing, literals);
  if (update.newNamespace) setValue(item, 'namespace', update.newNamespace, { sorted: true });
}

/** Writes `literals` over the `literals` list of `item`, line by line where a key was: comments stay. */
function writeLiterals(item: YAMLMap, existing: readonly string[], literals: readonly string[]): void {
  const list = getNode(item, 'literals');
  if (!isSeq(list)) return;
  const byKey = new Map(literals.map((literal) => [literal.slice(0, literal.indexOf('=')), literal]));
  const seen = new Set<string>();
  const repeated = new Set<number>();
  existing.forEach((literal, i) => {
    const key = literal.slice(0, literal.indexOf('='));
    if (seen.has(key)) repeated.add(i);
    else if (byKey.get(key) !== literal) setListItem(list, i, byKey.get(key)!);
    seen.add(key);
  });
  removeListItems(item, 'literals', repeated);
}

/**
 * `edit remove configmap|secret`: the entries with one of `names` in `namespace`; a name not found is a
 * note, none found an error.
 */
export function removeGenerators(document: KustomizationDocument, field: GeneratorField, names: readonly string[], namespace: string, context: EditContext): void {
  const found = new Set<string>();
  const matching = new Set<number>();
  objectList(document.model(), field).forEach((entry, i) => {
    const name = text(entry, 'name');
    if (!names.includes(name) || !sameNamespace(text(entry, 'namespace'), namespace)) return;
    found.add(name);
    matching.add(i);
  });
  const { lower } = nouns[field];
  if (found.size === 0) throw invalid(`no specified ${lower}(s) were found in the kustomization.yaml file`);
  for (const name of names) if (!found.has(name)) context.notes.push(`${lower} ${name} doesn't exist in kustomization file`);
  removeListItems(document.root, field, matching, true);
}

/** Generates the ConfigMap or Secret, reading files below the kustomization directory only, as kustomize does. */
function checkGenerates(field: GeneratorField, args: JsonObject, model: JsonObject, context: EditContext): void {
  const loadFile = (path: string) => {
    const absolute = resolve(context.directory, path);
    if (!isWithin(context.directory, absolute)) {
      throw new KustomizeError('load-restricted', `security; file '${absolute}' is not in or below '${context.directory}'`, { file: path });
    }
    return context.fs.readFile(absolute);
  };
  const options = mergeGeneratorOptions(getOwn(args, 'options') as GeneratorOptions | undefined, getOwn(model, 'generatorOptions') as GeneratorOptions | undefined);
  if (field === 'configMapGenerator') generateConfigMap(args as SecretArgs, options, loadFile);
  else generateSecret(args as SecretArgs, options, loadFile);
}
