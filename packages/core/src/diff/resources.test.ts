import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json.js';
import { diffResources, formatResourceDiff } from './resources.js';

const deployment = (name: string, namespace: string, replicas: number, image: string): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace, labels: { 'app.kubernetes.io/name': 'vote' } },
  spec: { replicas, template: { spec: { containers: [{ name: 'vote', image, args: ['--port', '80'] }, { name: 'sidecar', image: 'envoy:1' }] } } },
});
const configMap = (name: string, namespace: string, data: Record<string, string>): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });

describe('diffResources', () => {
  it('pairs resources by kind, namespace and name and lists the fields that differ', () => {
    const diff = diffResources([deployment('vote', 'app', 1, 'vote:1.0')], [deployment('vote', 'app', 3, 'vote:1.1')]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        before: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'app', name: 'vote' },
        after: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'app', name: 'vote' },
        changes: [
          { path: 'spec.replicas', change: 'changed', before: 1, after: 3 },
          { path: 'spec.template.spec.containers[name=vote].image', change: 'changed', before: 'vote:1.0', after: 'vote:1.1' },
        ],
      },
    ]);
  });

  it('pairs items of named lists by name, whatever their order, and other lists by index', () => {
    const before = deployment('vote', 'app', 1, 'vote:1');
    const after = structuredClone(before) as JsonObject;
    const spec = ((after['spec'] as JsonObject)['template'] as JsonObject)['spec'] as JsonObject;
    spec['containers'] = [{ name: 'sidecar', image: 'envoy:2' }, { name: 'vote', image: 'vote:1', args: ['--port', '80', '--debug'] }];
    expect(diffResources([before], [after]).changed[0]!.changes).toEqual([
      { path: 'spec.template.spec.containers[name=vote].args[2]', change: 'added', after: '--debug' },
      { path: 'spec.template.spec.containers[name=sidecar].image', change: 'changed', before: 'envoy:1', after: 'envoy:2' },
    ]);
  });

  it('quotes keys that are not plain names, and reports added and removed fields', () => {
    const before: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', labels: { 'app.kubernetes.io/part-of': 'x' } } };
    const after: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', annotations: { note: 'y' } } };
    expect(diffResources([before], [after]).changed[0]!.changes).toEqual([
      { path: 'metadata.labels', change: 'removed', before: { 'app.kubernetes.io/part-of': 'x' } },
      { path: 'metadata.annotations', change: 'added', after: { note: 'y' } },
    ]);
    const relabeled: JsonObject = { ...before, metadata: { name: 's', labels: { 'app.kubernetes.io/part-of': 'z' } } };
    expect(diffResources([before], [relabeled]).changed[0]!.changes[0]!.path).toBe('metadata.labels["app.kubernetes.io/part-of"]');
  });

  it('pairs across namespaces, name prefixes and content-hash suffixes when the pairing is unique', () => {
    const staging = [deployment('staging-vote', 'staging', 1, 'vote:1'), configMap('staging-settings-2k8f7gh5d9', 'staging', { mode: 'debug' })];
    const prod = [deployment('prod-vote', 'prod', 3, 'vote:1'), configMap('prod-settings-5c2mt8b7f4', 'prod', { mode: 'fast' }), configMap('prod-extra', 'prod', {})];
    const diff = diffResources(staging, prod, { before: { namePrefix: 'staging-' }, after: { namePrefix: 'prod-' } });
    expect(diff.changed.map((resource) => `${resource.before.name} → ${resource.after.name}`)).toEqual(['staging-vote → prod-vote', 'staging-settings-2k8f7gh5d9 → prod-settings-5c2mt8b7f4']);
    expect(diff.changed[1]!.changes.map((change) => change.path)).toEqual(['metadata.name', 'metadata.namespace', 'data.mode']);
    expect(diff.added.map((ref) => ref.name)).toEqual(['prod-extra']);
    expect(diff.removed).toEqual([]);
  });

  it('does not pair by stem when the stem is ambiguous', () => {
    const diff = diffResources([configMap('a', 'x', {}), configMap('a', 'y', {})], [configMap('a', 'z', {})]);
    expect(diff.removed.map((ref) => ref.namespace)).toEqual(['x', 'y']);
    expect(diff.added.map((ref) => ref.namespace)).toEqual(['z']);
  });

  it('law: a build compared with itself has no differences', () => {
    const object = fc.record({ name: fc.constantFrom('a', 'b', 'c'), kind: fc.constantFrom('ConfigMap', 'Secret'), value: fc.jsonValue() });
    fc.assert(
      fc.property(fc.uniqueArray(object, { selector: (o) => `${o.kind}/${o.name}` }), (specs) => {
        const objects = specs.map((spec) => ({ apiVersion: 'v1', kind: spec.kind, metadata: { name: spec.name }, data: spec.value }) as JsonObject);
        const diff = diffResources(objects, structuredClone(objects));
        expect(diff.changed.length + diff.added.length + diff.removed.length).toBe(0);
        expect(diff.unchanged.length).toBe(objects.length);
      }),
    );
  });

  it('law: swapping the sides swaps added and removed', () => {
    const before = [configMap('a', 'x', {}), configMap('b', 'x', {})];
    const after = [configMap('b', 'x', { k: 'v' }), configMap('c', 'x', {})];
    const forward = diffResources(before, after);
    const backward = diffResources(after, before);
    expect(backward.added).toEqual(forward.removed);
    expect(backward.removed).toEqual(forward.added);
  });
});

describe('formatResourceDiff', () => {
  it('prints one line per resource, its changed fields below, and a summary', () => {
    const diff = diffResources([deployment('vote', 'app', 1, 'vote:1'), configMap('old', 'app', {})], [deployment('vote', 'app', 2, 'vote:1'), configMap('new', 'app', {})]);
    expect(formatResourceDiff(diff, { before: 'staging', after: 'prod' })).toBe(
      [
        '--- staging',
        '+++ prod',
        '~ Deployment app/vote (apps/v1)',
        '    ~ spec.replicas: 1 → 2',
        '+ ConfigMap app/new (v1)',
        '- ConfigMap app/old (v1)',
        '1 changed, 1 added, 1 removed, 0 unchanged',
        '',
      ].join('\n'),
    );
  });
});
