/**
 * The builtin ReplicaCountTransformer, run as a plugin listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, expectFailure, webDeployment, type Tree } from '../../test-support.js';

const trees = {
  replicaCount: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml]
transformers:
- |-
  apiVersion: builtin
  kind: ReplicaCountTransformer
  metadata:
    name: replicas
  replica:
    name: web
    count: 3
  fieldSpecs:
  - kind: Deployment
    path: spec/replicas
    create: true
`,
      'app/deploy.yaml': webDeployment,
    },
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cm
        image: nginx:1.7
        name: app
`,
  },
  replicasNoMatch: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml]
transformers: [replicas.yaml]
`,
      'app/deploy.yaml': webDeployment,
      'app/replicas.yaml': `apiVersion: builtin
kind: ReplicaCountTransformer
metadata:
  name: r
replica:
  name: other
  count: 2
fieldSpecs:
- kind: Deployment
  path: spec/replicas
`,
    },
    error: { message: "resource with name other does not match a config with the following GVK [Deployment.[noVer].[noGrp]]", file: 'replicas.yaml' },
  },
} satisfies Record<string, Tree>;

describe('ReplicaCountTransformer', () => {
  it('runs ReplicaCountTransformer', () => {
    expectBuilt(trees.replicaCount);
  });
  it('fails a ReplicaCountTransformer that matches nothing', () => {
    expectFailure(trees.replicasNoMatch);
  });
});
