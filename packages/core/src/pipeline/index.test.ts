import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { build } from './index.js';
import { errorOf } from '../test-support.js';
import { kustomizeVersions } from '../versions.js';

describe('build', () => {
  const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'resources: [cm.yaml]\n', 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n' });

  it('builds the kustomization at an absolute path', () => {
    expect(build({ fs, path: '/app' }).yaml).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
  });

  // The messages below are kubectl kustomize's (v5.5.0) for the same trees on disk, locations aside.
  it("says why a path is not a directory in kustomize's words", () => {
    expect(errorOf(() => build({ fs, path: '/app/missing/deeper' }))).toMatchObject({
      code: 'file-not-found',
      message: "must build at directory: not a valid directory: evalsymlink failure on '/app/missing/deeper' : lstat /app/missing: no such file or directory",
    });
    expect(errorOf(() => build({ fs, path: '/app/cm.yaml' })).message).toBe("must build at directory: '/app/cm.yaml': file is not directory");
  });

  it('names the base or component whose kustomization cannot be loaded, as kustomize wraps it', () => {
    const tree = new MemoryFileSystem({
      'top/kustomization.yaml': 'resources:\n- ../base\n',
      'mix/kustomization.yaml': 'components:\n- ../base\n',
      'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
      'plain/kustomization.yaml': 'resources:\n- cm.yaml\n',
      'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
      'usesplain/kustomization.yaml': 'components:\n- ../plain\n',
      'empty/Kustomization': 'kind: Kustomization\n',
      'usesempty/kustomization.yaml': 'resources:\n- ../empty\n',
    });
    expect(errorOf(() => build({ fs: tree, path: '/top' })).message).toMatch(/^accumulating resources: couldn't make target for path '\/base': unable to find one of 'kustomization\.yaml'/);
    expect(errorOf(() => build({ fs: tree, path: '/mix' })).message).toMatch(/^accumulating components: accumulateDirectory: "couldn't make target for path '\/base': unable to find one of/);
    expect(errorOf(() => build({ fs: tree, path: '/usesplain' })).message).toBe(`accumulating components: accumulateDirectory: "expected kind 'Component' for path '/plain' but got 'Kustomization'"`);
    expect(errorOf(() => build({ fs: tree, path: '/usesempty' })).message).toBe("accumulating resources: couldn't make target for path '/empty': kustomization.yaml is empty");
  });

  it('refuses a relative path, saying how to make it absolute', () => {
    const error = errorOf(() => build({ fs, path: 'app' }));
    expect(error).toMatchObject({ code: 'invalid-argument', message: "the build path 'app' is not absolute", location: { file: 'app' } });
    expect(error.hint).toContain("'/app'");
  });

  it('merges a strategic-merge patch into a resource without apiVersion and adds none', () => {
    // kustomize's breakfast example: `kubectl kustomize` prints the patched Coffee without an apiVersion.
    const tree = new MemoryFileSystem({
      'base/kustomization.yaml': 'resources:\n- coffee.yaml\n',
      'base/coffee.yaml': 'kind: Coffee\nmetadata:\n  name: morningCup\ntemperature: lukewarm\n',
      'alice/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: temperature.yaml\n',
      'alice/temperature.yaml': 'kind: Coffee\nmetadata:\n  name: morningCup\ntemperature: hot!\n',
    });
    expect(build({ fs: tree, path: '/alice' }).yaml).toBe('kind: Coffee\nmetadata:\n  name: morningCup\ntemperature: hot!\n');
  });

  it('reads the operations of a JSON patch only when it applies them, as kustomize does', () => {
    // `kubectl kustomize`: a patch with an unknown op builds when it selects nothing, and fails with "Unexpected kind: bogus" when it selects a resource.
    const tree = (kind: string) =>
      new MemoryFileSystem({
        'app/kustomization.yaml': `resources:\n- cm.yaml\npatches:\n- target:\n    kind: ${kind}\n  patch: '[{"op": "bogus", "path": "/x"}]'\n`,
        'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
      });
    expect(build({ fs: tree('Secret'), path: '/app' }).yaml).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
    expect(errorOf(() => build({ fs: tree('ConfigMap'), path: '/app' })).message).toContain('Unexpected kind: bogus');
  });

  it('reads a patch of `null` as an empty JSON patch, as Go decodes it', () => {
    // `kubectl kustomize`: "illegally qualifies as both an SM and JSON patch" under patches, "patch appears to be empty" under patchesJson6902.
    const tree = (kustomization: string) =>
      new MemoryFileSystem({ 'app/kustomization.yaml': kustomization, 'app/p.yaml': 'null\n', 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' });
    const patches = tree('resources:\n- cm.yaml\npatches:\n- target:\n    kind: ConfigMap\n  path: p.yaml\n');
    expect(errorOf(() => build({ fs: patches, path: '/app', kustomizeVersion: 'v5.5.0' })).message).toBe(
      'trouble configuring builtin PatchTransformer with config: `\npath: p.yaml\ntarget:\n  kind: ConfigMap\n`: illegally qualifies as both an SM and JSON patch: [path: "p.yaml"]',
    );
    // From v5.7 a patch that is no object and no operation is no patch (kustomize's tests at v5.7.1 and v5.8.1).
    expect(build({ fs: patches, path: '/app', kustomizeVersion: 'v5.7.1' }).yaml).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    expect(build({ fs: patches, path: '/app', kustomizeVersion: 'v5.8.1' }).yaml).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    const json6902 = 'resources:\n- cm.yaml\npatchesJson6902:\n- target:\n    version: v1\n    kind: ConfigMap\n    name: c\n  path: p.yaml\n';
    for (const kustomizeVersion of kustomizeVersions) expect(errorOf(() => build({ fs: tree(json6902), path: '/app', kustomizeVersion })).message).toContain('patch appears to be empty');
  });
});
