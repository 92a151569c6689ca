import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../json.js';
import { newResource, type Resource } from '../../resource/resource.js';
import { applyReplacements } from './apply.js';
import type { Replacement } from './types.js';
import { errorOf } from '../../test-support.js';
import { versionBehaviour, type KustomizeVersion } from '../../versions.js';

// Every expectation here was checked with `kubectl kustomize` (Kustomize v5.5.0) on a tree holding the same
// resources and a kustomization with the same `replacements`.

function configMap(name: string, data: JsonObject, metadata: JsonObject = {}): Resource {
  return newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...metadata }, data });
}

const deployment = newResource({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'dep' },
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'c1', image: 'nginx:1.0', args: ['a', 'b'] },
          { name: 'c2', image: 'redis' },
        ],
      },
    },
  },
});

function dataOf(resources: readonly Resource[], index: number): JsonObject {
  return resources[index]!.object['data'] as JsonObject;
}

function containers(resource: Resource): JsonObject[] {
  const template = (resource.object['spec'] as JsonObject)['template'] as JsonObject;
  return (template['spec'] as JsonObject)['containers'] as JsonObject[];
}

const toTarget = (fieldPaths: string[], extra: Partial<Replacement['targets'][number]> = {}): Replacement['targets'][number] => ({
  select: { name: 't' },
  fieldPaths,
  ...extra,
});

describe('source', () => {
  it('defaults the field path to metadata.name', () => {
    const out = applyReplacements([configMap('src', {}), configMap('t', { x: 'old' })], [{ source: { kind: 'ConfigMap', name: 'src' }, targets: [toTarget(['data.x'])] }]);
    expect(dataOf(out, 1)).toEqual({ x: 'src' });
  });

  it('selects by a previous id (the name before a prefix)', () => {
    const renamed: Resource = { ...configMap('pre-src', { a: 'v' }), previousIds: [{ group: '', version: 'v1', kind: 'ConfigMap', name: 'src', namespace: 'default' }] };
    const out = applyReplacements([renamed, configMap('t', { x: 'old' })], [{ source: { name: 'src', fieldPath: 'data.a' }, targets: [toTarget(['data.x'])] }]);
    expect(dataOf(out, 1)).toEqual({ x: 'v' });
  });

  it('fails when nothing is selected, naming the selector', () => {
    const error = errorOf(() => applyReplacements([configMap('t', {})], [{ source: { kind: 'ConfigMap', name: 'nope' }, targets: [toTarget(['data.x'])] }]));
    expect(error.message).toBe('nothing selected by ConfigMap.[noVer].[noGrp]/nope.[noNs]');
    expect(error.code).toBe('no-match');
  });

  it('fails when several resources are selected, printing field path and options', () => {
    const error = errorOf(() =>
      applyReplacements([configMap('a', { a: 'x' }), configMap('b', { a: 'y' })], [{ source: { kind: 'ConfigMap', fieldPath: 'data.a', options: { delimiter: '-', index: 1 } }, targets: [toTarget(['data.x'])] }]),
    );
    expect(error.message).toBe('multiple matches for selector ConfigMap.[noVer].[noGrp]/[noName].[noNs]:data.a:-(1), create=false');
  });

  it('fails when the source field is missing or empty', () => {
    const resources = [configMap('src', { e: {} }, { namespace: 'ns1' }), configMap('t', {})];
    for (const fieldPath of ['data.nope', 'data.e']) {
      const error = errorOf(() => applyReplacements(resources, [{ source: { kind: 'ConfigMap', name: 'src', fieldPath }, targets: [toTarget(['data.x'])] }]));
      expect(error.message).toBe(`fieldPath \`${fieldPath}\` is missing for replacement source ConfigMap.[noVer].[noGrp]/src.[noNs]`);
    }
  });

  it('takes one part of a delimited value', () => {
    const out = applyReplacements([configMap('src', { a: 'x-y-z' }), configMap('t', { x: 'old' })], [{ source: { name: 'src', fieldPath: 'data.a', options: { delimiter: '-', index: 2 } }, targets: [toTarget(['data.x'])] }]);
    expect(dataOf(out, 1)).toEqual({ x: 'z' });
  });

  it('rejects an index outside the parts, and a delimiter on a map', () => {
    const resources = [configMap('src', { a: 'x-y-z', m: { k: 'v' } }), configMap('t', {})];
    for (const index of [3, -1]) {
      const error = errorOf(() => applyReplacements(resources, [{ source: { name: 'src', fieldPath: 'data.a', options: { delimiter: '-', index } }, targets: [toTarget(['data.x'])] }]));
      expect(error.message).toBe(`options.index ${index} is out of bounds for value x-y-z`);
    }
    const error = errorOf(() => applyReplacements(resources, [{ source: { name: 'src', fieldPath: 'data.m', options: { delimiter: '-' } }, targets: [toTarget(['data.x'])] }]));
    expect(error.message).toBe('delimiter option can only be used with scalar nodes');
  });
});

