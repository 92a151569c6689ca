import { MemoryFileSystem, parseYaml, type JsonObject } from '@kustomize-ts/core';
import { describe, expect, it } from 'vitest';
import { fluxKustomization } from '../test-support.js';
import { fluxBuild, localSourcePath, selectKustomization } from './build.js';
import { generateKustomization, isLocalRelativePath, scanManifests } from './generator.js';
import { defaultIgnorePatterns, isIgnored, loadIgnorePatterns, readIgnorePatterns } from './ignore.js';
import { maskSopsData } from './sops.js';

const flux = (spec: string, name = 'apps', namespace = 'flux-system') => fluxKustomization(spec, { name, namespace });
const configMap = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}data:\n  key: value\n`;

// Expectations follow fluxcd/pkg kustomize_generator.go, sourceignore and flux2 internal/build.
describe('generateKustomization', () => {
  it('lists the manifests of a directory without a kustomization, a kustomization subdirectory as one entry', () => {
    const fs = new MemoryFileSystem({
      '/repo/app/b.yaml': configMap('b'),
      '/repo/app/a.yml': configMap('a'),
      '/repo/app/notes.txt': 'not yaml',
      '/repo/app/base/kustomization.yaml': 'resources: [cm.yaml]\n',
      '/repo/app/base/cm.yaml': configMap('c'),
      '/repo/app/nested/d.yaml': configMap('d'),
    });
    const generated = generateKustomization(fs, '/repo/app', flux(''));
    expect(generated.action).toBe('created');
    expect(generated.file).toBe('/repo/app/kustomization.yaml');
    expect(generated.kustomization).toEqual({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['./a.yml', './b.yaml', './base', './nested/d.yaml'] });
  });

  it('uses a placeholder namespace when nothing is found', () => {
    const fs = new MemoryFileSystem({ '/repo/empty/README.md': '#' });
    expect(generateKustomization(fs, '/repo/empty', flux('')).yaml).toBe('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: _placeholder\n');
  });

  it('merges the Flux spec into an existing kustomization', () => {
    const fs = new MemoryFileSystem({
      '/repo/app/kustomization.yml': 'resources:\n- cm.yaml\nimages:\n- name: web\n  newTag: "1.0"\n  digest: sha256:abc\ncomponents:\n- ../own\nunknownField: dropped\n',
      '/repo/app/cm.yaml': configMap('cm'),
      '/repo/present/kustomization.yaml': 'kind: Component\n',
    });
    const spec = `  targetNamespace: prod
  namePrefix: p-
  nameSuffix: -s
  patches:
  - patch: '[{"op": "add", "path": "/metadata/labels/x", "value": "y"}]'
    target:
      kind: ConfigMap
  images:
  - name: web
    newTag: "2.0"
  - name: api
    newName: registry/api
  components:
  - ../present
  - ../missing
  ignoreMissingComponents: true
  buildMetadata: [transformerAnnotations]
