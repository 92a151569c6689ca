/**
 * The builtin PatchTransformer, PatchJson6902Transformer and PatchStrategicMergeTransformer,
 * run as plugins listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, expectFailure, webDeployment, type Tree } from '../../test-support.js';

const trees = {
  patches: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml, cm.yaml]
transformers:
- |-
  apiVersion: builtin
  kind: PatchTransformer
  metadata:
    name: sm
  target:
    kind: Deployment
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: any
    spec:
      template:
        metadata:
          labels:
            patched: sm
- json.yaml
- psm.yaml
`,
      'app/deploy.yaml': webDeployment,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/json.yaml': `apiVersion: builtin
kind: PatchJson6902Transformer
metadata:
  name: json
target:
  kind: Deployment
  name: web
jsonOp: |-
  - op: replace
    path: /spec/replicas
    value: 5
`,
      'app/psm.yaml': `apiVersion: builtin
kind: PatchStrategicMergeTransformer
metadata:
  name: psm
paths:
- cm-patch.yaml
patches: |-
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
        - name: app
          image: nginx:1.25
`,
      'app/cm-patch.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  extra: "1"
`,
    },
    expected: `apiVersion: v1
data:
  a: b
  extra: "1"
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 5
  template:
    metadata:
      labels:
        patched: sm
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cm
        image: nginx:1.25
        name: app
`,
  },
  patchFromPath: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [deploy.yaml]
transformers: [patch.yaml]
`,
      'app/deploy.yaml': webDeployment,
      'app/patch.yaml': `apiVersion: builtin
kind: PatchTransformer
metadata:
  name: p
path: ops.yaml
target:
  name: web
`,
      'app/ops.yaml': `- op: add
  path: /metadata/annotations
  value:
    from: path
`,
    },
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    from: path
  name: web
spec:
  replicas: 1
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
  strategicMergeEmpty: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [psm.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/psm.yaml': `apiVersion: builtin
kind: PatchStrategicMergeTransformer
metadata:
  name: psm
`,
    },
    error: { message: 'empty file path and empty patch content', file: 'psm.yaml' },
  },
} satisfies Record<string, Tree>;

describe('PatchTransformer, PatchJson6902Transformer and PatchStrategicMergeTransformer', () => {
  it('runs PatchTransformer (strategic merge with a target), PatchJson6902Transformer and PatchStrategicMergeTransformer (paths and inline)', () => {
    expectBuilt(trees.patches);
  });
  it('runs a PatchTransformer whose path holds JSON6902 operations as YAML', () => {
    expectBuilt(trees.patchFromPath);
  });
  it('refuses a PatchStrategicMergeTransformer without paths or patches', () => {
    expectFailure(trees.strategicMergeEmpty);
  });
});
