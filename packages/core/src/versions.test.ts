import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from './fs/filesystem.js';
import { build } from './pipeline/index.js';
import { errorOf } from './test-support.js';
import { defaultKustomizeVersion, kustomizeChanges, kustomizeVersions, versionBehaviour, type KustomizeVersion } from './versions.js';

/**
 * One tree per change of the version table, built as each release builds it. v5.5.0's answers are what
 * `kubectl kustomize` (v5.5.0) printed for the tree; v5.7.1's and v5.8.1's come from kustomize's own tests at
 * those tags (named beside each case).
 */
function buildAs(files: Record<string, string>, kustomizeVersion: KustomizeVersion, extra: { addManagedByLabel?: boolean } = {}): string {
  return build({ fs: new MemoryFileSystem(files), path: '/app', kustomizeVersion, ...extra }).yaml;
}

function errorAs(files: Record<string, string>, kustomizeVersion: KustomizeVersion): string {
  return errorOf(() => buildAs(files, kustomizeVersion)).message;
}

const configMap = (name: string, data = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${data}`;

describe('the version table', () => {
  it('gives each release the changes of its own and earlier releases, and v5.8.1 by default', () => {
    expect(defaultKustomizeVersion).toBe('v5.8.1');
    expect(versionBehaviour()).toEqual(versionBehaviour('v5.8.1'));
    for (const version of kustomizeVersions) {
      const behaviour = versionBehaviour(version);
      for (const [change, release] of Object.entries(kustomizeChanges)) {
        expect(behaviour[change as keyof typeof kustomizeChanges], `${version} ${change}`).toBe(version >= release);
      }
    }
  });
});

describe('v5.7: replacements take a static sourceValue', () => {
  // kustomize v5.7.1 api/filters/replacement/replacement_test.go "replace with static value".
  const files = {
    'app/kustomization.yaml': 'resources: [deploy.yaml]\nreplacements:\n- sourceValue: "3"\n  targets:\n  - select: {kind: Deployment}\n    fieldPaths: [spec.replicas]\n',
    'app/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n',
  };

  it('is an unknown field for v5.5.0', () => {
    expect(errorAs(files, 'v5.5.0')).toContain('unknown field "sourceValue"');
  });

  it('is written into the targets from v5.7, keeping their type', () => {
    const expected = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n';
    expect(buildAs(files, 'v5.7.1')).toBe(expected);
    expect(buildAs(files, 'v5.8.1')).toBe(expected);
  });

  it('writes a static image into a list element (v5.7.1 "replace with static value")', () => {
    const row = {
      'app/kustomization.yaml': 'resources: [deploy.yaml]\nreplacements:\n- sourceValue: custom/postgres:1.9.0\n  targets:\n  - select: {kind: Deployment, name: deploy}\n    fieldPaths:\n    - spec.template.spec.containers.[name=postgresdb].image\n',
      'app/deploy.yaml': 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: deploy\nspec:\n  template:\n    spec:\n      containers:\n      - image: nginx:1.7.9\n        name: nginx-tagged\n      - image: postgres:1.8.0\n        name: postgresdb\n',
    };
    const expected = row['app/deploy.yaml'].replace('postgres:1.8.0', 'custom/postgres:1.9.0');
    expect(buildAs(row, 'v5.7.1')).toBe(expected);
    expect(buildAs(row, 'v5.8.1')).toBe(expected);
  });

  it('cannot be given with a source', () => {
    const both = { ...files, 'app/kustomization.yaml': files['app/kustomization.yaml'].replace('- sourceValue: "3"\n', '- sourceValue: "3"\n  source: {kind: Deployment, fieldPath: spec.replicas}\n') };
    expect(errorAs(both, 'v5.7.1')).toBe('value and resource selectors are mutually exclusive');
  });
});

describe('v5.7: images rewrite image volumes', () => {
  // kustomize v5.7.1 api/filters/imagetag/imagetag_test.go "update image volume in pod spec".
  const files = {
    'app/kustomization.yaml': 'resources: [pod.yaml]\nimages:\n- name: nginx\n  newName: apache\n  digest: "12345"\n',
    'app/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: imagevolume\nspec:\n  volumes:\n  - name: volume\n    image:\n      reference: nginx\n',
  };
  const withReference = (reference: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: imagevolume\nspec:\n  volumes:\n  - image:\n      reference: ${reference}\n    name: volume\n`;

  it('leaves them for v5.5.0, rewrites them from v5.7', () => {
    expect(buildAs(files, 'v5.5.0')).toBe(withReference('nginx'));
    expect(buildAs(files, 'v5.7.1')).toBe(withReference('apache@12345'));
    expect(buildAs(files, 'v5.8.1')).toBe(withReference('apache@12345'));
  });
});