describe('types', () => {
  const target = configMap('t', { str: 'abc', int: 1, float: 1.5, bool: true, nul: null, map: { a: 'b' }, list: [1, 2] });
  const source = configMap('src', { num: 8080, qnum: '12', bool: true, map: { x: 1 }, list: ['a', 'b'] });
  const copy = (fieldPath: string, fieldPaths: string[]) => dataOf(applyReplacements([source, target], [{ source: { name: 'src', fieldPath }, targets: [toTarget(fieldPaths)] }]), 1);

  it('writes a scalar into a scalar field keeping the field type', () => {
    expect(copy('data.num', ['data.str', 'data.int'])).toMatchObject({ str: '8080', int: 8080 });
    expect(copy('data.qnum', ['data.int', 'data.float'])).toMatchObject({ int: 12, float: 12 });
    expect(copy('data.bool', ['data.str'])).toMatchObject({ str: 'true' });
  });

  it('replaces a map or list field with the value, typed as in the source', () => {
    expect(copy('data.num', ['data.map', 'data.list'])).toMatchObject({ map: 8080, list: 8080 });
    expect(copy('data.qnum', ['data.list'])).toMatchObject({ list: '12' });
    expect(copy('data.bool', ['data.map'])).toMatchObject({ map: true });
    expect(copy('data.list', ['data.map'])).toMatchObject({ map: ['a', 'b'] });
  });

  it('writes a map or list into a scalar field as an empty text', () => {
    expect(copy('data.map', ['data.str', 'data.nul'])).toMatchObject({ str: '', nul: null });
    expect(copy('data.list', ['data.str'])).toMatchObject({ str: '' });
  });

  it('fails where the text does not fit the field type', () => {
    expect(errorOf(() => copy('data.num', ['data.bool'])).message).toBe('map[string]interface {}(nil): yaml: cannot decode !!int `8080` as a !!bool');
    expect(errorOf(() => copy('data.num', ['data.nul'])).message).toBe('map[string]interface {}(nil): yaml: cannot decode !!int `8080` as a !!null');
    expect(errorOf(() => copy('data.bool', ['data.int'])).message).toBe('map[string]interface {}(nil): yaml: cannot decode !!bool `true` as a !!int');
  });

  it('copies maps and lists without sharing them', () => {
    const out = applyReplacements([source, target], [{ source: { name: 'src', fieldPath: 'data.map' }, targets: [toTarget(['data.list'])] }]);
    expect(dataOf(out, 1)['list']).toEqual({ x: 1 });
    expect(dataOf(out, 1)['list']).not.toBe(dataOf(out, 0)['map']);
  });
});

