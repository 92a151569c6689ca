import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { versionBehaviour } from '../versions.js';
import { initialOpenApiState } from '../pipeline/openapi.js';
import { defaultLoadLimits, Loader, type LoadRestrictor } from './loader.js';

function loaderAt(root: string, files: Record<string, string>, restrictor: LoadRestrictor = 'rootOnly', limits = defaultLoadLimits): Loader {
  return new Loader({ fs: new MemoryFileSystem(files), restrictor, limits, buildRoot: root, filesRead: 0, hooks: {}, openApi: initialOpenApiState, behaviour: versionBehaviour(), warnings: [] }, root);
}

describe('Loader', () => {
  const files = { 'app/kustomization.yaml': 'x', 'app/a.yaml': 'a', 'shared/p.yaml': 'p', 'app/base/kustomization.yaml': 'y' };

  it('reads files in or below its directory', () => {
    expect(loaderAt('/app', files).readText('a.yaml')).toBe('a');
  });

  it('refuses files outside its directory unless the restrictor is none', () => {
    const error = (() => {
      try {
        loaderAt('/app', files).readText('../shared/p.yaml');
      } catch (e) {
        return e as KustomizeError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('load-restricted');
    expect(error?.message).toContain('security; file');
    expect(loaderAt('/app', files, 'none').readText('../shared/p.yaml')).toBe('p');
  });

  it('opens child loaders and refuses cycles', () => {
    const loader = loaderAt('/app', files);
    const child = loader.child('base');
    expect(child.root).toBe('/app/base');
    expect(() => child.child('..')).toThrow(/cycle detected/);
    expect(() => loader.child('.')).toThrow(/cycle detected/);
  });

  it('refuses absolute roots and files that are not directories', () => {
    const loader = loaderAt('/app', files);
    expect(() => loader.child('/app/base')).toThrow(/cannot be absolute/);
    expect(() => loader.child('a.yaml')).toThrow(/file is not directory/);
  });

  it('enforces the file-count and file-size limits', () => {
    const counted = loaderAt('/app', files, 'rootOnly', { ...defaultLoadLimits, maxFiles: 1 });
    counted.readText('a.yaml');
    expect(() => counted.readText('a.yaml')).toThrow(/more than 1 files/);
    const small = loaderAt('/app', { 'app/big.yaml': 'x'.repeat(100) }, 'rootOnly', { ...defaultLoadLimits, maxFileBytes: 10 });
    expect(() => small.readText('big.yaml')).toThrow(/more than the limit/);
  });
});
