/**
 * The builtin ValueAddTransformer, run as a plugin listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newResource } from '../../resource/resource.js';
import { expectBuilt, expectFailure, type Tree } from '../../test-support.js';
import { insertPathPart, transformValueAdd } from './value-add.js';

const trees = {
  valueAdd: {
    root: '/proj-42',
    files: {
      'proj-42/kustomization.yaml': `resources: [resources.yaml]
transformers: [../shared/value]
`,
      'proj-42/resources.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  path: /data/logs
---
apiVersion: v1
kind: Secret
metadata:
  name: s
  labels:
    pick: me
`,
      'shared/value/kustomization.yaml': `resources: [value.yaml]
`,
      'shared/value/value.yaml': `apiVersion: builtin
kind: ValueAddTransformer
metadata:
  name: project
targets:
- fieldPath: metadata/namespace
- selector:
    kind: ConfigMap
  fieldPath: data/path
  filePathPosition: 2
- selector:
    labelSelector: pick=me
  fieldPath: metadata/annotations/project
`,
    },
    expected: `apiVersion: v1
data:
  path: /data/proj-42/logs
kind: ConfigMap
metadata:
  name: cm
  namespace: proj-42
---
apiVersion: v1
kind: Secret
metadata:
  annotations:
    project: proj-42
  labels:
    pick: me
  name: s
  namespace: proj-42
`,
  },
  valueAddTargetFile: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [value.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/value.yaml': `apiVersion: builtin
kind: ValueAddTransformer
metadata:
  name: v
value: " blue "
targetFilePath: targets.yaml
`,
      'app/targets.yaml': `targets:
- fieldPath: data/color
- fieldPath: data/a
  filePathPosition: 1
`,
    },
    expected: `apiVersion: v1
data:
  a: blue/b
  color: blue
kind: ConfigMap
metadata:
  name: cm
`,
  },
  valueAddNoTargets: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [value.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/value.yaml': `apiVersion: builtin
kind: ValueAddTransformer
metadata:
  name: v
value: x
`,
    },
    error: { message: "must specify at least one target", file: 'value.yaml' },
  },
} satisfies Record<string, Tree>;

describe('ValueAddTransformer', () => {
  it('runs a ValueAddTransformer from a directory, defaulting the value to the kustomization directory name', () => {
    expectBuilt(trees.valueAdd);
  });
  it('reads ValueAddTransformer targets from targetFilePath and trims the value', () => {
    expectBuilt(trees.valueAddTargetFile);
  });
  it('refuses a ValueAddTransformer without targets', () => {
    expectFailure(trees.valueAddNoTargets);
  });
});

describe('insertPathPart', () => {
  // The table of kustomize's filesys.InsertPathPart documentation, part PEACH.
  it.each([
    ['', 0, 'PEACH'],
    ['/', 0, '/PEACH'],
    ['pie', 0, 'PEACH/pie'],
    ['/pie', 0, '/PEACH/pie'],
    ['raw', 1, 'raw/PEACH'],
    ['/raw', 1, '/raw/PEACH'],
    ['a/nice/warm/pie', 3, 'a/nice/warm/PEACH/pie'],
    ['/a/nice/warm/pie', 3, '/a/nice/warm/PEACH/pie'],
    ['a/b', 9999, 'a/b/PEACH'],
    ['a/b', -3, 'PEACH/a/b'],
  ])('inserts into %j at %i', (path, position, expected) => {
    expect(insertPathPart(path, position, 'PEACH')).toBe(expected);
  });

  it('puts the part at the position among clean segments, keeping a leading slash', () => {
    const segment = fc.stringMatching(/^[a-z]{1,5}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.integer({ min: -2, max: 9 }), fc.boolean(), (segments, position, absolute) => {
        const path = `${absolute ? '/' : ''}${segments.join('/')}`;
        const expected = [...segments];
        expected.splice(Math.min(Math.max(position, 0), segments.length), 0, 'PEACH');
        expect(insertPathPart(path, position, 'PEACH')).toBe(`${absolute ? '/' : ''}${expected.join('/')}`);
      }),
    );
  });

  it('leaves the path alone for an empty part', () => {
    expect(insertPathPart('a//b', 1, '')).toBe('a//b');
  });
});

describe('transformValueAdd', () => {
  const pod = newResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'x' }] } });

  it('finds or appends [key=value] list elements', () => {
    const [out] = transformValueAdd([pod], {
      value: 'v',
      targets: [{ fieldPath: 'spec/containers/[name=app]/workingDir' }, { fieldPath: 'spec/containers/[name=side]/image' }],
    });
    expect(out!.object['spec']).toEqual({ containers: [{ name: 'app', image: 'x', workingDir: 'v' }, { name: 'side', image: 'v' }] });
  });

  it('refuses a field that holds a map', () => {
    expect(() => transformValueAdd([pod], { value: 'v', targets: [{ fieldPath: 'metadata' }] })).toThrow('expected ScalarNode but got MappingNode');
  });

  it('sets the namespace of namespaced kinds only, without remembering the old id', () => {
    const namespace = newResource({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } });
    const [p, n] = transformValueAdd([pod, namespace], { value: 'team', targets: [{ fieldPath: 'metadata/namespace' }] });
    expect(p!.object['metadata']).toEqual({ name: 'p', namespace: 'team' });
    expect(p!.previousIds).toEqual([]);
    expect(n).toBe(namespace);
  });
});
