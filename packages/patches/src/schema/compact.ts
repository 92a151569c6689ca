import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/**
 * The facts of an OpenAPI schema that kustomize's strategic merge reads (kyaml/openapi), in a compact form:
 * - `0`: a schema that exists but says nothing the merge uses (a string field, an opaque object);
 * - a string: a reference to the definition of that name (kyaml resolves `$ref` and ignores every sibling of it,
 *   so a reference is all that remains of such a schema);
 * - `null`: a reference kyaml cannot resolve, which it treats as no schema;
 * - an object: `p` the properties, `a` the schema of additionalProperties (a map's values), `i` the schema of the
 *   items when the type is exactly `array`, `s` the raw `x-kubernetes-patch-strategy`, `k` the merge keys
 *   (`x-kubernetes-list-map-keys` when present, else `[x-kubernetes-patch-merge-key]`; kyaml reads the keys only
 *   when a strategy is set).
 */
export type CompactSchema = 0 | string | null | CompactObjectSchema;

/** A schema with facts; see {@link CompactSchema}. */
export interface CompactObjectSchema {
  p?: Record<string, CompactSchema>;
  a?: CompactSchema;
  i?: CompactSchema;
  s?: string;
  k?: string[];
}

/** The facts of one OpenAPI document: definitions by name, resource types, and which types are namespaced. */
export interface CompactOpenApi {
  /** Compact schemas by definition name. */
  definitions: Record<string, CompactSchema>;
  /** Definition name by resource type key (`apiVersion kind`, see {@link typeKey}). */
  kinds: Record<string, string>;
  /** Whether a resource type is namespaced, by type key, where the document's API paths say so. */
  namespaced: Record<string, boolean>;
}

const definitionRefPrefix = '#/definitions/';

/** The key for a resource type in {@link CompactOpenApi} tables. */
export function typeKey(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/**
 * Extracts the strategic-merge facts from an OpenAPI v2 (Swagger) document with `definitions` and optionally
 * `paths`, as kyaml reads them. Unknown shapes are skipped rather than rejected: kyaml ignores what it cannot use.
 */
export function compactOpenApi(document: JsonObject): CompactOpenApi {
  const definitions: Record<string, CompactSchema> = {};
  const kinds: Record<string, string> = {};
  const rawDefinitions = getOwn(document, 'definitions');
  if (isJsonObject(rawDefinitions)) {
    for (const name of Object.keys(rawDefinitions)) {
      const schema = rawDefinitions[name] as JsonValue;
      defineData(definitions, name, compactSchema(schema));
      // Definitions carry a list of group-version-kinds.
      const extension = isJsonObject(schema) ? getOwn(schema, 'x-kubernetes-group-version-kind') : undefined;
      for (const entry of Array.isArray(extension) ? extension : []) {
        const key = groupVersionKind(entry);
        if (key !== undefined) defineData(kinds, key, name);
      }
    }
  }
  return { definitions, kinds, namespaced: namespacedFromPaths(getOwn(document, 'paths')) };
}

/** The compact form of one schema. */
export function compactSchema(schema: JsonValue): CompactSchema {
  if (!isJsonObject(schema)) return 0;
  const ref = getOwn(schema, '$ref');
  if (typeof ref === 'string') {
    return ref.startsWith(definitionRefPrefix) ? decodePointerToken(ref.slice(definitionRefPrefix.length)) : null;
  }
  const result: CompactObjectSchema = {};
  const properties = getOwn(schema, 'properties');
  if (isJsonObject(properties)) {
    const compact: Record<string, CompactSchema> = {};
    for (const name of Object.keys(properties)) defineData(compact, name, compactSchema(properties[name] as JsonValue));
    if (Object.keys(compact).length > 0) result.p = compact;
  }
  const additional = getOwn(schema, 'additionalProperties');
  if (isJsonObject(additional)) result.a = compactSchema(additional);
  const type = getOwn(schema, 'type');
  const isArray = type === 'array' || (Array.isArray(type) && type.length === 1 && type[0] === 'array');
  const items = getOwn(schema, 'items');
  if (isArray && isJsonObject(items)) result.i = compactSchema(items);
  const strategy = getOwn(schema, 'x-kubernetes-patch-strategy');
  if (typeof strategy === 'string') {
    result.s = strategy;
    const keys = mergeKeys(schema);
    if (keys.length > 0) result.k = keys;
  }
  return Object.keys(result).length === 0 ? 0 : result;
}

function mergeKeys(schema: JsonObject): string[] {
  const listMapKeys = getOwn(schema, 'x-kubernetes-list-map-keys');
  if (Array.isArray(listMapKeys)) return listMapKeys.filter((key): key is string => typeof key === 'string');
  const mergeKey = getOwn(schema, 'x-kubernetes-patch-merge-key');
  return typeof mergeKey === 'string' ? [mergeKey] : [];
}

/** The type key named by one `x-kubernetes-group-version-kind` entry. */
function groupVersionKind(entry: JsonValue | undefined): string | undefined {
  if (!isJsonObject(entry)) return undefined;
  const group = getOwn(entry, 'group');
  const version = getOwn(entry, 'version');
  const kind = getOwn(entry, 'kind');
  if (typeof version !== 'string' || typeof kind !== 'string') return undefined;
  return typeKey(typeof group === 'string' && group !== '' ? `${group}/${version}` : version, kind);
}

/**
 * Namespaced-ness from API paths, as kyaml decides it: a type is namespaced when any GET path for it contains
 * `namespaces/{namespace}`, cluster-scoped when it has GET paths and none of them does.
 */
function namespacedFromPaths(paths: JsonValue | undefined): Record<string, boolean> {
  const namespaced: Record<string, boolean> = {};
  if (!isJsonObject(paths)) return namespaced;
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    const get = isJsonObject(item) ? getOwn(item, 'get') : undefined;
    if (!isJsonObject(get)) continue;
    // A path carries a single group-version-kind.
    const key = groupVersionKind(getOwn(get, 'x-kubernetes-group-version-kind'));
    if (key === undefined) continue;
    if (path.includes('namespaces/{namespace}')) defineData(namespaced, key, true);
    else if (getOwn(namespaced, key) === undefined) defineData(namespaced, key, false);
  }
  return namespaced;
}

function decodePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function defineData<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
