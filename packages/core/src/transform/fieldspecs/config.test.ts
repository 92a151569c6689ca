import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../fieldspec.js';
import { defaultTransformerConfig, emptyTransformerConfig, mergeFieldSpecList, mergeTransformerConfig, parseTransformerConfig, type TransformerConfig } from './config.js';
import { errorOf } from '../../test-support.js';

function configWith(fields: Partial<TransformerConfig>): TransformerConfig {
  return { ...emptyTransformerConfig, ...fields };
}

describe('defaultTransformerConfig', () => {
  it('holds every table of kustomize v5.5.0', () => {
    const c = defaultTransformerConfig;
    expect(c.namePrefix).toEqual([{ path: 'metadata/name' }]);
    expect(c.nameSuffix).toEqual([{ path: 'metadata/name' }]);
    expect(c.commonLabels).toHaveLength(32);
    expect(c.templateLabels).toHaveLength(10);
    expect(c.commonAnnotations).toHaveLength(9);
    expect(c.namespace).toHaveLength(3);
    expect(c.images).toHaveLength(4);
    expect(c.replicas).toHaveLength(4);
    expect(c.varReference).toHaveLength(72);
    expect(c.nameReference.map((r) => r.kind)).toEqual(
      // Kustomize's kind order first, then group_version_kind order.
      ['StorageClass', 'ServiceAccount', 'Role', 'ClusterRole', 'ConfigMap', 'Secret', 'Service', 'PriorityClass', 'PersistentVolume',
        'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'ValidatingAdmissionPolicy', 'IngressClass', 'ReplicaSet', 'ReplicationController'],
    );
  });

  it('orders replicas as kustomize lists them in its error', () => {
    // `kubectl kustomize` on replicas naming no resource: "... GVK [Deployment... StatefulSet... ReplicaSet... ReplicationController...]".
    expect(defaultTransformerConfig.replicas.map((s) => s.kind)).toEqual(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);
  });

  it('keeps an escaped slash in annotation paths', () => {
    const configMap = defaultTransformerConfig.nameReference.find((r) => r.kind === 'ConfigMap')!;
    expect(configMap.fieldSpecs).toContainEqual({ kind: 'Ingress', path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap' });
  });
});

describe('mergeFieldSpecList', () => {
  it('skips an incoming spec whose path is there and whose gvk selects the existing one', () => {
    const list: FieldSpec[] = [{ kind: 'Deployment', path: 'a' }];
    expect(mergeFieldSpecList(list, [{ path: 'a' }])).toEqual(list);
  });

  it('adds a more specific spec for a path already there for all kinds', () => {
    expect(mergeFieldSpecList([{ path: 'a' }], [{ kind: 'Deployment', path: 'a' }])).toEqual([{ path: 'a' }, { kind: 'Deployment', path: 'a' }]);
  });

  it('adds specs of other paths', () => {
    expect(mergeFieldSpecList([{ path: 'a' }], [{ path: 'b' }])).toEqual([{ path: 'a' }, { path: 'b' }]);
  });

  it('rejects a covered spec that differs in create, as kustomize', () => {
    expect(() => mergeFieldSpecList([{ path: 'a', create: true }], [{ path: 'a' }], 'ctx')).toThrow('ctx: conflicting fieldspecs');
  });
});

describe('mergeTransformerConfig', () => {
  it('names the list in a conflict, as kustomize', () => {
    // `kubectl kustomize` with a configurations file giving commonLabels metadata/labels create: false.
    expect(() => mergeTransformerConfig(defaultTransformerConfig, configWith({ commonLabels: [{ path: 'metadata/labels' }] }))).toThrow(
      'failed to merge CommonLabels fieldSpec: conflicting fieldspecs',
    );
  });

  it('pools the referrers of name-reference entries of the same kind', () => {
    const a = configWith({ nameReference: [{ kind: 'Foo', fieldSpecs: [{ path: 'x' }] }] });
    const b = configWith({ nameReference: [{ kind: 'Foo', fieldSpecs: [{ path: 'y' }] }, { kind: 'Bar', fieldSpecs: [{ path: 'z' }] }] });
    expect(mergeTransformerConfig(a, b).nameReference).toEqual([
      { kind: 'Bar', fieldSpecs: [{ path: 'z' }] },
      { kind: 'Foo', fieldSpecs: [{ path: 'x' }, { path: 'y' }] },
    ]);
  });

  it('keeps name-reference entries that differ in group apart', () => {
    const a = configWith({ nameReference: [{ kind: 'Foo', fieldSpecs: [{ path: 'x' }] }] });
    const b = configWith({ nameReference: [{ group: 'g', kind: 'Foo', fieldSpecs: [{ path: 'y' }] }] });
    expect(mergeTransformerConfig(a, b).nameReference).toHaveLength(2);
  });

  it('sorts by kustomize kind order, then group, version and kind', () => {
    const merged = mergeTransformerConfig(emptyTransformerConfig, configWith({
      images: [{ kind: 'Zeta', path: 'p' }, { group: 'a', kind: 'Zeta', path: 'p' }, { kind: 'ValidatingWebhookConfiguration', path: 'p' }, { kind: 'Deployment', path: 'p' }, { kind: 'Namespace', path: 'p' }],
    }));
    expect(merged.images.map((s) => `${s.group ?? ''}/${s.kind}`)).toEqual(['/Namespace', '/Deployment', 'a/Zeta', '/Zeta', '/ValidatingWebhookConfiguration']);
  });

  it('is the default config again when merged with an empty one', () => {
    expect(mergeTransformerConfig(emptyTransformerConfig, defaultTransformerConfig)).toEqual(defaultTransformerConfig);
    expect(mergeTransformerConfig(defaultTransformerConfig, defaultTransformerConfig)).toEqual(defaultTransformerConfig);
  });
});

describe('parseTransformerConfig', () => {
  it('reads every list with kustomize field names, matching them case-insensitively', () => {
    const config = parseTransformerConfig(
      {
        nameprefix: [{ path: 'spec/x', kind: 'Foo' }],
        commonLabels: [{ path: 'spec/sel', create: true, group: 'g', version: 'v1', kind: 'Foo' }],
        nameReference: [{ kind: 'Bar', version: 'v1', fieldSpecs: [{ path: 'spec/barRef', kind: 'Foo' }] }],
        varReference: [{ path: 'spec/v' }],
      },
      'config.yaml',
    );
    expect(config.namePrefix).toEqual([{ kind: 'Foo', path: 'spec/x' }]);
    expect(config.commonLabels).toEqual([{ group: 'g', version: 'v1', kind: 'Foo', path: 'spec/sel', create: true }]);
    expect(config.nameReference).toEqual([{ kind: 'Bar', version: 'v1', fieldSpecs: [{ kind: 'Foo', path: 'spec/barRef' }] }]);
    expect(config.varReference).toEqual([{ path: 'spec/v' }]);
    expect(config.images).toEqual([]);
  });

  it('reads an empty document as an empty config', () => {
    expect(parseTransformerConfig(null, 'c.yaml')).toEqual(emptyTransformerConfig);
  });

  it('rejects unknown fields, naming them', () => {
    // `kubectl kustomize`: json: unknown field "bogus".
    const error = errorOf(() => parseTransformerConfig({ namePrefix: [{ path: 'a', bogus: 1 }] }, 'c.yaml'));
    expect(error.message).toContain('unknown field "bogus"');
    expect(error.location).toMatchObject({ file: 'c.yaml', field: 'namePrefix[0].bogus' });
  });

  it('rejects a list given as a map, naming the field', () => {
    // `kubectl kustomize`: cannot unmarshal object into Go struct field TransformerConfig.namePrefix of type types.FsSlice.
    const error = errorOf(() => parseTransformerConfig({ namePrefix: { path: 'a' } }, 'c.yaml'));
    expect(error.location.field).toBe('namePrefix');
  });
});
