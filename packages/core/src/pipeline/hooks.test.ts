import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import type { RemoteTree } from './hooks.js';
import { build } from './index.js';
import { errorOf } from '../test-support.js';

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
