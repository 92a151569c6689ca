import { KustomizeError } from '../../errors.js';
import { getOwn, isJsonObject, withKey, type JsonValue } from '../../json.js';
import { idString } from '../../resource/id.js';
import { currentId, withObject, type Resource } from '../../resource/resource.js';
import { applyFieldSpec, type FieldSetter, type FieldSpec } from '../fieldspec.js';
import { nodeKindOf, scalarText, WrongNodeKindError } from '../node-kind.js';
import { imageMatcher, joinImage, splitImage } from './image-name.js';

/** An entry of a kustomization's `images:` (kustomize's types.Image). */
export interface Image {
  /** The image name to match, without tag or digest. */
  readonly name: string;
  /** Replaces the name. */
  readonly newName?: string;
  /** Replaces the tag (and drops the digest unless `digest` is given too). */
  readonly newTag?: string;
  /** Replaces the digest (and drops the tag unless `newTag` is given too). */
  readonly digest?: string;
  /** Appended to the tag, when neither `newTag` nor `digest` is given. */
  readonly tagSuffix?: string;
}

/** The configuration of kustomize's ImageTagTransformer. */
export interface ImageTagTransformerConfig {
  readonly imageTag: Image;
  /** Image fields besides every `containers` and `initContainers` list (TransformerConfig `images`). */
  readonly fieldSpecs: readonly FieldSpec[];
}

/**
 * Updates the images called `imageTag.name`, as kustomize's ImageTagTransformer: first in every
 * `containers` and `initContainers` list anywhere in a resource, then at the fields `fieldSpecs` names
 * (never created). Kustomize does both passes, so a `tagSuffix` lands twice on images both passes reach.
 * CustomResourceDefinitions are left alone.
 */
export function transformImageTag(resources: readonly Resource[], config: ImageTagTransformerConfig): Resource[] {
  const update = imageUpdater(config.imageTag);
  const setImage: FieldSetter = (value) => {
    if (value === undefined || value === null) return value;
    if (nodeKindOf(value) !== 'ScalarNode') throw new WrongNodeKindError('ScalarNode', nodeKindOf(value));
    return update(scalarText(value)) ?? value;
  };
  const fieldSpecs = config.fieldSpecs.map((spec) => ({ ...spec, create: false }));
  return resources.map((resource) => {
    if (getOwn(resource.object, 'kind') === 'CustomResourceDefinition') return resource;
    let object = resource.object;
    try {
      object = updateContainerLists(object, update) as typeof object;
    } catch (error) {
      if (!(error instanceof WrongNodeKindError)) throw error;
      throw new KustomizeError('transform-failed', error.message, {}, `every container of ${idString(currentId(resource))} must be a map with a scalar image`, { cause: error });
    }
    for (const spec of fieldSpecs) object = applyFieldSpec(object, spec, setImage);
    return withObject(resource, object);
  });
}

/**
 * The new text of an image, or undefined when `image` does not match. Workloads share a few images, so
 * each distinct text is matched once per transform.
 */
function imageUpdater(imageTag: Image): (image: string) => string | undefined {
  const matches = imageMatcher(imageTag.name);
  const updated = new Map<string, string | undefined>();
  const update = (image: string): string | undefined => {
    if (!matches(image)) return undefined;
    const parts = splitImage(image);
    const name = imageTag.newName || parts.name;
    const { newTag, digest, tagSuffix } = imageTag;
    if (newTag && digest) return joinImage({ name, tag: newTag, digest });
    if (newTag) return joinImage({ name, tag: newTag, digest: '' });
    if (digest) return joinImage({ name, tag: '', digest });
    if (tagSuffix) return joinImage({ name, tag: parts.tag + tagSuffix, digest: '' });
    return joinImage({ name, tag: parts.tag, digest: parts.digest });
  };
  return (image) => {
    if (!updated.has(image)) updated.set(image, update(image));
    return updated.get(image);
  };
}

/**
 * Kustomize's legacy image walk: every map entry named `containers` or `initContainers` that is a list.
 * Copies only the maps and lists on the way to a changed image.
 */
function updateContainerLists(node: JsonValue, update: (image: string) => string | undefined): JsonValue {
  if (Array.isArray(node)) {
    let out: JsonValue[] | undefined;
    node.forEach((element, i) => {
      const next = typeof element === 'object' && element !== null ? updateContainerLists(element, update) : element;
      if (next !== element) (out ??= [...node])[i] = next;
    });
    return out ?? node;
  }
  if (!isJsonObject(node)) return node;
  let out = node;
  for (const key of Object.keys(node)) {
    const value = node[key] as JsonValue;
    if (typeof value !== 'object' || value === null) continue;
    let next = updateContainerLists(value, update);
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(next)) next = updateContainers(next, update);
    if (next !== value) out = withKey(out, key, next);
  }
  return out;
}

function updateContainers(containers: JsonValue[], update: (image: string) => string | undefined): JsonValue[] {
  const out = containers.map((container) => {
    if (container === null) return container;
    if (!isJsonObject(container)) throw new WrongNodeKindError('MappingNode', nodeKindOf(container));
    const image = getOwn(container, 'image');
    if (image === undefined || image === null) return container;
    if (nodeKindOf(image) !== 'ScalarNode') throw new WrongNodeKindError('ScalarNode', nodeKindOf(image));
    const updated = update(scalarText(image));
    return updated === undefined || updated === image ? container : withKey(container, 'image', updated);
  });
  return out.some((container, i) => container !== containers[i]) ? out : containers;
}
