import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem, readText, type WritableFileSystem } from '../fs/filesystem.js';
import { parseYaml } from '../yaml/index.js';
import { editKustomization, renderEdit, type KustomizationEdit } from './edit.js';

// What each command changes follows kustomize v5.8.1's sources and tests (kustomize/commands/edit/{add,set,remove,fix},
// commands/internal/util, api/types/kustomization.go FixKustomization*): kubectl has no `edit`. kustomize
// re-marshals the whole file; kustomize-ts changes only what the command changes, and writes new content as
// kustomize marshals it (sigs.k8s.io/yaml: sorted keys, yaml.v2 quoting, sequences not indented).

const header = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

/** An overlay directory `/app` with the given kustomization text and a few files around it. */
function tree(kustomization: string, extra: Record<string, string> = {}): MemoryFileSystem {
  return new MemoryFileSystem({
    '/app/kustomization.yaml': kustomization,
    '/app/deployment.yaml': deployment,
    '/app/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    '/app/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
    '/app/app.env': 'MODE=fast\n',
    '/app/config/a.properties': 'a=1\n',
    '/app/config/b.properties': 'b=2\n',
    '/base/kustomization.yaml': `resources:\n- cm.yaml\n`,
    '/base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
    '/component/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
    ...extra,
  });
}

const after = (kustomization: string, edit: KustomizationEdit, extra: Record<string, string> = {}) => renderEdit(tree(kustomization, extra), '/app', edit).after;

describe('edit add resource|component', () => {
  it('appends new paths, skips present ones with a note, and never adds the kustomization file itself', () => {
    const outcome = renderEdit(tree(`${header}resources:\n- deployment.yaml\n`), '/app', { kind: 'addResource', paths: ['*.yaml', '../base'] });
    // `*.yaml` expands (Go's Glob, sorted) to deployment.yaml, kustomization.yaml, patch.yaml, service.yaml.
    expect(outcome.after).toBe(`${header}resources:\n- deployment.yaml\n- patch.yaml\n- service.yaml\n- ../base\n`);
    expect(outcome.notes).toEqual(['resource deployment.yaml already in kustomization file']);
  });

  it('creates the field at the end when missing, and counts `bases` entries as present', () => {
    expect(after(`${header}bases:\n- ../base\n`, { kind: 'addResource', paths: ['../base', 'service.yaml'] })).toBe(`${header}bases:\n- ../base\nresources:\n- service.yaml\n`);
  });

  it('--no-verify takes paths as given', () => {
    expect(after(header, { kind: 'addResource', paths: ['later.yaml'], noVerify: true })).toBe(`${header}resources:\n- later.yaml\n`);
  });

  it('fails with kustomize\'s message for a path that matches nothing', () => {
    expect(() => after(header, { kind: 'addResource', paths: ['missing.yaml'] })).toThrow(
      "missing.yaml has no match: must build at directory: not a valid directory: evalsymlink failure on '/app/missing.yaml' : lstat /app/missing.yaml: no such file or directory",
    );
  });

  it('adds components the same way', () => {
    expect(after(header, { kind: 'addComponent', paths: ['../component'] })).toBe(`${header}components:\n- ../component\n`);
    expect(() => after(header, { kind: 'addComponent', paths: [] })).toThrow('must specify a component file');
  });
});

describe('edit add base', () => {
  it('appends existing paths to resources', () => {
    expect(after(`${header}resources:\n- deployment.yaml\n`, { kind: 'addBase', paths: ['../base', '../component'] })).toBe(`${header}resources:\n- deployment.yaml\n- ../base\n- ../component\n`);
  });

  it('refuses a path that does not exist, or one already there (in bases too), changing nothing', () => {
    expect(() => after(header, { kind: 'addBase', paths: ['../base', '../missing'] })).toThrow('../missing does not exist');
    expect(() => after(`${header}bases:\n- ../base\n`, { kind: 'addBase', paths: ['../base'] })).toThrow('base ../base already in kustomization file');
    expect(() => after(header, { kind: 'addBase', paths: ['../base', '../base'] })).toThrow('base ../base already in kustomization file');
    expect(() => after(header, { kind: 'addBase', paths: [] })).toThrow('must specify a base directory');
  });
});

