import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import { newResource, rememberCurrentId, withObject } from './resource.js';
import { parseLabelSelector, selectResources } from './select.js';

describe('parseLabelSelector', () => {
  const cases: [string, Record<string, string>, boolean][] = [
    ['', {}, true],
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'api' }, false],
    ['app!=web', {}, true],
    ['app!=web', { app: 'web' }, false],
    ['tier in (front, back)', { tier: 'back' }, true],
    ['tier in (front,back)', {}, false],
    ['tier notin (front)', {}, true],
    ['tier notin (front)', { tier: 'front' }, false],
    ['app', { app: '' }, true],
    ['!app', { app: 'x' }, false],
    ['app=web,tier', { app: 'web' }, false],
    ['n>3', { n: '4' }, true],
    ['n<3', { n: '4' }, false],
  ];
  for (const [selector, labels, expected] of cases) {
    it(`"${selector}" on ${JSON.stringify(labels)} is ${expected}`, () => {
      expect(parseLabelSelector(selector)(labels)).toBe(expected);
    });
  }

  it('rejects malformed selectors with a typed error', () => {
    expect(() => parseLabelSelector('app=web tier')).toThrow(KustomizeError);
  });
});

describe('selectResources', () => {
  const deployment = newResource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } } });
  const service = newResource({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-svc', namespace: 'prod' } });

  it('anchors id patterns', () => {
    expect(selectResources([deployment, service], { name: 'web' })).toEqual([deployment]);
    expect(selectResources([deployment, service], { name: 'web.*' })).toEqual([deployment, service]);
    expect(selectResources([deployment, service], { kind: 'Deploy' })).toEqual([]);
  });

  it('matches the default namespace for resources without one', () => {
    expect(selectResources([deployment, service], { namespace: 'default' })).toEqual([deployment]);
  });

  it('matches the original name as well as the current one', () => {
    const renamed = withObject(rememberCurrentId(deployment), { ...deployment.object, metadata: { name: 'p-web' } });
    expect(selectResources([renamed], { name: 'web' })).toEqual([renamed]);
    expect(selectResources([renamed], { name: 'p-web' })).toEqual([renamed]);
  });

  it('applies label and annotation selectors', () => {
    expect(selectResources([deployment, service], { labelSelector: 'app=web' })).toEqual([deployment]);
    expect(selectResources([deployment, service], { annotationSelector: 'x' })).toEqual([]);
  });

  it('parses a label selector only for a resource that passed the other tests, as kustomize does', () => {
    // `kubectl kustomize` builds a tree whose patch target has a malformed labelSelector but a kind nothing has.
    expect(selectResources([deployment, service], { kind: 'Secret', labelSelector: 'bad selector ===' })).toEqual([]);
    expect(() => selectResources([deployment, service], { kind: 'Service', labelSelector: 'bad selector ===' })).toThrow(KustomizeError);
  });
});
