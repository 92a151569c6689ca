import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { findKustomizationFile, loadKustomization, parseKustomization } from './load.js';
import { errorOf } from '../test-support.js';

describe('findKustomizationFile', () => {
  it('accepts each name kustomize recognises', () => {
    for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
      const fs = new MemoryFileSystem({ [`app/${name}`]: 'resources: []\n' });
      expect(findKustomizationFile(fs, '/app')).toBe(`/app/${name}`);
    }
  });

  it('refuses a directory with two kustomization files', () => {
    const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'resources: []\n', 'app/kustomization.yml': 'resources: []\n' });
    expect(errorOf(() => findKustomizationFile(fs, '/app')).message).toContain('Found multiple kustomization files');
  });

  it('names the directory when there is none', () => {
    const fs = new MemoryFileSystem({ 'app/cm.yaml': 'a: b\n' });
    const error = errorOf(() => findKustomizationFile(fs, '/app'));
    expect(error.code).toBe('file-not-found');
    expect(error.message).toContain("unable to find one of 'kustomization.yaml'");
  });
});

describe('parseKustomization', () => {
  const parse = (text: string) => parseKustomization(text, '/app/kustomization.yaml', '/app');

  it('matches field names case-insensitively, as Go decodes JSON', () => {
    expect(parse('nameprefix: x-\n').namePrefix).toBe('x-');
  });

  it('rejects unknown fields and names them', () => {
    const error = errorOf(() => parse('resources: []\nfoo: 1\n'));
    expect(error.message).toBe('invalid Kustomization: unknown field "foo"');
    expect(error.location.field).toBe('foo');
  });

  it('rejects unknown fields nested in lists', () => {
    const error = errorOf(() => parse('labels:\n- pairs: {a: b}\n  includeVolumeClaimTemplates: true\n'));
    expect(error.message).toContain('unknown field "includeVolumeClaimTemplates"');
    expect(error.location.field).toBe('labels[0].includeVolumeClaimTemplates');
  });

  it('rejects values of the wrong type', () => {
    expect(errorOf(() => parse('commonLabels:\n  a: 1\n')).message).toContain('commonLabels.a of type string');
    expect(errorOf(() => parse('resources: cm.yaml\n')).message).toContain('of type []string');
  });

  it('calls an empty file empty, but not one with an empty list', () => {
    expect(errorOf(() => parse('')).message).toBe('kustomization.yaml is empty');
    expect(errorOf(() => parse('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n')).message).toBe('kustomization.yaml is empty');
    expect(parse('resources: []\n').resources).toEqual([]);
  });

  it('folds deprecated fields as kustomize does', () => {
    const k = parse('resources: [a.yaml]\nbases: [../base]\nimages: [{name: a}]\nimageTags: [{name: b}]\nconfigMapGenerator:\n- name: c\n  envs: [x.env]\n  env: y.env\n');
    expect(k.resources).toEqual(['a.yaml', '../base']);
    expect(k.images.map((image) => image.name)).toEqual(['a', 'b']);
    expect(k.configMapGenerator[0]!.envs).toEqual(['x.env', 'y.env']);
  });

  it('checks kind and apiVersion', () => {
    expect(errorOf(() => parse('kind: Foo\nresources: []\n')).message).toContain('kind should be Kustomization or Component');
    expect(errorOf(() => parse('kind: Component\napiVersion: kustomize.config.k8s.io/v1beta1\nresources: []\n')).message).toContain(
      'apiVersion for Component should be kustomize.config.k8s.io/v1alpha1',
    );
    expect(parse('kind: Component\nresources: []\n').kind).toBe('Component');
  });
});

describe('loadKustomization', () => {
  it('reads the file in the directory', () => {
    const fs = new MemoryFileSystem({ 'app/kustomization.yml': 'namespace: ns\n' });
    const k = loadKustomization(fs, '/app');
    expect(k.namespace).toBe('ns');
    expect(k.file).toBe('/app/kustomization.yml');
  });
});
