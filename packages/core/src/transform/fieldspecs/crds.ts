import { KustomizeError } from '../../errors.js';
import { goJsonTypeName, isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import type { FieldSpec } from '../fieldspec.js';
import { emptyTransformerConfig, mergeTransformerConfig, type NameBackReferences, type TransformerConfig } from './config.js';

/**
 * The config a `crds:` file implies, as kustomize's LoadConfigFromCRDs. The file maps type names
 * (`example.com/pkg/apis/v1.MyKind`; the kind is the text after the last `.`) to `{ Schema, Dependencies }`
 * OpenAPI definitions. In every type that looks like a Kubernetes object (has kind, apiVersion and metadata
 * properties), properties marked `x-kubernetes-annotation`, `x-kubernetes-label-selector` and
 * `x-kubernetes-identity` become commonAnnotations, commonLabels and namePrefix field specs, and
 * `x-kubernetes-object-ref-kind` / `-api-version` (with `-name-key`, default `name`) a name reference;
 * `$ref`s to other definitions of the file are followed.
 */
export function transformerConfigFromCrds(document: JsonValue, file: string, path = file): TransformerConfig {
  if (!isJsonObject(document)) throw undecodable(file, path, document, 'nameToApiMap');
  const notDefinition = Object.values(document).find((definition) => definition !== null && !isJsonObject(definition));
  if (notDefinition !== undefined) throw undecodable(file, path, notDefinition, 'OpenAPIDefinition');
  let config = emptyTransformerConfig;
  for (const typeName of Object.keys(document)) {
    const properties = propertiesOf(document, typeName);
    if (!['kind', 'apiVersion', 'metadata'].every((key) => properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key))) continue;
    const found: Found = { annotations: [], labels: [], prefixes: [], references: [] };
    collect(document, typeName, kindOfTypeName(typeName), [], new Set(), found);
    config = mergeTransformerConfig(config, {
      ...emptyTransformerConfig,
      commonAnnotations: found.annotations,
      commonLabels: found.labels,
      namePrefix: found.prefixes,
      nameReference: found.references,
    });
  }
  return config;
}

/** Kustomize's error for a crds file (at `path` as the kustomization gives it) whose `value` Go cannot decode as its `goType`. */
function undecodable(file: string, path: string, value: JsonValue, goType: string): KustomizeError {
  return new KustomizeError(
    'invalid-kustomization',
    `unable to parse open API definition from '${path}': error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goJsonTypeName(value)} into Go value of type accumulator.${goType}`,
    { file },
    'a crds file maps type names to {Schema, Dependencies} definitions; list CustomResourceDefinition objects under resources instead',
  );
}

interface Found {
  annotations: FieldSpec[];
  labels: FieldSpec[];
  prefixes: FieldSpec[];
  references: NameBackReferences[];
}

function kindOfTypeName(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}

/** Reads a field the way Go's encoding/json matches struct fields: exact name first, else case-insensitively. */
function field(object: JsonObject, name: string): JsonValue | undefined {
  if (Object.prototype.hasOwnProperty.call(object, name)) return object[name];
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

function propertiesOf(document: JsonObject, typeName: string): JsonObject | undefined {
  const definition = Object.prototype.hasOwnProperty.call(document, typeName) ? document[typeName] : undefined;
  if (!isJsonObject(definition)) return undefined;
  const schema = field(definition, 'Schema');
  const properties = isJsonObject(schema) ? field(schema, 'properties') : undefined;
  return isJsonObject(properties) ? properties : undefined;
}

/** A string extension of a property; kustomize reads extension names case-insensitively. */
function extension(property: JsonObject, name: string): string | undefined {
  const key = Object.keys(property).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : property[key];
  return typeof value === 'string' ? value : undefined;
}

function collect(document: JsonObject, typeName: string, kind: string, path: readonly string[], visiting: Set<string>, found: Found): void {
  const properties = propertiesOf(document, typeName);
  // A type that refers back to itself would make kustomize recurse forever; it is followed once here.
  if (properties === undefined || visiting.has(typeName)) return;
  visiting.add(typeName);
  for (const name of Object.keys(properties)) {
    const property = properties[name];
    if (!isJsonObject(property)) continue;
    const spec = (...segments: string[]): FieldSpec => ({ kind, path: [...path, ...segments].join('/') });
    if (extension(property, 'x-kubernetes-annotation') !== undefined) found.annotations.push(spec(name));
    if (extension(property, 'x-kubernetes-label-selector') !== undefined) found.labels.push(spec(name));
    if (extension(property, 'x-kubernetes-identity') !== undefined) found.prefixes.push(spec(name));
    const version = extension(property, 'x-kubernetes-object-ref-api-version');
    const referredKind = extension(property, 'x-kubernetes-object-ref-kind');
    if (version !== undefined && referredKind !== undefined) {
      const nameKey = extension(property, 'x-kubernetes-object-ref-name-key') ?? 'name';
      found.references.push({ kind: referredKind, version, fieldSpecs: [spec(name, nameKey)] });
    }
    const ref = property['$ref'];
    if (typeof ref === 'string' && ref !== '') collect(document, ref, kind, [...path, name], visiting, found);
  }
  visiting.delete(typeName);
}
