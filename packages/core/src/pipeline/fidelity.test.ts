/**
 * The rules kustomize follows because it works on YAML nodes, not plain JSON (see yaml/scalar-nodes in the
 * patches package). Every expected output here is what `kubectl kustomize` (v5.5.0) printed for the same tree.
 */
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { build } from './index.js';

function yamlOf(files: Record<string, string>): string {
  return build({ fs: new MemoryFileSystem(files), path: '/app' }).yaml;
}

describe('string maps written back from their YAML text', () => {
  it('prints every metadata annotation as the string of its text, and leaves labels and data alone', () => {
    const cm = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: a',
      '  annotations:',
      '    port: 8080',
      '    happy: true',
      '    f: 1.50',
      '    t: 2001-12-14',
      '    n: null',
      '    e:',
      '    tilde: ~',
      '    hex: 0x10',
      '    nested: {b: c}',
      '  labels: {port: 8080}',
      'data: {f: 1.50}',
      '',
    ].join('\n');
    expect(yamlOf({ 'app/kustomization.yaml': 'resources: [cm.yaml]\n', 'app/cm.yaml': cm })).toBe(
      'apiVersion: v1\ndata:\n  f: 1.5\nkind: ConfigMap\nmetadata:\n  annotations:\n    e: ""\n    f: "1.50"\n    happy: "true"\n    hex: "0x10"\n    "n": "null"\n    nested: ""\n    port: "8080"\n    t: "2001-12-14"\n    tilde: "~"\n  labels:\n    port: 8080\n  name: a\n',
    );
  });

  it('reads annotations written as a sequence pairwise and drops other shapes', () => {
    const cm = (annotations: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: ${annotations}\n  labels: {x: 1}\n`;
    const tree = (annotations: string) => ({ 'app/kustomization.yaml': 'resources: [cm.yaml]\n', 'app/cm.yaml': cm(annotations) });
    expect(yamlOf(tree('[a, b]'))).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    a: b\n  labels:\n    x: 1\n  name: a\n');
    expect(yamlOf(tree('str'))).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    x: 1\n  name: a\n');
    expect(yamlOf(tree('{x: !!binary aGVsbG8=, y: !!str 5, z: !!float 5}'))).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    x: aGVsbG8=\n    "y": "5"\n    z: "5"\n  labels:\n    x: 1\n  name: a\n');
  });
});

describe('strategic-merge patches and empty nulls', () => {
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: d',
    '  annotations:',
    '    a:',
    '  labels:',
    '    keep: null',
    '    tilde: ~',
    '    gone:',
    'spec:',
    '  strategy:',
    '    rollingUpdate:',
    '  template:',
    '    spec:',
    '      tolerations:',
    '      - key: k',
    '        value:',
    '      containers:',
    '      - name: c',
    '        image: i',
    '        args:',
    '        env:',
    '        - name: E',
    '          value:',
    '',
  ].join('\n');

  it('drops every `key:` the patch does not mention, in maps and merged list elements, and keeps `null` and `~`', () => {
    const kustomization = 'resources: [d.yaml]\npatches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec: {replicas: 2}\n';
    expect(yamlOf({ 'app/kustomization.yaml': kustomization, 'app/d.yaml': deployment })).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    keep: null\n    tilde: null\n  name: d\nspec:\n  replicas: 2\n  strategy: {}\n  template:\n    spec:\n      containers:\n      - env:\n        - name: E\n        image: i\n        name: c\n      tolerations:\n      - key: k\n        value: null\n',
    );
  });

  it('keeps them under a JSON patch', () => {
    const kustomization = `resources: [d.yaml]\npatches:\n- target: {kind: Deployment}\n  patch: '[{"op": "add", "path": "/spec/replicas", "value": 2}]'\n`;
    const resource = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels:\n    gone:\nspec:\n  strategy:\n    rollingUpdate:\n  template:\n    spec:\n      containers:\n      - name: c\n        args:\n';
    expect(yamlOf({ 'app/kustomization.yaml': kustomization, 'app/d.yaml': resource })).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    gone: null\n  name: d\nspec:\n  replicas: 2\n  strategy:\n    rollingUpdate: null\n  template:\n    spec:\n      containers:\n      - args: null\n        name: c\n',
    );
  });

  it('fills an empty null the patch names', () => {
    const kustomization = 'resources: [d.yaml]\npatches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec: {strategy: {rollingUpdate: {maxSurge: 1}}}\n';
    const resource = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  strategy:\n    rollingUpdate:\n    type:\n  paused:\n';
    expect(yamlOf({ 'app/kustomization.yaml': kustomization, 'app/d.yaml': resource })).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  strategy:\n    rollingUpdate:\n      maxSurge: 1\n');
  });
});
