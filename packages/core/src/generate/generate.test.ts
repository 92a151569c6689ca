import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { resolve } from '../fs/path.js';
import type { JsonObject } from '../json.js';
import { nameOf, type Resource } from '../resource/resource.js';
import { addHashSuffixes, generateConfigMap, generateSecret, mergeGenerated, type ConfigMapArgs, type GeneratorOptions, type LoadFile, type SecretArgs } from './index.js';
import { errorOf } from '../test-support.js';

/** A kustomization directory in memory: `loadFile` reads paths relative to `/k`. */
function loaderOf(files: Readonly<Record<string, string | Uint8Array>> = {}): LoadFile {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, content]) => [`k/${path}`, content])));
  return (path) => fs.readFile(resolve('/k', path));
}

interface Case {
  readonly id: string;
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  readonly generatorOptions?: GeneratorOptions;
  readonly configMapGenerator?: readonly ConfigMapArgs[];
  readonly secretGenerator?: readonly SecretArgs[];
  /** The names `kubectl kustomize` printed, sorted. */
  readonly names: readonly string[];
}

/** Runs a kustomization's generators as kustomize does: ConfigMaps, then Secrets, then the hash suffixes. */
function build(kase: Omit<Case, 'names' | 'id'>): Resource[] {
  const loadFile = loaderOf(kase.files);
  const generated = [
    ...(kase.configMapGenerator ?? []).map((args) => generateConfigMap(args, kase.generatorOptions, loadFile)),
    ...(kase.secretGenerator ?? []).map((args) => generateSecret(args, kase.generatorOptions, loadFile)),
  ];
  return addHashSuffixes(mergeGenerated([], generated));
}

/** 0xff "hello" repeated to `length` bytes: not UTF-8. */
function binaryHellos(length: number): Uint8Array {
  const pattern = [0xff, 0x68, 0x65, 0x6c, 0x6c, 0x6f];
  return Uint8Array.from({ length }, (_, i) => pattern[i % pattern.length] ?? 0);
}

/*
 * Expected names come from kubectl kustomize (Kustomize v5.5.0): for each case, its generator fields were
 * written as /tmp/gen/table/trees/<id>/kustomization.yaml (as JSON, which is YAML) with its files beside it,
 * and `kubectl kustomize /tmp/gen/table/trees/<id>` printed these names.
 */
