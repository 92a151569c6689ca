import { basename } from '../fs/path.js';
import type { Origin, Resource } from '../resource/resource.js';

/** `path` appended to the origin path `base` (both relative to the build root), normalised as kustomize's filepath.Join. */
export function joinOriginPath(base: string, path: string): string {
  const joined = base === '' ? path : `${base}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Records that a transformer configured at `origin` ran over `resources`, as kustomize does when it tracks
 * origins: a resource without an origin takes the transformer's (it is taken to have made it); every other
 * resource lists the transformer among its transformations, whether or not it changed.
 */
export function recordTransformation(resources: readonly Resource[], origin: Origin | undefined): Resource[] {
  if (origin === undefined) return [...resources];
  return resources.map((resource) =>
    resource.origin === undefined ? { ...resource, origin } : { ...resource, transformations: [...(resource.transformations ?? []), origin] },
  );
}

/** The origin of a builtin transformer configured by fields of the kustomization at `originPath`. */
export function builtinTransformerOrigin(originPath: string | undefined, kustomizationFile: string, kind: string): Origin | undefined {
  if (originPath === undefined) return undefined;
  return { configuredIn: joinOriginPath(originPath, basename(kustomizationFile)), configuredBy: { apiVersion: 'builtin', kind, name: '' } };
}
