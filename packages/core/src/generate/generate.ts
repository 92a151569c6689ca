/**
 * ConfigMaps and Secrets from `configMapGenerator` and `secretGenerator` entries, as kustomize v5.5.0
 * makes them (api/internal/generators, api/resource/factory.go).
 */
import { KustomizeError } from '../errors.js';
import type { JsonObject, JsonValue } from '../json.js';
import { newResource, type GeneratorBehavior, type Origin, type Resource } from '../resource/resource.js';
import { compareGoStrings } from './gojson.js';
import { decodeUtf8, loadKeyValues, type KeyValue, type LoadFile } from './kv.js';
import { mergeGeneratorOptions, type ConfigMapArgs, type GeneratorArgs, type GeneratorOptions, type SecretArgs } from './types.js';

/** Where a generator is configured, for the origin of what it makes (`buildMetadata: [originAnnotations]`). */
export interface GeneratorOrigin {
  /** The kustomization file, relative to the build root, e.g. `../base/kustomization.yaml`. */
  readonly configuredIn: string;
  readonly repo?: string;
  readonly ref?: string;
}

type GeneratorKind = 'ConfigMapGenerator' | 'SecretGenerator';

/** A JSON object with the given entries, defined as own properties so keys like `__proto__` stay data. */
function objectOf(entries: ReadonlyArray<readonly [string, JsonValue]>): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** A map with its keys in Go's sorted order, as kustomize writes generated maps. */
function sortedObject(map: ReadonlyMap<string, JsonValue>): JsonObject {
  return objectOf([...map.entries()].sort(([a], [b]) => compareGoStrings(a, b)));
}

/**
 * Kustomize hands each generator its configuration as YAML converted from Go's JSON text, and the YAML
 * reader refuses characters that JSON text leaves raw: DEL, C1 controls other than NEL, U+FFFE, U+FFFF.
 */
const unreadableCharacter = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * A string as kustomize's generator receives it. NEL (U+0085), the one line break Go's JSON text leaves
 * raw, is folded as a YAML double-quoted scalar folds breaks: spaces around a run of breaks are dropped,
 * and the run becomes one space, or n-1 newlines for n breaks.
 */
function foldLineBreaks(text: string): string {
  if (!text.includes('\u0085')) return text;
  return text.replace(/ *\u0085[ \u0085]*/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

/** `value` with every string in it, keys included, passed through `change`. */
function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, change)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, change(key), { value: mapStrings(item, change), enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}

/** The generator's arguments, with its merged options, as kustomize's generator plugin receives them. */
function throughPluginConfig<A extends GeneratorArgs>(generator: GeneratorKind, args: A, options: GeneratorOptions | undefined): A {
  return mapStrings({ ...args, options }, (text) => {
    if (unreadableCharacter.test(text)) {
      throw new KustomizeError('invalid-kustomization', `builtin ${generator} marshal: yaml: control characters are not allowed`, {}, 'remove DEL, C1 control characters, U+FFFE and U+FFFF from the generator');
    }
    return foldLineBreaks(text);
  });
}

/** The pairs of a generator, refusing a repeated key as kustomize does (for Secrets too, with its wording). */
function dataOf(args: GeneratorArgs, name: string, loadFile: LoadFile): KeyValue[] {
  const pairs = loadKeyValues(args, loadFile);
  const seen = new Set<string>();
  for (const { key } of pairs) {
    if (seen.has(key)) {
      throw new KustomizeError('invalid-kustomization', `configmap ${name} illegally repeats the key \`${key}\``, {}, 'give each key once across literals, files and env files');
    }
    seen.add(key);
  }
  return pairs;
}

/** Base64 as kustomize writes generated values: broken into lines of 70, each ending in a newline, once longer than one line. */
function wrappedBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const encoded = btoa(binary);
  const lineLength = 70;
  if (encoded.length < lineLength) return encoded;
  let wrapped = '';
  for (let i = 0; i < encoded.length; i += lineLength) wrapped += `${encoded.slice(i, i + lineLength)}\n`;
  return wrapped;
}

function behaviorOf(text: string | undefined): GeneratorBehavior | undefined {
  return text === 'create' || text === 'merge' || text === 'replace' ? text : undefined;
}

interface Generated<A extends GeneratorArgs> {
  readonly generator: GeneratorKind;
  readonly kind: 'ConfigMap' | 'Secret';
  readonly args: A;
  readonly options: GeneratorOptions | undefined;
  readonly loadFile: LoadFile;
  readonly origin: GeneratorOrigin | undefined;
  /** The fields after `metadata`: `type`, `data`, `binaryData`, from the generator's pairs. */
  readonly body: (pairs: readonly KeyValue[], args: A) => ReadonlyArray<readonly [string, JsonValue]>;
}

