import { KustomizeError } from '../errors.js';
import { getOwn, isJsonObject, withKey, withoutKey, type JsonObject, type JsonValue } from '../json.js';
import { metadataOf, newResource, type Origin, type Resource } from '../resource/resource.js';
import { parseYamlDocuments } from '../yaml/index.js';

/**
 * The resources of a YAML stream, as kustomize's resource factory reads them: empty documents dropped,
 * every object checked for a kind and a name, and `…List` kinds with `items` replaced by their items,
 * which kustomize queues after the documents that follow the list.
 */
export function parseResources(text: string, file: string, origin?: Origin): Resource[] {
  const queue: { object: JsonObject; document: number }[] = [];
  parseYamlDocuments(text, file).forEach((document, index) => {
    if (isEmpty(document)) return;
    queue.push({ object: checkedObject(document, file, index), document: index });
  });
  const out: Resource[] = [];
  while (queue.length > 0) {
    const { object, document } = queue.shift()!;
    const kind = getOwn(object, 'kind') as string;
    const items = getOwn(object, 'items');
    if (!kind.endsWith('List') || items === undefined) {
      out.push(newResource(object, origin ? { origin } : {}));
      continue;
    }
    if (items === null) continue;
    if (!Array.isArray(items)) {
      throw new KustomizeError('invalid-resource', `expected array in ${kind}/items, but found ${typeof items}`, { file, document, field: 'items' });
    }
    for (const item of items) {
      if (isEmpty(item)) continue;
      queue.push({ object: checkedObject(item, file, document), document });
    }
  }
  return out;
}

function isEmpty(document: JsonValue): boolean {
  return document === null || (isJsonObject(document) && Object.keys(document).length === 0);
}

function checkedObject(document: JsonValue, file: string, index: number): JsonObject {
  if (!isJsonObject(document)) {
    // kustomize's words; what was found goes in the hint.
    const found = Array.isArray(document) ? 'a list' : `the scalar ${JSON.stringify(document)}`;
    throw new KustomizeError('invalid-resource', 'missing Resource metadata', { file, document: index }, `found ${found}; each YAML document of a resource file must be one Kubernetes object`);
  }
  const kind = getOwn(document, 'kind');
  if (typeof kind !== 'string' || kind === '') {
    throw new KustomizeError('invalid-resource', 'missing kind in object', { file, document: index, field: 'kind' }, 'every resource needs apiVersion, kind and metadata.name');
  }
  const name = getOwn(metadataOf(document), 'name');
  // Kustomize reads a name as its scalar's text, so a number or a boolean names a resource too.
  if (!kind.endsWith('List') && !(typeof name === 'number' || typeof name === 'boolean' || (typeof name === 'string' && name !== ''))) {
    throw new KustomizeError('invalid-resource', `missing metadata.name in object of kind ${kind}`, { file, document: index, field: 'metadata.name' }, 'every resource needs apiVersion, kind and metadata.name');
  }
  return withoutEmptyAnnotations(document);
}

/**
 * The object without an empty or null `metadata.annotations`: kustomize's reader stamps internal annotations
 * on every object it reads and removes them again, which removes an empty annotations map with them.
 */
function withoutEmptyAnnotations(object: JsonObject): JsonObject {
  const metadata = metadataOf(object);
  const annotations = getOwn(metadata, 'annotations');
  if (annotations === undefined || (annotations !== null && !(isJsonObject(annotations) && Object.keys(annotations).length === 0))) return object;
  return withKey(object, 'metadata', withoutKey(metadata, 'annotations'));
}
