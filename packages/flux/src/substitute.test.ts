import type { JsonObject } from '@kustomize-ts/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fluxKustomization } from './test-support.js';
import { loadSubstituteVariables, postBuildSubstitute, substituteObject } from './substitute.js';

const kustomization = (postBuild: string) => fluxKustomization(postBuild);
const object = (text: string) => parse(text) as JsonObject;

const configMap = object(`apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    env: \${env}
data:
  port: \${port}
  enabled: \${enabled}
  quoted: "\${quoted}"
  empty: \${empty}
  fallback: \${missing:=dev}
`);

// Behaviour follows fluxcd/pkg kustomize_varsub.go: substitution on the printed YAML, re-read by sigs.k8s.io/yaml.
describe('substituteObject', () => {
  it('re-types values as Flux re-reads the YAML', () => {
    const result = substituteObject(configMap, { env: 'prod', port: '8080', enabled: 'yes', quoted: '"true"', empty: '' }, {});
    expect(result).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', labels: { env: 'prod' } },
      data: { port: 8080, enabled: true, quoted: 'true', empty: null, fallback: 'dev' },
    });
  });

  it('leaves resources alone without variables unless always is set', () => {
    expect(substituteObject(configMap, {}, {})).toBe(configMap);
    expect((substituteObject(configMap, {}, { always: true }).data as JsonObject).fallback).toBe('dev');
  });

  it('honours the opt-out label and annotation', () => {
    const optedOut = object('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\ndata:\n  x: ${y}\n');
    expect(substituteObject(optedOut, { y: 'z' }, {})).toBe(optedOut);
  });

  it('fails in strict mode on a variable without value or default', () => {
    expect(() => substituteObject(configMap, { env: 'prod' }, { strict: true })).toThrow('envsubst error: variable substitution failed: variable not set (strict mode): "empty"');
  });

  it('rejects invalid variable names', () => {
    expect(() => substituteObject(configMap, { '1x': 'a' }, {})).toThrow("envsubst error: '1x' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'");
  });

  it('a `$${…}` escape survives as literal text', () => {
    const escaped = object('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  script: echo $${HOME} ${who}\n');
    expect((substituteObject(escaped, { who: 'me' }, {}).data as JsonObject).script).toBe('echo ${HOME} me');
  });
});

describe('loadSubstituteVariables', () => {
  const ks = kustomization(`  postBuild:
    substitute:
      env: inline
      multi: "a\\nb"
    substituteFrom:
    - kind: ConfigMap
      name: vars
    - kind: Secret
      name: secret-vars
    - kind: ConfigMap
      name: absent
      optional: true
`);
  const cluster = [
    object('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vars\n  namespace: flux-system\ndata:\n  env: from-cm\n  region: eu\n'),
    object('apiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-vars\n  namespace: flux-system\ndata:\n  token: c2VjcmV0\nstringData:\n  user: admin\n'),
    object('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vars\n  namespace: elsewhere\ndata:\n  region: wrong\n'),
  ];

  it('merges ConfigMaps, decoded Secrets and inline values, inline last, newlines removed', () => {
    expect(loadSubstituteVariables(ks, { clusterObjects: cluster })).toEqual({ env: 'inline', region: 'eu', token: 'secret', user: 'admin', multi: 'ab' });
  });

  it('uses only inline values in dry-run', () => {
    expect(loadSubstituteVariables(ks, { dryRun: true })).toEqual({ env: 'inline', multi: 'ab' });
  });

  it('fails on a missing required reference', () => {
    expect(() => loadSubstituteVariables(ks, { clusterObjects: [] })).toThrow(`substitute from 'ConfigMap/vars' error: configmaps "vars" not found`);
  });
});

describe('postBuildSubstitute', () => {
  it('does nothing without postBuild', () => {
    const resources = [configMap];
    expect(postBuildSubstitute(resources, kustomization(''))[0]).toBe(configMap);
  });

  it('names the resource that failed', () => {
    const ks = kustomization('  postBuild:\n    substitute:\n      env: prod\n');
    expect(() => postBuildSubstitute([configMap], ks, { strict: true })).toThrow(/^var substitution failed for 'settings': envsubst error:/);
  });

  it('substitutes with Always even without variables', () => {
    const ks = kustomization('  postBuild:\n    substituteStrategy: Always\n');
    expect((postBuildSubstitute([configMap], ks)[0]!.data as JsonObject).fallback).toBe('dev');
  });
});
