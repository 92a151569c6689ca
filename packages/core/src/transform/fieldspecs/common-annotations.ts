import type { FieldSpec } from '../fieldspec.js';

/** Kustomize's default `commonAnnotations` field specs: the resource's annotations and its pod templates'. */
export const commonAnnotationFieldSpecs: readonly FieldSpec[] = [
  { path: 'metadata/annotations', create: true },
  { version: 'v1', kind: 'ReplicationController', path: 'spec/template/metadata/annotations', create: true },
  { kind: 'Deployment', path: 'spec/template/metadata/annotations', create: true },
  { kind: 'ReplicaSet', path: 'spec/template/metadata/annotations', create: true },
  { kind: 'DaemonSet', path: 'spec/template/metadata/annotations', create: true },
  { kind: 'StatefulSet', path: 'spec/template/metadata/annotations', create: true },
  { group: 'batch', kind: 'Job', path: 'spec/template/metadata/annotations', create: true },
  { group: 'batch', kind: 'CronJob', path: 'spec/jobTemplate/metadata/annotations', create: true },
  { group: 'batch', kind: 'CronJob', path: 'spec/jobTemplate/spec/template/metadata/annotations', create: true },
];
