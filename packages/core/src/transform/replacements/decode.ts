import { KustomizeError, type KustomizeErrorCode } from '../../errors.js';
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../../json.js';

/**
 * Reads the fields of one object the way Go's encoding/json fills kustomize's structs from it: keys match
 * exactly or else ignoring case, unknown keys are ignored, null means "not given", and a value of the wrong
 * type is an error naming the field.
 */
export class FieldReader {
  /**
   * @param value the object read
   * @param typeName what the object is, for messages (e.g. `replacement`)
   * @param file the file it came from
   * @param path its field path within that file, e.g. `replacements[0].source`
   * @param code the error code for type errors
   */
  constructor(
    readonly value: JsonObject,
    readonly typeName: string,
    readonly file: string,
    readonly path: string,
    readonly code: KustomizeErrorCode,
  ) {}

  /** The path of field `name` of this object. */
  fieldPath(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }

  /** The raw value of field `name`, found exactly or else ignoring case; undefined when absent or null. */
  raw(name: string): JsonValue | undefined {
    const exact = getOwn(this.value, name);
    const value = exact !== undefined ? exact : this.caseInsensitive(name);
    return value === null ? undefined : value;
  }

  private caseInsensitive(name: string): JsonValue | undefined {
    const lower = name.toLowerCase();
    const key = Object.keys(this.value).find((candidate) => candidate.toLowerCase() === lower);
    return key === undefined ? undefined : getOwn(this.value, key);
  }

  /** An error saying field `name` holds a value of the wrong type. */
  typeError(name: string, value: JsonValue, expected: string): KustomizeError {
    return this.typeErrorAt(this.fieldPath(name), value, expected);
  }

  private typeErrorAt(field: string, value: JsonValue, expected: string): KustomizeError {
    const actual = Array.isArray(value) ? 'array' : isJsonObject(value) ? 'object' : typeof value;
    return new KustomizeError(this.code, `invalid ${this.typeName}: cannot unmarshal ${actual} into field ${field} of type ${expected}`, { file: this.file, field }, `give ${field} a value of type ${expected}`);
  }

  /** Field `name` as a string; empty when absent. */
  string(name: string): string {
    return this.optionalString(name) ?? '';
  }

  /** A string field, `undefined` when missing or null (a Go `*string`). */
  optionalString(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.typeError(name, value, 'string');
    return value;
  }

  /** Field `name` as an integer; 0 when absent. */
  int(name: string): number {
    const value = this.raw(name);
    if (value === undefined) return 0;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.typeError(name, value, 'int');
    return value;
  }

  /** Field `name` as a boolean; false when absent. */
  bool(name: string): boolean {
    const value = this.raw(name);
    if (value === undefined) return false;
    if (typeof value !== 'boolean') throw this.typeError(name, value, 'bool');
    return value;
  }

  /** Field `name` as a list of strings (null items are empty strings); undefined when absent. */
  stringList(name: string): string[] | undefined {
    return this.list(name)?.map((item, i) => {
      if (item === null) return '';
      if (typeof item !== 'string') throw this.typeError(`${name}[${i}]`, item, 'string');
      return item;
    });
  }

  /** Field `name` as a list; undefined when absent. */
  list(name: string): JsonValue[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw this.typeError(name, value, 'list');
    return value;
  }

  /** A reader for the object in field `name`; undefined when absent. */
  object(name: string): FieldReader | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    return this.nested(value, this.fieldPath(name));
  }

  /** A reader for `value`, an item of one of this object's lists, at `path`; null reads as an empty object. */
  item(value: JsonValue, path: string): FieldReader {
    return this.nested(value === null ? {} : value, path);
  }

  private nested(value: JsonValue, path: string): FieldReader {
    if (!isJsonObject(value)) throw this.typeErrorAt(path, value, 'object');
    return new FieldReader(value, this.typeName, this.file, path, this.code);
  }
}