describe('edit add|set|remove buildmetadata', () => {
  it('adds options, refusing one already there', () => {
    expect(after(header, { kind: 'addBuildMetadata', options: ['originAnnotations', 'managedByLabel'] })).toBe(`${header}buildMetadata:\n- originAnnotations\n- managedByLabel\n`);
    expect(after(`${header}buildMetadata: [managedByLabel]\n`, { kind: 'addBuildMetadata', options: ['originAnnotations'] })).toBe(`${header}buildMetadata: [managedByLabel, originAnnotations]\n`);
    expect(() => after(`${header}buildMetadata: [originAnnotations]\n`, { kind: 'addBuildMetadata', options: ['originAnnotations'] })).toThrow(
      'buildMetadata option originAnnotations already in kustomization file',
    );
  });

  it('set replaces the options; remove drops them, and the field when none is left', () => {
    const text = `${header}buildMetadata: [originAnnotations, transformerAnnotations, managedByLabel]\n`;
    expect(after(text, { kind: 'setBuildMetadata', options: ['originAnnotations'] })).toBe(`${header}buildMetadata: [originAnnotations]\n`);
    expect(after(header, { kind: 'setBuildMetadata', options: ['managedByLabel'] })).toBe(`${header}buildMetadata:\n- managedByLabel\n`);
    expect(after(text, { kind: 'removeBuildMetadata', options: ['originAnnotations', 'managedByLabel'] })).toBe(`${header}buildMetadata: [transformerAnnotations]\n`);
    expect(after(text, { kind: 'removeBuildMetadata', options: ['originAnnotations', 'managedByLabel', 'transformerAnnotations'] })).toBe(header);
  });

  it('knows three options', () => {
    for (const kind of ['addBuildMetadata', 'setBuildMetadata', 'removeBuildMetadata'] as const) {
      expect(() => after(header, { kind, options: ['invalid_option'] })).toThrow('invalid buildMetadata option: invalid_option');
      expect(() => after(header, { kind, options: [] })).toThrow('must specify a buildMetadata option');
    }
  });
});

describe('edit add generator|transformer, remove transformer', () => {
  it('adds the matches of Go patterns, notes a pattern without match and a path already there', () => {
    const outcome = renderEdit(tree(`${header}transformers:\n- patch.yaml\n`), '/app', { kind: 'addTransformer', paths: ['p*.yaml', 'config/*', 'none*'] });
    expect(outcome.after).toBe(`${header}transformers:\n- patch.yaml\n- config/a.properties\n- config/b.properties\n`);
    expect(outcome.notes).toEqual(['none* has no match', 'transformer patch.yaml already in kustomization file']);
    expect(after(header, { kind: 'addGenerator', paths: ['service.yaml'] })).toBe(`${header}generators:\n- service.yaml\n`);
  });

  it('changes nothing when nothing matches, and needs a pattern', () => {
    const outcome = renderEdit(tree(header), '/app', { kind: 'addGenerator', paths: ['missing.yaml'] });
    expect(outcome.changed).toBe(false);
    expect(outcome.notes).toEqual(['missing.yaml has no match']);
    expect(() => after(header, { kind: 'addGenerator', paths: [] })).toThrow('must specify a yaml file which contains a generator plugin resource');
    expect(() => after(header, { kind: 'addTransformer', paths: [] })).toThrow('must specify a yaml file which contains a transformer plugin resource');
  });

  it('remove transformer drops the entries matching Go patterns', () => {
    const text = `${header}transformers:\n- foo/t1.yaml\n- foo/t2.yaml\n- keep/me.yaml\n- t3.yaml\n`;
    expect(after(text, { kind: 'removeTransformer', patterns: ['foo/*.yaml', 't?.yaml'] })).toBe(`${header}transformers:\n- keep/me.yaml\n`);
    expect(after(text, { kind: 'removeTransformer', patterns: ['nothing'] })).toBe(text);
    expect(() => after(text, { kind: 'removeTransformer', patterns: [] })).toThrow('must specify a transformer file');
  });
});

