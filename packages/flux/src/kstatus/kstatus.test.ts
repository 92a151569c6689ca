import type { JsonObject } from '@kustomize-ts/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeStatus } from './compute.js';

const now = new Date('2025-06-01T12:00:00Z');
const status = (text: string) => computeStatus(parse(text) as JsonObject, { now });
const summary = (text: string) => {
  const result = status(text);
  return [result.status, result.conditions[0]?.reason ?? '', result.message];
};

// Rules and messages follow sigs.k8s.io/cli-utils pkg/kstatus/status (core.go, generic.go, status.go).
describe('computeStatus: generic rules', () => {
  it('a deletion timestamp means Terminating', () => {
    expect(summary('kind: ConfigMap\napiVersion: v1\nmetadata:\n  deletionTimestamp: "2025-01-01T00:00:00Z"\n')).toEqual(['Terminating', '', 'Resource scheduled for deletion']);
  });

  it('an unobserved generation is InProgress', () => {
    expect(summary('kind: Widget\napiVersion: x.io/v1\nmetadata:\n  generation: 3\nstatus:\n  observedGeneration: 2\n')).toEqual([
      'InProgress',
      'LatestGenerationNotObserved',
      'Widget generation is 3, but latest observed generation is 2',
    ]);
  });

  it('Reconciling and Stalled conditions decide before kind rules', () => {
    const base = 'kind: Deployment\napiVersion: apps/v1\nstatus:\n  conditions:\n';
    expect(summary(`${base}  - type: Stalled\n    status: "True"\n    reason: Broken\n    message: it broke\n`)).toEqual(['Failed', 'Broken', 'it broke']);
    expect(summary(`${base}  - type: Reconciling\n    status: "True"\n    reason: Working\n    message: busy\n`)).toEqual(['InProgress', 'Working', 'busy']);
  });

  it('custom resources use a Ready condition, else are Current', () => {
    const cr = 'kind: Widget\napiVersion: x.io/v1\n';
    expect(summary(`${cr}status:\n  conditions:\n  - type: Ready\n    status: "False"\n    reason: Waiting\n    message: not yet\n`)).toEqual(['InProgress', 'Waiting', 'not yet']);
    expect(summary(`${cr}status:\n  conditions:\n  - type: Ready\n    status: "True"\n`)).toEqual(['Current', '', 'Resource is Ready']);
    expect(summary(cr)).toEqual(['Current', '', 'Resource is current']);
  });

  it('a generation that is not an integer is an error', () => {
    expect(() => status('kind: Widget\napiVersion: x.io/v1\nmetadata:\n  generation: "1"\n')).toThrow(/metadata.generation accessor error/);
  });
});

