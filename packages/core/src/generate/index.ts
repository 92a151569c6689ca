/**
 * ConfigMap and Secret generators, how their output joins the accumulated resources, and the
 * name-suffix content hash, as kustomize v5.5.0 has them.
 */
export { generateConfigMap, generateSecret, type GeneratorOrigin } from './generate.js';
export { addHashSuffixes, contentHash } from './hash.js';
export type { LoadFile } from './kv.js';
export { mergeGenerated } from './merge.js';
export { mergeGeneratorOptions, type ConfigMapArgs, type GeneratorArgs, type GeneratorOptions, type SecretArgs } from './types.js';
