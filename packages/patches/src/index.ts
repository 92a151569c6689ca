/**
 * @kustomize-ts/patches: strategic-merge and JSON6902 patching of plain JSON values, exactly as kustomize v5.5.0
 * applies them. No file system, no kustomize concepts: documents in, documents out.
 *
 * @module @kustomize-ts/patches
 */
export { PatchError, type PatchErrorKind } from './errors.js';
export { cloneJson, compareCodePoints, getOwn, goJsonTypeName, hasOwn, isJsonObject, maxCopySize, measureJson, setOwn, type JsonObject, type JsonPrimitive, type JsonSize, type JsonValue } from './json.js';
export { carryScalarNodes, forgetScalarNode, isImplicitNull, recordedScalarNode, recordedScalarNodes, recordScalarNode, scalarNodeAt, unusualScalarNode, type JsonContainer, type ScalarNode } from './scalar-nodes.js';
export { builtinSchema, combineSchemas, isNamespacedKind, schemaFromOpenApi, SchemaLookup, type FieldSchema } from './schema/lookup.js';
export { strategicMerge, type StrategicMergeOptions } from './smp/merge.js';
export { applyJson6902 } from './json6902/apply.js';
export { decodeJson6902, parseJson6902, type JsonPatchOperation } from './json6902/operations.js';