describe('edit add patch', () => {
  it('appends an entry, keys sorted, the target without empty fields', () => {
    expect(after(header, { kind: 'addPatch', patch: { path: 'patch.yaml', target: { kind: 'Deployment', name: 'web', group: '' } } })).toBe(
      `${header}patches:\n- path: patch.yaml\n  target:\n    kind: Deployment\n    name: web\n`,
    );
  });

  it('writes an inline patch as a literal block', () => {
    expect(after(header, { kind: 'addPatch', patch: { patch: '- op: replace\n  path: /spec/replicas\n  value: 3\n', target: { kind: 'Deployment' } } })).toBe(
      `${header}patches:\n- patch: |\n    - op: replace\n      path: /spec/replicas\n      value: 3\n  target:\n    kind: Deployment\n`,
    );
  });

  it('leaves the file as it is when an equal patch is there', () => {
    const text = `${header}patches:\n- path: patch.yaml\n`;
    const outcome = renderEdit(tree(text), '/app', { kind: 'addPatch', patch: { path: 'patch.yaml' } });
    expect(outcome.changed).toBe(false);
    expect(outcome.notes).toEqual(['patch already in kustomization file']);
  });

  it('needs exactly one of path and patch', () => {
    expect(() => after(header, { kind: 'addPatch', patch: {} })).toThrow('must provide either patch or path');
    expect(() => after(header, { kind: 'addPatch', patch: { path: 'a', patch: 'b' } })).toThrow("patch and path can't be set at the same time");
  });
});

describe('edit add label|annotation, set label|annotation', () => {
  it('adds commonLabels as a sorted map, and keys into an existing sorted map in order', () => {
    expect(after(header, { kind: 'addLabel', labels: { tier: 'web', app: 'shop' } })).toBe(`${header}commonLabels:\n  app: shop\n  tier: web\n`);
    expect(after(`${header}commonLabels:\n  app: shop\n  zone: a\n`, { kind: 'addLabel', labels: { env: 'true' } })).toBe(`${header}commonLabels:\n  app: shop\n  env: "true"\n  zone: a\n`);
  });

  it('refuses a present key unless forced', () => {
    const text = `${header}commonAnnotations:\n  owner: a\n`;
    expect(() => after(text, { kind: 'addAnnotation', annotations: { owner: 'b' } })).toThrow('annotation owner already in kustomization file. Use --force to override.');
    expect(after(text, { kind: 'addAnnotation', annotations: { owner: 'b' }, force: true })).toBe(`${header}commonAnnotations:\n  owner: b\n`);
  });

  it('--without-selector adds a labels entry; --include-templates needs it', () => {
    expect(after(header, { kind: 'addLabel', labels: { app: 'shop' }, withoutSelector: true, includeTemplates: true })).toBe(`${header}labels:\n- includeTemplates: true\n  pairs:\n    app: shop\n`);
    expect(() => after(header, { kind: 'addLabel', labels: { app: 'shop' }, includeTemplates: true })).toThrow('--without-selector flag must be specified for --include-templates to work');
  });

  it('--without-selector adds to the first labels entry with the same settings (v5.8), refusing a present key unless forced', () => {
    const text = `${header}labels:\n- pairs:\n    app: shop\n  includeSelectors: true\n- pairs:\n    key: old\n- includeTemplates: true\n  pairs:\n    key: old\n`;
    expect(() => after(text, { kind: 'addLabel', labels: { key: 'new' }, withoutSelector: true })).toThrow('label key already in kustomization file. Use --force to override.');
    expect(after(text, { kind: 'addLabel', labels: { key: 'new', zone: 'eu' }, withoutSelector: true, includeTemplates: true, force: true })).toBe(
      `${header}labels:\n- pairs:\n    app: shop\n  includeSelectors: true\n- pairs:\n    key: old\n- includeTemplates: true\n  pairs:\n    key: new\n    zone: eu\n`,
    );
    expect(after(`${header}labels:\n- pairs:\n    app: shop\n  includeSelectors: true\n`, { kind: 'addLabel', labels: { b: '1', a: '2' }, withoutSelector: true })).toBe(
      `${header}labels:\n- pairs:\n    app: shop\n  includeSelectors: true\n- pairs:\n    a: "2"\n    b: "1"\n`,
    );
  });

  it('set label|annotation overwrite without asking; annotation keys are checked', () => {
    expect(after(`${header}commonLabels:\n  app: shop\n`, { kind: 'setLabel', labels: { app: 'store' } })).toBe(`${header}commonLabels:\n  app: store\n`);
    expect(after(header, { kind: 'setAnnotation', annotations: { 'example.com/owner': 'team' } })).toBe(`${header}commonAnnotations:\n  example.com/owner: team\n`);
    expect(() => after(header, { kind: 'setAnnotation', annotations: { 'bad key': 'x' } })).toThrow('invalid annotation key');
  });
});

