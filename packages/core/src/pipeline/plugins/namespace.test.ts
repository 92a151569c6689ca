/**
 * The builtin NamespaceTransformer, run as a plugin listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, expectFailure, type Tree } from '../../test-support.js';

const trees = {
  namespace: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [resources.yaml]
transformers: [namespace.yaml]
`,
      'app/resources.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: keep
  namespace: already
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: sa
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
subjects:
- kind: ServiceAccount
  name: sa
- kind: ServiceAccount
  name: default
  namespace: other
---
apiVersion: v1
kind: Namespace
metadata:
  name: cluster-wide
`,
      'app/namespace.yaml': `apiVersion: builtin
kind: NamespaceTransformer
metadata:
  name: ns
  namespace: target
unsetOnly: true
setRoleBindingSubjects: allServiceAccounts
fieldSpecs:
- path: metadata/namespace
  create: true
`,
    },
    expected: `apiVersion: v1
kind: Namespace
metadata:
  name: cluster-wide
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: sa
  namespace: target
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: target
subjects:
- kind: ServiceAccount
  name: sa
  namespace: target
- kind: ServiceAccount
  name: default
  namespace: other
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: keep
  namespace: already
`,
  },
  namespaceBadMode: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers: [ns.yaml]
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/ns.yaml': `apiVersion: builtin
kind: NamespaceTransformer
metadata:
  name: ns
  namespace: x
setRoleBindingSubjects: everything
`,
    },
    error: { message: "invalid value \"everything\" for setRoleBindingSubjects", file: 'ns.yaml' },
  },
} satisfies Record<string, Tree>;

describe('NamespaceTransformer', () => {
  it('runs NamespaceTransformer with unsetOnly and setRoleBindingSubjects', () => {
    expectBuilt(trees.namespace);
  });
  it('refuses an unknown setRoleBindingSubjects', () => {
    expectFailure(trees.namespaceBadMode);
  });
});
