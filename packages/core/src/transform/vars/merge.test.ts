import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../json.js';
import { newResource, type Resource } from '../../resource/resource.js';
import { emptyVarSet, mergeVarSets, mergeVars } from './merge.js';
import type { Var } from './types.js';
import { errorOf } from '../../test-support.js';

// Messages and matching rules checked with `kubectl kustomize` (Kustomize v5.5.0) on small trees.

function resource(apiVersion: string, kind: string, metadata: JsonObject, previousIds: Resource['previousIds'] = []): Resource {
  return newResource({ apiVersion, kind, metadata }, { previousIds });
}

function variable(name: string, objref: Var['objref'], fieldPath = ''): Var {
  return { name, objref, fieldref: { fieldPath } };
}

const service = resource('v1', 'Service', { name: 'svc' });

describe('mergeVars', () => {
  it('binds a var to the resource its objref names', () => {
    const { resources, vars } = mergeVars([service], emptyVarSet, [variable('SVC', { kind: 'Service', name: 'svc', apiVersion: 'v1' })]);
    expect(resources[0]!.refVarNames).toEqual(['SVC']);
    expect(vars.map((v) => v.name)).toEqual(['SVC']);
  });

  it('needs the version: an objref without apiVersion or version matches nothing', () => {
    const { resources } = mergeVars([service], emptyVarSet, [variable('SVC', { kind: 'Service', name: 'svc' })]);
    expect(resources[0]!.refVarNames).toBeUndefined();
    expect(mergeVars([service], emptyVarSet, [variable('SVC', { kind: 'Service', name: 'svc', version: 'v1' })]).resources[0]!.refVarNames).toEqual(['SVC']);
  });

  it('matches an earlier name (before a prefix) and an earlier namespace', () => {
    const prefixed = resource('v1', 'Service', { name: 'p-svc', namespace: 'prod' }, [
      { group: '', version: 'v1', kind: 'Service', name: 'svc', namespace: 'default' },
      { group: '', version: 'v1', kind: 'Service', name: 'svc', namespace: 'prod' },
    ]);
    for (const namespace of ['', 'prod', 'default']) {
      const { resources } = mergeVars([prefixed], emptyVarSet, [variable('SVC', { kind: 'Service', name: 'svc', apiVersion: 'v1', namespace })]);
      expect(resources[0]!.refVarNames).toEqual(['SVC']);
    }
  });

  it('compares a given namespace as an effective one', () => {
    const inA = resource('v1', 'ConfigMap', { name: 'cm', namespace: 'a' });
    const inDefault = resource('v1', 'ConfigMap', { name: 'cm' });
    const { resources } = mergeVars([inA, inDefault], emptyVarSet, [variable('CM', { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1', namespace: 'default' })]);
    expect(resources.map((r) => r.refVarNames)).toEqual([undefined, ['CM']]);
  });

  it('applies apiVersion over group and version', () => {
    const deployment = resource('apps/v1', 'Deployment', { name: 'd' });
    const { resources } = mergeVars([deployment], emptyVarSet, [variable('D', { kind: 'Deployment', name: 'd', apiVersion: 'apps/v1', group: 'other', version: 'v9' })]);
    expect(resources[0]!.refVarNames).toEqual(['D']);
  });

  it('fails when a var matches several resources', () => {
    const resources = [resource('v1', 'ConfigMap', { name: 'cm', namespace: 'a' }), resource('v1', 'ConfigMap', { name: 'cm', namespace: 'b' })];
    const incoming = [variable('SVC', { kind: 'Service', name: 'svc', apiVersion: 'v1' }), variable('AMB', { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1' })];
    const error = errorOf(() => mergeVars(resources, emptyVarSet, incoming));
    expect(error.message).toBe('merging vars [{SVC Service.[noVer].[noGrp] {}} {AMB ConfigMap.[noVer].[noGrp] {}}]: found 2 resId matches for var {AMB ConfigMap.v1.[noGrp] {}} (unable to disambiguate)');
    expect(error.code).toBe('ambiguous-match');
  });

  it('fails on a name declared twice, in one list or across merges', () => {
    const svc = variable('NN', { kind: 'Service', name: 'svc', apiVersion: 'v1' });
    expect(errorOf(() => mergeVars([service], emptyVarSet, [svc, svc])).message).toBe("merging vars [{NN Service.[noVer].[noGrp] {}} {NN Service.[noVer].[noGrp] {}}]: var 'NN' already encountered");
    const { vars } = mergeVars([service], emptyVarSet, [svc]);
    expect(errorOf(() => mergeVars([service], vars, [svc])).message).toMatch(/var 'NN' already encountered$/);
  });

  it('does not change its inputs', () => {
    const input = [service];
    mergeVars(input, emptyVarSet, [variable('SVC', { kind: 'Service', name: 'svc', apiVersion: 'v1' })]);
    expect(input[0]!.refVarNames).toBeUndefined();
  });
});

describe('mergeVarSets', () => {
  it('joins sets sorted by name and refuses a shared name', () => {
    const a = [variable('B', {}), variable('D', {})];
    const b = [variable('A', {}), variable('C', {})];
    expect(mergeVarSets(a, b).map((v) => v.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(errorOf(() => mergeVarSets(a, [variable('D', {})])).message).toBe("var 'D' already encountered");
  });
});