describe('target field paths', () => {
  const source = configMap('src2', { a: 'p' });
  const run = (targets: Replacement['targets']) => applyReplacements([source, deployment], [{ source: { name: 'src2', fieldPath: 'data.a' }, targets }]);

  it('matches [field=value] as an unanchored pattern, indices and *', () => {
    const out = run([
      { select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.[name=c].image', 'spec.template.spec.containers.0.args.1'] },
      { select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.*.name'] },
    ]);
    expect(containers(out[1]!)).toEqual([
      { name: 'p', image: 'p', args: ['a', 'p'] },
      { name: 'p', image: 'p' },
    ]);
  });

  it('splits and joins a delimited target: replace, prepend below 0, append past the end', () => {
    const out = run([
      { select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.[name=c1].image'], options: { delimiter: ':', index: 1 } },
      { select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.[name=c2].image'], options: { delimiter: ':', index: -5 } },
      { select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.[name=c1].args.0'], options: { delimiter: ':', index: 7 } },
    ]);
    expect(containers(out[1]!)).toEqual([
      { name: 'c1', image: 'nginx:p', args: ['a:p', 'b'] },
      { name: 'c2', image: 'p:redis' },
    ]);
  });

  it('fails on a missing field, naming it; wraps a part that cannot apply', () => {
    expect(errorOf(() => run([{ select: { kind: 'Deployment' }, fieldPaths: ['spec.nope'] }])).message).toBe('unable to find field "spec.nope" in replacement target');
    expect(errorOf(() => run([{ select: { kind: 'Deployment' }, fieldPaths: ['metadata.name.x'] }])).message).toMatch(
      /^unable to find field "metadata.name.x" in replacement target: wrong node kind: expected MappingNode but got ScalarNode/,
    );
    expect(errorOf(() => run([{ select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.5'] }])).message).toBe(
      'unable to find field "spec.template.spec.containers.5" in replacement target: index 5 specified but only 2 elements found',
    );
  });

  it('takes a matched scalar element itself, whatever parts follow; reads the last element with -', () => {
    const out = applyReplacements([deployment], [{ source: { name: 'dep', fieldPath: 'spec.template.spec.containers.-.image' }, targets: [{ select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.0.args.[=a].foo'] }] }]);
    expect(containers(out[0]!)[0]).toEqual({ name: 'c1', image: 'nginx:1.0', args: ['redis', 'b'] });
  });

  it('reads a negative number as a map key, and reports a bad pattern', () => {
    expect(errorOf(() => run([{ select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.-1'] }])).message).toMatch(
      /^unable to find field "spec.template.spec.containers.-1" in replacement target: wrong node kind: expected MappingNode but got SequenceNode/,
    );
    expect(errorOf(() => run([{ select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.[name=(].image'] }])).message).toMatch(
      /^unable to find field "spec.template.spec.containers.\[name=\(\].image" in replacement target: error parsing regexp: /,
    );
  });

  it('defaults the target field path to metadata.name', () => {
    const out = run([{ select: { kind: 'Deployment' } }]);
    expect((out[1]!.object['metadata'] as JsonObject)['name']).toBe('p');
  });

  it('refuses a delimiter on a map target', () => {
    expect(errorOf(() => run([{ select: { kind: 'Deployment' }, fieldPaths: ['spec.template'], options: { delimiter: '-' } }])).message).toBe('delimiter option can only be used with scalar nodes');
  });
});

describe('create', () => {
  const source = configMap('src2', { a: 'p' });

  it('creates maps, list elements by [field=value], by index at the end, and [=value] scalars', () => {
    const out = applyReplacements(
      [source, deployment],
      [
        {
          source: { name: 'src2', fieldPath: 'data.a' },
          targets: [
            {
              select: { kind: 'Deployment' },
              fieldPaths: [
                'spec.a.b.c',
                'spec.template.spec.containers.[name=new].image',
                'spec.template.spec.containers.2.image',
                'spec.template.spec.containers.0.args.2',
                'spec.list.[=foo]',
                'spec.template.spec.volumes.[name=v].x.y',
              ],
              options: { create: true },
            },
          ],
        },
      ],
    );
    const spec = out[1]!.object['spec'] as JsonObject;
    expect(spec['a']).toEqual({ b: { c: 'p' } });
    expect(spec['list']).toEqual(['p']);
    expect(containers(out[1]!)).toEqual([
      { name: 'c1', image: 'nginx:1.0', args: ['a', 'b', 'p'] },
      { name: 'c2', image: 'redis' },
      { name: 'new', image: 'p' },
    ]);
    expect((spec['template'] as JsonObject)['spec']).toMatchObject({ volumes: [{ name: 'v', x: { y: 'p' } }] });
  });

  it('creates a map leaf from a map source', () => {
    const out = applyReplacements([configMap('src', { m: { k: 'v' } }), deployment], [{ source: { name: 'src', fieldPath: 'data.m' }, targets: [{ select: { kind: 'Deployment' }, fieldPaths: ['spec.m1.m2'], options: { create: true } }] }]);
    expect((out[1]!.object['spec'] as JsonObject)['m1']).toEqual({ m2: { k: 'v' } });
  });

  it('types a created scalar by its text', () => {
    const source = configMap('src', { s: '8080', b: 'true', e: '', t: '~', f: 1.5 });
    const out = applyReplacements(
      [source, configMap('t', { nul: null })],
      ['s', 'b', 'e', 't', 'f'].map((key) => ({ source: { name: 'src', fieldPath: `data.${key}` }, targets: [toTarget([`data.${key}`], { options: { create: true } })] })),
    );
    expect(dataOf(out, 1)).toEqual({ nul: null, s: 8080, b: true, e: null, t: null, f: 1.5 });
  });

  it('joins a delimited value into a created field with an empty part', () => {
    const out = applyReplacements([configMap('src', { s: 'val' }), configMap('t', {})], [{ source: { name: 'src', fieldPath: 'data.s' }, targets: [toTarget(['metadata.annotations.r1'], { options: { create: true, delimiter: ',', index: -1 } })] }]);
    expect(out[1]!.object['metadata']).toEqual({ name: 't', annotations: { r1: 'val,' } });
  });

  it('matches but leaves a null on the way untouched; fills empty maps and lists', () => {
    const target = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 't' }, spec: { a: null, l: null, e: {}, q: [] } });
    const out = applyReplacements(
      [configMap('src', { s: 'val' }), target],
      [{ source: { name: 'src', fieldPath: 'data.s' }, targets: [toTarget(['spec.a.b', 'spec.l.0', 'spec.l.[=z]', 'spec.e.x', 'spec.q.0', 'spec.q.[=z]'], { options: { create: true } })] }],
    );
    expect(out[1]!.object['spec']).toEqual({ a: null, l: null, e: { x: 'val' }, q: ['val', 'val'] });
  });

  it('without create, finds nothing through a null, and * on a map fails', () => {
    const target = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 't' }, spec: { a: null, e: {} } });
    const run = (fieldPath: string) => errorOf(() => applyReplacements([configMap('src', { s: 'val' }), target], [{ source: { name: 'src', fieldPath: 'data.s' }, targets: [toTarget([fieldPath])] }]));
    expect(run('spec.a.b').message).toBe('unable to find field "spec.a.b" in replacement target');
    expect(run('spec.a.*').message).toBe('unable to find field "spec.a.*" in replacement target');
    expect(run('spec.e.*').message).toMatch(/^unable to find field "spec.e.\*" in replacement target: wrong node kind: expected SequenceNode but got MappingNode/);
  });

  it('says "find or create" in errors when creating', () => {
    const error = errorOf(() => applyReplacements([configMap('src', { s: 'val' }), configMap('t', {})], [{ source: { name: 'src', fieldPath: 'data.s' }, targets: [toTarget(['metadata.name.x'], { options: { create: true } })] }]));
    expect(error.message).toMatch(/^unable to find or create field "metadata.name.x" in replacement target: wrong node kind/);
  });
});

describe('select and reject', () => {
  const resources = [
    configMap('src', { s: 'val' }),
    configMap('a', {}, { labels: { app: 'x', tier: 'fe' }, annotations: { note: '1' } }),
    configMap('b', {}, { namespace: 'default', labels: { app: 'y' } }),
    configMap('c', {}, { namespace: 'other', labels: { app: 'x' } }),
    newResource({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'cr', namespace: 'zzz' } }),
    newResource({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'plain' } }),
  ];
  const annotated = (targets: Replacement['targets'], version: KustomizeVersion = 'v5.8.1') => {
    const out = applyReplacements(resources, [{ source: { name: 'src', fieldPath: 'data.s' }, targets: targets.map((t) => ({ ...t, options: { create: true } })) }], undefined, versionBehaviour(version));
    return out.map((resource) => Object.keys(((resource.object['metadata'] as JsonObject)['annotations'] as JsonObject | undefined) ?? {}).filter((key) => key.startsWith('r')));
  };

  it('selects by label selector and rejects by id', () => {
    expect(annotated([{ select: { labelSelector: 'app=x' }, reject: [{ namespace: 'other' }], fieldPaths: ['metadata.annotations.r1'] }])).toEqual([[], ['r1'], [], [], [], []]);
  });

  it('compares namespaces as effective ones up to v5.7 (default matches none given), as written from v5.8', () => {
    const target = { select: { namespace: 'default' }, fieldPaths: ['metadata.annotations.r2'] };
    expect(annotated([target], 'v5.5.0')).toEqual([['r2'], ['r2'], ['r2'], [], [], ['r2']]);
    expect(annotated([target], 'v5.7.1')).toEqual([['r2'], ['r2'], ['r2'], [], [], ['r2']]);
    expect(annotated([target], 'v5.8.1')).toEqual([[], [], ['r2'], [], [], []]);
  });

  it('reads id fields as anchored regular expressions from v5.8, as literal text before', () => {
    const target = { select: { kind: 'Config.*', name: '[ab]' }, reject: [{ name: 'b|c' }], fieldPaths: ['metadata.annotations.r7'] };
    expect(annotated([target], 'v5.7.1')).toEqual([[], [], [], [], [], []]);
    expect(annotated([target], 'v5.8.1')).toEqual([[], ['r7'], [], [], [], []]);
    // Anchored: `Config` alone does not take ConfigMap.
    expect(annotated([{ select: { kind: 'Config' }, fieldPaths: ['metadata.annotations.r7'] }], 'v5.8.1')).toEqual([[], [], [], [], [], []]);
  });

  it('refuses an invalid regular expression from v5.8 with Go\'s message', () => {
    const error = errorOf(() => annotated([{ select: { name: '[a' }, fieldPaths: ['metadata.annotations.r8'] }], 'v5.8.1'));
    expect(error.message).toBe('error creating target selector: error parsing regexp: missing closing ]: `[a)$`');
    expect(annotated([{ select: { name: '[a' }, fieldPaths: ['metadata.annotations.r8'] }], 'v5.7.1')).toEqual([[], [], [], [], [], []]);
  });

  it('never treats a kind as cluster-scoped, so a ClusterRole keeps its written namespace', () => {
    expect(annotated([{ select: { kind: 'ClusterRole', group: 'rbac.authorization.k8s.io', version: 'v1', namespace: 'bogus' }, fieldPaths: ['metadata.annotations.r6'] }])).toEqual([[], [], [], [], [], []]);
    expect(annotated([{ select: { kind: 'ClusterRole', namespace: 'zzz' }, fieldPaths: ['metadata.annotations.r6'] }])).toEqual([[], [], [], [], ['r6'], []]);
  });

  it('rejects by label selector, and by id, in one target', () => {
    expect(annotated([{ select: { kind: 'ConfigMap' }, reject: [{ labelSelector: 'app in (x)' }, { name: 'src' }], fieldPaths: ['metadata.annotations.r3'] }])).toEqual([[], [], ['r3'], [], [], []]);
  });

  it('selects by annotation selector, and by a label that is absent', () => {
    expect(annotated([{ select: { annotationSelector: 'note=1' }, fieldPaths: ['metadata.annotations.r4'] }])).toEqual([[], ['r4'], [], [], [], []]);
    expect(annotated([{ select: { kind: 'ConfigMap', labelSelector: 'app!=x' }, fieldPaths: ['metadata.annotations.r7'] }])).toEqual([['r7'], [], ['r7'], [], [], []]);
  });

  it('parses the label selector even where the annotation selector does not match, as kustomize does', () => {
    // `kubectl kustomize` fails with "unable to parse requirement" for such a target.
    expect(() => annotated([{ select: { annotationSelector: 'absent', labelSelector: 'bad selector ===' }, fieldPaths: ['metadata.annotations.r9'] }])).toThrow('unable to parse requirement');
  });

  it('rejects by a reject entry labels even when its id fields do not match', () => {
    expect(annotated([{ select: { kind: 'ConfigMap' }, reject: [{ kind: 'Secret', labelSelector: 'tier=fe' }], fieldPaths: ['metadata.annotations.r8'] }])).toEqual([['r8'], [], ['r8'], ['r8'], [], []]);
  });
});

describe('order and copy-on-write', () => {
  it('applies replacements in order, each seeing the ones before', () => {
    const out = applyReplacements(
      [configMap('src', { a: 'one' }), configMap('t', { x: 'old', y: 'old' })],
      [
        { source: { name: 'src', fieldPath: 'data.a' }, targets: [toTarget(['data.x'])] },
        { source: { name: 't', fieldPath: 'data.x' }, targets: [toTarget(['data.y'])] },
      ],
    );
    expect(dataOf(out, 1)).toEqual({ x: 'one', y: 'one' });
  });

  it('selects a source by the name an earlier replacement gave it', () => {
    const out = applyReplacements(
      [configMap('src', { a: 'renamed' }), configMap('t', { x: 'old' })],
      [
        { source: { name: 'src', fieldPath: 'data.a' }, targets: [{ select: { name: 'src' } }] },
        { source: { name: 'renamed', fieldPath: 'data.a' }, targets: [toTarget(['data.x'])] },
      ],
    );
    expect(dataOf(out, 1)).toEqual({ x: 'renamed' });
  });

  it('returns untouched resources as they are and never changes its input', () => {
    const input = [configMap('src', { a: 'v' }), configMap('t', { x: 'old' }), configMap('other', {})];
    const snapshot = JSON.stringify(input);
    const out = applyReplacements(input, [{ source: { name: 'src', fieldPath: 'data.a' }, targets: [toTarget(['data.x'])] }]);
    expect(out[0]).toBe(input[0]);
    expect(out[2]).toBe(input[2]);
    expect(out[1]).not.toBe(input[1]);
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('keeps the resource when writing the value it already holds', () => {
    const input = [configMap('src', { a: 'v' }), configMap('t', { x: 'v' })];
    const out = applyReplacements(input, [{ source: { name: 'src', fieldPath: 'data.a' }, targets: [toTarget(['data.x'])] }]);
    expect(out[1]).toBe(input[1]);
  });
});

// The rows of kustomize v5.8.1's api/filters/replacement/replacement_test.go on regular-expression selectors,
// as trees of our own; before v5.8 the same selectors are literal names, which match nothing here.
describe('selectors as regular expressions (v5.8)', () => {
  const workload = (apiVersion: string, kind: string, name: string) => newResource({ apiVersion, kind, metadata: { name } });
  const resources = [
    configMap('cm', { HOST: 'tomcat.svc' }),
    workload('g1/v1', 'Deployment', 'deploy1'),
    workload('g2/v1', 'Deployment', 'deploy2'),
    workload('g3/v2', 'StatefulSet', 'deploy3'),
    workload('g1/v1', 'Deployment', 'prefix-deploy1'),
    workload('g1/v1', 'Deployment', 'deploy1-suffix'),
  ];
  const annotated = (select: Replacement['targets'][number]['select'], version: KustomizeVersion, reject?: Replacement['targets'][number]['reject']) =>
    applyReplacements(resources, [{ source: { kind: 'ConfigMap', name: 'cm', fieldPath: 'data.HOST' }, targets: [{ select, ...(reject && { reject }), fieldPaths: ['metadata.annotations.service'], options: { create: true } }] }], undefined, versionBehaviour(version))
      .filter((resource) => ((resource.object['metadata'] as JsonObject)['annotations'] as JsonObject | undefined)?.['service'] === 'tomcat.svc')
      .map((resource) => (resource.object['metadata'] as JsonObject)['name']);

  it('select by group ("select by group using regex")', () => {
    expect(annotated({ name: '.*depl.*', group: 'g[13]' }, 'v5.8.1')).toEqual(['deploy1', 'deploy3', 'prefix-deploy1', 'deploy1-suffix']);
    expect(annotated({ name: '.*depl.*', group: 'g[13]' }, 'v5.7.1')).toEqual([]);
  });

  it('select by version and kind alternatives', () => {
    expect(annotated({ version: 'v[2-9]' }, 'v5.8.1')).toEqual(['deploy3']);
    expect(annotated({ kind: 'Deployment|State' }, 'v5.8.1')).toEqual(['deploy1', 'deploy2', 'prefix-deploy1', 'deploy1-suffix']);
  });

  it('anchor names at both ends ("name not matching suffixed and prefixed names using regex")', () => {
    expect(annotated({ name: 'dep.*[1-9]-suffix', kind: 'Deployment|State' }, 'v5.8.1')).toEqual(['deploy1-suffix']);
    expect(annotated({ name: 'deploy1' }, 'v5.8.1')).toEqual(['deploy1']);
  });

  it('reject by pattern ("reject 3 with regex")', () => {
    expect(annotated({ kind: 'Deployment' }, 'v5.8.1', [{ name: '.*-.*' }, { group: 'g2' }])).toEqual(['deploy1']);
    expect(annotated({ kind: 'Deployment' }, 'v5.7.1', [{ name: '.*-.*' }, { group: 'g2' }])).toEqual(['deploy1', 'prefix-deploy1', 'deploy1-suffix']);
  });
});