describe('edit add configmap|secret', () => {
  it('adds a new generator, keys sorted, file sources expanded', () => {
    expect(after(header, { kind: 'addConfigMap', generator: { name: 'settings', literals: ['mode=fast'], files: ['config/*.properties'] } })).toBe(
      `${header}configMapGenerator:\n- files:\n  - config/a.properties\n  - config/b.properties\n  literals:\n  - mode=fast\n  name: settings\n`,
    );
  });

  it('adds sources to the generator of the same name and namespace (empty and default are the same)', () => {
    const text = `${header}configMapGenerator:\n- name: settings\n  namespace: default\n  literals:\n  - a=1\n`;
    expect(after(text, { kind: 'addConfigMap', generator: { name: 'settings', literals: ['b=2'], behavior: 'merge' } })).toBe(
      `${header}configMapGenerator:\n- name: settings\n  namespace: default\n  literals:\n  - a=1\n  - b=2\n  behavior: merge\n`,
    );
  });

  it('gives a new secret its type, Opaque by default', () => {
    expect(after(header, { kind: 'addSecret', generator: { name: 'creds', envFile: 'app.env', disableNameSuffixHash: true } })).toBe(
      `${header}secretGenerator:\n- envs:\n  - app.env\n  name: creds\n  options:\n    disableNameSuffixHash: true\n  type: Opaque\n`,
    );
  });

  it('checks the flags and that the generator still generates', () => {
    expect(() => after(header, { kind: 'addConfigMap', generator: { name: 'x' } })).toThrow('at least from-env-file, or from-file or from-literal must be set');
    expect(() => after(header, { kind: 'addConfigMap', generator: { name: 'x', envFile: 'app.env', literals: ['a=b'] } })).toThrow('from-env-file cannot be combined');
    expect(() => after(header, { kind: 'addConfigMap', generator: { name: 'x', literals: ['a=b'], behavior: 'upsert' } })).toThrow('invalid behavior');
    expect(() => after(`${header}configMapGenerator:\n- name: x\n  literals:\n  - a=1\n`, { kind: 'addConfigMap', generator: { name: 'x', literals: ['a=2'] } })).toThrow(
      'failed to create configmap: configmap x illegally repeats the key `a`',
    );
    expect(() => after(header, { kind: 'addSecret', generator: { name: 'x', envFile: 'missing.env' } })).toThrow('failed to create secret');
  });
});

describe('edit set image|replicas', () => {
  it('replaces an entry of the same name in place (its other values dropped, * keeps one) and inserts new ones by name', () => {
    const text = `${header}images:\n- name: b\n  newName: registry/b\n  newTag: "1"\n  tagSuffix: -x\n- name: d\n  newTag: "2"\n`;
    const edited = after(text, { kind: 'setImage', images: [{ name: 'b', newName: '*', newTag: '3' }, { name: 'a', digest: 'sha256:abc' }, { name: 'c', newTag: '*' }] });
    expect(edited).toBe(`${header}images:\n- digest: sha256:abc\n  name: a\n- name: b\n  newName: registry/b\n  newTag: "3"\n- name: c\n- name: d\n  newTag: "2"\n`);
  });

  it('sets replica counts', () => {
    const text = `${header}replicas:\n- name: web\n  count: 1\n`;
    expect(after(text, { kind: 'setReplicas', replicas: [{ name: 'web', count: 3 }, { name: 'api', count: 2 }] })).toBe(`${header}replicas:\n- count: 2\n  name: api\n- name: web\n  count: 3\n`);
  });
});

describe('edit set namespace|nameprefix|namesuffix', () => {
  it('adds, replaces (keeping quotes) and, with an empty value, removes the field', () => {
    expect(after(header, { kind: 'setNamespace', namespace: 'staging' })).toBe(`${header}namespace: staging\n`);
    expect(after(`${header}namePrefix: 'dev-'\n`, { kind: 'setNamePrefix', prefix: 'prod-' })).toBe(`${header}namePrefix: 'prod-'\n`);
    expect(after(`${header}nameSuffix: -v1\nnamespace: x\n`, { kind: 'setNameSuffix', suffix: '' })).toBe(`${header}namespace: x\n`);
  });

  it('quotes values YAML 1.1 would read as something else', () => {
    expect(after(header, { kind: 'setNamespace', namespace: 'yes' })).toBe(`${header}namespace: "yes"\n`);
  });
});

