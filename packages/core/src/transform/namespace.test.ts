import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json.js';
import { newResource, type Resource } from '../resource/resource.js';
import { defaultTransformerConfig } from './fieldspecs/config.js';
import { parseRoleBindingSubjectMode, transformNamespace, type NamespaceTransformerConfig } from './namespace.js';
import { errorOf } from '../test-support.js';

const fieldSpecs = defaultTransformerConfig.namespace;

function run(objects: JsonObject[], config: Partial<NamespaceTransformerConfig> = {}): Resource[] {
  return transformNamespace(objects.map((o) => newResource(o)), { namespace: 'target', fieldSpecs, ...config });
}

function objects(objects: JsonObject[], config: Partial<NamespaceTransformerConfig> = {}): JsonObject[] {
  return run(objects, config).map((r) => r.object);
}

const cm = (name: string, namespace?: string): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(namespace ? { namespace } : {}) } });

describe('transformNamespace', () => {
  it('sets and overwrites metadata.namespace of namespaced kinds, creating metadata', () => {
    expect(objects([cm('a'), cm('b', 'other'), { apiVersion: 'v1', kind: 'ConfigMap' }])).toEqual([
      cm('a', 'target'),
      cm('b', 'target'),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'target' } },
    ]);
  });

  it('leaves cluster-scoped kinds without a namespace', () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } };
    expect(objects([role])).toEqual([role]);
  });

  it('changes nothing for an empty namespace', () => {
    const input = [newResource(cm('a'))];
    expect(transformNamespace(input, { namespace: '', fieldSpecs })[0]).toBe(input[0]);
  });

  it('renames core Namespaces only', () => {
    // `kubectl kustomize` with namespace: target: v1 Namespace "old" becomes "target"; example.com/v1 Namespace keeps its name and gets a namespace.
    expect(objects([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old' } },
      { apiVersion: 'example.com/v1', kind: 'Namespace', metadata: { name: 'notcore' } },
    ])).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'target' } },
      { apiVersion: 'example.com/v1', kind: 'Namespace', metadata: { name: 'notcore', namespace: 'target' } },
    ]);
  });

  it('never applies a metadata/namespace field spec, so cluster-scoped kinds stay without one', () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } };
    expect(objects([role], { fieldSpecs: [{ path: 'metadata/namespace', create: true }] })).toEqual([role]);
  });

  it("sets an APIService's service namespace and a CRD's conversion webhook namespace", () => {
    // `kubectl kustomize` with namespace: target (CRD conversion webhook namespace "other" became "target").
    const crd = (namespace: string): JsonObject => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'foos.example.com' },
      spec: { conversion: { webhook: { clientConfig: { service: { name: 'conv', namespace } } } } },
    });
    const apiService = (service: JsonObject): JsonObject => ({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.x' }, spec: { service } });
    expect(objects([crd('other'), apiService({ name: 'svc' })])).toEqual([crd('target'), apiService({ name: 'svc', namespace: 'target' })]);
  });

  describe('RoleBinding and ClusterRoleBinding subjects', () => {
    const binding = (kind: string, subjects: JsonObject[]): JsonObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name: 'b' }, subjects });
    const subjects: JsonObject[] = [
      { kind: 'ServiceAccount', name: 'default', namespace: 'x' },
      { kind: 'ServiceAccount', name: 'other' },
      { kind: 'Group', name: 'default' },
    ];

    it('by default set the namespace of subjects named default, whatever their kind', () => {
      // `kubectl kustomize` with namespace: target on a ClusterRoleBinding.
      expect(objects([binding('ClusterRoleBinding', subjects)])[0]!['subjects']).toEqual([
        { kind: 'ServiceAccount', name: 'default', namespace: 'target' },
        { kind: 'ServiceAccount', name: 'other' },
        { kind: 'Group', name: 'default', namespace: 'target' },
      ]);
    });

    it('with allServiceAccounts set every ServiceAccount subject', () => {
      expect(objects([binding('RoleBinding', subjects)], { setRoleBindingSubjects: 'allServiceAccounts' })[0]!['subjects']).toEqual([
        { kind: 'ServiceAccount', name: 'default', namespace: 'target' },
        { kind: 'ServiceAccount', name: 'other', namespace: 'target' },
        { kind: 'Group', name: 'default' },
      ]);
    });

    it('with none set no subject, whatever the field specs say', () => {
      expect(objects([binding('RoleBinding', subjects)], {
        setRoleBindingSubjects: 'none',
        fieldSpecs: [{ kind: 'RoleBinding', path: 'subjects/namespace', create: true }],
      })[0]!['subjects']).toEqual(subjects);
    });

    it('fail on a field spec naming the subjects list itself', () => {
      // `kubectl kustomize` (TestNamespaceTransformer_InvalidFieldSpecs): namespace field specs must target scalar nodes: ... expected ScalarNode but got SequenceNode.
      expect(() => run([binding('ClusterRoleBinding', subjects)], { fieldSpecs: [{ group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding', path: 'subjects' }] })).toThrow(
        "namespace field specs must target scalar nodes: considering field 'subjects' of object ClusterRoleBinding.v1.rbac.authorization.k8s.io/b.[noNs]: wrong node kind: expected ScalarNode but got SequenceNode",
      );
    });
  });

  describe('unsetOnly', () => {
    it('sets only missing or empty namespaces, in metadata, field specs and subjects', () => {
      // `kubectl kustomize` with a NamespaceTransformer (unsetOnly: true, setRoleBindingSubjects: allServiceAccounts).
      const foo = (name: string, spec?: JsonObject, namespace?: string): JsonObject => ({ apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name, ...(namespace ? { namespace } : {}) }, ...(spec ? { spec } : {}) });
      const rb = (subjects: JsonObject[], namespace: string): JsonObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'rb', namespace }, subjects });
      const result = objects(
        [
          rb([{ kind: 'ServiceAccount', name: 'a' }, { kind: 'ServiceAccount', name: 'b', namespace: '' }, { kind: 'ServiceAccount', name: 'c', namespace: 'stay' }], 'keep'),
          foo('f'),
          foo('g', { ns: 'already' }, ''),
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'nsobj' } },
        ],
        { unsetOnly: true, setRoleBindingSubjects: 'allServiceAccounts', fieldSpecs: [{ kind: 'Foo', path: 'spec/ns', create: true }, { kind: 'Namespace', path: 'metadata/name' }] },
      );
      expect(result).toEqual([
        rb([{ kind: 'ServiceAccount', name: 'a', namespace: 'target' }, { kind: 'ServiceAccount', name: 'b', namespace: 'target' }, { kind: 'ServiceAccount', name: 'c', namespace: 'stay' }], 'keep'),
        foo('f', { ns: 'target' }, 'target'),
        foo('g', { ns: 'already' }, 'target'),
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'nsobj' } },
      ]);
    });
  });

  it('stores the current id of every resource, renamed or not, as kustomize', () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } };
    const [configMap, clusterRole] = run([cm('a'), role]);
    expect(configMap!.previousIds).toEqual([{ group: '', version: 'v1', kind: 'ConfigMap', name: 'a', namespace: 'default' }]);
    expect(clusterRole!.previousIds).toEqual([{ group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', name: 'r', namespace: '_non_namespaceable_' }]);
  });

  it('skips empty objects', () => {
    const empty = newResource({});
    expect(transformNamespace([empty], { namespace: 'x', fieldSpecs })[0]).toBe(empty);
  });

  it('fails when two resources end up with one id', () => {
    // `kubectl kustomize`: namespace transformation produces ID conflict: [...].
    const error = errorOf(() => run([cm('x'), cm('x', 'target')]));
    expect(error.code).toBe('duplicate-id');
    expect(error.message).toMatch(/^namespace transformation produces ID conflict: \[/);
  });

  it('does not mutate its input', () => {
    const input = [newResource(cm('a'))];
    const before = JSON.stringify(input);
    run([cm('a')]);
    transformNamespace(input, { namespace: 'n', fieldSpecs });
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('parseRoleBindingSubjectMode', () => {
  it('defaults to defaultOnly and accepts the three modes', () => {
    expect(parseRoleBindingSubjectMode('')).toBe('defaultOnly');
    expect(parseRoleBindingSubjectMode('none')).toBe('none');
    expect(parseRoleBindingSubjectMode('allServiceAccounts')).toBe('allServiceAccounts');
  });

  it('rejects other values in kustomize words', () => {
    // `kubectl kustomize` with setRoleBindingSubjects: bogus.
    expect(() => parseRoleBindingSubjectMode('bogus')).toThrow('invalid value "bogus" for setRoleBindingSubjects: must be one of "defaultOnly", "none" or "allServiceAccounts"');
  });
});
