import { effectiveNamespace, type ResourceId } from '../resource/id.js';
import { currentId, rememberCurrentId, type Resource } from '../resource/resource.js';

/**
 * The ids a resource had before renames, as kustomize reads them back: kustomize keeps only previous
 * names, namespaces and kinds, so every previous id carries the resource's current group and version.
 */
export function previousIdsOf(resource: Resource): ResourceId[] {
  const { group, version } = currentId(resource);
  return resource.previousIds.map((id) => ({ ...id, group, version }));
}

/** The id a resource was loaded with, as kustomize's OrgId: the first previous id, else the current one. */
export function originalIdOf(resource: Resource): ResourceId {
  return previousIdsOf(resource)[0] ?? currentId(resource);
}

/** Every id of a resource as kustomize's GetMatchingResourcesByAnyId sees them: previous ids, then the current one. */
export function anyIdsOf(resource: Resource): ResourceId[] {
  return [...previousIdsOf(resource), currentId(resource)];
}

/** `resource` with its current id stored as a previous id, as kustomize's StorePreviousId before a rename. */
export function storePreviousId(resource: Resource): Resource {
  return rememberCurrentId(resource, effectiveNamespace(currentId(resource)));
}
