import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { errorOf } from '../test-support.js';
import { closestNames } from './diagnostics.js';
import { build } from './index.js';

const deployment = (name: string, image: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - name: c\n        image: ${image}\n        args: ["$(X)"]\n`;

const kubectlLines = (result: { warnings: readonly { source: string; message: string }[] }): string[] => result.warnings.filter((w) => w.source === 'kubectl').map((w) => w.message);

// Expected lines: kubectl kustomize v5.5.0's stderr for the same trees on disk.
describe("kubectl's warnings", () => {
  const tree = new MemoryFileSystem({
    'base/kustomization.yaml':
      'bases: []\nimageTags:\n- name: nginx\n  newTag: "1"\ncommonLabels:\n  a: b\nresources:\n- dep.yaml\nvars:\n- name: X\n  objref: {kind: Deployment, name: web, apiVersion: apps/v1}\n- name: YY\n  objref: {kind: Deployment, name: web, apiVersion: apps/v1}\n  fieldref: {fieldpath: metadata.name}\n',
    'base/dep.yaml': deployment('web', 'nginx'),
    'app/kustomization.yaml': 'resources:\n- ../base\npatchesStrategicMerge:\n- p.yaml\ncommonLabels:\n  c: d\n',
    'app/p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'nulls/kustomization.yaml': 'resources: [cm.yaml]\nbases:\ncommonLabels: {}\nimageTags: []\nvars: ~\npatchesJson6902: []\n',
    'nulls/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
    'broken/kustomization.yaml': 'resources: [cm.yaml]\ncommonLabels: {a: b}\npatchesJson6902:\n- target: {kind: ConfigMap, name: cm}\n  patch: "[]"\n',
    'broken/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
    'unused/kustomization.yaml': 'resources: [cm.yaml]\nvars:\n- name: A\n  objref: {kind: ConfigMap, name: cm, apiVersion: v1}\n- name: B\n  objref: {kind: ConfigMap, name: cm, apiVersion: v1}\n',
    'unused/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  x: $(B)\n',
  });
  const fix = "Run 'kustomize edit fix' to update your Kustomization automatically.";

  it('names each deprecated field of each kustomization, the overlay first, in kustomize order', () => {
    expect(kubectlLines(build({ fs: tree, path: '/app' }))).toEqual([
      `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${fix}`,
      `# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. ${fix}`,
      `# Warning: 'bases' is deprecated. Please use 'resources' instead. ${fix}`,
      `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${fix}`,
      `# Warning: 'imageTags' is deprecated. Please use 'images' instead. ${fix}`,
      `# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] ${fix}`,
      'well-defined vars that were never replaced: YY',
    ]);
  });

  it('counts an empty list or map as set and a null as not set, as Go does', () => {
    expect(kubectlLines(build({ fs: tree, path: '/nulls' }))).toEqual([
      `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${fix}`,
      `# Warning: 'imageTags' is deprecated. Please use 'images' instead. ${fix}`,
      `# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. ${fix}`,
    ]);
  });

  it('keeps the warnings given before a failure on the error', () => {
    const error = errorOf(() => build({ fs: tree, path: '/broken' }));
    expect(error.warnings.map((w) => w.message)).toEqual([
      `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${fix}`,
      `# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. ${fix}`,
    ]);
  });

  it('lists the vars no reference used (ConfigMap data is no var reference field)', () => {
    expect(kubectlLines(build({ fs: tree, path: '/unused' }))).toEqual([
      `# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] ${fix}`,
      'well-defined vars that were never replaced: A,B',
    ]);
  });

  it('says nothing about vars that were used', () => {
    const result = build({ fs: tree, path: '/app' });
    expect(result.warnings.filter((w) => w.code === 'unused-vars').map((w) => w.message)).toEqual(['well-defined vars that were never replaced: YY']);
    expect(result.yaml).toContain('- args:\n        - web\n');
  });
});

describe('lint warnings for work that did nothing', () => {
  const lint = (kustomization: string, extra: Record<string, string> = {}) => {
    const fs = new MemoryFileSystem({ 'app/kustomization.yaml': `resources: [dep.yaml]\n${kustomization}`, 'app/dep.yaml': deployment('web', 'nginx:1.0'), ...extra });
    return build({ fs, path: '/app' }).warnings.filter((w) => w.source === 'lint');
  };

  it('names an images entry that matched nothing and the nearest image names', () => {
    expect(lint('images:\n- name: ngnix\n  newTag: "2"\n')).toEqual([
      { code: 'image-unmatched', source: 'lint', message: "images entry 'ngnix' changed no image: no container image is named 'ngnix'", location: { file: 'kustomization.yaml', field: 'images[0]' }, closest: ['nginx'] },
    ]);
  });

  it('says when an images entry matched but set what was already there', () => {
    expect(lint('images:\n- name: nginx\n  newTag: "1.0"\n').map((w) => w.message)).toEqual(["images entry 'nginx' changed no image: every image named 'nginx' already is as the entry sets it"]);
    expect(lint('images:\n- name: nginx\n  newTag: "2.0"\n')).toEqual([]);
  });

  it('names a patch target and a replacement target that selected nothing, with the nearest ids', () => {
    const warnings = lint(
      'patches:\n- target: {kind: Deployment, name: webb}\n  patch: \'[{"op":"add","path":"/x","value":1}]\'\nreplacements:\n- source: {kind: Deployment, name: web}\n  targets:\n  - select: {kind: ConfigMap}\n    fieldPaths: [data.x]\n',
    );
    expect(warnings.map(({ code, message, location, closest }) => ({ code, message, field: location.field, closest }))).toEqual([
      { code: 'patch-unmatched', message: "the patch's target (kind=Deployment, name=webb) selected no resource", field: 'patches[0].target', closest: ['Deployment/web'] },
      { code: 'replacement-unmatched', message: 'the replacement target (kind=ConfigMap) selected no resource', field: 'replacements[0].targets[0]', closest: ['Deployment/web'] },
    ]);
  });

  it('names a replicas entry, a label and an annotation entry that changed nothing', () => {
    expect(lint('replicas:\n- name: web\n  count: 1\n').map((w) => [w.code, w.location.field, w.closest])).toEqual([['replicas-unmatched', 'replicas[0]', ['web']]]);
    const configMap = { 'app/dep.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels: {tier: front}\n  annotations: {a: b}\n' };
    const warnings = lint('commonAnnotations: {a: b}\nlabels:\n- pairs: {tier: front}\n', configMap);
    expect(warnings.map((w) => [w.code, w.location.field, w.message])).toEqual([
      ['labels-unmatched', 'labels[0]', 'labels[0] {tier: front} changed no resource: its field specs selected nothing, or every field already has these labels'],
      ['annotations-unmatched', 'commonAnnotations', 'commonAnnotations {a: b} changed no resource: its field specs selected nothing, or every field already has these annotations'],
    ]);
  });

  it('is silent when every entry did its work', () => {
    expect(lint('images:\n- name: nginx\n  newTag: "2"\nreplicas:\n- name: web\n  count: 3\nlabels:\n- pairs: {tier: front}\npatches:\n- target: {kind: Deployment}\n  patch: \'[{"op":"add","path":"/x","value":1}]\'\n')).toEqual([]);
  });
});

describe('closestNames', () => {
  it('ranks by edit distance, ties in the order given, each name once', () => {
    expect(closestNames('web', ['db', 'webb', 'webb', 'api', 'we'], 2)).toEqual(['webb', 'we']);
    expect(closestNames('a', [])).toEqual([]);
  });
});
