/**
 * Plain JSON values: what every Kubernetes document is once parsed. The types and the basic helpers live
 * in `@kustomize-ts/patches` (which core depends on); this module adds the copy-on-write helpers.
 */
import { carryScalarNodes, setOwn, type JsonObject, type JsonValue } from '@kustomize-ts/patches';

export { carryScalarNodes, forgetScalarNode, isImplicitNull, recordedScalarNode, recordedScalarNodes, recordScalarNode, scalarNodeAt, unusualScalarNode, type JsonContainer, type ScalarNode } from '@kustomize-ts/patches';
export { cloneJson, compareCodePoints, getOwn, goJsonTypeName, hasOwn, isJsonObject, maxCopySize, measureJson, setOwn, type JsonObject, type JsonPrimitive, type JsonSize, type JsonValue } from '@kustomize-ts/patches';

/**
 * A copy of `object` with `key` set to `value`, defining the property so a key like `__proto__` stays data.
 * The other entries keep their recorded scalar nodes.
 */
export function withKey(object: JsonObject, key: string, value: JsonValue): JsonObject {
  const copy: JsonObject = { ...object };
  setOwn(copy, key, value);
  return carryScalarNodes(object, copy, key);
}

/** A copy of `object` without `key`; the other entries keep their recorded scalar nodes. */
export function withoutKey(object: JsonObject, key: string): JsonObject {
  const copy: JsonObject = { ...object };
  delete copy[key];
  return carryScalarNodes(object, copy, key);
}
