/**
 * The `generators:`, `transformers:` and `validators:` fields of a kustomization: plugin configuration
 * objects, given inline or as paths, each naming one of kustomize's builtin plugins (kustomize v5.5.0's
 * kusttarget.go and plugins/loader). External plugins are refused, as `kubectl kustomize` refuses them.
 */
import type { Loader } from '../accumulate/loader.js';
import { parseResources } from '../accumulate/parse-resources.js';
import { KustomizeError, locate } from '../errors.js';
import { basename } from '../fs/path.js';
import { getOwn, isJsonObject, withKey, withoutKey, type JsonObject, type JsonValue } from '../json.js';
import type { Kustomization } from '../kustomization/types.js';
import { idKey, idString } from '../resource/id.js';
import { currentId, gvkOf, metadataOf, nameOf, namespaceOf, originalId, type Origin, type Resource } from '../resource/resource.js';
import { mergeGenerated } from '../generate/index.js';
import { joinOriginPath, recordTransformation } from './origin.js';
import { configureBuiltinPlugin, type BuiltinPlugin, type PluginConfigObject } from './plugins/builtins.js';
import { accumulatePaths, appendUnique, type TargetContext } from './target.js';

/** The label a validator may add to the resources it checked; the one change a validator may make. */
const validatedByLabel = 'validated-by';

type PluginField = PluginConfigObject['field'];

type Role = BuiltinPlugin['role'];

/** A plugin ready to run, and the origin kustomize records for what it does (when origins are tracked). */
interface LoadedPlugin<R extends Role> {
  readonly plugin: Extract<BuiltinPlugin, { readonly role: R }>;
  readonly config: PluginConfigObject;
  readonly origin: Origin | undefined;
}

/**
 * Runs a kustomization's `generators:` entries in kustomize's order (inline configurations first, then
 * those read from paths) and absorbs what each makes into `resources`, as its builtin generators' output is
 * absorbed (create, merge or replace). Every plugin is configured before any runs.
 */
export function runPluginGenerators(loader: Loader, kustomization: Kustomization, resources: readonly Resource[], context: TargetContext): Resource[] {
  let out: Resource[] = [...resources];
  for (const { plugin, config, origin } of loadPlugins(loader, kustomization, 'generators', 'generator', context)) {
    const generated = withLocation(config, () => plugin.generate());
    out = mergeGenerated(out, origin === undefined ? generated : generated.map((resource) => (resource.origin ? resource : { ...resource, origin })), loader.session.behaviour.verboseGeneratorMergeConflict);
  }
  return out;
}

/**
 * Runs a kustomization's `transformers:` entries on `resources` in kustomize's order (inline configurations
 * first, then those read from paths). After each one, where origins are tracked, a resource without an
 * origin takes the plugin's and every other records it as a transformation; emptied resources are dropped.
 */
export function runPluginTransformers(loader: Loader, kustomization: Kustomization, resources: readonly Resource[], context: TargetContext): Resource[] {
  let out: Resource[] = [...resources];
  for (const { plugin, config, origin } of loadPlugins(loader, kustomization, 'transformers', 'transformer', context)) {
    out = withLocation(config, () => plugin.transform(out));
    out = recordTransformation(out, origin);
    out = out.filter((resource) => Object.keys(resource.object).length > 0);
  }
  return out;
}

/**
 * Runs a kustomization's `validators:` entries, configured like transformers. A validator may add the label
 * `validated-by` (kept in the output) and change nothing else; any other change is an error, as in kustomize.
 */
export function runValidators(loader: Loader, kustomization: Kustomization, resources: readonly Resource[], context: TargetContext): Resource[] {
  let out: Resource[] = [...resources];
  for (const { plugin, config } of loadPlugins(loader, kustomization, 'validators', 'transformer', context)) {
    const validated = withLocation(config, () => plugin.transform(out));
    const change = describeChange(out, validated);
    if (change !== undefined) {
      throw new KustomizeError(
        'transform-failed',
        `validator shouldn't modify the resource map: ${change}`,
        { file: config.file, field: 'validators' },
        `the validator ${config.plugin} may only add the label ${validatedByLabel}; use it under transformers to change resources`,
      );
    }
    out = validated;
  }
  return out;
}

/**
 * The plugins of one field, configured and checked to play `role`, all before any runs as in kustomize;
 * kustomize reads inline configurations first, then paths.
 */
function loadPlugins<R extends Role>(loader: Loader, kustomization: Kustomization, field: PluginField, role: R, context: TargetContext): LoadedPlugin<R>[] {
  const entries = kustomization[field];
  if (entries.length === 0) return [];
  const kustomizationFile = loader.display(kustomization.file);
  const inlineOrigin: Origin | undefined = context.originPath === undefined ? undefined : { path: joinOriginPath(context.originPath, basename(kustomization.file)) };
  const sources: { resource: Resource; file: string }[] = [];
  const paths: string[] = [];
  let accumulated: Resource[] = [];
  const add = (resources: readonly Resource[], file: string): void => {
    accumulated = appendUnique(accumulated, resources, file);
    for (const resource of resources) sources.push({ resource, file });
  };
  for (const entry of entries) {
    const inline = parseInline(entry, kustomizationFile, inlineOrigin);
    if (inline === undefined) paths.push(entry);
    else add(inline, kustomizationFile);
  }
  for (const path of paths) add(accumulateEntry(loader, path, field, kustomizationFile, context), loader.display(loader.resolve(path)));
  return sources.map(({ resource, file }) => {
    const config = pluginConfig(resource, file, field);
    const plugin = configurePlugin(config, loader);
    if (!playsRole(plugin, role)) throw notA(role, config);
    return { plugin, config, origin: context.originPath === undefined ? undefined : pluginOrigin(resource) };
  });
}