describe('edit remove resource|patch|label|annotation', () => {
  it('removes resources matching Go patterns, from bases too; an emptied field goes', () => {
    expect(after(`${header}resources:\n- a.yaml\n- sub/b.yaml\n- c.yml\nbases:\n- x.yaml\n`, { kind: 'removeResource', patterns: ['*.yaml'] })).toBe(`${header}resources:\n- sub/b.yaml\n- c.yml\n`);
  });

  it('removes equal patches only', () => {
    const text = `${header}patches:\n- path: patch.yaml\n- path: patch.yaml\n  target:\n    kind: Deployment\n`;
    expect(after(text, { kind: 'removePatch', patch: { path: 'patch.yaml', target: { kind: 'Deployment' } } })).toBe(`${header}patches:\n- path: patch.yaml\n`);
    expect(renderEdit(tree(text), '/app', { kind: 'removePatch', patch: { path: 'other.yaml' } }).notes).toEqual(["patch  doesn't exist in kustomization file"]);
  });

  it('removes labels and annotations, failing on missing ones unless told to ignore them', () => {
    const text = `${header}commonLabels:\n  app: shop\n  tier: web\n`;
    expect(after(text, { kind: 'removeLabel', keys: ['tier'] })).toBe(`${header}commonLabels:\n  app: shop\n`);
    expect(after(text, { kind: 'removeLabel', keys: ['tier', 'app'] })).toBe(header);
    expect(() => after(text, { kind: 'removeLabel', keys: ['zone'] })).toThrow('label zone is not defined in kustomization file');
    expect(after(text, { kind: 'removeLabel', keys: ['zone'], ignoreMissing: true })).toBe(text);
    expect(() => after(header, { kind: 'removeAnnotation', keys: ['a'] })).toThrow('commonAnnotations is not defined in kustomization file');
    expect(() => after(header, { kind: 'removeAnnotation', keys: [''] })).toThrow("invalid annotation: '' (name is empty)");
  });
});

describe('edit fix', () => {
  it('moves deprecated fields to their replacements, renaming in place', () => {
    const text = [
      'bases:',
      '- ../base',
      'commonLabels:',
      '  app: shop',
      'patchesStrategicMerge:',
      '- patch.yaml',
      '- |-',
      '  apiVersion: apps/v1',
      '  kind: Deployment',
      '  metadata:',
      '    name: web',
      'patchesJson6902:',
      '- path: ops.yaml',
      '  target:',
      '    kind: Deployment',
      '    name: web',
      'imageTags:',
      '- name: nginx',
      '  newTag: "1.27"',
      'configMapGenerator:',
      '- name: env',
      '  env: app.env',
      '',
    ].join('\n');
    const outcome = renderEdit(tree(text, { '/app/ops.yaml': '- op: add\n  path: /spec/paused\n  value: true\n' }), '/app', { kind: 'fix' });
    expect(outcome.after).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '- ../base',
        'labels:',
        '- includeSelectors: true',
        '  pairs:',
        '    app: shop',
        'patches:',
        '- path: ops.yaml',
        '  target:',
        '    kind: Deployment',
        '    name: web',
        '- path: patch.yaml',
        '- patch: |-',
        '    apiVersion: apps/v1',
        '    kind: Deployment',
        '    metadata:',
        '      name: web',
        'images:',
        '- name: nginx',
        '  newTag: "1.27"',
        'configMapGenerator:',
        '- name: env',
        '  envs:',
        '  - app.env',
        '',
      ].join('\n'),
    );
  });

  it('says nothing when the build is unchanged, and warns with a diff when it changes', () => {
    const deploymentBase = { '/base/kustomization.yaml': 'resources:\n- web.yaml\n', '/base/web.yaml': deployment };
    expect(renderEdit(tree('bases:\n- ../base\n', deploymentBase), '/app', { kind: 'fix' }).notes).toEqual([]);
    // kustomize runs patchesStrategicMerge before patches; fixed, the strategic-merge entry comes after the
    // inline patch, so replicas end at 2 instead of 3 (both builds checked with `kubectl kustomize`).
    const text = `${header}resources:\n- ../base\npatches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 3\npatchesStrategicMerge:\n- patch.yaml\n`;
    const outcome = renderEdit(tree(text, deploymentBase), '/app', { kind: 'fix' });
    expect(outcome.after).toBe(`${header}resources:\n- ../base\npatches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 3\n- path: patch.yaml\n`);
    expect(outcome.notes).toEqual([
      "Warning: 'Fixed' kustomization now produces different output when running `kustomize build`:\n--- build before fix\n+++ build after fix\n@@ -3,4 +3,4 @@\n metadata:\n   name: web\n spec:\n-  replicas: 3\n+  replicas: 2\n",
    ]);
  });

  it('fills in the apiVersion of a Component', () => {
    expect(after('kind: Component\nresources:\n- deployment.yaml\n', { kind: 'fix' })).toBe('apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- deployment.yaml\n');
  });

  it('refuses a label that is in both commonLabels and labels', () => {
    expect(() => after(`${header}commonLabels:\n  app: a\nlabels:\n- pairs:\n    app: b\n`, { kind: 'fix' })).toThrow("label name 'app' exists in both commonLabels and labels");
  });
});

