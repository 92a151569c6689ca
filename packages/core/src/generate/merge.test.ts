import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { ResourceId } from '../resource/id.js';
import { newResource, type Resource } from '../resource/resource.js';
import { addHashSuffixes, generateConfigMap, generateSecret, mergeGenerated, type ConfigMapArgs, type GeneratorOptions, type SecretArgs } from './index.js';
import { errorOf } from '../test-support.js';

const noFiles = (path: string): Uint8Array => {
  throw new KustomizeError('file-not-found', `no file ${path}`);
};
const configMap = (args: ConfigMapArgs, options?: GeneratorOptions): Resource => generateConfigMap(args, options, noFiles);
const secret = (args: SecretArgs, options?: GeneratorOptions): Resource => generateSecret(args, options, noFiles);

function id(kind: string, name: string, namespace: string): ResourceId {
  return { group: '', version: 'v1', kind, name, namespace };
}

/** What a base's build hands its overlay: the base's namespace `ns1` and `namePrefix: p-` applied, ids remembered. */
function fromBase(resource: Resource): Resource {
  const metadata = resource.object['metadata'] as JsonObject;
  const name = metadata['name'] as string;
  const kind = resource.object['kind'] as string;
  return {
    ...resource,
    object: { ...resource.object, metadata: { ...metadata, name: `p-${name}`, namespace: 'ns1' } },
    previousIds: [id(kind, name, 'default'), id(kind, name, 'ns1')],
    prefixes: ['p-'],
  };
}

/*
 * Expectations from kubectl kustomize (Kustomize v5.5.0) on /tmp/gen/b: a base with namespace ns1, namePrefix p-,
 * generatorOptions {labels: {gl: base}, annotations: {ga: base}}, generators cm (a=1, b=2; labels l1: base,
 * annotations a1: base, immutable), plain-gen (a=1, disableNameSuffixHash), sec (a=1, type kubernetes.io/tls) and a
 * plain ConfigMap resource `plain` (label pl: x, data n=5, keep=k, binaryData bb, a field `extra`); the overlay
 * /tmp/gen/b/ov merges cm (b=3, c=4; labels l1: ov, l2: ov), plain (n=6) and plain-gen (z=1), and replaces sec (b=2).
 */
describe('mergeGenerated against kubectl kustomize', () => {
  const baseOptions: GeneratorOptions = { labels: { gl: 'base' }, annotations: { ga: 'base' } };
  const base = [
    configMap({ name: 'cm', literals: ['a=1', 'b=2'], options: { labels: { l1: 'base' }, annotations: { a1: 'base' }, immutable: true } }, baseOptions),
    newResource({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'plain', labels: { pl: 'x' } },
      data: { n: '5', keep: 'k' },
      binaryData: { bb: 'AAAA' },
      extra: 'field',
    }),
    configMap({ name: 'plain-gen', literals: ['a=1'], options: { disableNameSuffixHash: true } }, baseOptions),
    secret({ name: 'sec', literals: ['a=1'], type: 'kubernetes.io/tls' }, baseOptions),
  ].map(fromBase);
  const overlay = [
    configMap({ name: 'cm', namespace: 'ns1', behavior: 'merge', literals: ['b=3', 'c=4'], options: { labels: { l1: 'ov', l2: 'ov' } } }),
    configMap({ name: 'plain', namespace: 'ns1', behavior: 'merge', literals: ['n=6'] }),
    configMap({ name: 'plain-gen', namespace: 'ns1', behavior: 'merge', literals: ['z=1'] }),
    secret({ name: 'sec', namespace: 'ns1', behavior: 'replace', literals: ['b=2'] }),
  ];
  const built = addHashSuffixes(mergeGenerated(base, overlay));
  const [cm, plain, plainGen, sec] = built.map((resource) => resource.object);

  it('keeps the base resources in place', () => {
    expect(built).toHaveLength(4);
  });

  it('merges data and metadata, keeps the older name, drops fields only the older had', () => {
    expect(cm).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'p-cm-fbcmkbc66h', namespace: 'ns1', labels: { gl: 'base', l1: 'ov', l2: 'ov' }, annotations: { a1: 'base', ga: 'base' } },
      data: { a: '1', b: '3', c: '4' },
    });
  });

  it('gives no hash suffix when the older resource had none, and keeps its binaryData', () => {
    expect(plain).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'p-plain', namespace: 'ns1', labels: { pl: 'x' } },
      data: { keep: 'k', n: '6' },
      binaryData: { bb: 'AAAA' },
    });
    expect((plainGen?.['metadata'] as JsonObject)['name']).toBe('p-plain-gen');
    expect(plainGen?.['data']).toEqual({ a: '1', z: '1' });
  });

  it('replaces data and type, merging only metadata', () => {
    expect(sec).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'p-sec-6dg6bbh8f9', namespace: 'ns1', labels: { gl: 'base' }, annotations: { ga: 'base' } },
      type: 'Opaque',
      data: { b: 'Mg==' },
    });
  });

  it('keeps the older bookkeeping and remembers the pre-hash id', () => {
    const merged = built[0];
    expect(merged?.prefixes).toEqual(['p-']);
    expect(merged?.previousIds).toEqual([id('ConfigMap', 'cm', 'default'), id('ConfigMap', 'cm', 'ns1'), id('ConfigMap', 'p-cm', 'ns1')]);
    expect(built[1]?.needsHashSuffix).toBe(false);
  });
});

