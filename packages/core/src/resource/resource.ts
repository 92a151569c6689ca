import { getOwn, isJsonObject, recordedScalarNode, setOwn, withKey, withoutKey, type JsonContainer, type JsonObject, type JsonValue } from '../json.js';
import { KustomizeError } from '../errors.js';
import type { LinkedEntry } from './links.js';
import { effectiveNamespace, idString, parseApiVersion, type Gvk, type ResourceId } from './id.js';

/** How a generated resource combines with one of the same id from a base. */
export type GeneratorBehavior = 'create' | 'merge' | 'replace';

/** Where a resource came from, for `buildMetadata: [originAnnotations]`. */
export interface Origin {
  /** The file, relative to the build root, or the generator's kustomization. */
  readonly path?: string;
  readonly repo?: string;
  readonly ref?: string;
  /** For generated resources: the kustomization or plugin config that produced it. */
  readonly configuredIn?: string;
  readonly configuredBy?: { readonly apiVersion: string; readonly kind: string; readonly name: string; readonly namespace?: string };
}

/**
 * A Kubernetes object in a build, with the bookkeeping kustomize keeps beside it.
 * Resources are immutable: a transform that changes one returns a new Resource (see {@link withObject}).
 */
export interface Resource {
  /** The object as plain JSON data. */
  readonly object: JsonObject;
  /** The ids it had before renames (kind, name, namespace changes), oldest first; the current id is not included. */
  readonly previousIds: readonly ResourceId[];
  /** Name prefixes added so far, innermost first. */
  readonly prefixes: readonly string[];
  /** Name suffixes added so far, innermost first. */
  readonly suffixes: readonly string[];
  /** Set on generated resources: how to combine with a resource of the same id. */
  readonly behavior?: GeneratorBehavior;
  /** True when the name gets a content-hash suffix at the end of the build. */
  readonly needsHashSuffix?: boolean;
  /** Ids of the resources whose references to this one were rewritten (kustomize's refBy). */
  readonly refBy?: readonly ResourceId[];
  /** Where the resource came from. */
  readonly origin?: Origin;
  /** The generators and transformers that changed it, for `buildMetadata: [transformerAnnotations]`. */
  readonly transformations?: readonly Origin[];
  /** Names of the `vars` bound to this resource, which read their values from it (kustomize's refVarNames). */
  readonly refVarNames?: readonly string[];
  /** Keys written together into several of its maps, which kustomize keeps as one node (links.ts). */
  readonly linked?: readonly LinkedEntry[];
  /** Rendered from a Helm chart by a release whose `namespace:` leaves chart output alone (kustomize v5.8's helm-generated annotation). */
  readonly fromHelmChart?: boolean;
}

/** A new resource around `object`, with no history. */
export function newResource(object: JsonObject, extra: Partial<Resource> = {}): Resource {
  return { previousIds: [], prefixes: [], suffixes: [], ...extra, object };
}

/** A copy of `resource` holding `object`; returns `resource` itself when the object is unchanged. */
export function withObject(resource: Resource, object: JsonObject): Resource {
  return object === resource.object ? resource : { ...resource, object };
}

/** The metadata map of an object, or an empty one. */
export function metadataOf(object: JsonObject): JsonObject {
  const metadata = getOwn(object, 'metadata');
  return isJsonObject(metadata) ? metadata : {};
}

/** A field of an id as kustomize reads it: the scalar's text as written (a name `1e5` is `1e5`), empty when null or missing. */
function stringField(object: JsonObject, key: string): string {
  const value = getOwn(object, key);
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : nodeText(object, key);
}

/** The group, version and kind of an object. */
export function gvkOf(object: JsonObject): Gvk {
  const { group, version } = parseApiVersion(stringField(object, 'apiVersion'));
  return { group, version, kind: stringField(object, 'kind') };
}

/** The current id of a resource. */
export function currentId(resource: Resource): ResourceId {
  return idOfObject(resource.object);
}

/**
 * Ids already read, by object. Objects in a build are never changed once made (transforms copy on write),
 * so an object's id is read once however often a transform asks; the entries go with their objects. A
 * memo of a pure function, it holds nothing one build could see of another.
 */
const idsByObject = new WeakMap<JsonObject, ResourceId>();

/** The id of a plain object. */
export function idOfObject(object: JsonObject): ResourceId {
  let id = idsByObject.get(object);
  if (id === undefined) {
    const metadata = metadataOf(object);
    const { group, version } = parseApiVersion(stringField(object, 'apiVersion'));
    id = { group, version, kind: stringField(object, 'kind'), name: stringField(metadata, 'name'), namespace: stringField(metadata, 'namespace') };
    idsByObject.set(object, id);
  }
  return id;
}

/**
 * Previous ids as read back, by the list they are stored in. Most transforms copy a resource but keep its
 * list, and a list is read again only when the group or version changed, so a long history of renames is
 * not read over and over.
 */
const previousIdsByList = new WeakMap<readonly ResourceId[], { readonly group: string; readonly version: string; readonly ids: readonly ResourceId[] }>();

/**
 * The ids a resource had before renames, oldest first, as kustomize reads them back: it keeps only
 * previous names, namespaces and kinds, so every previous id carries the current group and version.
 */