describe('v5.7 and v5.8.1: a patch file with no object', () => {
  const files = (patch: string, target: boolean) => ({
    'app/kustomization.yaml': `resources: [cm.yaml]\npatches:\n- path: p.yaml\n${target ? '  target: {kind: ConfigMap}\n' : ''}`,
    'app/cm.yaml': configMap('cm'),
    'app/p.yaml': patch,
  });
  const unchanged = configMap('cm');
  const comments = '\n# This is a comment\n\n  # Indented comment\n';

  it('of comments: both kinds of patch for v5.5.0; ignored with a target from v5.7 (PatchTransformer_test.go), without one from v5.8.1 (multiplepatch_test.go)', () => {
    // kubectl kustomize (v5.5.0) wraps the error of the PatchTransformer's configuration with the entry.
    const both = 'illegally qualifies as both an SM and JSON patch: [path: "p.yaml"]';
    expect(errorAs(files(comments, true), 'v5.5.0')).toBe(`trouble configuring builtin PatchTransformer with config: \`\npath: p.yaml\ntarget:\n  kind: ConfigMap\n\`: ${both}`);
    expect(errorAs(files(comments, false), 'v5.5.0')).toBe(`trouble configuring builtin PatchTransformer with config: \`\npath: p.yaml\n\`: ${both}`);
    expect(buildAs(files(comments, true), 'v5.7.1')).toBe(unchanged);
    expect(errorAs(files(comments, false), 'v5.7.1')).toBe('must specify a target for JSON patch [path: "p.yaml"]');
    expect(buildAs(files(comments, true), 'v5.8.1')).toBe(unchanged);
    expect(buildAs(files(comments, false), 'v5.8.1')).toBe(unchanged);
  });

  it('that is empty: needs a target before v5.8.1, which ignores it', () => {
    for (const version of ['v5.5.0', 'v5.7.1'] as const) {
      expect(buildAs(files('', true), version)).toBe(unchanged);
      expect(errorAs(files('', false), version)).toBe('must specify a target for JSON patch [path: "p.yaml"]');
    }
    expect(buildAs(files('', false), 'v5.8.1')).toBe(unchanged);
  });
});

describe('v5.7: several $patch: delete documents in one patch file', () => {
  // kustomize v5.7.1 api/krusty/multiplepatch_test.go TestSinglePatchWithMultiplePatchDeleteDirectives.
  const files = {
    'app/kustomization.yaml': 'resources: [cm.yaml, svc.yaml, keep.yaml]\npatches:\n- path: delete.yaml\n',
    'app/cm.yaml': configMap('gone'),
    'app/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: gone\n',
    'app/keep.yaml': configMap('kept'),
    'app/delete.yaml': '$patch: delete\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n---\n$patch: delete\napiVersion: v1\nkind: Service\nmetadata:\n  name: gone\n',
  };

  it('crash kustomize v5.5.0 (an error here), and delete each resource from v5.7', () => {
    expect(errorAs(files, 'v5.5.0')).toContain('kustomize v5.5.0 crashes');
    expect(buildAs(files, 'v5.7.1')).toBe(configMap('kept'));
    expect(buildAs(files, 'v5.8.1')).toBe(configMap('kept'));
  });

  it('never crash patchesStrategicMerge, in one file or in several (found in kubeflow/manifests)', () => {
    const resources = `${configMap('gone')}---\n${configMap('cm', 'data:\n  a: "1"\n')}`;
    const remove = '$patch: delete\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n';
    const patch = configMap('cm', 'data:\n  b: "2"\n');
    const trees = {
      oneFile: { 'app/kustomization.yaml': 'resources: [res.yaml]\npatchesStrategicMerge: [both.yaml]\n', 'app/res.yaml': resources, 'app/both.yaml': `${remove}---\n${patch}` },
      twoFiles: { 'app/kustomization.yaml': 'resources: [res.yaml]\npatchesStrategicMerge: [remove.yaml, patch.yaml]\n', 'app/res.yaml': resources, 'app/remove.yaml': remove, 'app/patch.yaml': patch },
    };
    // What `kubectl kustomize` (v5.5.0) printed for both trees.
    const patched = 'apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n  name: cm\n';
    for (const tree of Object.values(trees)) {
      for (const version of kustomizeVersions) expect(buildAs(tree, version)).toBe(patched);
    }
  });
});

