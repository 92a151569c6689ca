import { KustomizeError, type JsonObject } from '@kustomize-ts/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kustomizationTimeout, readKustomization, validateKustomization } from './kustomization.js';
import { readGitRepository, validateGitRepository } from './gitrepository.js';
import { formatGoDuration } from '../duration.js';

const yaml = (text: string) => parse(text) as JsonObject;

const voteDev = `
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: vote-dev
  namespace: flux-system
spec:
  interval: 1m
  path: ./deploy/vote-dev
  prune: true
  sourceRef:
    kind: GitRepository
    name: instavote
  targetNamespace: instavote
  healthChecks:
    - kind: Deployment
      name: vote
      namespace: instavote
  timeout: 2m
`;

describe('readKustomization', () => {
  it('reads the typed spec', () => {
    const ks = readKustomization(yaml(voteDev));
    expect(ks.metadata).toEqual({ name: 'vote-dev', namespace: 'flux-system' });
    expect(ks.spec.sourceRef).toEqual({ kind: 'GitRepository', name: 'instavote' });
    expect(ks.spec.healthChecks).toEqual([{ kind: 'Deployment', name: 'vote', namespace: 'instavote' }]);
    expect(ks.spec.targetNamespace).toBe('instavote');
    expect(validateKustomization(yaml(voteDev))).toEqual([]);
  });

  it('names the field of a decode error', () => {
    const object = yaml(voteDev.replace('prune: true', 'prune: "yes"'));
    expect(() => readKustomization(object, { file: 'ks.yaml' })).toThrow(KustomizeError);
    try {
      readKustomization(object, { file: 'ks.yaml' });
    } catch (error) {
      expect((error as KustomizeError).location).toEqual({ file: 'ks.yaml', field: 'spec.prune' });
      expect((error as KustomizeError).message).toBe('invalid Kustomization: spec.prune: must be a boolean, not string');
    }
  });

  it('rejects a duration Go cannot parse', () => {
    expect(() => readKustomization(yaml(voteDev.replace('timeout: 2m', 'timeout: 2x')))).toThrow(/spec\.timeout: time: unknown unit "x" in duration "2x"/);
  });

  it('reports schema problems only when asked', () => {
    const object = yaml(voteDev.replace('kind: GitRepository', 'kind: HelmRepository').replace('  prune: true\n', ''));
    expect(() => readKustomization(object)).not.toThrow();
    expect(validateKustomization(object).map((issue) => [issue.field, issue.message])).toEqual([
      ['spec.sourceRef.kind', 'Unsupported value: "HelmRepository": supported values: "OCIRepository", "GitRepository", "Bucket", "ExternalArtifact"'],
      ['spec.prune', 'Required value'],
    ]);
    expect(() => readKustomization(object, { strictness: 'schema' })).toThrow(/spec\.sourceRef\.kind: Unsupported value/);
  });

  it('names list items by index', () => {
    const object = yaml(voteDev.replace('      name: vote\n', ''));
    expect(validateKustomization(object)).toEqual([{ field: 'spec.healthChecks[0].name', message: 'Required value', severity: 'schema' }]);
  });

  it('checks the CRD duration pattern', () => {
    const issues = validateKustomization(yaml(voteDev.replace('interval: 1m', 'interval: 1m30')));
    expect(issues[0]?.field).toBe('spec.interval');
  });
});

describe('kustomizationTimeout', () => {
  // kustomize-controller GetTimeout: spec.timeout, else interval - 30s, at least 30s.
  it.each([
    ['10m', undefined, '9m30s'],
    ['10m', '2m', '2m0s'],
    ['40s', undefined, '30s'],
    ['1m', '5s', '30s'],
  ])('interval %s timeout %s gives %s', (interval, timeout, expected) => {
    const spec = readKustomization(yaml(voteDev.replace('interval: 1m', `interval: ${interval}`).replace('timeout: 2m', timeout ? `timeout: ${timeout}` : ''))).spec;
    expect(formatGoDuration(kustomizationTimeout(spec))).toBe(expected);
  });
});

const gitRepository = `
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: instavote
  namespace: flux-system
spec:
  interval: 1m
  url: https://github.com/example/instavote
  ref:
    branch: main
`;

describe('readGitRepository', () => {
  it('reads the typed spec', () => {
    const repository = readGitRepository(yaml(gitRepository));
    expect(repository.spec.ref).toEqual({ branch: 'main' });
    expect(repository.spec.url).toBe('https://github.com/example/instavote');
    expect(validateGitRepository(yaml(gitRepository))).toEqual([]);
  });

  it('checks url scheme, provider and the service-account rule', () => {
    const object = yaml(gitRepository.replace('https://', 'git://').replace('  ref:', '  provider: github\n  serviceAccountName: sa\n  ref:'));
    expect(validateGitRepository(object).map((issue) => issue.field)).toEqual(['spec', 'spec.url']);
  });

  it('checks the timeout pattern, which has no hours', () => {
    expect(validateGitRepository(yaml(`${gitRepository}  timeout: 1h\n`)).map((issue) => issue.field)).toEqual(['spec.timeout']);
  });
});
