import { KustomizeError, getOwn, isJsonObject, type JsonObject, type JsonValue } from '@kustomize-ts/core';
import { DurationError, parseGoDuration } from '../duration.js';

/**
 * One problem found in a Flux object. `decode` problems are those Flux's Go decoder rejects (a field of
 * the wrong type, an unparsable duration); `schema` problems are those the API server rejects through the
 * CRD's OpenAPI schema (a missing required field, a value outside an enum, a pattern mismatch).
 */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `spec.sourceRef.kind` or `spec.healthChecks[0].name`. */
  readonly field: string;
  readonly message: string;
  readonly severity: 'decode' | 'schema';
}

/** Constraints a string field carries in the CRD schema. */
export interface StringRules {
  readonly required?: boolean;
  readonly enum?: readonly string[];
  readonly pattern?: RegExp;
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** The pattern of `metav1.Duration` fields in the Flux CRDs. */
export const durationPattern = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

function typeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value === 'object' ? 'object' : typeof value;
}

/**
 * Reads typed fields out of plain JSON while recording every problem with the path of its field, so one
 * pass both builds the typed model and validates it. Missing optional fields read as `undefined`.
 */
export class FieldReader {
  readonly issues: FieldIssue[] = [];

  /** Records a problem at `field`. */
  report(field: string, message: string, severity: FieldIssue['severity'] = 'schema'): void {
    this.issues.push({ field, message, severity });
  }

  private present(parent: JsonObject, key: string, field: string, required: boolean): JsonValue | undefined {
    const value = getOwn(parent, key);
    if (value === undefined || value === null) {
      if (required) this.report(field, 'Required value');
      return undefined;
    }
    return value;
  }

  /** A string field, checked against `rules`. */
  string(parent: JsonObject, key: string, field: string, rules: StringRules = {}): string | undefined {
    const value = this.present(parent, key, field, rules.required ?? false);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.report(field, `must be a string, not ${typeName(value)}`, 'decode');
      return undefined;
    }
    if (rules.required && value === '' && rules.minLength === undefined) this.report(field, 'Required value');
    if (rules.enum && !rules.enum.includes(value)) {
      this.report(field, `Unsupported value: ${JSON.stringify(value)}: supported values: ${rules.enum.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      this.report(field, `Invalid value: ${JSON.stringify(value)}: ${field} in body should match '${rules.pattern.source}'`);
    }
    if (rules.minLength !== undefined && value.length < rules.minLength) {
      this.report(field, `Invalid value: ${JSON.stringify(value)}: ${field} in body should be at least ${rules.minLength} chars long`);
    }
    if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      this.report(field, `Too long: may not be more than ${rules.maxLength} bytes`);
    }
    return value;
  }

  /** A `metav1.Duration` field: it must match the CRD pattern and parse as a Go duration. */
  duration(parent: JsonObject, key: string, field: string, required = false, pattern: RegExp = durationPattern): string | undefined {
    const value = this.string(parent, key, field, { required, pattern });
    if (value === undefined) return undefined;
    try {
      parseGoDuration(value);
    } catch (error) {
      if (!(error instanceof DurationError)) throw error;
      this.report(field, error.message, 'decode');
      return undefined;
    }
    return value;
  }

  /** A boolean field. */
  boolean(parent: JsonObject, key: string, field: string, required = false): boolean | undefined {
    const value = this.present(parent, key, field, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.report(field, `must be a boolean, not ${typeName(value)}`, 'decode');
      return undefined;
    }
    return value;
  }

  /** An object field. */
  object(parent: JsonObject, key: string, field: string, required = false): JsonObject | undefined {
    const value = this.present(parent, key, field, required);
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) {
      this.report(field, `must be an object, not ${typeName(value)}`, 'decode');
      return undefined;
    }
    return value;
  }

  /** A list field whose items are read by `item` (given the item and its field path). */
  list<T>(parent: JsonObject, key: string, field: string, item: (value: JsonValue, field: string) => T | undefined): T[] | undefined {
    const value = this.present(parent, key, field, false);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.report(field, `must be a list, not ${typeName(value)}`, 'decode');
      return undefined;
    }
    const out: T[] = [];
    value.forEach((entry, index) => {
      const read = item(entry, `${field}[${index}]`);
      if (read !== undefined) out.push(read);
    });
    return out;
  }

  /** A list of objects, each read by `item`. */
  objects<T>(parent: JsonObject, key: string, field: string, item: (value: JsonObject, field: string) => T): T[] | undefined {
    return this.list(parent, key, field, (entry, entryField) => {
      if (!isJsonObject(entry)) {
        this.report(entryField, `must be an object, not ${typeName(entry)}`, 'decode');
        return undefined;
      }
      return item(entry, entryField);
    });
  }

  /** A list of strings. */
  strings(parent: JsonObject, key: string, field: string, rules: StringRules = {}): string[] | undefined {
    return this.list(parent, key, field, (entry, entryField) => {
      if (typeof entry !== 'string') {
        this.report(entryField, `must be a string, not ${typeName(entry)}`, 'decode');
        return undefined;
      }
      if (rules.enum && !rules.enum.includes(entry)) {
        this.report(entryField, `Unsupported value: ${JSON.stringify(entry)}: supported values: ${rules.enum.map((v) => JSON.stringify(v)).join(', ')}`);
      }
      return entry;
    });
  }

  /** A map of strings to strings (labels, annotations, substitutions). */
  stringMap(parent: JsonObject, key: string, field: string): Record<string, string> | undefined {
    const value = this.object(parent, key, field);
    if (value === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const name of Object.keys(value)) {
      const entry = value[name]!;
      if (typeof entry !== 'string') {
        this.report(`${field}.${name}`, `must be a string, not ${typeName(entry)}`, 'decode');
        continue;
      }
      Object.defineProperty(out, name, { value: entry, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
}

/** The `metadata` every Flux object carries, as far as Flux reads it. */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Reads `metadata` of a namespaced object: name required (a DNS-1123 subdomain), namespace optional. */
export function readObjectMeta(reader: FieldReader, object: JsonObject): ObjectMeta {
  const metadata = reader.object(object, 'metadata', 'metadata', true) ?? {};
  const name = reader.string(metadata, 'name', 'metadata.name', { required: true }) ?? '';
  if (name !== '' && (!dns1123Subdomain.test(name) || name.length > 253)) {
    reader.report(
      'metadata.name',
      `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    );
  }
  const namespace = reader.string(metadata, 'namespace', 'metadata.namespace') ?? '';
  const labels = reader.stringMap(metadata, 'labels', 'metadata.labels');
  const annotations = reader.stringMap(metadata, 'annotations', 'metadata.annotations');
  return { name, namespace, ...(labels && { labels }), ...(annotations && { annotations }) };
}

