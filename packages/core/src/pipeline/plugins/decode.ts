import { KustomizeError } from '../../errors.js';
import { getOwn, goJsonTypeName, isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import type { FieldType, ObjectShape } from '../../kustomization/schema.js';
import { formatGoFloat32G } from '../../yaml/go-number.js';

/**
 * Which Go decoder kustomize fills a builtin plugin's struct with.
 * - `sigs-yaml` (most plugins): sigs.k8s.io/yaml `Unmarshal`, i.e. encoding/json after a YAML-to-JSON step
 *   that turns numbers and booleans into text where the field is a string. Keys match exactly, else
 *   ignoring case.
 * - `yaml-v3` (PrefixTransformer, SuffixTransformer): go-yaml v3, whose keys match exactly and which reads
 *   any scalar into a string field.
 * Both ignore unknown fields and read null as "not given".
 */
export type PluginConfigDecoder = 'sigs-yaml' | 'yaml-v3';

/** What a decoding error names. */
export interface PluginConfigSource {
  /** The plugin as kustomize names it in errors, e.g. `LabelTransformer.builtin.[noGrp]/lab.[noNs]`. */
  readonly plugin: string;
  /** The Go struct kustomize decodes into, e.g. `LabelTransformerPlugin`. */
  readonly struct: string;
  /** The file the configuration came from, for the error location. */
  readonly file: string;
}

/**
 * The fields of a builtin plugin's configuration that `shape` knows, under their canonical names, with
 * values checked and converted as kustomize's decoder converts them; unknown and null fields are left out
 * (null list items become the empty value of their type).
 * Throws a KustomizeError naming the plugin, file and field when a value has the wrong type.
 */
export function decodePluginConfig(config: JsonObject, shape: ObjectShape, decoder: PluginConfigDecoder, source: PluginConfigSource): JsonObject {
  return decodeObject(config, shape, { decoder, source }, '');
}

interface Decoding {
  readonly decoder: PluginConfigDecoder;
  readonly source: PluginConfigSource;
}

function decodeObject(value: JsonObject, shape: ObjectShape, decoding: Decoding, path: string): JsonObject {
  const names = Object.keys(shape);
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    const name = canonicalName(key, names, decoding.decoder);
    const field = getOwn(value, key);
    if (name === undefined || field === undefined || field === null) continue;
    const decoded = decodeValue(field, shape[name]!, decoding, path === '' ? name : `${path}.${name}`);
    Object.defineProperty(out, name, { value: decoded, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function canonicalName(key: string, names: readonly string[], decoder: PluginConfigDecoder): string | undefined {
  if (names.includes(key)) return key;
  if (decoder === 'yaml-v3') return undefined;
  const folded = key.toLowerCase();
  return names.find((name) => name.toLowerCase() === folded);
}

function decodeValue(value: JsonValue, type: FieldType, decoding: Decoding, path: string): JsonValue {
  switch (type) {
    case 'anything':
      return value;
    case 'string':
      return decodeString(value, decoding, path);
    case 'bool':
      if (typeof value !== 'boolean') throw typeError(value, 'bool', decoding, path);
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(value, 'int', decoding, path);
      return value;
    case 'stringList':
      return decodeValue(value, { list: 'string' }, decoding, path);
    case 'stringMap':
    case 'boolMap': {
      if (!isJsonObject(value)) throw typeError(value, goTypeName(type), decoding, path);
      const element: FieldType = type === 'stringMap' ? 'string' : 'bool';
      const out: JsonObject = {};
      for (const key of Object.keys(value)) {
        const item = getOwn(value, key)!;
        const decoded = item === null ? emptyValue(element) : decodeValue(item, element, decoding, `${path}.${key}`);
        Object.defineProperty(out, key, { value: decoded, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      if ('list' in type) {
        if (!Array.isArray(value)) throw typeError(value, goTypeName(type), decoding, path);
        return value.map((item, i) => (item === null ? emptyValue(type.list) : decodeValue(item, type.list, decoding, `${path}[${i}]`)));
      }
      if (!isJsonObject(value)) throw typeError(value, goTypeName(type), decoding, path);
      return decodeObject(value, type.object, decoding, path);
  }
}

/** A scalar as the decoder puts it into a string field. */
function decodeString(value: JsonValue, decoding: Decoding, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // sigs.k8s.io/yaml writes floats with float32 precision (strconv.FormatFloat(f, 'g', -1, 32)).
    if (decoding.decoder === 'sigs-yaml' && !Number.isInteger(value)) return formatGoFloat32G(value);
    return String(value);
  }
  throw typeError(value, 'string', decoding, path);
}

function emptyValue(type: FieldType): JsonValue {
  switch (type) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'stringList':
      return [];
    case 'anything':
      return null;
    default:
      return typeof type !== 'string' && 'list' in type ? [] : {};
  }
}

function goTypeName(type: FieldType): string {
  if (typeof type === 'string') {
    const names: Record<string, string> = { stringList: '[]string', stringMap: 'map[string]string', boolMap: 'map[string]bool', anything: 'interface {}' };
    return names[type] ?? type;
  }
  if ('list' in type) return `[]${goTypeName(type.list)}`;
  return 'struct';
}

function typeError(value: JsonValue, expected: string, { decoder, source }: Decoding, path: string): KustomizeError {
  const detail =
    decoder === 'yaml-v3'
      ? `yaml: unmarshal errors: cannot unmarshal ${yamlTagOf(value)} into ${expected}`
      : `json: cannot unmarshal ${jsonKindOf(value, expected)} into Go struct field ${source.struct}.${path} of type ${expected}`;
  return new KustomizeError(
    'invalid-kustomization',
    `plugin ${source.plugin} fails configuration: ${detail}`,
    { file: source.file, field: path },
    `give ${path} a value of type ${expected}`,
  );
}

function jsonKindOf(value: JsonValue, expected: string): string {
  // encoding/json names the offending number when it does not fit an integer field.
  return typeof value === 'number' && expected === 'int' ? `number ${value}` : goJsonTypeName(value);
}

function yamlTagOf(value: JsonValue): string {
  if (Array.isArray(value)) return '!!seq';
  if (isJsonObject(value)) return '!!map';
  if (typeof value === 'number') return Number.isInteger(value) ? '!!int' : '!!float';
  return typeof value === 'boolean' ? '!!bool' : '!!str';
}