const cases: readonly Case[] = [
  {
    id: 'literals, quotes removed only when they surround the value',
    configMapGenerator: [{ name: 'lit', literals: ['a=x', 'b=y', 'c="Hello World"', "d='true'", 'e=', 'f=a=b', "g='half"] }],
    names: ['lit-4h77hdk229'],
  },
  {
    id: 'values Go JSON escapes in the hashed text',
    configMapGenerator: [{ name: 'esc', literals: ['a=<>&', 'b=\b\f\u0001\t\r\n', 'c=\u2028\u2029', 'd=\u0085\u00a0é', 'e=\uFEFF'] }],
    names: ['esc-k6ff9767mc'],
  },
  {
    id: 'keys hashed in UTF-8 byte order, not UTF-16 order',
    configMapGenerator: [{ name: 'keys', literals: ['\uE000=1', '\u{1F600}=2', 'Z=3', 'a=4', '_=5', '-=6', '.=7'] }],
    names: ['keys-dmmh8mb5tt'],
  },
  { id: 'a ConfigMap without data', configMapGenerator: [{ name: 'empty' }], names: ['empty-6ct58987ht'] },
  { id: 'a Secret without data', secretGenerator: [{ name: 'empty' }], names: ['empty-46f8b28mk5'] },
  {
    id: 'files: base names, key=path, CRLF and BOM kept, paths cleaned',
    files: { 'app.ini': 'FOO=bar\nBAR=baz\n', 'crlf.txt': 'x\r\ny\r\n', 'bom.txt': '\uFEFFhello', 'dir/nested.txt': 'n' },
    configMapGenerator: [{ name: 'files', files: ['app.ini', 'renamed=crlf.txt', 'bom.txt', './dir/../dir/nested.txt'] }],
    names: ['files-cff7ff64g6'],
  },
  {
    id: 'a short non-UTF-8 file in binaryData beside data',
    files: { 'app.bin': binaryHellos(6) },
    configMapGenerator: [{ name: 'bin', files: ['app.bin'], literals: ['text=t'] }],
    names: ['bin-f7952bbtb8'],
  },
  { id: 'long binaryData wrapped at 70', files: { 'app.bin': binaryHellos(180) }, configMapGenerator: [{ name: 'bin', files: ['app.bin'] }], names: ['bin-tcf6gfbkh7'] },
  { id: 'binaryData of exactly two lines', files: { 'app.bin': binaryHellos(105) }, configMapGenerator: [{ name: 'bin', files: ['app.bin'] }], names: ['bin-b9gfhb7dff'] },
  {
    id: 'env files: BOM, CRLF, comments, blanks, keys without =, env after envs',
    files: { 'a.env': '\uFEFFK1=v1\r\n\uFEFFK2=v2\r\n  # comment\r\n\r\n\t K3 = v3 \r\n=noval\r\nK4=a=b\nNOVALUE\nQ="quoted"', 'b.env': 'B=1\n' },
    configMapGenerator: [{ name: 'envs', envs: ['a.env'], env: 'b.env' }],
    names: ['envs-68bdhk9cfg'],
  },
  {
    id: 'an env file read up to a line longer than 65535 bytes',
    files: { 'long.env': `A=1\nB=${'x'.repeat(65534)}\nC=3\n` },
    configMapGenerator: [{ name: 'long', envs: ['long.env'] }],
    names: ['long-89g4tffbfk'],
  },
  {
    id: 'options: labels, annotations, namespace and immutable do not change the hash',
    generatorOptions: { labels: { g: 'global', both: 'global' }, annotations: { ga: '1' }, immutable: true },
    configMapGenerator: [
      { name: 'opts', namespace: 'ns', literals: ['a=1'], options: { labels: { both: 'local' }, annotations: { la: '2' } } },
      { name: 'nohash', literals: ['a=1'], options: { disableNameSuffixHash: true } },
    ],
    names: ['nohash', 'opts-h29d89cmmt'],
  },
  {
    id: 'a global disableNameSuffixHash beats a local false',
    generatorOptions: { disableNameSuffixHash: true },
    configMapGenerator: [{ name: 'cm', literals: ['a=1'], options: { disableNameSuffixHash: false } }],
    secretGenerator: [{ name: 'sec', literals: ['a=1'] }],
    names: ['cm', 'sec'],
  },
  { id: 'Secret literals', secretGenerator: [{ name: 'sec', literals: ['a=x', 'b=y', 'c="Hello World"', "d='true'"] }], names: ['sec-b48dc57b6t'] },
  { id: 'Secret type', secretGenerator: [{ name: 'tls', type: 'kubernetes.io/tls', literals: ['tls.crt=c', 'tls.key=k'] }], names: ['tls-d94tkf5ft2'] },
  {
    id: 'Secret from a binary file and an env file',
    files: { 'app.bin': binaryHellos(180), 'a.env': 'U=admin\nP=pw\n' },
    secretGenerator: [{ name: 'sec', files: ['app.bin'], envs: ['a.env'] }],
    names: ['sec-g4k4h97tmk'],
  },
];

describe('generators against kubectl kustomize', () => {
  it.each(cases)('$id', (kase) => {
    expect(build(kase).map(nameOf).sort()).toEqual(kase.names);
  });
});

function only(kase: Omit<Case, 'names' | 'id'>): JsonObject {
  const [resource] = build(kase);
  if (resource === undefined) throw new Error('nothing generated');
  return resource.object;
}

