import type { Kustomization } from '../kustomization/types.js';
import { emptyVarSet, mergeVars, mergeVarSets as mergeSets, parseVars, type VarSet } from '../transform/vars/index.js';
import type { Loader } from '../accumulate/loader.js';
import type { Accumulation } from './target.js';

export { emptyVarSet, type VarSet };

/** Adds a kustomization's vars to the accumulation, binding each to the resource it reads from. */
export function bindVars(acc: Accumulation, kustomization: Kustomization, loader: Loader): Accumulation {
  if (kustomization.vars.length === 0) return acc;
  const incoming = parseVars([...kustomization.vars], loader.display(kustomization.file));
  const merged = mergeVars(acc.resources, acc.vars, incoming);
  return { ...acc, resources: merged.resources, vars: merged.vars };
}

/** Both var sets; a name declared twice is an error. */
export function mergeVarSets(a: VarSet, b: VarSet): VarSet {
  return mergeSets(a, b);
}
