import { KustomizeError } from '../errors.js';
import { goJsonTypeName, isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { FieldType, ObjectShape } from './schema.js';

/**
 * Checks `value` against `shape` the way Go's encoding/json decodes into kustomize's structs, and returns it
 * with canonical field names and without null fields. Throws a KustomizeError naming the field on an unknown
 * field or a value of the wrong type.
 */
export function decodeObject(value: JsonValue, shape: ObjectShape, typeName: string, file: string, path = ''): JsonObject {
  if (!isJsonObject(value)) throw typeError(value, typeName, path, 'an object', file);
  const out: JsonObject = {};
  const names = Object.keys(shape);
  for (const key of Object.keys(value)) {
    const canonical = names.includes(key) ? key : names.find((name) => name.toLowerCase() === key.toLowerCase());
    const fieldPath = path ? `${path}.${canonical ?? key}` : (canonical ?? key);
    if (canonical === undefined) {
      throw new KustomizeError('invalid-kustomization', `invalid ${typeName}: unknown field "${key}"`, { file, field: fieldPath }, `remove it or check its spelling; the known fields are: ${names.join(', ')}`);
    }
    const fieldValue = value[key] as JsonValue;
    if (fieldValue === null) continue;
    Object.defineProperty(out, canonical, { value: decodeField(fieldValue, shape[canonical]!, typeName, file, fieldPath), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function decodeField(value: JsonValue, type: FieldType, typeName: string, file: string, path: string): JsonValue {
  switch (type) {
    case 'anything':
      return value;
    case 'string':
      if (typeof value !== 'string') throw typeError(value, typeName, path, 'string', file);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw typeError(value, typeName, path, 'bool', file);
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(value, typeName, path, 'int', file);
      return value;
    case 'stringList':
      if (!Array.isArray(value)) throw typeError(value, typeName, path, '[]string', file);
      return value.map((item, i) => (item === null ? '' : decodeField(item, 'string', typeName, file, `${path}[${i}]`)));
    case 'stringMap':
    case 'boolMap': {
      if (!isJsonObject(value)) throw typeError(value, typeName, path, type === 'stringMap' ? 'map[string]string' : 'map[string]bool', file);
      const out: JsonObject = {};
      for (const key of Object.keys(value)) {
        const item = value[key] as JsonValue;
        const decoded = item === null ? (type === 'stringMap' ? '' : false) : decodeField(item, type === 'stringMap' ? 'string' : 'bool', typeName, file, `${path}.${key}`);
        Object.defineProperty(out, key, { value: decoded, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      if ('list' in type) {
        if (!Array.isArray(value)) throw typeError(value, typeName, path, 'a list', file);
        return value.map((item, i) => (item === null ? {} : decodeField(item, type.list, typeName, file, `${path}[${i}]`)));
      }
      return decodeObject(value, type.object, typeName, file, path);
  }
}

function typeError(value: JsonValue, typeName: string, path: string, expected: string, file: string): KustomizeError {
  return new KustomizeError(
    'invalid-kustomization',
    `invalid ${typeName}: cannot unmarshal ${goJsonTypeName(value)} into field ${typeName}.${path} of type ${expected}`,
    { file, field: path },
    `give ${path} a value of type ${expected}`,
  );
}
