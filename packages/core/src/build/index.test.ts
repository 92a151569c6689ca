import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { build } from './index.js';

describe('build', () => {
  const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'resources: [cm.yaml]\n', 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n' });

  it('builds the kustomization at an absolute path', () => {
    expect(build({ fs, path: '/app' }).yaml).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
  });

  it('refuses a relative path, saying how to make it absolute', () => {
    const error = (() => {
      try {
        build({ fs, path: 'app' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(KustomizeError);
    expect(error).toMatchObject({ code: 'invalid-argument', message: "the build path 'app' is not absolute", location: { file: 'app' } });
    expect((error as KustomizeError).hint).toContain("'/app'");
  });
});
