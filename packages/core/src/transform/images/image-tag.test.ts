import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../json.js';
import { newResource } from '../../resource/resource.js';
import { defaultTransformerConfig } from '../fieldspecs/config.js';
import { transformImageTag, type Image } from './image-tag.js';

const pod = (spec: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

function retag(object: JsonObject, imageTag: Image, fieldSpecs = defaultTransformerConfig.images): JsonObject {
  return transformImageTag([newResource(object)], { imageTag, fieldSpecs })[0]!.object;
}

function imageAfter(image: string, imageTag: Image): string {
  const out = retag(pod({ containers: [{ name: 'c', image }] }), imageTag);
  return (((out['spec'] as JsonObject)['containers'] as JsonObject[])[0]!)['image'] as string;
}

describe('transformImageTag', () => {
  // Expectations from `kubectl kustomize` on a Pod with these images.
  it.each<[string, Image, string]>([
    ['nginx:1.0@sha256:123', { name: 'nginx', newTag: '1.2' }, 'nginx:1.2'],
    ['reg.io:5000/app:v1', { name: 'reg.io:5000/app', newName: 'other.io/app' }, 'other.io/app:v1'],
    ['busybox:latest', { name: 'busybox', digest: 'sha256:abc' }, 'busybox@sha256:abc'],
    ['alpine@sha256:000', { name: 'alpine', newTag: '3', digest: 'sha256:def' }, 'alpine:3@sha256:def'],
    ['myXimage:1', { name: 'my.image', newName: 'replaced' }, 'replaced:1'],
    ['nginx-extra:1', { name: 'nginx', newTag: '2' }, 'nginx-extra:1'],
    ['docker.io/nginx:1', { name: 'nginx', newTag: '2' }, 'docker.io/nginx:1'],
    ['nginx@sha256:1', { name: 'nginx', newName: 'n' }, 'n@sha256:1'],
  ])('%s with %j becomes %s', (image, imageTag, expected) => {
    expect(imageAfter(image, imageTag)).toBe(expected);
  });

  it('appends tagSuffix twice where both of kustomize passes reach the image', () => {
    // `kubectl kustomize`: redis:6 with tagSuffix -debian became redis:6-debian-debian in a Pod.
    expect(imageAfter('redis:6', { name: 'redis', tagSuffix: '-debian' })).toBe('redis:6-debian-debian');
    expect(imageAfter('redis', { name: 'redis', tagSuffix: '-debian' })).toBe('redis:-debian-debian');
  });

  it('ignores tagSuffix when newTag or digest is given', () => {
    expect(imageAfter('redis:6', { name: 'redis', newTag: '7', tagSuffix: '-x' })).toBe('redis:7');
  });

  it('updates containers and initContainers lists anywhere, but not ephemeralContainers', () => {
    // `kubectl kustomize`: a custom resource's spec.deep.containers was updated, spec.other.image and ephemeralContainers were not.
    const foo: JsonObject = { apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'f' }, spec: { deep: { containers: [{ image: 'nginx' }], initContainers: [{ image: 'nginx:1' }] }, other: { image: 'nginx' } } };
    expect(retag(foo, { name: 'nginx', newTag: '2' })['spec']).toEqual({ deep: { containers: [{ image: 'nginx:2' }], initContainers: [{ image: 'nginx:2' }] }, other: { image: 'nginx' } });
    const withEphemeral = pod({ ephemeralContainers: [{ name: 'e', image: 'nginx' }] });
    expect(retag(withEphemeral, { name: 'nginx', newTag: '2' })).toEqual(withEphemeral);
  });

  it('updates image fields named by field specs', () => {
    const foo: JsonObject = { apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'f' }, spec: { runner: { image: 'nginx' } } };
    expect(retag(foo, { name: 'nginx', newTag: '2' }, [{ kind: 'Foo', path: 'spec/runner/image' }])['spec']).toEqual({ runner: { image: 'nginx:2' } });
  });

  it('never creates image fields, though the default specs say create', () => {
    const noImage = pod({ containers: [{ name: 'c' }] });
    expect(retag(noImage, { name: 'nginx', newTag: '2' })).toEqual(noImage);
  });

  it('turns a null containers list into an empty one, as kustomize', () => {
    // `kubectl kustomize` printed containers: [] for a Deployment template with containers: null.
    const d: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: null } } } };
    expect(retag(d, { name: 'nginx', newTag: '2' })['spec']).toEqual({ template: { spec: { containers: [] } } });
  });

  it('leaves CustomResourceDefinitions alone', () => {
    const crd: JsonObject = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'x' }, spec: { containers: [{ image: 'nginx' }] } };
    expect(retag(crd, { name: 'nginx', newTag: '2' })).toEqual(crd);
  });

  it('rejects a container that is not a map', () => {
    // `kubectl kustomize`: wrong node kind: expected MappingNode but got ScalarNode.
    expect(() => retag(pod({ containers: ['just-a-string'] }), { name: 'nginx', newTag: '2' })).toThrow('wrong node kind: expected MappingNode but got ScalarNode');
  });

  it('returns the same resource when no image matches', () => {
    const input = newResource(pod({ containers: [{ name: 'c', image: 'redis' }] }));
    expect(transformImageTag([input], { imageTag: { name: 'nginx', newTag: '2' }, fieldSpecs: defaultTransformerConfig.images })[0]).toBe(input);
  });
});