`;
    const generated = generateKustomization(fs, '/repo/app', flux(spec));
    expect(generated.action).toBe('unchanged');
    expect(generated.file).toBe('/repo/app/kustomization.yml');
    expect(generated.kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['cm.yaml'],
      images: [
        { name: 'web', newTag: '2.0' },
        { name: 'api', newName: 'registry/api' },
      ],
      components: ['../own', '../present'],
      namespace: 'prod',
      namePrefix: 'p-',
      nameSuffix: '-s',
      patches: [{ patch: '[{"op": "add", "path": "/metadata/labels/x", "value": "y"}]', target: { kind: 'ConfigMap' } }],
      buildMetadata: ['transformerAnnotations'],
    });
  });

  it('adds origin annotations to an existing kustomization without resources', () => {
    const fs = new MemoryFileSystem({ '/repo/app/kustomization.yaml': 'configMapGenerator:\n- name: gen\n  literals: [a=b]\n' });
    expect(generateKustomization(fs, '/repo/app', flux('')).kustomization.buildMetadata).toEqual(['originAnnotations']);
  });

  it('refuses remote components', () => {
    const fs = new MemoryFileSystem({ '/repo/app/cm.yaml': configMap('cm') });
    expect(() => generateKustomization(fs, '/repo/app', flux('  components:\n  - https://example.com/c\n'))).toThrow("component path 'https://example.com/c' must be local and relative");
  });

  it('filters listed resources with the ignore rules and fails on missing local ones', () => {
    const fs = new MemoryFileSystem({ '/repo/app/kustomization.yaml': 'resources: [a.yaml, b.yaml, https://example.com/r.yaml]\n', '/repo/app/a.yaml': configMap('a'), '/repo/app/b.yaml': configMap('b') });
    expect(generateKustomization(fs, '/repo/app', flux(''), { filter: true, ignore: 'b.yaml' }).kustomization.resources).toEqual(['a.yaml', 'https://example.com/r.yaml']);
    const missing = new MemoryFileSystem({ '/repo/app/kustomization.yaml': 'resources: [gone.yaml]\n' });
    expect(() => generateKustomization(missing, '/repo/app', flux(''), { filter: true })).toThrow('lstat /repo/app/gone.yaml: no such file or directory');
  });
});

describe('scanManifests', () => {
  it('applies Flux defaults only when some pattern exists', () => {
    const fs = new MemoryFileSystem({ '/r/.sops.yaml': 'creation_rules: []\n', '/r/cm.yaml': configMap('cm') });
    expect(() => scanManifests(fs, '/r', [])).toThrow('failed to decode Kubernetes YAML from /r/.sops.yaml');
    expect(scanManifests(fs, '/r', readIgnorePatterns('unrelated.txt', ['', 'r']))).toEqual(['/r/cm.yaml']);
  });
});

describe('ignore patterns', () => {
  const domain = ['', 'repo'];
  it.each([
    ['*.md', '/repo/docs/a.md', false, true],
    ['docs/', '/repo/docs', true, true],
    ['docs/', '/repo/docs', false, false],
    ['/deploy/*.yaml', '/repo/deploy/x.yaml', false, true],
    ['/deploy/*.yaml', '/repo/other/deploy/x.yaml', false, false],
    ['**/test/*.yaml', '/repo/a/b/test/x.yaml', false, true],
  ])('%s against %s (dir %s) ignores: %s', (pattern, path, isDirectory, ignored) => {
    expect(isIgnored(readIgnorePatterns(pattern, domain), path, isDirectory)).toBe(ignored);
  });

  it('lets the last matching pattern decide, `!` re-including', () => {
    expect(isIgnored(readIgnorePatterns('/*\n!keep.yaml\n', domain), '/repo/keep.yaml', false)).toBe(false);
    expect(isIgnored(readIgnorePatterns('/*\n!keep.yaml\n', domain), '/repo/drop.yaml', false)).toBe(true);
  });

  it('matches as go-git does where git (and the ignore package) would not', () => {
    // Re-included below an excluded directory, since every file is matched on its own.
    expect(isIgnored(readIgnorePatterns('dir/\n!dir/keep.yaml\n', domain), '/repo/dir/keep.yaml', false)).toBe(false);
    expect(isIgnored(readIgnorePatterns('dir/\n!dir/keep.yaml\n', domain), '/repo/dir/drop.yaml', false)).toBe(true);
    // `a/**` takes the directory itself.
    expect(isIgnored(readIgnorePatterns('a/**\n', domain), '/repo/a', true)).toBe(true);
    // Go's filepath.Match: `[!a]` holds `!` and `a`.
    expect(isIgnored(readIgnorePatterns('[!a]\n', domain), '/repo/b', false)).toBe(false);
    expect(isIgnored(readIgnorePatterns('[!a]\n', domain), '/repo/!', false)).toBe(true);
  });

  it('reads .sourceignore files per directory and has the usual defaults', () => {
    const fs = new MemoryFileSystem({ '/repo/.sourceignore': '# comment\n*.txt\n', '/repo/sub/.sourceignore': 'local.yaml\n', '/repo/sub/local.yaml': '' });
    const patterns = loadIgnorePatterns(fs, '/repo');
    expect(patterns.map((pattern) => [pattern.domain.join('/'), pattern.segments.join('/')])).toEqual([
      ['/repo', '*.txt'],
      ['/repo/sub', 'local.yaml'],
    ]);
    expect(isIgnored(patterns, '/repo/local.yaml', false)).toBe(false);
    expect(isIgnored(defaultIgnorePatterns(domain), '/repo/.github', true)).toBe(true);
  });

  it('recognises local relative paths', () => {
    expect(isLocalRelativePath('../base')).toBe(true);
    expect(isLocalRelativePath('/abs')).toBe(false);
    expect(isLocalRelativePath('github.com/org/repo')).toBe(false);
    expect(isLocalRelativePath('file:///x')).toBe(false);
  });
});

describe('maskSopsData', () => {
  const secret = (body: string) => parseYaml(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${body}`, 's.yaml') as JsonObject;

  it('masks a fully encrypted Secret and drops its sops metadata', () => {
    const masked = maskSopsData(secret('data:\n  a: RU5DW3h4XQ==\nstringData:\n  b: ENC[x]\nsops:\n  mac: ENC[abc]\n'));
    expect(masked).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'KipTT1BTKio=' }, stringData: { b: '**SOPS**' } });
  });

  it('masks docker config secrets with a JSON mask', () => {
    const masked = maskSopsData(secret('type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: eA==\nsops:\n  mac: ENC[abc]\n'));
    expect(masked.data).toEqual({ '.dockerconfigjson': btoa('{"mask":"**SOPS**"}') });
  });

  it('masks only encrypted-looking values otherwise', () => {
    const encrypted = btoa('sops ENC[AES]');
    const masked = maskSopsData(secret(`data:\n  plain: cGxhaW4=\n  enc: ${encrypted}\n`));
    expect(masked.data).toEqual({ plain: 'cGxhaW4=', enc: 'KipTT1BTKio=' });
  });

  it('leaves other kinds alone', () => {
    const object = parseYaml(configMap('cm'), 'cm.yaml') as JsonObject;
    expect(maskSopsData(object)).toBe(object);
  });
});

describe('fluxBuild', () => {
  const tree = () =>
    new MemoryFileSystem({
      '/repo/deploy/app/cm.yaml': configMap('settings', '  labels:\n    env: ${env:=dev}\n'),
      '/repo/deploy/app/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\nstringData:\n  token: ENC[x]\nsops:\n  mac: ENC[y]\n',
    });

  it('builds, substitutes, labels, masks and prints each object followed by ---', () => {
    const kustomization = flux('  targetNamespace: prod\n  postBuild:\n    substitute:\n      env: prod\n  commonMetadata:\n    annotations:\n      team: web\n');
    const result = fluxBuild({ fs: tree(), path: '/repo/deploy/app', kustomization, dryRun: true });
    expect(result.yaml).toBe(`apiVersion: v1
data:
  key: value
kind: ConfigMap
metadata:
  annotations:
    team: web
  labels:
    env: prod
    kustomize.toolkit.fluxcd.io/name: apps
    kustomize.toolkit.fluxcd.io/namespace: flux-system
  name: settings
  namespace: prod
---
apiVersion: v1
kind: Secret
metadata:
  annotations:
    team: web
  labels:
    kustomize.toolkit.fluxcd.io/name: apps
    kustomize.toolkit.fluxcd.io/namespace: flux-system
  name: token
  namespace: prod
stringData:
  token: '**SOPS**'
---
`);
  });

  it('builds Flux Kustomizations found in the output from local sources', () => {
    const fs = tree();
    fs.addFile('/repo/clusters/dev/child.yaml', 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: child\n  namespace: flux-system\nspec:\n  interval: 1m\n  path: ./deploy/app\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: repo\n');
    const result = fluxBuild({ fs, path: '/repo/clusters/dev', kustomization: flux(''), dryRun: true, recursive: true, localSources: { 'GitRepository/flux-system/repo': '/repo' } });
    expect(result.objects.map((object) => [(object.metadata as JsonObject).name, ((object.metadata as JsonObject).labels as JsonObject)['kustomize.toolkit.fluxcd.io/name']])).toEqual([
      ['child', 'apps'],
      ['settings', 'child'],
      ['token', 'child'],
    ]);
  });
});

describe('kustomization file and local sources', () => {
  const file = '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: apps\n---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  path: ./x\n';

  it('picks the Flux Kustomization by name, accepting an unset namespace', () => {
    expect(selectKustomization(file, 'apps', 'flux-system', 'ks.yaml').spec.path).toBe('./x');
    expect(() => selectKustomization(file, 'other', 'flux-system', 'ks.yaml')).toThrow("failed find kustomization with name 'other' and namespace 'flux-system' in file 'ks.yaml'");
  });

  it('joins the source directory with spec.path', () => {
    const kustomization = flux('  path: ./deploy/../app\n');
    expect(localSourcePath(kustomization, { 'GitRepository/flux-system/repo': './src' })).toBe('src/app');
    expect(() => localSourcePath(kustomization, {})).toThrow('cannot get local path for GitRepository/flux-system/repo of kustomization apps');
  });
});
