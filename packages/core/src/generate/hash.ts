import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { KustomizeError } from '../errors.js';
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { nameOf, rememberCurrentId, withMetadataField, withObject, type Resource } from '../resource/resource.js';
import { goJson } from './gojson.js';

const encoder = new TextEncoder();

/**
 * A field as kustomize's hasher reads it: an absent field is `""`, a scalar is its text, a map is
 * itself, and a list is `null` (kustomize decodes it into a map, fails, and keeps the nil map).
 */
function hashedField(object: JsonObject, field: string): JsonValue {
  const value = getOwn(object, field);
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (Array.isArray(value)) return null;
  if (isJsonObject(value)) return value;
  return String(value);
}

/** True when kustomize's hasher includes an optional map field: when it is present and not a scalar. */
function isHashedMap(value: JsonValue): boolean {
  return value === null || isJsonObject(value);
}

/**
 * The text kustomize hashes for a ConfigMap or Secret. The name is always empty: kustomize looks it up
 * under the single field name `metadata/name`, which no object has.
 */
function hashedText(object: JsonObject): string {
  const kind = getOwn(object, 'kind');
  if (kind === 'ConfigMap') {
    const fields: JsonObject = { kind, name: '', data: hashedField(object, 'data') };
    const binaryData = hashedField(object, 'binaryData');
    if (isHashedMap(binaryData)) fields['binaryData'] = binaryData;
    return goJson(fields);
  }
  if (kind === 'Secret') {
    const fields: JsonObject = { kind, type: hashedField(object, 'type'), name: '', data: hashedField(object, 'data') };
    const stringData = hashedField(object, 'stringData');
    if (isHashedMap(stringData)) fields['stringData'] = stringData;
    return goJson(fields);
  }
  throw new KustomizeError(
    'unsupported',
    `cannot compute a name-suffix hash for kind ${typeof kind === 'string' ? kind : String(kind)}`,
    {},
    'only ConfigMaps and Secrets get content-hash suffixes; set disableNameSuffixHash for other generated kinds',
  );
}

/** Kustomize's 10-character form of a hex digest: its first ten digits with 0, 1, 3, a, e swapped for letters. */
function encodeDigest(hex: string): string {
  const swaps: Readonly<Record<string, string>> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((digit) => swaps[digit] ?? digit).join('');
}

/**
 * The content hash kustomize appends to a generated ConfigMap's or Secret's name: over the kind, `data`,
 * `binaryData` (ConfigMap), `type` and `stringData` (Secret); labels, annotations and the name do not count.
 * Throws a KustomizeError for other kinds.
 */
export function contentHash(object: JsonObject): string {
  return encodeDigest(bytesToHex(sha256(encoder.encode(hashedText(object)))));
}

/**
 * The resources with `-<hash>` appended to the name of each one marked `needsHashSuffix`, as kustomize's
 * HashTransformer does at the end of a build; the id before the rename is remembered so references follow.
 */
export function addHashSuffixes(resources: readonly Resource[]): Resource[] {
  return resources.map((resource) => {
    if (!resource.needsHashSuffix) return resource;
    const hash = contentHash(resource.object);
    const remembered = rememberCurrentId(resource);
    return withObject(remembered, withMetadataField(resource.object, 'name', `${nameOf(resource)}-${hash}`));
  });
}
