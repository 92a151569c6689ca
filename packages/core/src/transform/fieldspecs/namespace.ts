import type { FieldSpec } from '../fieldspec.js';

/** Kustomize's default `namespace` field specs, besides `metadata/namespace` which the namespace transformer always handles: a Namespace's own name, an APIService's service and a CRD's conversion webhook service. */
export const namespaceFieldSpecs: readonly FieldSpec[] = [
  { kind: 'Namespace', path: 'metadata/name', create: true },
  { group: 'apiregistration.k8s.io', kind: 'APIService', path: 'spec/service/namespace', create: true },
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', path: 'spec/conversion/webhook/clientConfig/service/namespace' },
];