function generate<A extends GeneratorArgs>({ generator, kind, args: written, options: globalOptions, loadFile, origin, body }: Generated<A>): Resource {
  const args = throughPluginConfig(generator, written, mergeGeneratorOptions(written.options, globalOptions));
  const { options } = args;
  const name = args.name ?? '';
  if (name === '') {
    throw new KustomizeError('invalid-kustomization', 'a configmap must have a name', { field: 'name' }, 'give the generator a name');
  }
  const pairs = dataOf(args, name, loadFile);
  const metadata: Array<readonly [string, JsonValue]> = [['name', name]];
  if (args.namespace) metadata.push(['namespace', args.namespace]);
  for (const field of ['labels', 'annotations'] as const) {
    const map = options?.[field];
    if (map && Object.keys(map).length > 0) metadata.push([field, sortedObject(new Map(Object.entries(map)))]);
  }
  const object = objectOf([
    ['apiVersion', 'v1'],
    ['kind', kind],
    ['metadata', objectOf(metadata)],
    ...body(pairs, args),
    ...(options?.immutable ? [['immutable', true] as const] : []),
  ]);
  return newResource(object, {
    behavior: behaviorOf(args.behavior),
    needsHashSuffix: !options?.disableNameSuffixHash,
    ...(origin && {
      origin: {
        ...(origin.repo && { repo: origin.repo }),
        ...(origin.ref && { ref: origin.ref }),
        configuredIn: origin.configuredIn,
        configuredBy: { apiVersion: 'builtin', kind: generator, name: '' },
      } satisfies Origin,
    }),
  });
}

/**
 * The ConfigMap a `configMapGenerator` entry makes: UTF-8 values in `data`, others base64-encoded in
 * `binaryData` (either field only when it has entries), the options' labels, annotations and `immutable`,
 * marked with its behavior and, unless `disableNameSuffixHash`, as needing a hash suffix.
 *
 * @param args the generator entry.
 * @param options the kustomization's `generatorOptions`, merged under the entry's own.
 * @param loadFile reads the env files and files the entry names (see {@link LoadFile}).
 * @param origin where the entry is configured, when origins are tracked.
 * @throws KustomizeError with kustomize's messages: no name, bad sources, a repeated key, unreadable files.
 */
export function generateConfigMap(args: ConfigMapArgs, options: GeneratorOptions | undefined, loadFile: LoadFile, origin?: GeneratorOrigin): Resource {
  return generate({
    generator: 'ConfigMapGenerator',
    kind: 'ConfigMap',
    args,
    options,
    loadFile,
    origin,
    body: (pairs) => {
      const data = new Map<string, JsonValue>();
      const binaryData = new Map<string, JsonValue>();
      for (const { key, value } of pairs) {
        const text = decodeUtf8(value);
        if (text === undefined) binaryData.set(key, wrappedBase64(value));
        else data.set(key, text);
      }
      return [...(data.size > 0 ? [['data', sortedObject(data)] as const] : []), ...(binaryData.size > 0 ? [['binaryData', sortedObject(binaryData)] as const] : [])];
    },
  });
}

/**
 * The Secret a `secretGenerator` entry makes: `type` (default `Opaque`), every value base64-encoded in
 * `data` (present even when empty), the options' labels, annotations and `immutable`, marked with its
 * behavior and, unless `disableNameSuffixHash`, as needing a hash suffix.
 *
 * @param args the generator entry.
 * @param options the kustomization's `generatorOptions`, merged under the entry's own.
 * @param loadFile reads the env files and files the entry names (see {@link LoadFile}).
 * @param origin where the entry is configured, when origins are tracked.
 * @throws KustomizeError with kustomize's messages: no name, bad sources, a repeated key, unreadable files.
 */
export function generateSecret(args: SecretArgs, options: GeneratorOptions | undefined, loadFile: LoadFile, origin?: GeneratorOrigin): Resource {
  return generate({
    generator: 'SecretGenerator',
    kind: 'Secret',
    args,
    options,
    loadFile,
    origin,
    body: (pairs, { type }) => [
      ['type', type || 'Opaque'],
      ['data', sortedObject(new Map(pairs.map(({ key, value }) => [key, wrappedBase64(value)])))],
    ],
  });
}
