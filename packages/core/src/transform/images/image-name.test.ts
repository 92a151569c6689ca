import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageMatcher, joinImage, splitImage } from './image-name.js';

describe('splitImage', () => {
  it.each([
    ['nginx', 'nginx', '', ''],
    ['nginx:1.0', 'nginx', '1.0', ''],
    ['nginx@sha256:abc', 'nginx', '', 'sha256:abc'],
    ['nginx:1.0@sha256:abc', 'nginx', '1.0', 'sha256:abc'],
    ['reg.io:5000/app', 'reg.io:5000/app', '', ''],
    ['reg.io:5000/app:v1', 'reg.io:5000/app', 'v1', ''],
    ['reg.io:5000/team/app@sha256:abc', 'reg.io:5000/team/app', '', 'sha256:abc'],
    ['/app:1', '/app', '1', ''],
  ])('splits %s', (image, name, tag, digest) => {
    expect(splitImage(image)).toEqual({ name, tag, digest });
  });

  it('is undone by joinImage for references without separators in their parts', () => {
    const part = fc.stringMatching(/^[a-z0-9._-]{1,8}$/);
    fc.assert(
      fc.property(part, fc.option(part, { nil: '' }), fc.option(part, { nil: '' }), fc.option(part, { nil: '' }), (name, registry, tag, digest) => {
        const parts = { name: registry ? `${registry}:5000/${name}` : name, tag, digest: digest ? `sha256:${digest}` : '' };
        expect(splitImage(joinImage(parts))).toEqual(parts);
      }),
    );
  });
});

describe('imageMatcher', () => {
  const matches = imageMatcher('nginx');

  it('matches the name with any tag and sha256 digest', () => {
    expect(['nginx', 'nginx:1.0', 'nginx@sha256:abc', 'nginx:1.0@sha256:abc', 'nginx:{{tag}}'].every(matches)).toBe(true);
  });

  it('matches the whole name only', () => {
    expect(['nginx-extra', 'docker.io/nginx', 'nginx:1/x', 'nginx@md5:abc'].some(matches)).toBe(false);
  });

  it('reads the name as a regular expression, as kustomize', () => {
    // `kubectl kustomize` with images name my.image replaced the image myXimage:1.
    expect(imageMatcher('my.image')('myXimage:1')).toBe(true);
  });

  it('rejects a name that is no regular expression once it matches an image (kustomize crashes then)', () => {
    // `kubectl kustomize` builds a tree without images whatever `images[].name` is, and panics with a Pod.
    const matches = imageMatcher('foo[');
    expect(() => matches('nginx')).toThrow('invalid image name "foo["');
  });
});
