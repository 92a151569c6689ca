import type { FieldSpec } from '../fieldspec.js';

/** Kustomize's default `replicas` field specs: the replica count of the workloads that have one. */
export const replicaFieldSpecs: readonly FieldSpec[] = [
  { kind: 'Deployment', path: 'spec/replicas', create: true },
  { kind: 'ReplicationController', path: 'spec/replicas', create: true },
  { kind: 'ReplicaSet', path: 'spec/replicas', create: true },
  { kind: 'StatefulSet', path: 'spec/replicas', create: true },
];