/** Checks `apiVersion` and `kind` against the expected ones. */
export function readTypeMeta(reader: FieldReader, object: JsonObject, apiVersion: string, kind: string): void {
  const actualKind = reader.string(object, 'kind', 'kind', { required: true });
  if (actualKind !== undefined && actualKind !== kind) reader.report('kind', `Invalid value: ${JSON.stringify(actualKind)}: expected ${JSON.stringify(kind)}`);
  const actualVersion = reader.string(object, 'apiVersion', 'apiVersion', { required: true });
  if (actualVersion !== undefined && actualVersion !== apiVersion) {
    reader.report('apiVersion', `Invalid value: ${JSON.stringify(actualVersion)}: expected ${JSON.stringify(apiVersion)}`);
  }
}

/** `{ [key]: value }` when `value` is defined, else `{}`: spreads optional fields without writing `undefined`. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** How strictly a Flux object is read. */
export interface ReadOptions {
  /**
   * `decode` (the default) rejects only what Flux's Go decoder rejects, as `flux build` does with a local
   * file; `schema` also rejects what the API server's CRD schema rejects (missing required fields, enums, patterns).
   */
  readonly strictness?: 'decode' | 'schema';
  /** The file the object came from, for error locations. */
  readonly file?: string;
}

/** Throws the first issue that `options` counts as fatal. */
export function throwFirst(issues: readonly FieldIssue[], options: ReadOptions, kind: string): void {
  const fatal = issues.find((issue) => issue.severity === 'decode' || options.strictness === 'schema');
  if (fatal === undefined) return;
  throw new KustomizeError(
    'invalid-resource',
    `invalid ${kind}: ${fatal.field}: ${fatal.message}`,
    { ...(options.file !== undefined && { file: options.file }), field: fatal.field },
    'fix the field as the Flux API describes it',
  );
}

