/** YAML in and out exactly as kustomize reads it and `kubectl kustomize` prints it. */
export { emitDocuments, emitYaml } from './emit.js';
export { parseYaml, parseYamlDocuments, type ParseYamlOptions, type YamlDialect } from './parse.js';
