/**
 * The builtin PrefixTransformer, SuffixTransformer and PrefixSuffixTransformer,
 * run as plugins listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, expectFailure, webDeployment, type Tree } from '../../test-support.js';

const trees = {
  prefixSuffix: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml, deploy.yaml]
transformers:
- prefix.yaml
- |-
  apiVersion: builtin
  kind: PrefixSuffixTransformer
  metadata:
    name: both
  prefix: p-
  suffix: -s
  fieldSpecs:
  - path: metadata/name
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/deploy.yaml': webDeployment,
      'app/prefix.yaml': `apiVersion: builtin
kind: SuffixTransformer
metadata:
  name: suffix
suffix: -v1
fieldSpecs:
- kind: ConfigMap
  path: metadata/name
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: p-cm-s-v1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: p-web-s
spec:
  replicas: 1
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: p-cm-s-v1
        image: nginx:1.7
        name: app
`,
  },
  prefixWithoutFieldSpecs: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [prefix.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/prefix.yaml': `apiVersion: builtin
kind: PrefixTransformer
metadata:
  name: p
prefix: x-
`,
    },
    error: { message: "fieldSpecs is not expected to be nil", file: 'prefix.yaml' },
  },
  prefixKeysMatchExactly: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [prefix.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/prefix.yaml': `apiVersion: builtin
kind: PrefixTransformer
metadata:
  name: p
Prefix: x-
fieldSpecs:
- path: metadata/name
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: cm
`,
  },
} satisfies Record<string, Tree>;

describe('PrefixTransformer, SuffixTransformer and PrefixSuffixTransformer', () => {
  it('runs SuffixTransformer and PrefixSuffixTransformer; name references follow the new names', () => {
    expectBuilt(trees.prefixSuffix);
  });
  it('refuses a PrefixTransformer without fieldSpecs', () => {
    expectFailure(trees.prefixWithoutFieldSpecs);
  });
  it('matches PrefixTransformer keys exactly (go-yaml v3), so `Prefix:` is ignored', () => {
    expectBuilt(trees.prefixKeysMatchExactly);
  });
});
