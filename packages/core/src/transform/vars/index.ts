export { expandVarReferences, type VarValue } from './expand.js';
export { emptyVarSet, mergeVarSets, mergeVars, type VarSet } from './merge.js';
export { resolveVarValues, substituteVars } from './substitute.js';
export { formatVar, parseVars, varGvk, type Var, type VarObjRef } from './types.js';
