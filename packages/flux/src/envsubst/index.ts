export { evalEnvsubst, lookupIn, VariableNotSetError, type VariableLookup } from './eval.js';
export { applyEnvsubstFunction, lookupFunction, type SubstituteFunction } from './funcs.js';
export { EnvsubstSyntaxError, parseEnvsubst, type EnvsubstNode } from './parse.js';