export function previousIdsOf(resource: Resource): readonly ResourceId[] {
  const stored = resource.previousIds;
  if (stored.length === 0) return stored;
  const { group, version } = currentId(resource);
  const read = previousIdsByList.get(stored);
  if (read !== undefined && read.group === group && read.version === version) return read.ids;
  const ids = stored.every((id) => id.group === group && id.version === version) ? stored : stored.map((id) => ({ ...id, group, version }));
  previousIdsByList.set(stored, { group, version, ids });
  return ids;
}

/** The id a resource had when it was loaded, before any rename (kustomize's OrgId). */
export function originalId(resource: Resource): ResourceId {
  return previousIdsOf(resource)[0] ?? currentId(resource);
}

/** Every id a resource has had, oldest first, ending with the current one. */
export function allIds(resource: Resource): readonly ResourceId[] {
  return [...previousIdsOf(resource), currentId(resource)];
}

/** True when `name` is the current or an earlier name of the resource. */
export function hasHadName(resource: Resource, name: string): boolean {
  return currentId(resource).name === name || resource.previousIds.some((id) => id.name === name);
}

/** The name of a resource. */
export function nameOf(resource: Resource): string {
  return stringField(metadataOf(resource.object), 'name');
}

/** The namespace of a resource as written (empty when none). */
export function namespaceOf(resource: Resource): string {
  return stringField(metadataOf(resource.object), 'namespace');
}

/**
 * A string map under `metadata` (labels or annotations) as kyaml reads one (`getMapFromMeta`): each value
 * by its node's text (`8080`, `1.50`, `~`, `null`, empty for `key:` and for collections); a sequence is read
 * as key, value, key, value… as kyaml walks a node's content; anything else is empty.
 */
export function stringMapOf(object: JsonObject, field: 'labels' | 'annotations'): Record<string, string> {
  const value = getOwn(metadataOf(object), field);
  const out: Record<string, string> = {};
  if (isJsonObject(value)) {
    for (const key of Object.keys(value)) setOwn(out, key, nodeText(value, key));
  } else if (Array.isArray(value)) {
    for (let i = 0; i + 1 < value.length; i += 2) setOwn(out, nodeText(value, String(i)), nodeText(value, String(i + 1)));
  }
  return out;
}

/** The text of the node at `key` of `container` (kyaml's `Node.Value`): a scalar's text, empty for a collection. */
export function nodeText(container: JsonContainer, key: string): string {
  const value = (isJsonObject(container) ? getOwn(container, key) : container[Number(key)]) as JsonValue;
  if (value !== null && typeof value === 'object') return '';
  return recordedScalarNode(container, key)?.text ?? (value === null ? 'null' : String(value));
}

/**
 * `object` with `metadata[field]` written as kyaml's `SetLabels`/`SetAnnotations` write it: the field cleared,
 * then, when `map` has entries, a map of string nodes. Returns `object` itself when that changes nothing.
 */
export function withStringMap(object: JsonObject, field: 'labels' | 'annotations', map: Readonly<Record<string, string>>): JsonObject {
  const metadata = metadataOf(object);
  const current = getOwn(metadata, field);
  const keys = Object.keys(map);
  if (keys.length === 0) return current === undefined ? object : withKey(object, 'metadata', withoutKey(metadata, field));
  if (isJsonObject(current) && Object.keys(current).length === keys.length && keys.every((key) => getOwn(current, key) === map[key])) return object;
  const strings: JsonObject = {};
  for (const key of keys) setOwn(strings, key, map[key]!);
  return withKey(object, 'metadata', withKey(metadata, field, strings));
}

/** A copy of `object` with `metadata[field]` replaced. */
export function withMetadataField(object: JsonObject, field: string, value: JsonObject[string]): JsonObject {
  return withKey(object, 'metadata', withKey(metadataOf(object), field, value));
}

/**
 * A copy of `resource` whose current id is remembered as a previous id, as kustomize's StorePreviousId
 * before a transform changes a name, namespace or kind. The stored namespace is the effective one, as
 * kustomize stores it. Kustomize keeps these as comma-separated lists and crashes on a name, namespace
 * or kind with a comma in it (no valid Kubernetes name has one): that is an error here.
 * Kustomize appends even an id equal to the last one stored (every JSON patch stores one); previous ids are
 * only ever searched, so that repeat is left out here, and a resource patched many times keeps a short list.
 */
export function rememberCurrentId(resource: Resource): Resource {
  const id = currentId(resource);
  const namespace = effectiveNamespace(id);
  for (const [field, value] of [['metadata.name', id.name], ['metadata.namespace', namespace], ['kind', id.kind]] as const) {
    if (value.includes(',')) {
      throw new KustomizeError('invalid-resource', `cannot rename ${idString(id)}: its ${field} contains a comma`, { field }, 'Kubernetes names, namespaces and kinds never contain commas; is the resource encrypted or templated?');
    }
  }
  const last = resource.previousIds.at(-1);
  if (last !== undefined && last.name === id.name && last.namespace === namespace && last.kind === id.kind) return resource;
  return { ...resource, previousIds: [...resource.previousIds, { ...id, namespace }] };
}