describe('mergeGenerated rules', () => {
  it('drops the hash suffix when the merging generator disables it (kubectl kustomize: /tmp/gen/m/ov printed `cm`)', () => {
    const older = configMap({ name: 'cm', literals: ['a=1'], options: { labels: { keep: 'base' } } });
    const [merged] = addHashSuffixes(mergeGenerated([older], [configMap({ name: 'cm', behavior: 'merge', literals: ['b=2'], options: { disableNameSuffixHash: true } })]));
    expect(merged?.object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: { keep: 'base' } }, data: { a: '1', b: '2' } });
  });

  it('merges Secret data as encoded text and loses the older type and immutable (kubectl kustomize: sec-8fb7cfch84)', () => {
    const older = secret({ name: 'sec', literals: ['a=1'], type: 'foo', options: { immutable: true } });
    const [merged] = addHashSuffixes(mergeGenerated([older], [secret({ name: 'sec', behavior: 'merge', literals: ['b=2'] })]));
    expect(merged?.object).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec-8fb7cfch84' }, type: 'Opaque', data: { a: 'MQ==', b: 'Mg==' } });
  });

  it('removes data that ends up empty, as kustomize clears an empty data map', () => {
    const older = newResource({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } });
    const [merged] = mergeGenerated([older], [secret({ name: 's', behavior: 'merge' })]);
    expect(merged?.object).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque' });
  });

  it('reads non-string data of the older resource as text', () => {
    const older = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { n: 1 } }, data: { n: 5, t: true, z: null } });
    const [merged] = mergeGenerated([older], [configMap({ name: 'c', behavior: 'merge' })]);
    expect(merged?.object['data']).toEqual({ n: '5', t: 'true', z: '' });
    expect((merged?.object['metadata'] as JsonObject)['labels']).toEqual({ n: '1' });
  });

  it('keeps the vars bound to the older resource', () => {
    const older: Resource = { ...configMap({ name: 'c' }), refVarNames: ['V'], refBy: [id('Deployment', 'd', '')] };
    const [merged] = mergeGenerated([older], [configMap({ name: 'c', behavior: 'replace' })]);
    expect(merged?.refVarNames).toEqual(['V']);
    expect(merged?.refBy).toEqual([id('Deployment', 'd', '')]);
  });

  it('appends resources whose id is new, in order', () => {
    const a = configMap({ name: 'a' });
    const b = secret({ name: 'a' });
    expect(mergeGenerated([a], [b])).toEqual([a, b]);
  });

  it('keeps the older origin on merge and takes the newer one on replace', () => {
    const older: Resource = { ...configMap({ name: 'c' }), origin: { path: 'cm.yaml' } };
    const newer = (behavior: string) => generateConfigMap({ name: 'c', behavior }, undefined, noFiles, { configuredIn: 'kustomization.yaml' });
    expect(mergeGenerated([older], [newer('merge')])[0]?.origin).toEqual({ path: 'cm.yaml' });
    expect(mergeGenerated([older], [newer('replace')])[0]?.origin?.configuredIn).toBe('kustomization.yaml');
  });

  it('refuses merge or replace without a match (message as kubectl kustomize printed it)', () => {
    const error = errorOf(() => mergeGenerated([], [configMap({ name: 'bad', behavior: 'merge', literals: ['a=1'] })]));
    expect(error.code).toBe('no-match');
    expect(error.message).toBe('id resid.ResId{Gvk:resid.Gvk{Group:"", Version:"v1", Kind:"ConfigMap", isClusterScoped:false}, Name:"bad", Namespace:""} does not exist; cannot merge or replace');
    expect(() => mergeGenerated([], [secret({ name: 'bad', behavior: 'replace' })])).toThrow(/does not exist; cannot merge or replace/);
  });

  it('refuses a second resource of the same id unless merge or replace (message as kubectl kustomize printed it)', () => {
    const first = configMap({ name: 'bad', literals: ['a=1'] });
    for (const behavior of [undefined, 'create', 'foo']) {
      const error = errorOf(() => mergeGenerated([], [first, configMap({ name: 'bad', behavior, literals: ['a=1'] })]));
      expect(error.message).toBe('id resid.ResId{Gvk:resid.Gvk{Group:"", Version:"v1", Kind:"ConfigMap", isClusterScoped:false}, Name:"bad", Namespace:""} exists; behavior must be merge or replace');
    }
  });

  it('names the behavior it got from kustomize v5.8 (its reswrangler message)', () => {
    const first = configMap({ name: 'bad', literals: ['a=1'] });
    const got = (behavior: string | undefined) => errorOf(() => mergeGenerated([], [first, configMap({ name: 'bad', behavior, literals: ['a=1'] })], true)).message;
    const id = 'id resid.ResId{Gvk:resid.Gvk{Group:"", Version:"v1", Kind:"ConfigMap", isClusterScoped:false}, Name:"bad", Namespace:""}';
    expect(got(undefined)).toBe(`${id} exists; can not use behavior: 'unspecified', behavior must be merge or replace`);
    expect(got('create')).toBe(`${id} exists; can not use behavior: 'create', behavior must be merge or replace`);
  });

  it('refuses a merge that more than one resource could accept (kubectl kustomize: /tmp/gen/mm/ov)', () => {
    const prefixed: Resource = { ...configMap({ name: 'x-cm', literals: ['a=1'] }), previousIds: [id('ConfigMap', 'cm', 'default')], prefixes: ['x-'] };
    const plain = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    const error = errorOf(() => mergeGenerated([prefixed, plain], [configMap({ name: 'cm', behavior: 'merge', literals: ['b=2'] })]));
    expect(error.code).toBe('ambiguous-match');
    expect(error.message).toMatch(/^found multiple objects \[.*\] that could accept merge of ConfigMap\.v1\.\[noGrp\]\/cm\.\[noNs\]$/);
  });

  it('does not change its inputs', () => {
    const older = configMap({ name: 'c', literals: ['a=1'] });
    const snapshot = structuredClone(older);
    const existing = [older];
    mergeGenerated(existing, [configMap({ name: 'c', behavior: 'merge', literals: ['b=1'] })]);
    expect(existing).toEqual([snapshot]);
  });
});
