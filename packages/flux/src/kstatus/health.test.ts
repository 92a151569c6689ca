import type { JsonObject } from '@kustomize-ts/core';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fluxKustomization } from '../test-support.js';
import { evaluateHealth } from './health.js';

const now = new Date('2025-06-01T12:00:00Z');
const kustomization = (extra: string) => fluxKustomization(extra, { interval: '10m' });
const objects = (text: string) => parseAllDocuments(text).map((document) => document.toJS() as JsonObject);

const healthyDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
  generation: 1
spec:
  replicas: 1
status:
  observedGeneration: 1
  replicas: 1
  updatedReplicas: 1
  readyReplicas: 1
  availableReplicas: 1
  conditions:
  - type: Available
    status: "True"
`;
const stalledDeployment = healthyDeployment.replace('name: web', 'name: api').replace('  - type: Available', '  - type: Progressing\n    status: "False"\n    reason: ProgressDeadlineExceeded\n  - type: Available');
const checks = (...names: string[]) => `  healthChecks:\n${names.map((name) => `  - kind: Deployment\n    name: ${name}\n    namespace: prod\n`).join('')}`;

// Verdicts follow fluxcd/pkg ssa WaitForSet and kustomize-controller checkHealth.
describe('evaluateHealth', () => {
  it('is healthy when every checked object is Current', () => {
    const verdict = evaluateHealth(kustomization(checks('web')), objects(healthyDeployment), { now, elapsed: 3_000_000_000n });
    expect(verdict.result).toBe('healthy');
    expect(verdict.message).toBe('Health check passed in 3s');
    expect(verdict.objects).toEqual([{ group: 'apps', kind: 'Deployment', namespace: 'prod', name: 'web', status: 'Current', message: 'Deployment is available. Replicas: 1' }]);
  });

  it('fails early when the rest are Current and one Failed', () => {
    const verdict = evaluateHealth(kustomization(checks('web', 'api')), objects(`${healthyDeployment}---\n${stalledDeployment}`), { now });
    expect(verdict.result).toBe('failed');
    expect(verdict.event).toBe("health check failed after 0s: failed early due to stalled resources: [Deployment/prod/api status: 'Failed']");
  });

  it('times out naming every object that is not Current, with the Kustomization timeout', () => {
    const stalledAndMissing = evaluateHealth(kustomization(`${checks('web', 'missing')}  timeout: 2m\n`), objects(stalledDeployment.replace('name: api', 'name: web')), { now });
    expect(stalledAndMissing.message).toBe("timeout waiting for: [Deployment/prod/web status: 'Failed', Deployment/prod/missing status: 'NotFound']");
    const timedOut = evaluateHealth(kustomization(`${checks('web', 'missing')}  timeout: 2m\n`), objects(healthyDeployment.replace('readyReplicas: 1', 'readyReplicas: 0')), { now });
    expect(timedOut.result).toBe('timeout');
    expect(timedOut.message).toBe("timeout waiting for: [Deployment/prod/web status: 'InProgress', Deployment/prod/missing status: 'NotFound']");
    expect(timedOut.event).toBe(`health check failed after 2m0s: ${timedOut.message}`);
  });

  it('uses the interval less 30s when there is no timeout', () => {
    const verdict = evaluateHealth(kustomization(checks('missing')), [], { now });
    expect(verdict.event).toBe("health check failed after 9m30s: timeout waiting for: [Deployment/prod/missing status: 'NotFound']");
  });

  it('with wait checks every live object but the Kustomization itself', () => {
    const self = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\n';
    const verdict = evaluateHealth(kustomization('  wait: true\n'), objects(`${healthyDeployment}---\n${self}`), { now });
    expect(verdict.objects.map((object) => object.name)).toEqual(['web']);
    expect(verdict.result).toBe('healthy');
  });

  it('with wait and an inventory checks the inventory', () => {
    const ks = kustomization('  wait: true\nstatus:\n  inventory:\n    entries:\n    - id: prod_web_apps_Deployment\n      v: v1\n    - id: prod_cfg__main__ConfigMap\n      v: v1\n');
    const verdict = evaluateHealth(ks, objects(healthyDeployment), { now });
    expect(verdict.objects.map((object) => [object.kind, object.name, object.status])).toEqual([
      ['Deployment', 'web', 'Current'],
      ['ConfigMap', 'cfg:main', 'NotFound'],
    ]);
  });

  it('reports unreadable objects as Unknown with the error', () => {
    const verdict = evaluateHealth(kustomization(checks('web')), objects(healthyDeployment.replace('generation: 1', 'generation: one')), { now });
    expect(verdict.message).toBe("timeout waiting for: [Deployment/prod/web status: 'Unknown': .metadata.generation accessor error: one is of the type string, expected int64]");
  });

  it('checks nothing without health checks or wait', () => {
    expect(evaluateHealth(kustomization(''), objects(healthyDeployment), { now }).result).toBe('none');
  });
});