describe('the kustomization file', () => {
  it('must be there, once', () => {
    const none = new MemoryFileSystem({ '/app/x.yaml': '' });
    expect(() => renderEdit(none, '/app', { kind: 'setNamespace', namespace: 'a' })).toThrow("Missing kustomization file 'kustomization.yaml'.");
    const two = new MemoryFileSystem({ '/app/kustomization.yaml': header, '/app/kustomization.yml': header });
    expect(() => renderEdit(two, '/app', { kind: 'setNamespace', namespace: 'a' })).toThrow('Found multiple kustomization file: [kustomization.yaml kustomization.yml]');
  });

  it('keeps its layout: indented sequences, four-space maps, flow lists, CRLF line endings, field case', () => {
    expect(after(`${header}resources:\n  - deployment.yaml\n`, { kind: 'addResource', paths: ['service.yaml'] })).toBe(`${header}resources:\n  - deployment.yaml\n  - service.yaml\n`);
    expect(after(`${header}commonLabels:\n    app: shop\n`, { kind: 'addLabel', labels: { tier: 'web' } })).toBe(`${header}commonLabels:\n    app: shop\n    tier: web\n`);
    expect(after(`${header}resources: [deployment.yaml]\n`, { kind: 'addResource', paths: ['service.yaml'] })).toBe(`${header}resources: [deployment.yaml, service.yaml]\n`);
    const crlf = `${header}Resources:\n- deployment.yaml\n`.replace(/\n/g, '\r\n');
    expect(after(crlf, { kind: 'addResource', paths: ['service.yaml'] })).toBe(`${header}Resources:\n- deployment.yaml\n- service.yaml\n`.replace(/\n/g, '\r\n'));
  });

  it('is read as kustomize reads it: an unknown field is an error', () => {
    expect(() => after(`${header}resourcez: []\n`, { kind: 'setNamespace', namespace: 'a' })).toThrow('invalid Kustomization: unknown field "resourcez"');
  });
});

/** A commented kustomization that exercises every comment position. */
const commented = `# Overlay for the shop (header comment)
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization

# What we deploy (comment before a field)
resources:
  # the deployment (comment before an item)
  - deployment.yaml # trailing item comment
  - old.yaml
namePrefix: shop- # trailing value comment
commonLabels:
  # labels on everything (comment inside a map)
  app: shop # the app
  tier: web
commonAnnotations:
  owner: team-a # who to call
  note: drop-me
patches:
  - path: patch.yaml # the replicas patch
  - path: other.yaml
images:
  - name: nginx # proxy image
    newTag: "1.25"
replicas:
  - name: web # web tier
    count: 1
configMapGenerator:
  - name: settings # runtime settings
    literals:
      - mode=fast
  - name: old-settings
    literals:
      - a=b
secretGenerator:
  - name: creds # credentials
    literals:
      - token=abc # rotated monthly
  - name: old-creds
    literals:
      - token=old
transformers:
  - old-transformer.yaml # retired
  - transformer.yaml
buildMetadata: [originAnnotations, managedByLabel] # provenance
# closing comment
`;

