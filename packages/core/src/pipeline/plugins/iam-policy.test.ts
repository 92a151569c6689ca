/**
 * The builtin IAMPolicyGenerator, run as a plugin listed under `generators:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, expectFailure, type Tree } from '../../test-support.js';

const trees = {
  iamPolicy: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `generators: [gke.yaml]
`,
      'app/gke.yaml': `apiVersion: builtin
kind: IAMPolicyGenerator
metadata:
  name: gke
cloud: gke
kubernetesService:
  name: ksa
  namespace: apps
serviceAccount:
  name: gsa
  projectId: my-project
`,
    },
    expected: `apiVersion: v1
kind: ServiceAccount
metadata:
  annotations:
    iam.gke.io/gcp-service-account: gsa@my-project.iam.gserviceaccount.com
  name: ksa
  namespace: apps
`,
  },
  iamPolicyOtherCloud: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `generators: [iam.yaml]
`,
      'app/iam.yaml': `apiVersion: builtin
kind: IAMPolicyGenerator
metadata:
  name: x
cloud: aws
`,
    },
    error: { message: "cloud provider aws not supported yet", file: 'iam.yaml' },
  },
} satisfies Record<string, Tree>;

describe('IAMPolicyGenerator', () => {
  it('runs IAMPolicyGenerator for gke', () => {
    expectBuilt(trees.iamPolicy);
  });
  it('refuses an IAMPolicyGenerator for another cloud', () => {
    expectFailure(trees.iamPolicyOtherCloud);
  });
});
