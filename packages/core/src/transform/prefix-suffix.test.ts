import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json.js';
import { nameOf, newResource, type Resource } from '../resource/resource.js';
import { defaultTransformerConfig } from './fieldspecs/config.js';
import { transformNamespace } from './namespace.js';
import { transformPrefix, transformSuffix } from './prefix-suffix.js';

const object = (apiVersion: string, kind: string, name: string, extra: JsonObject = {}): JsonObject => ({ apiVersion, kind, metadata: { name }, ...extra });

function prefixed(objects: JsonObject[], prefix = 'p-'): Resource[] {
  return transformPrefix(objects.map((o) => newResource(o)), { prefix, fieldSpecs: defaultTransformerConfig.namePrefix });
}

describe('transformPrefix and transformSuffix', () => {
  it('rename resources and record the affix and the previous id', () => {
    const [cm] = transformSuffix(prefixed([object('v1', 'ConfigMap', 'cm')]), { suffix: '-s', fieldSpecs: defaultTransformerConfig.nameSuffix });
    expect(nameOf(cm!)).toBe('p-cm-s');
    expect(cm!.prefixes).toEqual(['p-']);
    expect(cm!.suffixes).toEqual(['-s']);
    expect(cm!.previousIds.map((id) => id.name)).toEqual(['cm', 'p-cm']);
  });

  it('prefix cluster-scoped kinds too', () => {
    expect(nameOf(prefixed([object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'r')])[0]!)).toBe('p-r');
  });

  it('skip CRDs, APIServices and Namespaces of any group, as kustomize', () => {
    // `kubectl kustomize` with namePrefix: the example.com/v1 Namespace kept its name too.
    const skipped = [
      object('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'foos.example.com'),
      object('apiregistration.k8s.io/v1', 'APIService', 'v1.x'),
      object('v1', 'Namespace', 'ns'),
      object('example.com/v1', 'Namespace', 'notcore'),
    ];
    const result = prefixed(skipped);
    expect(result.map(nameOf)).toEqual(['foos.example.com', 'v1.x', 'ns', 'notcore']);
    expect(result.every((r) => r.prefixes.length === 0 && r.previousIds.length === 0)).toBe(true);
  });

  it('prefix an APIService of another group', () => {
    expect(nameOf(prefixed([object('example.com/v1', 'APIService', 'a')])[0]!)).toBe('p-a');
  });

  it('judge the skip list by the original kind', () => {
    // A resource loaded as a Namespace and later given another kind keeps being skipped, as kustomize reads its OrgId.
    const renamed: Resource = { ...newResource(object('v1', 'ConfigMap', 'x')), previousIds: [{ group: '', version: 'v1', kind: 'Namespace', name: 'x', namespace: '_non_namespaceable_' }] };
    expect(nameOf(transformPrefix([renamed], { prefix: 'p-', fieldSpecs: defaultTransformerConfig.namePrefix })[0]!)).toBe('x');
  });

  it('apply custom field specs, creating fields only where they say so', () => {
    const fieldSpecs = [...defaultTransformerConfig.namePrefix, { kind: 'Foo', path: 'spec/ref' }, { kind: 'Foo', path: 'spec/made', create: true }, { kind: 'Foo', path: 'spec/absent' }];
    const [foo] = transformPrefix([newResource(object('example.com/v1', 'Foo', 'f', { spec: { ref: 'r' } }))], { prefix: 'p-', fieldSpecs });
    expect(foo!.object).toEqual(object('example.com/v1', 'Foo', 'p-f', { spec: { ref: 'p-r', made: 'p-' } }));
    expect(foo!.previousIds).toHaveLength(1);
  });

  it('record the affix once per metadata/name spec that selects the resource', () => {
    // Kustomize adds the prefix (and stores an id) for each such spec: `kubectl kustomize` with a
    // PrefixTransformer listing metadata/name twice printed p-p-cm, and spec/made: p- for a create spec.
    const fieldSpecs = [{ path: 'metadata/name' }, { kind: 'ConfigMap', path: 'metadata/name' }, { kind: 'Secret', path: 'metadata/name' }];
    const [cm] = transformPrefix([newResource(object('v1', 'ConfigMap', 'cm'))], { prefix: 'p-', fieldSpecs });
    expect(nameOf(cm!)).toBe('p-p-cm');
    expect(cm!.prefixes).toEqual(['p-', 'p-']);
    expect(cm!.previousIds).toHaveLength(2);
  });

  it('record nothing for an empty affix', () => {
    const input = newResource(object('v1', 'ConfigMap', 'cm'));
    const [cm] = transformPrefix([input], { prefix: '', fieldSpecs: defaultTransformerConfig.namePrefix });
    expect(cm).toEqual(input);
  });

  it('reject a name field that is not a scalar', () => {
    expect(() => prefixed([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: { a: 1 } } }])).toThrow(
      'wrong node kind: expected ScalarNode but got MappingNode',
    );
  });

  it('keep the original id first when the namespace changed before', () => {
    const namespaced = transformNamespace([newResource(object('v1', 'ConfigMap', 'cm'))], { namespace: 'ns', fieldSpecs: [] });
    const [cm] = transformPrefix(namespaced, { prefix: 'p-', fieldSpecs: defaultTransformerConfig.namePrefix });
    expect(cm!.previousIds.map((id) => `${id.namespace}/${id.name}`)).toEqual(['default/cm', 'ns/cm']);
  });
});
