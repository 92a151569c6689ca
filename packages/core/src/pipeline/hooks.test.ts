import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import type { RemoteTree } from './hooks.js';
import { build } from './index.js';
import { errorOf } from '../test-support.js';
import type { KustomizeVersion } from '../versions.js';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('remote resources', () => {
  const fs = new MemoryFileSystem({
    'app/kustomization.yaml': 'namePrefix: p-\nresources:\n- https://github.com/example/repo//deploy?ref=v1\n- https://example.com/cm.yaml\n',
  });

  it('are refused without a resolver, naming the field', () => {
    const error = errorOf(() => build({ fs, path: '/app' }));
    expect(error.code).toBe('unsupported');
    expect(error.location.field).toBe('resources');
    expect(error.message).toContain('https://github.com/example/repo//deploy?ref=v1');
  });

  it('are built from the trees a resolver returns: directories as kustomizations, files as resources', () => {
    const asked: string[] = [];
    const { objects } = build({
      fs,
      path: '/app',
      reorder: 'none',
      hooks: {
        resolveRemote: (address): RemoteTree => {
          asked.push(address);
          return address.endsWith('cm.yaml')
            ? { files: { 'cm.yaml': configMap('plain') }, path: 'cm.yaml' }
            : { files: { 'deploy/kustomization.yaml': 'nameSuffix: -v1\nresources:\n- cm.yaml\n', 'deploy/cm.yaml': configMap('remote') }, path: 'deploy' };
        },
      },
    });
    expect(asked).toEqual(['https://github.com/example/repo//deploy?ref=v1', 'https://example.com/cm.yaml']);
    expect(objects.map((o) => (o['metadata'] as { name: string }).name)).toEqual(['p-remote-v1', 'p-plain']);
  });
});