describe('generated objects', () => {
  it('reads env files as kustomize does (kubectl kustomize printed this data)', () => {
    const object = only(cases.find((kase) => kase.id.startsWith('env files'))!);
    expect(object['data']).toEqual({ '\uFEFFK2': 'v2', B: '1', K1: 'v1', 'K3 ': ' v3 ', K4: 'a=b', NOVALUE: '', Q: '"quoted"' });
  });

  it('keeps file content as is (kubectl kustomize printed this data)', () => {
    const object = only(cases.find((kase) => kase.id.startsWith('files'))!);
    expect(object['data']).toEqual({ 'app.ini': 'FOO=bar\nBAR=baz\n', 'bom.txt': '\uFEFFhello', 'nested.txt': 'n', renamed: 'x\r\ny\r\n' });
    expect(object['binaryData']).toBeUndefined();
  });

  it('wraps base64 at 70 characters, each line ending in a newline (kubectl kustomize printed this)', () => {
    const object = only({ files: { 'app.bin': binaryHellos(105) }, configMapGenerator: [{ name: 'bin', files: ['app.bin'] }] });
    const line1 = '/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbG';
    const line2 = 'xv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hlbGxv/2hl';
    expect(object['binaryData']).toEqual({ 'app.bin': `${line1}\n${line2}\n` });
    expect(object['data']).toBeUndefined();
  });

  it('builds the ConfigMap with only the fields kustomize sets', () => {
    const object = only({
      generatorOptions: { labels: { g: 'global' }, annotations: { a: '1' }, immutable: true },
      configMapGenerator: [{ name: 'cm', namespace: 'ns', literals: ['k=v'], options: { disableNameSuffixHash: true } }],
    });
    expect(object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'ns', labels: { g: 'global' }, annotations: { a: '1' } },
      data: { k: 'v' },
      immutable: true,
    });
    expect(only({ configMapGenerator: [{ name: 'e', options: { disableNameSuffixHash: true, labels: {} } }] })).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'e' } });
  });

  it('builds the Secret with type and data, data present even when empty', () => {
    expect(only({ secretGenerator: [{ name: 's', options: { disableNameSuffixHash: true } }] })).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      type: 'Opaque',
      data: {},
    });
    expect(only({ secretGenerator: [{ name: 's', literals: ['c="Hello World"'], type: 'foo' }] })['data']).toEqual({ c: 'SGVsbG8gV29ybGQ=' });
  });

  it('folds NEL line breaks as kustomize\'s YAML round trip of the generator config does (kubectl kustomize printed these values)', () => {
    const object = only({ configMapGenerator: [{ name: 'nel', literals: ['a=\u0085', 'b=x\u0085y', 'c=x\u0085\u0085y', 'd=x \u0085 y'] }] });
    expect(object['data']).toEqual({ a: ' ', b: 'x y', c: 'x\ny', d: 'x y' });
  });

  it('keeps keys such as __proto__ as data', () => {
    const object = only({ configMapGenerator: [{ name: 'p', literals: ['__proto__=x', 'constructor=y'] }] });
    expect(Object.keys(object['data'] as JsonObject)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(object['data'])).toBe(Object.prototype);
  });

  it('marks behavior, hash suffix and origin', () => {
    const loadFile = loaderOf();
    const resource = generateSecret({ name: 's', behavior: 'merge' }, undefined, loadFile, { configuredIn: '../base/kustomization.yaml' });
    expect(resource.behavior).toBe('merge');
    expect(resource.needsHashSuffix).toBe(true);
    // kubectl kustomize with buildMetadata: [originAnnotations] printed configuredIn and configuredBy {apiVersion: builtin, kind: SecretGenerator}.
    expect(resource.origin).toEqual({ configuredIn: '../base/kustomization.yaml', configuredBy: { apiVersion: 'builtin', kind: 'SecretGenerator', name: '' } });
    expect(generateConfigMap({ name: 'c', behavior: 'foo' }, undefined, loadFile).behavior).toBeUndefined();
    expect(generateConfigMap({ name: 'c' }, undefined, loadFile).origin).toBeUndefined();
  });
});

