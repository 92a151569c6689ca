/**
 * The builtin ImageTagTransformer, run as a plugin listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, webDeployment, type Tree } from '../../test-support.js';

const trees = {
  imageTag: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml]
transformers:
- |-
  apiVersion: builtin
  kind: ImageTagTransformer
  metadata:
    name: images
  imageTag:
    name: nginx
    newName: registry.example/nginx
    newTag: "1.25"
`,
      'app/deploy.yaml': webDeployment,
    },
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cm
        image: registry.example/nginx:1.25
        name: app
`,
  },
} satisfies Record<string, Tree>;

describe('ImageTagTransformer', () => {
  it('runs ImageTagTransformer', () => {
    expectBuilt(trees.imageTag);
  });
});