/** The configurations read from an entry's path: a file of them, or a kustomization directory that is built. */
function accumulateEntry(loader: Loader, path: string, field: PluginField, kustomizationFile: string, context: TargetContext): Resource[] {
  try {
    return accumulatePaths(loader, [path], context);
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    const missing = error.code === 'file-not-found';
    throw new KustomizeError(
      error.code,
      `${field} entry '${path}': ${error.message}`,
      missing ? { file: kustomizationFile, field } : error.location,
      missing ? `each entry of ${field} is a plugin configuration given inline, or the path of a file or directory of them` : error.hint,
      { cause: error },
    );
  }
}

/** The configurations an entry holds when it is inline YAML; undefined when it is not, and so a path. */
function parseInline(entry: string, file: string, origin: Origin | undefined): Resource[] | undefined {
  try {
    return parseResources(entry, file, origin);
  } catch (error) {
    if (error instanceof KustomizeError) return undefined;
    throw error;
  }
}

function pluginConfig(resource: Resource, file: string, field: PluginField): PluginConfigObject {
  return { object: resource.object, plugin: idString(originalId(resource)), file, field };
}

/** Kustomize's builtin plugins have an empty group and the version `builtin`; anything else is external. */
function configurePlugin(config: PluginConfigObject, loader: Loader): BuiltinPlugin {
  const { group, version, kind } = gvkOf(config.object);
  if (group !== '' || version !== 'builtin') {
    throw new KustomizeError(
      'unsupported',
      `external plugins disabled; unable to load external plugin '${kind}'`,
      { file: config.file, field: config.field },
      'only the builtin plugins (apiVersion: builtin) can run; kustomize-ts never runs external programs',
    );
  }
  return configureBuiltinPlugin(config, loader);
}

function playsRole<R extends Role>(plugin: BuiltinPlugin, role: R): plugin is Extract<BuiltinPlugin, { readonly role: R }> {
  return plugin.role === role;
}

function notA(role: Role, config: PluginConfigObject): KustomizeError {
  return new KustomizeError(
    'invalid-kustomization',
    `plugin ${config.plugin} not a ${role}`,
    { file: config.file, field: config.field },
    role === 'generator' ? 'list transformers under transformers, not generators' : 'list generators under generators',
  );
}

/** Runs `step`, adding the plugin's configuration file to an error that names no file. */
function withLocation<T>(config: PluginConfigObject, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof KustomizeError) throw locate(error, { file: config.file });
    throw error;
  }
}

/**
 * What kustomize records for a plugin's work (resource.OriginFromCustomPlugin): the file its configuration
 * came from and the configuration's apiVersion, kind, name and namespace. None when the configuration has
 * no origin.
 */
function pluginOrigin(config: Resource): Origin | undefined {
  if (config.origin === undefined) return undefined;
  const namespace = namespaceOf(config);
  const apiVersion = getOwn(config.object, 'apiVersion');
  return {
    ...(config.origin.repo ? { repo: config.origin.repo } : {}),
    ...(config.origin.ref ? { ref: config.origin.ref } : {}),
    ...(config.origin.path ? { configuredIn: config.origin.path } : {}),
    configuredBy: {
      apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
      kind: gvkOf(config.object).kind,
      name: nameOf(config),
      ...(namespace === '' ? {} : { namespace }),
    },
  };
}

/**
 * How `after` differs from `before` other than by `validated-by` labels, as kustomize's ErrorIfNotEqualSets
 * sees it; undefined when it does not. Kustomize compares YAML nodes, and its removal of the label rebuilds
 * the label map, so a resource that carries the label beside other labels never compares equal.
 */
function describeChange(before: readonly Resource[], after: readonly Resource[]): string | undefined {
  if (before.length !== after.length) return `lists have different number of entries: ${before.length} doesn't equal ${after.length}`;
  const byId = new Map<string, Resource[]>();
  for (const resource of after) {
    const key = idKey(currentId(resource));
    byId.set(key, [...(byId.get(key) ?? []), resource]);
  }
  for (const original of before) {
    const id = currentId(original);
    const others = byId.get(idKey(id)) ?? [];
    if (others.length === 0) return `id in self missing from other; id: ${idString(id)}`;
    if (others.length > 1) return `id in self matches ${others.length} in other; id: ${idString(id)}`;
    const other = others[0]!;
    const labels = getOwn(metadataOf(other.object), 'labels');
    const relabelled = isJsonObject(labels) && getOwn(labels, validatedByLabel) !== undefined && Object.keys(labels).length > 1;
    if (relabelled || !jsonEqual(original.object, withoutValidatedBy(other.object))) {
      return `nodes unequal: \n -- ${JSON.stringify(original.object)},\n -- ${JSON.stringify(withoutValidatedBy(other.object))}`;
    }
  }
  return undefined;
}

function withoutValidatedBy(object: JsonObject): JsonObject {
  const metadata = metadataOf(object);
  const labels = getOwn(metadata, 'labels');
  if (!isJsonObject(labels) || getOwn(labels, validatedByLabel) === undefined) return object;
  const rest = withoutKey(labels, validatedByLabel);
  // Kustomize rewrites the label map, and drops it when nothing is left.
  return withKey(object, 'metadata', Object.keys(rest).length === 0 ? withoutKey(metadata, 'labels') : withKey(metadata, 'labels', rest));
}

function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => jsonEqual(getOwn(a, key), getOwn(b, key)));
}
