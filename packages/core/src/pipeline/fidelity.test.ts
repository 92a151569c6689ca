/**
 * The rules kustomize follows because it works on YAML nodes, not plain JSON (see yaml/scalar-nodes in the
 * patches package). Every expected output here is what `kubectl kustomize` (v5.5.0) printed for the same tree.
 */
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { build } from './index.js';
import { errorOf } from '../test-support.js';

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

  it('takes the text of a scalar the patch brings, and deletes with `null` and `~`', () => {
    // `kubectl kustomize`: the annotation from the patch ends the build as the string of its text.
    expect(yamlOf({"app/kustomization.yaml": "resources: [cm.yaml]\npatches:\n- patch: |\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n      labels: {x: null, n: 5, t: ~}\n      annotations: {y: null, z: ~, q: 1.50}\n", "app/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {x: \"1\", w: \"2\"}\n  annotations: {y: \"1\", z: \"2\"}\n"})).toBe("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    q: \"1.50\"\n  labels:\n    \"n\": 5\n    w: \"2\"\n  name: a\n");
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

describe('replacements keep the node they write into', () => {
  // Each tree built by `kubectl kustomize`: an existing scalar keeps its tag and takes the source's text as written; a created one is read from that text.
  const cases: [string, Record<string, string>, string][] = [
    ["a number, a float and a hex number keep their text in an existing string", {"app/kustomization.yaml": "resources: [src.yaml, tgt.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.f}\n  targets:\n  - select: {kind: Secret}\n    fieldPaths: [spec.str, metadata.annotations.str, spec.empty]\n", "app/src.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata:\n  i: 8080\n  s: \"8080\"\n  b: true\n  f: 1.50\n  x: 0x10\n  m: {k: v}\n", "app/tgt.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tgt\n  annotations: {str: x}\nspec:\n  str: \"x\"\n  int: 5\n  flt: 2.5\n  flt1: 1.0\n  ts: 2001-12-14\n  m: {a: b}\n  empty: \"\"\n"}, "apiVersion: v1\ndata:\n  b: true\n  f: 1.5\n  i: 8080\n  m:\n    k: v\n  s: \"8080\"\n  x: 16\nkind: ConfigMap\nmetadata:\n  name: src\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    str: \"1.50\"\n  name: tgt\nspec:\n  empty: \"1.50\"\n  flt: 2.5\n  flt1: 1\n  int: 5\n  m:\n    a: b\n  str: \"1.50\"\n  ts: \"2001-12-14T00:00:00Z\"\n"],
    ["a hex number into an existing string and a created field", {"app/kustomization.yaml": "resources: [src.yaml, tgt.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.x}\n  targets:\n  - select: {kind: Secret}\n    fieldPaths: [spec.str, spec.new, metadata.labels.l]\n    options: {create: true}\n", "app/src.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata:\n  i: 8080\n  s: \"8080\"\n  b: true\n  f: 1.50\n  x: 0x10\n  m: {k: v}\n", "app/tgt.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tgt\n  annotations: {str: x}\nspec:\n  str: \"x\"\n  int: 5\n  flt: 2.5\n  flt1: 1.0\n  ts: 2001-12-14\n  m: {a: b}\n  empty: \"\"\n"}, "apiVersion: v1\ndata:\n  b: true\n  f: 1.5\n  i: 8080\n  m:\n    k: v\n  s: \"8080\"\n  x: 16\nkind: ConfigMap\nmetadata:\n  name: src\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    str: x\n  labels:\n    l: 16\n  name: tgt\nspec:\n  empty: \"\"\n  flt: 2.5\n  flt1: 1\n  int: 5\n  m:\n    a: b\n  new: 16\n  str: \"0x10\"\n  ts: \"2001-12-14T00:00:00Z\"\n"],
    ["a quoted number into an existing int, float and a created field", {"app/kustomization.yaml": "resources: [src.yaml, tgt.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.s}\n  targets:\n  - select: {kind: Secret}\n    fieldPaths: [spec.int, spec.flt, spec.flt1, spec.new]\n    options: {create: true}\n", "app/src.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata:\n  i: 8080\n  s: \"8080\"\n  b: true\n  f: 1.50\n  x: 0x10\n  m: {k: v}\n", "app/tgt.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tgt\n  annotations: {str: x}\nspec:\n  str: \"x\"\n  int: 5\n  flt: 2.5\n  flt1: 1.0\n  ts: 2001-12-14\n  m: {a: b}\n  empty: \"\"\n"}, "apiVersion: v1\ndata:\n  b: true\n  f: 1.5\n  i: 8080\n  m:\n    k: v\n  s: \"8080\"\n  x: 16\nkind: ConfigMap\nmetadata:\n  name: src\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    str: x\n  name: tgt\nspec:\n  empty: \"\"\n  flt: 8080\n  flt1: 8080\n  int: 8080\n  m:\n    a: b\n  new: 8080\n  str: x\n  ts: \"2001-12-14T00:00:00Z\"\n"],
    ["an int into a float written 1.0", {"app/kustomization.yaml": "resources: [src.yaml, tgt.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.i}\n  targets:\n  - select: {kind: Secret}\n    fieldPaths: [spec.flt1]\n", "app/src.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata:\n  i: 8080\n  s: \"8080\"\n  b: true\n  f: 1.50\n  x: 0x10\n  m: {k: v}\n", "app/tgt.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tgt\n  annotations: {str: x}\nspec:\n  str: \"x\"\n  int: 5\n  flt: 2.5\n  flt1: 1.0\n  ts: 2001-12-14\n  m: {a: b}\n  empty: \"\"\n"}, "apiVersion: v1\ndata:\n  b: true\n  f: 1.5\n  i: 8080\n  m:\n    k: v\n  s: \"8080\"\n  x: 16\nkind: ConfigMap\nmetadata:\n  name: src\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    str: x\n  name: tgt\nspec:\n  empty: \"\"\n  flt: 2.5\n  flt1: 8080\n  int: 5\n  m:\n    a: b\n  str: x\n  ts: \"2001-12-14T00:00:00Z\"\n"],
    ["a map into a string, and into a map", {"app/kustomization.yaml": "resources: [src.yaml, tgt.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.m}\n  targets:\n  - select: {kind: Secret}\n    fieldPaths: [spec.str, spec.m]\n", "app/src.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata:\n  i: 8080\n  s: \"8080\"\n  b: true\n  f: 1.50\n  x: 0x10\n  m: {k: v}\n", "app/tgt.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tgt\n  annotations: {str: x}\nspec:\n  str: \"x\"\n  int: 5\n  flt: 2.5\n  flt1: 1.0\n  ts: 2001-12-14\n  m: {a: b}\n  empty: \"\"\n"}, "apiVersion: v1\ndata:\n  b: true\n  f: 1.5\n  i: 8080\n  m:\n    k: v\n  s: \"8080\"\n  x: 16\nkind: ConfigMap\nmetadata:\n  name: src\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    str: x\n  name: tgt\nspec:\n  empty: \"\"\n  flt: 2.5\n  flt1: 1\n  int: 5\n  m:\n    k: v\n  str: \"\"\n  ts: \"2001-12-14T00:00:00Z\"\n"],
    ["with a delimiter", {"app/kustomization.yaml": "resources: [src.yaml, tgt.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.f}\n  targets:\n  - select: {kind: Secret}\n    fieldPaths: [spec.str]\n    options: {delimiter: '-', index: 1}\n", "app/src.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata:\n  i: 8080\n  s: \"8080\"\n  b: true\n  f: 1.50\n  x: 0x10\n  m: {k: v}\n", "app/tgt.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tgt\n  annotations: {str: x}\nspec:\n  str: \"x\"\n  int: 5\n  flt: 2.5\n  flt1: 1.0\n  ts: 2001-12-14\n  m: {a: b}\n  empty: \"\"\n"}, "apiVersion: v1\ndata:\n  b: true\n  f: 1.5\n  i: 8080\n  m:\n    k: v\n  s: \"8080\"\n  x: 16\nkind: ConfigMap\nmetadata:\n  name: src\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    str: x\n  name: tgt\nspec:\n  empty: \"\"\n  flt: 2.5\n  flt1: 1\n  int: 5\n  m:\n    a: b\n  str: x-1.50\n  ts: \"2001-12-14T00:00:00Z\"\n"],
  ];
  it.each(cases)('%s', (_, files, expected) => {
    expect(yamlOf(files)).toBe(expected);
  });
  const failing: [string, Record<string, string>, string][] = [
    ["a number that does not fit a timestamp", {"app/kustomization.yaml": "resources: [src.yaml, tgt.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.i}\n  targets:\n  - select: {kind: Secret}\n    fieldPaths: [spec.ts]\n", "app/src.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata:\n  i: 8080\n  s: \"8080\"\n  b: true\n  f: 1.50\n  x: 0x10\n  m: {k: v}\n", "app/tgt.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tgt\n  annotations: {str: x}\nspec:\n  str: \"x\"\n  int: 5\n  flt: 2.5\n  flt1: 1.0\n  ts: 2001-12-14\n  m: {a: b}\n  empty: \"\"\n"}, "map[string]interface {}(nil): yaml: cannot decode !!int `8080` as a !!timestamp"],
    ["a float that does not fit an int", {"app/kustomization.yaml": "resources: [src.yaml, tgt.yaml]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.f}\n  targets:\n  - select: {kind: Secret}\n    fieldPaths: [spec.int]\n", "app/src.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata:\n  i: 8080\n  s: \"8080\"\n  b: true\n  f: 1.50\n  x: 0x10\n  m: {k: v}\n", "app/tgt.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tgt\n  annotations: {str: x}\nspec:\n  str: \"x\"\n  int: 5\n  flt: 2.5\n  flt1: 1.0\n  ts: 2001-12-14\n  m: {a: b}\n  empty: \"\"\n"}, "map[string]interface {}(nil): yaml: cannot decode !!float `1.50` as a !!int"],
  ];
  it.each(failing)('fails on %s in kustomize\'s words', (_, files, message) => {
    expect(errorOf(() => yamlOf(files)).message).toBe(message);
  });
});

describe('names and other scalars read from their text', () => {
  // Each tree built by `kubectl kustomize`.
  const cases: [string, Record<string, string>, string][] = [
    ["a plain number name with a prefix stays a number", {"app/kustomization.yaml": "resources: [d.yaml]\nnamePrefix: \"1\"\n", "app/d.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: 5}\n"}, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: 15\n"],
    ["a quoted name stays a string", {"app/kustomization.yaml": "resources: [d.yaml]\nnamePrefix: \"1\"\n", "app/d.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: \"5\"}\n"}, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: \"15\"\n"],
    ["a plain name that becomes true prints as a boolean", {"app/kustomization.yaml": "resources: [d.yaml]\nnameSuffix: rue\n", "app/d.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: t}\n"}, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: true\n"],
    ["a quoted name that reads as a float stays a string", {"app/kustomization.yaml": "resources: [d.yaml]\nnameSuffix: e5\n", "app/d.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: \"1\"}\n"}, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: \"1e5\"\n"],
    ["a plain name that becomes null prints as null", {"app/kustomization.yaml": "resources: [d.yaml]\nnameSuffix: ll\n", "app/d.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: nu}\n"}, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: null\n"],
    ["a name written 1e5 keeps its text in ids and references", {"app/kustomization.yaml": "resources: [d.yaml, cm.yaml]\nnamePrefix: p-\n", "app/d.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: 1e5}\n", "app/cm.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: pod}\nspec:\n  volumes:\n  - secret: {secretName: 1e5}\n"}, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: p-1e5\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p-pod\nspec:\n  volumes:\n  - secret:\n      secretName: p-1e5\n"],
    ["an empty value in a flow map is an empty null to a strategic merge", {"app/kustomization.yaml": "resources: [d.yaml]\npatches:\n- patch: |\n    apiVersion: v1\n    kind: Secret\n    metadata: {name: d}\n    type: x\n", "app/d.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: d}\nspec: {a: , b: 1, c: [x, ]}\n"}, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: d\nspec:\n  b: 1\n  c:\n  - x\ntype: x\n"],
  ];
  it.each(cases)('%s', (_, files, expected) => {
    expect(yamlOf(files)).toBe(expected);
  });
});