describe('remote files', () => {
  const url = (name: string) => `https://example.com/files/${name}`;
  // Every field kustomize reads through its loader's Load, each naming an http(s) address.
  const fields: [string, string, Record<string, string>][] = [
    ['patches[].path', `resources:\n- cm.yaml\npatches:\n- path: ${url('patch.yaml')}\n`, { 'patch.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  patched: "yes"\n' }],
    ['patchesStrategicMerge', `resources:\n- cm.yaml\npatchesStrategicMerge:\n- ${url('patch.yaml')}\n`, { 'patch.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  patched: "yes"\n' }],
    ['configurations', `resources:\n- cm.yaml\nconfigurations:\n- ${url('config.yaml')}\n`, { 'config.yaml': 'commonLabels:\n- path: data/label\n  create: true\n' }],
    ['crds', `resources:\n- cm.yaml\ncrds:\n- ${url('crd.json')}\n`, { 'crd.json': '{}' }],
    ['configMapGenerator files', `configMapGenerator:\n- name: gen\n  files:\n  - ${url('app.conf')}\n`, { 'app.conf': 'x = 1\n' }],
    ['configMapGenerator envs', `configMapGenerator:\n- name: gen\n  envs:\n  - ${url('app.env')}\n`, { 'app.env': 'X=1\n' }],
    ['replacements[].path', `resources:\n- cm.yaml\nreplacements:\n- path: ${url('replacement.yaml')}\n`, { 'replacement.yaml': 'source:\n  kind: ConfigMap\n  fieldPath: metadata.name\ntargets:\n- select:\n    kind: ConfigMap\n  fieldPaths:\n  - data.a\n' }],
    ['openapi.path', `resources:\n- cm.yaml\nopenapi:\n  path: ${url('schema.json')}\n`, { 'schema.json': '{"definitions": {}}' }],
  ];

  it.each(fields)('in %s are refused without a hook, and never read from a local file of that name', (_field, kustomization, remote) => {
    const local = Object.fromEntries(Object.entries(remote).map(([name, text]) => [`app/https:/example.com/files/${name}`, text]));
    const fs = new MemoryFileSystem({ 'app/kustomization.yaml': kustomization, 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n', ...local });
    const error = errorOf(() => build({ fs, path: '/app' }));
    expect(error.code).toBe('unsupported');
    // Generators put kustomize's words for the step before it (`loading KV pairs: file sources: [...]: `).
    expect(error.message).toMatch(/(^|: )remote file 'https:\/\/example\.com\/files\/[^']+' needs the network/);
  });

  it.each(fields)('in %s are read through the readRemoteFile hook', (_field, kustomization, remote) => {
    const fs = new MemoryFileSystem({ 'app/kustomization.yaml': kustomization, 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n' });
    const asked: string[] = [];
    const hooks = {
      readRemoteFile: (address: string) => {
        asked.push(address);
        return remote[address.slice(url('').length)] ?? '';
      },
    };
    build({ fs, path: '/app', hooks });
    expect(asked).toEqual(Object.keys(remote).map(url));
  });

  it('read through the hook change the build as local files do', () => {
    const kustomization = `resources:\n- cm.yaml\npatches:\n- path: ${url('patch.yaml')}\n`;
    const files = { 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n', 'app/patch.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  patched: "yes"\n' };
    const remote = build({ fs: new MemoryFileSystem({ ...files, 'app/kustomization.yaml': kustomization }), path: '/app', hooks: { readRemoteFile: () => files['app/patch.yaml'] } });
    const local = build({ fs: new MemoryFileSystem({ ...files, 'app/kustomization.yaml': 'resources:\n- cm.yaml\npatches:\n- path: patch.yaml\n' }), path: '/app' });
    expect(remote.yaml).toBe(local.yaml);
  });

  it('of a hook that fails make a hook-failed error naming the address', () => {
    const fs = new MemoryFileSystem({ 'app/kustomization.yaml': `configMapGenerator:\n- name: gen\n  files:\n  - ${url('a')}\n` });
    const error = errorOf(() => build({ fs, path: '/app', hooks: { readRemoteFile: () => { throw new Error('connection refused'); } } }));
    expect(error.code).toBe('hook-failed');
    expect(error.message).toBe(`loading KV pairs: file sources: [${url('a')}]: the readRemoteFile hook failed: connection refused`);
    expect(error.location.file).toBe(url('a'));
  });
});

describe('remote components and trees on a file system', () => {
  it('a remote component comes through the resolver, and a tree may be a file system', () => {
    const remote = new MemoryFileSystem({ 'clone/comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nnamePrefix: c-\n' });
    const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\ncomponents:\n- https://github.com/example/repo//comp?ref=v1\n', 'app/cm.yaml': configMap('cm') });
    const { yaml } = build({ fs, path: '/app', hooks: { resolveRemote: () => ({ fs: remote, path: '/clone/comp' }) } });
    expect(yaml).toBe(configMap('c-cm'));
    expect(errorOf(() => build({ fs, path: '/app' })).location.field).toBe('components');
  });
});

describe('helm charts', () => {
  const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'helmCharts:\n- name: redis\n  version: 1.0.0\n  releaseName: cache\n' });

  it('are refused without a renderer, naming the field', () => {
    const error = errorOf(() => build({ fs, path: '/app' }));
    expect(error.code).toBe('unsupported');
    expect(error.location.field).toBe('helmCharts');
  });

  it('are rendered by the renderer a caller passes', () => {
    const { yaml } = build({
      fs,
      path: '/app',
      hooks: { renderHelmChart: (chart) => configMap(`${(chart as { releaseName: string }).releaseName}-config`) },
    });
    expect(yaml).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cache-config\n');
  });
});

describe('helm chart namespaces, by kustomize release', () => {
  const fs = new MemoryFileSystem({
    'base/kustomization.yaml': 'helmCharts:\n- name: redis\n  releaseName: cache\n- name: pinned\n  releaseName: own\n  namespace: fixed\n',
    'overlay/kustomization.yaml': 'namespace: prod\nresources:\n- ../base\n- cm.yaml\n',
    'overlay/cm.yaml': configMap('plain'),
  });
  // A chart whose templates set no namespace, recording the one helm was given.
  const render = (chart: unknown) => {
    const { releaseName, namespace } = chart as { releaseName: string; namespace?: string };
    return `${configMap(`${releaseName}-config`)}data:\n  helmNamespace: "${namespace ?? ''}"\n`;
  };
  const namespaces = (kustomizeVersion: KustomizeVersion) =>
    build({ fs, path: '/overlay', reorder: 'none', kustomizeVersion, hooks: { renderHelmChart: render } }).objects.map((o) => ({
      name: (o['metadata'] as { name: string }).name,
      namespace: (o['metadata'] as { namespace?: string }).namespace,
      helm: (o['data'] as { helmNamespace?: string } | undefined)?.helmNamespace,
    }));

  it('up to v5.7: a chart is given only its own namespace, and namespace: sets its output like any resource', () => {
    const expected = [
      { name: 'cache-config', namespace: 'prod', helm: '' },
      { name: 'own-config', namespace: 'prod', helm: 'fixed' },
      { name: 'plain', namespace: 'prod', helm: undefined },
    ];
    expect(namespaces('v5.5.0')).toEqual(expected);
    expect(namespaces('v5.7.1')).toEqual(expected);
  });

  it("from v5.8: a chart without a namespace takes the nearest kustomization's above, and namespace: leaves chart output alone", () => {
    expect(namespaces('v5.8.1')).toEqual([
      { name: 'cache-config', namespace: undefined, helm: 'prod' },
      { name: 'own-config', namespace: undefined, helm: 'fixed' },
      { name: 'plain', namespace: 'prod', helm: undefined },
    ]);
  });

  it('from v5.8: a helmChartInflationGenerator entry takes it as its releaseNamespace', () => {
    const generatorFs = new MemoryFileSystem({ 'app/kustomization.yaml': 'namespace: prod\nhelmChartInflationGenerator:\n- chartName: redis\n  releaseName: cache\n' });
    const given: unknown[] = [];
    build({ fs: generatorFs, path: '/app', hooks: { renderHelmChart: (chart) => (given.push(chart), '') } });
    expect(given).toEqual([{ chartName: 'redis', releaseName: 'cache', releaseNamespace: 'prod' }]);
  });
});
