/**
 * The builtin ReplacementTransformer, run as a plugin listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, webDeployment, type Tree } from '../../test-support.js';

const trees = {
  replacements: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml, deploy.yaml]
transformers: [replacements.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/deploy.yaml': webDeployment,
      'app/replacements.yaml': `apiVersion: builtin
kind: ReplacementTransformer
metadata:
  name: r
replacements:
- source:
    kind: ConfigMap
    name: cm
    fieldPath: data.a
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.spec.containers.[name=app].env.[name=A].value
    options:
      create: true
- path: more.yaml
`,
      'app/more.yaml': `source:
  kind: Deployment
  fieldPath: metadata.name
targets:
- select:
    kind: ConfigMap
  fieldPaths: [data.owner]
  options:
    create: true
`,
    },
    expected: `apiVersion: v1
data:
  a: b
  owner: web
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - env:
        - name: A
          value: b
        envFrom:
        - configMapRef:
            name: cm
        image: nginx:1.7
        name: app
`,
  },
} satisfies Record<string, Tree>;

describe('ReplacementTransformer', () => {
  it('runs ReplacementTransformer with inline and path replacements', () => {
    expectBuilt(trees.replacements);
  });
});
