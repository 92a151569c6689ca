/**
 * How generated resources join the resources accumulated so far (kustomize's resWrangler.AbsorbAll and
 * appendReplaceOrMerge, Resource.CopyMergeMetaDataFieldsFrom and MergeDataMapFrom).
 */
import { KustomizeError } from '../errors.js';
import { getOwn, isJsonObject, withKey, withoutKey, type JsonObject, type JsonValue } from '../json.js';
import { idEquals, idString, isClusterScopedGvk, type ResourceId } from '../resource/id.js';
import { allIds, currentId, metadataOf, type Resource } from '../resource/resource.js';
import { compareGoStrings, goJson } from './gojson.js';

/** An id as Go's `%#v` prints a kustomize ResId, which is how its merge errors name resources. */
function goSyntaxId(id: ResourceId): string {
  const quoted = (text: string): string => JSON.stringify(text);
  return (
    `resid.ResId{Gvk:resid.Gvk{Group:${quoted(id.group)}, Version:${quoted(id.version)}, Kind:${quoted(id.kind)}, ` +
    `isClusterScoped:${String(isClusterScopedGvk(id))}}, Name:${quoted(id.name)}, Namespace:${quoted(id.namespace)}}`
  );
}

/** Text of a scalar as kustomize reads string maps: non-strings by their YAML text, nested values as empty. */
function scalarText(value: JsonValue | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** A string map of `object[field]`, or an empty one. */
function stringMap(object: JsonObject, field: string): Map<string, string> {
  const value = getOwn(object, field);
  const map = new Map<string, string>();
  if (isJsonObject(value)) for (const key of Object.keys(value)) map.set(key, scalarText(value[key]));
  return map;
}

/** `object` with `field` set to the union of `older` and `newer` (newer wins), or without `field` when that is empty. */
function withMergedMap(object: JsonObject, field: string, older: ReadonlyMap<string, string>, newer: ReadonlyMap<string, string>): JsonObject {
  const merged = new Map([...older, ...newer]);
  if (merged.size === 0) return getOwn(object, field) === undefined ? object : withoutKey(object, field);
  let map: JsonObject = {};
  for (const key of [...merged.keys()].sort(compareGoStrings)) map = withKey(map, key, merged.get(key) ?? '');
  return withKey(object, field, map);
}

/**
 * The generated resource `newer` taking the place of `older`: labels and annotations merged (newer's win),
 * older's name, namespace and kustomize bookkeeping (previous ids, prefixes, suffixes, refBy, behavior,
 * refVarNames), and a hash suffix only when both wanted one. With `mergeData`, `data` and `binaryData` are merged too.
 */
function takeOver(older: Resource, newer: Resource, mergeData: boolean): Resource {
  let metadata = metadataOf(newer.object);
  for (const field of ['labels', 'annotations'] as const) {
    metadata = withMergedMap(metadata, field, stringMap(metadataOf(older.object), field), stringMap(metadataOf(newer.object), field));
  }
  const { name, namespace } = currentId(older);
  metadata = withKey(metadata, 'name', name);
  metadata = namespace === '' ? withoutKey(metadata, 'namespace') : withKey(metadata, 'namespace', namespace);
  let object = withKey(newer.object, 'metadata', metadata);
  if (mergeData) {
    for (const field of ['data', 'binaryData']) object = withMergedMap(object, field, stringMap(older.object, field), stringMap(newer.object, field));
  }
  // Kustomize keeps these in annotations, merged like the others, except that a merge keeps the older origin.
  const origin = mergeData ? (older.origin ?? newer.origin) : (newer.origin ?? older.origin);
  const transformations = newer.transformations ?? older.transformations;
  // Everything else kustomize keeps about a resource (previous ids, prefixes, suffixes, refBy, behavior, vars) is the older's.
  return {
    ...older,
    object,
    needsHashSuffix: (older.needsHashSuffix ?? false) && (newer.needsHashSuffix ?? false),
    ...(origin !== undefined && { origin }),
    ...(transformations !== undefined && { transformations }),
  };
}

function absorb(resources: Resource[], generated: Resource, conflictNamesBehavior: boolean): Resource[] {
  const id = currentId(generated);
  const matches = resources.filter((resource) => allIds(resource).some((other) => idEquals(id, other)));
  const location = generated.origin?.configuredIn === undefined ? {} : { file: generated.origin.configuredIn };
  const [match] = matches;
  if (match === undefined) {
    if (generated.behavior === 'merge' || generated.behavior === 'replace') {
      throw new KustomizeError('no-match', `id ${goSyntaxId(id)} does not exist; cannot merge or replace`, location, 'generate it with behavior create, or include the resource it should change');
    }
    return [...resources, generated];
  }
  if (matches.length > 1) {
    throw new KustomizeError('ambiguous-match', `found multiple objects [${matches.map((resource) => goJson(resource.object)).join(' ')}] that could accept merge of ${idString(id)}`, location);
  }
  if (generated.behavior !== 'merge' && generated.behavior !== 'replace') {
    // Kustomize v5.8 names the behavior it got, as Go prints GenerationBehavior (`unspecified` when none was given).
    const got = conflictNamesBehavior ? ` can not use behavior: '${generated.behavior ?? 'unspecified'}',` : '';
    throw new KustomizeError('duplicate-id', `id ${goSyntaxId(id)} exists;${got} behavior must be merge or replace`, location, 'set behavior: merge or behavior: replace, or give the generator another name');
  }
  return resources.map((resource) => (resource === match ? takeOver(match, generated, generated.behavior === 'merge') : resource));
}

/**
 * `existing` with each of `generated` absorbed in turn, as kustomize absorbs a generator's output: a
 * resource whose id (current or previous) no existing one has is appended, unless its behavior is merge or
 * replace (an error); one that matches takes the place of the match when its behavior is `replace`, or is
 * merged into it (data, binaryData, labels, annotations) when `merge`, and is an error otherwise (whose message
 * names the behavior given with `conflictNamesBehavior`, as kustomize v5.8 words it).
 */
export function mergeGenerated(existing: readonly Resource[], generated: readonly Resource[], conflictNamesBehavior = false): Resource[] {
  return generated.reduce<Resource[]>((resources, resource) => absorb(resources, resource, conflictNamesBehavior), [...existing]);
}
