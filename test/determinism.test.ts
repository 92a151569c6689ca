import fc from 'fast-check';
import { MemoryFileSystem, build } from '@kustomize-ts/core';
import { describe, expect, it } from 'vitest';

/** A file system that lists directories in an order chosen by the test. */
class ShuffledFileSystem extends MemoryFileSystem {
  constructor(files: Record<string, string>, private readonly order: (names: string[]) => string[]) {
    super(files);
  }
  override readDir(path: string): string[] {
    return this.order(super.readDir(path));
  }
}

const tree = {
  'base/kustomization.yaml': 'resources:\n- deploy.yaml\n- svc.yaml\n',
  'base/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.25\n',
  'base/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n',
  'overlay/kustomization.yaml': 'resources:\n- ../base\n- extra.yaml\nnamespace: prod\n',
  'overlay/extra.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n',
  'overlay/kustomization.yml.bak': 'not read',
};

describe('determinism', () => {
  it('gives the same bytes whatever order directories are listed in', () => {
    const reference = build({ fs: new MemoryFileSystem(tree), path: '/overlay' }).yaml;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffle = (names: string[]) => {
          const out = [...names];
          let state = seed;
          for (let i = out.length - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) & 0x7fffffff;
            const j = state % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        expect(build({ fs: new ShuffledFileSystem(tree, shuffle), path: '/overlay' }).yaml).toBe(reference);
      }),
      { numRuns: 50 },
    );
  });
});
