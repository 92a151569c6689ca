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

describe('labels and annotations written together', () => {
  // Each tree built by `kubectl kustomize`; the key written by the first transformer is one node in every map it was missing from.
  const cases: [string, Record<string, string>, string][] = [
    ["two label entries of one kustomization", {"app/kustomization.yaml": "resources: [d.yaml]\nlabels:\n- pairs: {a: one}\n  includeSelectors: true\n- pairs: {a: two}\n", "app/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: two\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: two\n  template:\n    metadata:\n      labels:\n        a: two\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["commonLabels and a labels entry", {"app/kustomization.yaml": "resources: [d.yaml]\ncommonLabels: {a: one}\nlabels:\n- pairs: {a: two}\n  includeTemplates: true\n", "app/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: one\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: one\n  template:\n    metadata:\n      labels:\n        a: one\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["a key the resource already had in one place", {"app/kustomization.yaml": "resources: [d.yaml]\ncommonLabels: {a: one}\nlabels:\n- pairs: {a: two}\n", "app/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, labels: {a: zero}}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: one\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: one\n  template:\n    metadata:\n      labels:\n        a: one\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["commonAnnotations of a base and an overlay", {"app/kustomization.yaml": "resources: [../base]\ncommonAnnotations: {a: two}\n", "base/kustomization.yaml": "resources: [d.yaml]\ncommonAnnotations: {a: one}\n", "base/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    a: two\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n        a: two\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["a strategic-merge patch into one annotation written together", {"app/kustomization.yaml": "resources: [../base]\npatches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec: {template: {metadata: {annotations: {a: patched}}}}\n", "base/kustomization.yaml": "resources: [d.yaml]\ncommonAnnotations: {a: one}\n", "base/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    a: patched\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n        a: patched\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["a patch writing a number into a selector written together", {"app/kustomization.yaml": "resources: [../base]\npatches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec: {selector: {matchLabels: {a: 3}}}\n", "base/kustomization.yaml": "resources: [d.yaml]\nlabels: [{pairs: {a: one}, includeSelectors: true}]\n", "base/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: 3\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: 3\n  template:\n    metadata:\n      labels:\n        a: 3\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["a patch deleting the key from one map, which leaves the group", {"app/kustomization.yaml": "resources: [../base]\npatches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d, labels: {a: null}}\nlabels: [{pairs: {a: two}}]\n", "base/kustomization.yaml": "resources: [d.yaml]\nlabels: [{pairs: {a: one}, includeSelectors: true}]\n", "base/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: two\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: one\n  template:\n    metadata:\n      labels:\n        a: one\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["an overlay labels entry without selectors", {"base/kustomization.yaml": "resources: [d.yaml]\nlabels: [{pairs: {a: one}, includeSelectors: true}]\n", "base/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n", "app/kustomization.yaml": "resources: [../base]\nlabels: [{pairs: {a: two}}]\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: two\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: two\n  template:\n    metadata:\n      labels:\n        a: two\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["a replacement into one label written together", {"base/kustomization.yaml": "resources: [d.yaml]\nlabels: [{pairs: {a: one}, includeSelectors: true}]\n", "base/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n", "app/kustomization.yaml": "resources: [../base, cm.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.v}\n  targets:\n  - select: {kind: Deployment}\n    fieldPaths: [metadata.labels.a]\n", "app/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {v: \"8080\"}\n"}, "apiVersion: v1\ndata:\n  v: \"8080\"\nkind: ConfigMap\nmetadata:\n  name: cm\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: \"8080\"\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: \"8080\"\n  template:\n    metadata:\n      labels:\n        a: \"8080\"\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
    ["a JSON patch, after which nothing is linked", {"base/kustomization.yaml": "resources: [d.yaml]\nlabels: [{pairs: {a: one}, includeSelectors: true}]\n", "base/d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i}]}\n", "app/kustomization.yaml": "resources: [../base]\npatches:\n- target: {kind: Deployment}\n  patch: |\n    - op: replace\n      path: /metadata/labels/a\n      value: five\nlabels: [{pairs: {a: two}}]\n"}, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: two\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: one\n  template:\n    metadata:\n      labels:\n        a: one\n    spec:\n      containers:\n      - image: i\n        name: c\n"],
  ];
  it.each(cases)('%s', (_, files, expected) => {
    expect(yamlOf(files)).toBe(expected);
  });
});
