/**
 * The builtin HashTransformer, run as a plugin listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, type Tree } from '../../test-support.js';

const trees = {
  hashTwice: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `configMapGenerator:
- name: cm
  literals: [a=b]
transformers:
- |-
  apiVersion: builtin
  kind: HashTransformer
  metadata:
    name: h
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: cm-4h2mbtbbt6-4h2mbtbbt6
`,
  },
} satisfies Record<string, Tree>;

describe('HashTransformer', () => {
  it('runs HashTransformer, so generated names are hashed again at the end, as kustomize does', () => {
    expectBuilt(trees.hashTwice);
  });
});
