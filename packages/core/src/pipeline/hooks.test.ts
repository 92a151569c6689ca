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