describe('v5.7: the managed-by label names the release', () => {
  const files = { 'app/kustomization.yaml': 'resources: [cm.yaml]\n', 'app/cm.yaml': configMap('cm') };
  const labelled = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    app.kubernetes.io/managed-by: ${value}\n  name: cm\n`;

  it('is kustomize-(devel) from kubectl v5.5.0, the release from v5.7', () => {
    expect(buildAs(files, 'v5.5.0', { addManagedByLabel: true })).toBe(labelled('kustomize-(devel)'));
    expect(buildAs(files, 'v5.7.1', { addManagedByLabel: true })).toBe(labelled('kustomize-v5.7.1'));
    expect(buildAs(files, 'v5.8.1', { addManagedByLabel: true })).toBe(labelled('kustomize-v5.8.1'));
  });
});

describe('v5.7: helmCharts[].devel', () => {
  const files = { 'app/kustomization.yaml': 'helmCharts:\n- name: redis\n  devel: true\n' };

  it('is an unknown field for v5.5.0 and known from v5.7', () => {
    expect(errorAs(files, 'v5.5.0')).toContain('unknown field "devel"');
    // Known: the build goes on to ask for a renderer.
    expect(errorAs(files, 'v5.7.1')).toContain('helmCharts needs the helm program');
  });
});

describe('v5.8: replacement select and reject are anchored regular expressions', () => {
  // kustomize v5.8.1 api/filters/replacement/replacement_test.go "select 2 among 3 using regex", "reject 1 with regex".
  const files = {
    'app/kustomization.yaml': [
      'resources: [resources.yaml]',
      'replacements:',
      '- source: {kind: ConfigMap, name: src, fieldPath: data.value}',
      '  targets:',
      '  - select: {kind: ConfigMap, name: "target-.*"}',
      '    reject: [{name: ".*-b"}]',
      '    fieldPaths: [data.value]',
      '',
    ].join('\n'),
    'app/resources.yaml': [configMap('src', 'data:\n  value: new\n'), configMap('target-a', 'data:\n  value: old\n'), configMap('target-b', 'data:\n  value: old\n'), configMap('other', 'data:\n  value: old\n')].join('---\n'),
  };
  const values = (yaml: string) => [...yaml.matchAll(/value: (\w+)\n.*\n.*\n  name: ([\w-]+)/g)].map((match) => `${match[2]}=${match[1]}`);

  it('are literal names before v5.8, patterns from v5.8', () => {
    expect(values(buildAs(files, 'v5.5.0'))).toEqual(['other=old', 'src=new', 'target-a=old', 'target-b=old']);
    expect(values(buildAs(files, 'v5.7.1'))).toEqual(['other=old', 'src=new', 'target-a=old', 'target-b=old']);
    expect(values(buildAs(files, 'v5.8.1'))).toEqual(['other=old', 'src=new', 'target-a=new', 'target-b=old']);
  });

  it('no longer take an object without a namespace for namespace: default from v5.8', () => {
    const defaultNamespace = { ...files, 'app/kustomization.yaml': files['app/kustomization.yaml'].replace('name: "target-.*"', 'namespace: default') };
    expect(values(buildAs(defaultNamespace, 'v5.7.1'))).toEqual(['other=new', 'src=new', 'target-a=new', 'target-b=new']);
    expect(values(buildAs(defaultNamespace, 'v5.8.1'))).toEqual(['other=old', 'src=new', 'target-a=old', 'target-b=old']);
  });
});

describe('v5.8: field paths into JSON or YAML held in a string', () => {
  // kustomize v5.8.1 api/filters/replacement/replacement_test.go TestValueInlineStructuredData "replacement contain jsonfield".
  const files = {
    'app/kustomization.yaml': 'resources: [cm.yaml]\nreplacements:\n- source: {kind: ConfigMap, name: cfg, fieldPath: metadata.annotations.hostname}\n  targets:\n  - select: {kind: ConfigMap}\n    fieldPaths: [data.config\\.json.config.hostname]\n',
    'app/cm.yaml': configMap('cfg').replace('  name: cfg\n', '  name: cfg\n  annotations:\n    hostname: www.example.com\n') + 'data:\n  config.json: |-\n    {\n      "config": {\n        "id": "42",\n        "hostname": "REPLACE"\n      }\n    }\n',
  };

  it('fail before v5.8 and write into the data from v5.8, printed back as Go prints JSON', () => {
    expect(errorAs(files, 'v5.7.1')).toContain('unable to find field "data.config\\.json.config.hostname" in replacement target');
    expect(buildAs(files, 'v5.8.1')).toContain('  config.json: |-\n    {\n      "config": {\n        "hostname": "www.example.com",\n        "id": "42"\n      }\n    }\n');
  });
});

describe('v5.8: patches[].options is typed', () => {
  const files = (options: string) => ({
    'app/kustomization.yaml': `resources: [cm.yaml]\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: cm\n    data: {a: b}\n  options: ${options}\n`,
    'app/cm.yaml': configMap('cm'),
  });

  it('takes any key before v5.8, only allowNameChange and allowKindChange from v5.8', () => {
    expect(buildAs(files('{typo: true}'), 'v5.7.1')).toBe(`${configMap('cm')}`.replace('apiVersion: v1\n', 'apiVersion: v1\ndata:\n  a: b\n'));
    expect(errorAs(files('{typo: true}'), 'v5.8.1')).toContain('unknown field "typo"');
    expect(buildAs(files('{allowNameChange: true}'), 'v5.8.1')).toContain('  a: b\n');
  });
});

describe("v5.8.1: an overlay's namespace reaches only Helm charts of its bases", () => {
  // kustomize v5.8.1 api/krusty/namespacepropagation_test.go TestNamespacePropagationDoesNotBreakPatchWithNameSuffix:
  // v5.8.0 set the overlay's namespace on the base first, so this patch found no target; v5.8.1 is v5.5.0 again.
  const files = {
    'base/kustomization.yaml': 'resources: [cm.yaml]\nnameSuffix: -job\n',
    'base/cm.yaml': configMap('settings', 'data:\n  mode: unset\n'),
    'app/kustomization.yaml': 'resources: [../base]\nnamespace: dev\npatches:\n- path: patch.yaml\n',
    'app/patch.yaml': configMap('settings-job', 'data:\n  mode: fast\n'),
  };

  it('leaves patches of the overlay working in every release', () => {
    for (const version of kustomizeVersions) {
      expect(buildAs(files, version)).toBe('apiVersion: v1\ndata:\n  mode: fast\nkind: ConfigMap\nmetadata:\n  name: settings-job\n  namespace: dev\n');
    }
  });
});

describe('v5.8: paths in errors are quoted as written', () => {
  const files = {
    'app/kustomization.yaml': 'resources: [cm.yaml]\nreplacements:\n- source: {kind: ConfigMap, name: cm}\n  targets:\n  - select: {kind: ConfigMap}\n    fieldPaths: [data.a%db]\n',
    'app/cm.yaml': configMap('cm'),
  };

  it('read a % in a replacement field path as a Go format verb up to v5.7 (kubectl: data.a%!d(MISSING)b)', () => {
    expect(errorAs(files, 'v5.5.0')).toBe('unable to find field "data.a%!d(MISSING)b" in replacement target');
    expect(errorAs(files, 'v5.7.1')).toBe('unable to find field "data.a%!d(MISSING)b" in replacement target');
    expect(errorAs(files, 'v5.8.1')).toBe('unable to find field "data.a%db" in replacement target');
  });

  it('and in a build path that is a file', () => {
    const fs = new MemoryFileSystem({ 'a%d.yaml': '' });
    const message = (kustomizeVersion: KustomizeVersion) => errorOf(() => build({ fs, path: '/a%d.yaml', kustomizeVersion })).message;
    expect(message('v5.5.0')).toBe("must build at directory: '/a%!d(MISSING).yaml': file is not directory");
    expect(message('v5.8.1')).toBe("must build at directory: '/a%d.yaml': file is not directory");
  });
});

describe("v5.7: a ReplacementTransformer's omitempty: key is no field", () => {
  const files = {
    'app/kustomization.yaml': 'resources: [cm.yaml]\ntransformers: [r.yaml]\n',
    'app/cm.yaml': configMap('cm', 'data:\n  a: one\n  b: two\n'),
    'app/r.yaml': 'apiVersion: builtin\nkind: ReplacementTransformer\nmetadata:\n  name: r\nomitempty:\n- source: {kind: ConfigMap, name: cm, fieldPath: data.a}\n  targets:\n  - select: {kind: ConfigMap}\n    fieldPaths: [data.b]\n',
  };

  it('is applied as replacements by v5.5.0 (kubectl prints b: one), ignored from v5.7', () => {
    expect(buildAs(files, 'v5.5.0')).toContain('  b: one\n');
    expect(buildAs(files, 'v5.7.1')).toContain('  b: two\n');
    expect(buildAs(files, 'v5.8.1')).toContain('  b: two\n');
  });
});
