export { emitDocuments, emitYaml } from './emit.js';
export { parseYaml, parseYamlDocuments, type ParseYamlOptions, type YamlDialect } from './parse.js';
