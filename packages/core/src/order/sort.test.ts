import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import { newResource } from '../resource/resource.js';
import { sortResources } from './sort.js';

const resource = (apiVersion: string, kind: string, name: string, namespace?: string) =>
  newResource({ apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } });
const names = (list: ReturnType<typeof sortResources>) => list.map((r) => `${r.object['kind'] as string}/${(r.object['metadata'] as { name: string }).name}`);

describe('sortResources', () => {
  const input = [
    resource('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'hook'),
    resource('apps/v1', 'Deployment', 'b'),
    resource('example.com/v1', 'Widget', 'w'),
    resource('apps/v1', 'Deployment', 'a'),
    resource('v1', 'Service', 's'),
    resource('v1', 'Namespace', 'ns'),
    resource('v1', 'ConfigMap', 'cm', 'z'),
    resource('v1', 'ConfigMap', 'cm', 'a'),
  ];

  it('keeps input order for fifo', () => {
    expect(sortResources(input, { order: 'fifo' })).toEqual(input);
  });

  it('orders by kind rank, then gvk, then namespace and name for legacy', () => {
    expect(names(sortResources(input, { order: 'legacy' }))).toEqual([
      'Namespace/ns',
      'ConfigMap/cm',
      'ConfigMap/cm',
      'Service/s',
      'Deployment/a',
      'Deployment/b',
      'Widget/w',
      'ValidatingWebhookConfiguration/hook',
    ]);
    const configMaps = sortResources(input, { order: 'legacy' }).filter((r) => r.object['kind'] === 'ConfigMap');
    expect(configMaps.map((r) => (r.object['metadata'] as { namespace: string }).namespace)).toEqual(['a', 'z']);
  });

  it('uses the given orderFirst and orderLast', () => {
    const sorted = sortResources(input, { order: 'legacy', legacySortOptions: { orderFirst: ['Widget'], orderLast: ['Namespace'] } });
    expect(names(sorted)[0]).toBe('Widget/w');
    expect(names(sorted).at(-1)).toBe('Namespace/ns');
  });

  it('puts the core Namespace before one of a named group', () => {
    const sorted = sortResources([resource('v1', 'Namespace', 'core'), resource('example.com/v1', 'Namespace', 'custom')], { order: 'legacy' });
    expect(names(sorted)).toEqual(['Namespace/core', 'Namespace/custom']);
  });

  it('rejects unknown orders and legacy options with fifo', () => {
    expect(() => sortResources(input, { order: 'random' })).toThrow(KustomizeError);
    expect(() => sortResources(input, { order: 'fifo', legacySortOptions: {} })).toThrow(/legacySortOptions/);
  });
});