const commentTexts = (text: string) => [...text.matchAll(/#\s*(.*)$/gm)].map((match) => match[1]!.trim());

const everyCommand: readonly KustomizationEdit[] = [
  { kind: 'addResource', paths: ['service.yaml'] },
  { kind: 'addComponent', paths: ['../component'] },
  { kind: 'addPatch', patch: { path: 'patch.yaml', target: { kind: 'Deployment' } } },
  { kind: 'addLabel', labels: { zone: 'eu' } },
  { kind: 'addAnnotation', annotations: { contact: 'ops' } },
  { kind: 'addConfigMap', generator: { name: 'settings', literals: ['level=debug'] } },
  { kind: 'addSecret', generator: { name: 'creds', literals: ['user=x'] } },
  { kind: 'addBase', paths: ['../base'] },
  { kind: 'addBuildMetadata', options: ['transformerAnnotations'] },
  { kind: 'addGenerator', paths: ['service.yaml'] },
  { kind: 'addTransformer', paths: ['patch.yaml'] },
  { kind: 'setBuildMetadata', options: ['transformerAnnotations'] },
  { kind: 'setConfigMap', generator: { name: 'settings', literals: ['mode=slow'] } },
  { kind: 'setSecret', generator: { name: 'creds', literals: ['token=xyz'], newNamespace: 'vault' } },
  { kind: 'setImage', images: [{ name: 'nginx', newTag: '1.27' }, { name: 'redis', newTag: '7' }] },
  { kind: 'setNamespace', namespace: 'shop' },
  { kind: 'setNamePrefix', prefix: 'store-' },
  { kind: 'setNameSuffix', suffix: '-v2' },
  { kind: 'setReplicas', replicas: [{ name: 'web', count: 3 }] },
  { kind: 'setLabel', labels: { tier: 'frontend' } },
  { kind: 'setAnnotation', annotations: { owner: 'team-b' } },
  { kind: 'removeResource', patterns: ['old.yaml'] },
  { kind: 'removePatch', patch: { path: 'other.yaml' } },
  { kind: 'removeLabel', keys: ['tier'] },
  { kind: 'removeAnnotation', keys: ['note'] },
  { kind: 'removeBuildMetadata', options: ['managedByLabel'] },
  { kind: 'removeConfigMap', names: ['old-settings'] },
  { kind: 'removeSecret', names: ['old-creds'] },
  { kind: 'removeTransformer', patterns: ['t*.yaml'] },
  { kind: 'fix' },
];

/** One failing call per command: bad arguments, or a state the command refuses. */
const failingEdits: readonly KustomizationEdit[] = [
  { kind: 'addResource', paths: ['missing.yaml'] },
  { kind: 'addComponent', paths: ['../missing'] },
  { kind: 'addPatch', patch: { path: 'a.yaml', patch: 'b' } },
  { kind: 'addLabel', labels: { app: 'other' } },
  { kind: 'addAnnotation', annotations: { owner: 'other' } },
  { kind: 'addConfigMap', generator: { name: 'settings', literals: ['mode=slow'] } },
  { kind: 'addSecret', generator: { name: 'creds', files: ['missing.txt'] } },
  { kind: 'addBase', paths: ['../missing'] },
  { kind: 'addBuildMetadata', options: ['originAnnotations'] },
  { kind: 'addTransformer', paths: ['[unclosed'] },
  { kind: 'setBuildMetadata', options: ['unknown'] },
  { kind: 'setConfigMap', generator: { name: 'settings', literals: ['missing=x'] } },
  { kind: 'setSecret', generator: { name: 'missing', literals: ['token=x'] } },
  { kind: 'setImage', images: [] },
  { kind: 'setReplicas', replicas: [] },
  { kind: 'setLabel', labels: {} },
  { kind: 'setAnnotation', annotations: { 'not a key': 'x' } },
  { kind: 'removeResource', patterns: ['[unclosed'] },
  { kind: 'removePatch', patch: { path: 'a', patch: 'b' } },
  { kind: 'removeLabel', keys: ['missing'] },
  { kind: 'removeAnnotation', keys: ['missing'] },
  { kind: 'removeBuildMetadata', options: [] },
  { kind: 'removeConfigMap', names: ['missing'] },
  { kind: 'removeSecret', names: ['creds'], namespace: 'elsewhere' },
  { kind: 'removeTransformer', patterns: ['[unclosed'] },
];

/** A writable file system that records writes. */
function recording(fs: MemoryFileSystem): WritableFileSystem & { writes: string[] } {
  const writes: string[] = [];
  return Object.assign(Object.create(fs) as MemoryFileSystem, {
    writes,
    writeFile(path: string, content: string | Uint8Array) {
      writes.push(path);
      fs.writeFile(path, content);
    },
  });
}

describe('every edit command keeps comments', () => {
  for (const edit of everyCommand) {
    it(`${edit.kind}: every comment is still there, the edit is made, and only changed lines differ`, () => {
      const fs = tree(commented, { '/app/other.yaml': '', '/app/old.yaml': '' });
      const outcome = editKustomization(fs, '/app', edit);
      expect(outcome.changed).toBe(true);
      const text = readText(fs, '/app/kustomization.yaml');
      expect(text).toBe(outcome.after);
      for (const comment of commentTexts(commented)) expect(text).toContain(comment);
      // Lines the edit did not touch keep their bytes: the header block is identical.
      expect(text.split('\n').slice(0, 4)).toEqual(commented.split('\n').slice(0, 4));
    });
  }
});

describe('a failing edit leaves the file byte for byte unchanged', () => {
  for (const edit of failingEdits) {
    it(`${edit.kind} (${JSON.stringify(edit).slice(0, 60)})`, () => {
      const fs = recording(tree(commented));
      expect(() => editKustomization(fs, '/app', edit)).toThrow();
      expect(fs.writes).toEqual([]);
      expect(readText(fs, '/app/kustomization.yaml')).toBe(commented);
    });
  }

  for (const edit of [...everyCommand.filter((edit) => edit.kind.startsWith('set') || edit.kind === 'fix')]) {
    it(`${edit.kind} on an invalid kustomization`, () => {
      const invalid = `${commented}resourcez: []\n`;
      const fs = recording(tree(invalid));
      expect(() => editKustomization(fs, '/app', edit)).toThrow('unknown field "resourcez"');
      expect(fs.writes).toEqual([]);
      expect(readText(fs, '/app/kustomization.yaml')).toBe(invalid);
    });
  }
});

describe('laws of the edit engine', () => {
  const layout = fc.record({
    names: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}\.yaml$/), { minLength: 1, maxLength: 6 }),
    indented: fc.boolean(),
    commented: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    prefix: fc.option(fc.constantFrom('dev-', "'quoted-'", '"x"'), { nil: undefined }),
  });
  const render = (spec: { names: string[]; indented: boolean; commented: boolean[]; prefix: string | undefined }) =>
    [
      '# header',
      ...(spec.prefix ? [`namePrefix: ${spec.prefix} # prefix`] : []),
      'resources:',
      ...spec.names.map((name, i) => `${spec.indented ? '  ' : ''}- ${name}${spec.commented[i] ? ` # about ${name}` : ''}`),
      '# footer',
      '',
    ].join('\n');
  const resources = (text: string) => {
    const parsed = parseYaml(text, 'kustomization.yaml') as { resources?: string[] } | null;
    return parsed?.resources ?? [];
  };

  it('adding a resource appends exactly it and keeps every comment and every other line', () => {
    fc.assert(
      fc.property(layout, fc.stringMatching(/^[a-z]{1,6}\.yml$/), (spec, added) => {
        const text = render(spec);
        const edited = renderEdit(tree(text), '/app', { kind: 'addResource', paths: [added], noVerify: true }).after;
        expect(resources(edited)).toEqual([...spec.names, added]);
        for (const comment of commentTexts(text)) expect(edited).toContain(comment);
        const kept = text.split('\n');
        expect(edited.split('\n').filter((line) => !kept.includes(line))).toEqual([`${spec.indented ? '  ' : ''}- ${added}`]);
      }),
    );
  });

  it('adding a transformer or buildMetadata option and removing it gives the file back byte for byte', () => {
    fc.assert(
      fc.property(layout, fc.boolean(), (spec, flow) => {
        fc.pre(!spec.names.includes('service.yaml'));
        const text = render(spec).replace('resources:', 'transformers:');
        const once = (input: string, edit: KustomizationEdit) => {
          const fs = tree(input);
          editKustomization(fs, '/app', edit);
          return readText(fs, '/app/kustomization.yaml');
        };
        expect(once(once(text, { kind: 'addTransformer', paths: ['service.yaml'] }), { kind: 'removeTransformer', patterns: ['service.yaml'] })).toBe(text);
        const withOptions = `${text}buildMetadata:${flow ? ' [originAnnotations]' : `\n${spec.indented ? '  ' : ''}- originAnnotations`}\n`;
        expect(once(once(withOptions, { kind: 'addBuildMetadata', options: ['managedByLabel'] }), { kind: 'removeBuildMetadata', options: ['managedByLabel'] })).toBe(withOptions);
      }),
    );
  });

  it('removing a resource removes exactly its line', () => {
    fc.assert(
      fc.property(layout, fc.nat(), (spec, pick) => {
        const text = render(spec);
        const removed = spec.names[pick % spec.names.length]!;
        const edited = renderEdit(tree(text), '/app', { kind: 'removeResource', patterns: [removed] }).after;
        if (spec.names.length === 1) {
          expect(edited).not.toContain('resources:');
          return;
        }
        const lines = text.split('\n');
        const index = lines.findIndex((line) => line.includes(`- ${removed}`));
        expect(edited).toBe([...lines.slice(0, index), ...lines.slice(index + 1)].join('\n'));
      }),
    );
  });
});