describe('computeStatus: Deployment', () => {
  const deployment = (spec: string, statusText: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  generation: 2\nspec:\n${spec}status:\n  observedGeneration: 2\n${statusText}`;
  const available = '  conditions:\n  - type: Available\n    status: "True"\n  - type: Progressing\n    status: "True"\n    reason: NewReplicaSetAvailable\n';

  it('is Current when every replica is updated, available and ready', () => {
    expect(summary(deployment('  replicas: 2\n', `  replicas: 2\n  updatedReplicas: 2\n  readyReplicas: 2\n  availableReplicas: 2\n${available}`))).toEqual([
      'Current',
      '',
      'Deployment is available. Replicas: 2',
    ]);
  });

  it.each([
    ['  replicas: 1\n', 'LessReplicas', 'Replicas: 1/2'],
    ['  replicas: 2\n  updatedReplicas: 1\n', 'LessUpdated', 'Updated: 1/2'],
    ['  replicas: 3\n  updatedReplicas: 2\n', 'ExtraPods', 'Pending termination: 1'],
    ['  replicas: 2\n  updatedReplicas: 2\n  availableReplicas: 1\n', 'LessAvailable', 'Available: 1/2'],
    ['  replicas: 2\n  updatedReplicas: 2\n  availableReplicas: 2\n  readyReplicas: 1\n', 'LessReady', 'Ready: 1/2'],
  ])('%j is InProgress (%s)', (statusText, reason, message) => {
    expect(summary(deployment('  replicas: 2\n', statusText))).toEqual(['InProgress', reason, message]);
  });

  it('fails when the progress deadline is exceeded', () => {
    const text = deployment('  replicas: 1\n  progressDeadlineSeconds: 600\n', '  conditions:\n  - type: Progressing\n    status: "False"\n    reason: ProgressDeadlineExceeded\n    message: too slow\n');
    expect(status(text)).toEqual({ status: 'Failed', message: 'Progress deadline exceeded', conditions: [{ type: 'Stalled', status: 'True', reason: 'ProgressDeadlineExceeded', message: 'too slow' }] });
  });

  it('waits for the new ReplicaSet when a deadline is set', () => {
    const ready = '  replicas: 1\n  updatedReplicas: 1\n  availableReplicas: 1\n  readyReplicas: 1\n';
    expect(summary(deployment('  progressDeadlineSeconds: 600\n', ready))).toEqual(['InProgress', 'ReplicaSetNotAvailable', 'ReplicaSet not Available']);
    expect(summary(deployment('', ready))).toEqual(['InProgress', 'DeploymentNotAvailable', 'Deployment not Available']);
  });
});

describe('computeStatus: other built-in kinds', () => {
  it.each([
    ['StatefulSet on delete', 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  updateStrategy:\n    type: OnDelete\n', 'Current', 'StatefulSet is using the ondelete update strategy'],
    ['StatefulSet ready', 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  replicas: 2\nstatus:\n  replicas: 2\n  readyReplicas: 2\n  currentReplicas: 2\n  currentRevision: a\n  updateRevision: a\n', 'Current', 'All replicas scheduled as expected. Replicas: 2'],
    ['StatefulSet revision', 'apiVersion: apps/v1\nkind: StatefulSet\nstatus:\n  replicas: 1\n  readyReplicas: 1\n  currentReplicas: 1\n  currentRevision: a\n  updateRevision: b\n', 'InProgress', 'Waiting for updated revision to match current'],
    ['StatefulSet partition', 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  replicas: 3\n  updateStrategy:\n    rollingUpdate:\n      partition: 1\nstatus:\n  replicas: 3\n  readyReplicas: 3\n  updatedReplicas: 1\n', 'InProgress', 'updated: 1/2'],
    ['DaemonSet without generation', 'apiVersion: apps/v1\nkind: DaemonSet\n', 'InProgress', 'DaemonSet metadata.generation not found'],
    ['DaemonSet ready', 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  generation: 1\nstatus:\n  observedGeneration: 1\n  desiredNumberScheduled: 2\n  currentNumberScheduled: 2\n  updatedNumberScheduled: 2\n  numberAvailable: 2\n  numberReady: 2\n', 'Current', 'All replicas scheduled as expected. Replicas: 2'],
    ['ReplicaSet labelled', 'apiVersion: apps/v1\nkind: ReplicaSet\nspec:\n  replicas: 2\nstatus:\n  fullyLabeledReplicas: 1\n', 'InProgress', 'Labelled: 1/2'],
    ['PVC pending', 'apiVersion: v1\nkind: PersistentVolumeClaim\nstatus:\n  phase: Pending\n', 'InProgress', 'PVC is not Bound. phase: Pending'],
    ['PVC bound', 'apiVersion: v1\nkind: PersistentVolumeClaim\nstatus:\n  phase: Bound\n', 'Current', 'PVC is Bound'],
    ['Service LB without IP', 'apiVersion: v1\nkind: Service\nspec:\n  type: LoadBalancer\n', 'InProgress', 'ClusterIP not set. Service type: LoadBalancer'],
    ['Service', 'apiVersion: v1\nkind: Service\n', 'Current', 'Service is ready'],
    ['PDB', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\n', 'Current', 'AllowedDisruptions has been computed.'],
    ['Job not started', 'apiVersion: batch/v1\nkind: Job\n', 'InProgress', 'Job not started'],
    ['Job running', 'apiVersion: batch/v1\nkind: Job\nstatus:\n  startTime: "2025-01-01T00:00:00Z"\n  active: 1\n', 'Current', 'Job in progress. success:0, active: 1, failed: 0'],
    ['Job failed', 'apiVersion: batch/v1\nkind: Job\nspec:\n  completions: 3\nstatus:\n  failed: 2\n  conditions:\n  - type: Failed\n    status: "True"\n', 'Failed', 'Job Failed. failed: 2/3'],
    ['Job suspended', 'apiVersion: batch/v1\nkind: Job\nspec:\n  suspend: true\nstatus:\n  conditions:\n  - type: Suspended\n    status: "True"\n', 'Current', 'Job is suspended'],
    ['CRD established', 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nstatus:\n  conditions:\n  - type: Established\n    status: "True"\n', 'Current', 'CRD is established'],
    ['CRD installing', 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n', 'InProgress', 'Install in progress'],
    ['Secret', 'apiVersion: v1\nkind: Secret\n', 'Current', 'Resource is always ready'],
  ])('%s', (_name, text, expectedStatus, message) => {
    const result = status(text);
    expect([result.status, result.message]).toEqual([expectedStatus, message]);
  });
});

describe('computeStatus: Pod', () => {
  const pending = (created: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "${created}"\nstatus:\n  phase: Pending\n  conditions:\n  - type: PodScheduled\n    status: "False"\n    reason: Unschedulable\n`;

  it('gives an unschedulable Pod 15 seconds by the injected clock', () => {
    expect(summary(pending('2025-06-01T11:59:50Z'))[1]).toBe('PodNotScheduled');
    expect(summary(pending('2025-06-01T11:59:40Z'))).toEqual(['Failed', 'PodUnschedulable', 'Pod could not be scheduled']);
  });

  it('reports crash-looping containers', () => {
    const text = 'apiVersion: v1\nkind: Pod\nstatus:\n  phase: Running\n  containerStatuses:\n  - name: a\n    state:\n      waiting:\n        reason: CrashLoopBackOff\n  - name: b\n    state:\n      running: {}\n  - name: c\n    state:\n      waiting:\n        reason: CrashLoopBackOff\n';
    expect(summary(text)).toEqual(['Failed', 'ContainerCrashLooping', 'Containers in CrashLoop state: a,c']);
  });

  it('rejects an unknown phase', () => {
    expect(() => status('apiVersion: v1\nkind: Pod\nstatus:\n  phase: Weird\n')).toThrow('unknown phase Weird');
  });
});
