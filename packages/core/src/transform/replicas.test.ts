import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { newResource, type Resource } from '../resource/resource.js';
import { defaultTransformerConfig } from './fieldspecs/config.js';
import { transformPrefix } from './prefix-suffix.js';
import { transformReplicaCount } from './replicas.js';

const workload = (kind: string, name: string, spec?: JsonObject): JsonObject => ({ apiVersion: 'apps/v1', kind, metadata: { name }, ...(spec ? { spec } : {}) });

function scaled(resources: readonly Resource[], name: string, count: number): JsonObject[] {
  return transformReplicaCount(resources, { replica: { name, count }, fieldSpecs: defaultTransformerConfig.replicas }).map((r) => r.object);
}

describe('transformReplicaCount', () => {
  it('sets or creates the count of the workloads of that name, by their original name too', () => {
    // `kubectl kustomize`: replicas name web in an overlay of a base with namePrefix b- scaled b-web (Deployment
    // and StatefulSet), not the Deployment first called b-web nor a custom kind.
    const base = transformPrefix(
      [workload('Deployment', 'web'), workload('StatefulSet', 'web', { replicas: 1 }), { apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'web' } }, workload('Deployment', 'b-web')].map((o) =>
        newResource(o),
      ),
      { prefix: 'b-', fieldSpecs: defaultTransformerConfig.namePrefix },
    );
    expect(scaled(base, 'web', 4)).toEqual([
      workload('Deployment', 'b-web', { replicas: 4 }),
      workload('StatefulSet', 'b-web', { replicas: 4 }),
      { apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'b-web' } },
      workload('Deployment', 'b-b-web'),
    ]);
  });

  it('matches by current name', () => {
    expect(scaled([newResource(workload('Deployment', 'web'))], 'web', 0)).toEqual([workload('Deployment', 'web', { replicas: 0 })]);
  });

  it('fails when nothing matches, listing the kinds in config order', () => {
    // `kubectl kustomize`: resource with name nothere does not match a config with the following GVK [Deployment.[noVer].[noGrp] ...].
    const run = (): unknown => scaled([newResource(workload('Deployment', 'web'))], 'nothere', 2);
    expect(run).toThrow(KustomizeError);
    expect(run).toThrow(
      'resource with name nothere does not match a config with the following GVK [Deployment.[noVer].[noGrp] StatefulSet.[noVer].[noGrp] ReplicaSet.[noVer].[noGrp] ReplicationController.[noVer].[noGrp]]',
    );
  });

  it('rejects a replicas field that is not a scalar', () => {
    expect(() => scaled([newResource(workload('Deployment', 'web', { replicas: [1] }))], 'web', 2)).toThrow('expected ScalarNode but got SequenceNode');
  });
});