describe('generator errors (messages as kubectl kustomize printed them)', () => {
  const loadFile = loaderOf({ 'crlf.txt': 'x', 'dir/a': 'a', 'bad.env': Uint8Array.of(0x41, 0x3d, 0xff, 0x0a), 'dup.env': 'A=1\nA=2\n', 'ok.env': 'B=1\n' });
  const configMap = (args: ConfigMapArgs, options?: GeneratorOptions) => () => generateConfigMap(args, options, loadFile);

  it.each([
    [{ name: 'bad', literals: ['nokey'] }, 'loading KV pairs: literal sources [nokey]: invalid literal source nokey, expected key=value'],
    [{ name: 'bad', literals: ['a=1', '=v'] }, 'loading KV pairs: literal sources [a=1 =v]: invalid literal source =v, expected key=value'],
    [{ name: 'bad', literals: ['a=1', 'a=2'] }, 'configmap bad illegally repeats the key `a`'],
    [{ name: 'f', envs: ['dup.env'] }, 'configmap f illegally repeats the key `A`'],
    [{ name: 'f', envs: ['ok.env'], literals: ['B=2'] }, 'configmap f illegally repeats the key `B`'],
    [{ literals: ['a=1'] }, 'a configmap must have a name'],
    [{ name: 'f', files: ['=crlf.txt'] }, 'loading KV pairs: file sources: [=crlf.txt]: missing key name for file path "crlf.txt" in source "=crlf.txt"'],
    [{ name: 'f', files: ['k='] }, 'loading KV pairs: file sources: [k=]: missing file path for key name "k" in source "k="'],
    [{ name: 'f', files: ['a=b=c'] }, `loading KV pairs: file sources: [a=b=c]: source "a=b=c" key name or file path contains '='`],
    [{ name: 'f', files: ['k==crlf.txt'] }, `loading KV pairs: file sources: [k==crlf.txt]: source "k==crlf.txt" key name or file path contains '='`],
    [{ name: 'lt', literals: ['a=\u007f'] }, 'builtin ConfigMapGenerator marshal: yaml: control characters are not allowed'],
    [{ name: 'lt', literals: ['a=\u0080'] }, 'builtin ConfigMapGenerator marshal: yaml: control characters are not allowed'],
    [{ name: 'lt', literals: ['a=\ufffe'] }, 'builtin ConfigMapGenerator marshal: yaml: control characters are not allowed'],
  ] as const)('%j', (args, message) => {
    expect(errorOf(configMap(args)).message).toBe(message);
  });

  it('refuses invalid UTF-8 in an env file, naming the line bytes', () => {
    const error = errorOf(configMap({ name: 'f', envs: ['bad.env'], env: 'ok.env' }));
    // kubectl kustomize printed the raw byte where we print U+FFFD.
    expect(error.message).toBe('loading KV pairs: env source files: [bad.env ok.env]: line [65 61 255] has invalid utf8 bytes : A=\ufffd');
    expect(error.location.file).toBe('bad.env');
  });

  it('checks the merged options for unmarshalable characters too', () => {
    expect(errorOf(configMap({ name: 'c' }, { labels: { a: '\u009f' } })).message).toBe('builtin ConfigMapGenerator marshal: yaml: control characters are not allowed');
    expect(errorOf(() => generateSecret({ name: 's', type: '\u007f' }, undefined, loadFile)).message).toBe('builtin SecretGenerator marshal: yaml: control characters are not allowed');
  });

  it('prefixes the file loader’s errors and keeps their code and location', () => {
    const error = errorOf(configMap({ name: 'f', files: ['missing'] }));
    expect(error.code).toBe('file-not-found');
    expect(error.message).toBe('loading KV pairs: file sources: [missing]: no such file');
    expect(error.location.file).toBe('/k/missing');
    expect(errorOf(configMap({ name: 'f', files: ['dir'] })).message).toMatch(/^loading KV pairs: file sources: \[dir\]: /);
  });

  it('accepts any key, as kustomize v5.5.0 does not validate them', () => {
    expect(generateConfigMap({ name: 'ok', literals: ['a b=v'], options: { disableNameSuffixHash: true } }, undefined, loadFile).object['data']).toEqual({ 'a b': 'v' });
  });

  it('allows a literal with unusual but marshalable characters', () => {
    expect(() => generateConfigMap({ name: 'ok', literals: ['a=\u0085\u00a0\ufeff\u{1F600}'] }, undefined, loadFile)).not.toThrow();
  });
});
