import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../errors.js';
import type { JsonObject } from '../../json.js';
import { newResource, type Resource } from '../../resource/resource.js';
import type { FieldSpec } from '../fieldspec.js';
import { emptyVarSet, mergeVars } from './merge.js';
import { resolveVarValues, substituteVars } from './substitute.js';
import type { Var } from './types.js';
import { errorOf } from '../../test-support.js';

// Expectations checked with `kubectl kustomize` (Kustomize v5.5.0) on trees with the same resources and vars,
// using kustomize's own var-reference field specs for Deployments (a subset is declared below).

const fieldSpecs: FieldSpec[] = [
  { kind: 'Deployment', path: 'spec/template/spec/containers/args' },
  { kind: 'Deployment', path: 'spec/template/spec/containers/env/value' },
  { kind: 'Deployment', path: 'spec/template/metadata/annotations' },
];

function variable(name: string, kind: string, objName: string, fieldPath = '', apiVersion = 'v1'): Var {
  return { name, objref: { kind, name: objName, apiVersion }, fieldref: { fieldPath } };
}

const service = newResource({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' }, spec: { ports: [{ port: 80, name: 'http' }] } });
const configMap = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { flag: true, f: 1.5, nul: null, map: { a: 'b' } } });

function deployment(annotations: JsonObject, container: JsonObject): Resource {
  return newResource({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'dep' },
    spec: { template: { metadata: { annotations }, spec: { containers: [{ name: 'c', ...container }] } } },
  });
}

const allVars = [
  variable('PORT', 'Service', 'svc', 'spec.ports[0].port'),
  variable('NAME', 'Service', 'svc'),
  variable('EL', 'Service', 'svc', 'spec.ports.[name=http].name'),
  variable('FLAG', 'ConfigMap', 'cm', 'data.flag'),
  variable('F', 'ConfigMap', 'cm', 'data.f'),
  variable('NUL', 'ConfigMap', 'cm', 'data.nul'),
  variable('MAP', 'ConfigMap', 'cm', 'data.map'),
  variable('UNUSED', 'ConfigMap', 'cm'),
];

function bound(resources: Resource[], vars: Var[] = allVars) {
  return mergeVars(resources, emptyVarSet, vars);
}

describe('resolveVarValues', () => {
  it('reads each bound field, with its type; ports[0] and [name=x] paths; null as the text null; maps as they are', () => {
    const { resources, vars } = bound([service, configMap]);
    expect(Object.fromEntries(resolveVarValues(resources, vars))).toEqual({ PORT: 80, NAME: 'svc', EL: 'http', FLAG: true, F: 1.5, NUL: 'null', MAP: { a: 'b' }, UNUSED: 'cm' });
  });

  it('reads the current value, after renames', () => {
    const { resources, vars } = bound([service], [variable('NAME', 'Service', 'svc')]);
    const renamed = resources.map((r) => ({ ...r, object: { ...r.object, metadata: { name: 'p-svc' } } }));
    expect(resolveVarValues(renamed, vars).get('NAME')).toBe('p-svc');
  });

  it('fails for a var bound to nothing, in name order', () => {
    const { resources, vars } = bound([service], [variable('X', 'Service', 'nope', '', 'apps/v1'), variable('SVC', 'Service', 'svc')]);
    expect(errorOf(() => resolveVarValues(resources, vars)).message).toBe("var '{X Service.v1.apps {metadata.name}}' cannot be mapped to a field in the set of known resources");
  });

  it('fails for a missing field', () => {
    const { resources, vars } = bound([service], [variable('SVC', 'Service', 'svc', 'spec.nope')]);
    expect(errorOf(() => resolveVarValues(resources, vars)).message).toBe("field specified in var '{SVC Service.v1.[noGrp] {spec.nope}}' not found in corresponding resource");
  });
});

describe('substituteVars', () => {
  it('substitutes in annotations, args and env values, keeping types where a field is one reference', () => {
    const dep = deployment(
      { a: '$(PORT)', b: 'x$(PORT)y', c: '$(FLAG)', d: '$(F)', g: '$(MAP)', h: 'a$(MAP)b', i: '$(NUL)', j: '$$(NAME) $$ $(NOPE)', k: '$(F)$(FLAG)', l: '$(EL)', m: 5 },
      { args: ['$(NAME)', '$(PORT)', '--p=$(PORT)'], env: [{ name: 'X', value: '$(PORT)' }, { name: 'Y', value: '$(FLAG)' }] },
    );
    const { resources, vars } = bound([service, configMap, dep]);
    const out = substituteVars(resources, vars, fieldSpecs)[2]!.object;
    const template = (out['spec'] as JsonObject)['template'] as JsonObject;
    expect((template['metadata'] as JsonObject)['annotations']).toEqual({ a: 80, b: 'x80y', c: true, d: 1.5, g: '$(MAP)', h: 'a$(MAP)b', i: 'null', j: '$(NAME) $ $(NOPE)', k: '1.5true', l: 'http', m: 5 });
    expect((template['spec'] as JsonObject)['containers']).toEqual([
      { name: 'c', args: ['svc', 80, '--p=80'], env: [{ name: 'X', value: 80 }, { name: 'Y', value: true }] },
    ]);
  });

  it('leaves fields outside the var-reference specs alone', () => {
    const dep = deployment({}, { image: '$(NAME)', args: [] });
    const { resources, vars } = bound([service, dep], [variable('NAME', 'Service', 'svc')]);
    expect(substituteVars(resources, vars, fieldSpecs)[1]).toBe(resources[1]);
  });

  it('fails on a non-string in a var-reference list', () => {
    const dep = deployment({}, { args: ['$(NAME)', 5] });
    const { resources, vars } = bound([service, dep], [variable('NAME', 'Service', 'svc')]);
    const error = errorOf(() => substituteVars(resources, vars, fieldSpecs));
    expect(error.message).toMatch(/^considering field 'spec\/template\/spec\/containers\/args' of object Deployment.v1.apps\/dep.\[noNs\]: invalid value type expect a string$/);
  });

  it('resolves every var even when unused, and fails for an unbound one', () => {
    const { resources, vars } = bound([service], [variable('X', 'Service', 'nope', '', 'apps/v1')]);
    expect(() => substituteVars(resources, vars, fieldSpecs)).toThrow(KustomizeError);
  });

  it('does nothing without vars, and never changes its input', () => {
    const dep = deployment({ a: '$(NAME)' }, {});
    expect(substituteVars([dep], emptyVarSet, fieldSpecs)[0]).toBe(dep);
    const { resources, vars } = bound([service, dep], [variable('NAME', 'Service', 'svc')]);
    const snapshot = JSON.stringify(resources);
    substituteVars(resources, vars, fieldSpecs);
    expect(JSON.stringify(resources)).toBe(snapshot);
  });
});
