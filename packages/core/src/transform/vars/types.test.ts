import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../errors.js';
import { formatVar, parseVars, varGvk } from './types.js';

describe('parseVars', () => {
  // kubectl kustomize accepts `fieldpath` for `fieldPath`: Go's encoding/json matches keys ignoring case.
  it('reads name, objref and fieldref, keys in any case', () => {
    expect(parseVars([{ name: 'SVC', objref: { kind: 'Service', name: 'svc', apiVersion: 'v1' }, fieldref: { fieldpath: 'spec.x' } }], 'k.yaml')).toEqual([
      { name: 'SVC', objref: { apiVersion: 'v1', group: '', version: '', kind: 'Service', name: 'svc', namespace: '' }, fieldref: { fieldPath: 'spec.x' } },
    ]);
  });

  it('treats null as no vars and missing parts as empty', () => {
    expect(parseVars(null, 'k.yaml')).toEqual([]);
    expect(parseVars([{ name: 'X' }], 'k.yaml')[0]!.fieldref).toEqual({ fieldPath: '' });
  });

  it('names a field of the wrong type', () => {
    try {
      parseVars([{ name: 'X', objref: { name: 5 } }], 'k.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KustomizeError);
      expect((error as KustomizeError).location).toEqual({ file: 'k.yaml', field: 'vars[0].objref.name' });
    }
  });
});

describe('varGvk and formatVar', () => {
  it('applies apiVersion as kustomize Target.GVK: both parts, or the version alone', () => {
    expect(varGvk({ apiVersion: 'apps/v1', group: 'x', version: 'v9', kind: 'Deployment' })).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(varGvk({ apiVersion: 'v1', group: 'x', kind: 'Service' })).toEqual({ group: 'x', version: 'v1', kind: 'Service' });
    expect(varGvk({ apiVersion: 'a/b/c', version: 'v2', kind: 'K' })).toEqual({ group: '', version: 'v2', kind: 'K' });
  });

  // The three forms kubectl kustomize prints in its messages.
  it('prints a var as written, as matched and as stored', () => {
    const variable = { name: 'AMB', objref: { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1' }, fieldref: {} };
    expect(formatVar(variable, 'written')).toBe('{AMB ConfigMap.[noVer].[noGrp] {}}');
    expect(formatVar(variable, 'matched')).toBe('{AMB ConfigMap.v1.[noGrp] {}}');
    expect(formatVar(variable, 'defaulted')).toBe('{AMB ConfigMap.v1.[noGrp] {metadata.name}}');
  });
});
