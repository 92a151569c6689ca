/**
 * The builtin ConfigMapGenerator and SecretGenerator, run as plugins listed under `generators:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, type Tree } from '../../test-support.js';

const trees = {
  generators: {
    root: '/app',
    files: {
      'base/kustomization.yaml': `configMapGenerator:
- name: settings
  literals: [mode=base, size=1]
`,
      'app/kustomization.yaml': `resources: [../base]
generators:
- secret.yaml
- |-
  apiVersion: builtin
  kind: ConfigMapGenerator
  metadata:
    name: settings
  behavior: merge
  literals: [mode=overlay]
- |-
  apiVersion: builtin
  kind: ConfigMapGenerator
  metadata:
    name: from-meta
    namespace: team
  envs: [app.env]
  options:
    disableNameSuffixHash: true
    labels:
      kind: generated
`,
      'app/app.env': `KEY=value
`,
      'app/secret.yaml': `apiVersion: builtin
kind: SecretGenerator
metadata:
  name: ignored
name: creds
type: kubernetes.io/basic-auth
literals:
- username=admin
- password=secret
`,
    },
    expected: `apiVersion: v1
data:
  KEY: value
kind: ConfigMap
metadata:
  labels:
    kind: generated
  name: from-meta
  namespace: team
---
apiVersion: v1
data:
  mode: overlay
  size: "1"
kind: ConfigMap
metadata:
  name: settings-bd7686m8ht
---
apiVersion: v1
data:
  password: c2VjcmV0
  username: YWRtaW4=
kind: Secret
metadata:
  name: creds-2f4dg77t4h
type: kubernetes.io/basic-auth
`,
  },
} satisfies Record<string, Tree>;

describe('ConfigMapGenerator and SecretGenerator', () => {
  it('runs SecretGenerator and ConfigMapGenerator plugins: name and namespace from metadata, options, merge into a base', () => {
    expectBuilt(trees.generators);
  });
});
