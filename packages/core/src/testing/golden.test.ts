import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../pipeline/index.js';
import { MemoryFileSystem, readText } from '../fs/filesystem.js';
import { checkGolden, formatGoldenReport, planGolden, updateGolden } from './golden.js';
import { expectGolden, goldenTargets, goldenUpdateMode, matchGolden, renderOverlay } from './index.js';

const configMap = (mode: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: ${mode}\n`;

function app(): MemoryFileSystem {
  return new MemoryFileSystem({
    '/app/base/kustomization.yaml': 'resources:\n- cm.yaml\n',
    '/app/base/cm.yaml': configMap('fast'),
    '/app/overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: prod-\n',
    '/app/overlays/staging/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: staging-\n',
    '/app/overlays/staging/patches/kustomization.yaml': 'resources: []\n',
    '/app/overlays/shared/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nnamePrefix: x-\n',
    '/app/overlays/.hidden/kustomization.yaml': 'resources: []\n',
  });
}

describe('planGolden', () => {
  it('finds every overlay below a directory, not inside overlays, without Components or hidden directories', () => {
    expect(planGolden(app(), '/app/overlays')).toEqual([
      { overlay: '/app/overlays/prod', golden: '/app/golden/prod.yaml', name: 'prod' },
      { overlay: '/app/overlays/staging', golden: '/app/golden/staging.yaml', name: 'staging' },
    ]);
  });

  it('names an overlay given directly as if its parent had been given', () => {
    expect(planGolden(app(), '/app/overlays/prod')).toEqual([{ overlay: '/app/overlays/prod', golden: '/app/golden/prod.yaml', name: 'prod' }]);
  });

  it('keeps nested names and skips the golden folder when it lies inside', () => {
    const fs = app();
    fs.addFile('/app/golden/kustomization.yaml', 'resources: []\n');
    expect(planGolden(fs, '/app', { goldenDir: '/app/golden' }).map((target) => `${target.name} ${target.golden}`)).toEqual([
      'base /app/golden/base.yaml',
      'overlays/prod /app/golden/overlays/prod.yaml',
      'overlays/staging /app/golden/overlays/staging.yaml',
    ]);
  });
});

describe('checkGolden and updateGolden', () => {
  it('reports missing golden files, writes them on update, then matches; a changed overlay drifts with a diff', () => {
    const fs = app();
    const targets = planGolden(fs, '/app/overlays');
    expect(checkGolden(fs, targets).map((result) => result.status)).toEqual(['missing', 'missing']);
    updateGolden(fs, targets);
    expect(readText(fs, '/app/golden/prod.yaml')).toBe(build({ fs, path: '/app/overlays/prod' }).yaml);
    expect(checkGolden(fs, targets).map((result) => result.status)).toEqual(['match', 'match']);

    fs.addFile('/app/overlays/prod/kustomization.yaml', 'resources:\n- ../../base\nnamePrefix: prod-\ncommonLabels:\n  env: prod\n');
    const [prod, staging] = checkGolden(fs, targets, { displayRoot: '/app' });
    expect(staging!.status).toBe('match');
    expect(prod!.status).toBe('changed');
    expect(prod!.diff).toBe(
      [
        '--- golden/prod.yaml',
        '+++ kustomize build overlays/prod',
        '@@ -3,4 +3,6 @@',
        '   mode: fast',
        ' kind: ConfigMap',
        ' metadata:',
        '+  labels:',
        '+    env: prod',
        '   name: prod-settings',
        '',
      ].join('\n'),
    );
    const report = formatGoldenReport(checkGolden(fs, targets, { displayRoot: '/app' }), { displayRoot: '/app' });
    expect(report).toBe(
      [
        'changed  overlays/prod -> golden/prod.yaml',
        '--- golden/prod.yaml',
        '+++ kustomize build overlays/prod',
        '@@ -3,4 +3,6 @@',
        '   mode: fast',
        ' kind: ConfigMap',
        ' metadata:',
        '+  labels:',
        '+    env: prod',
        '   name: prod-settings',
        'ok       overlays/staging -> golden/staging.yaml',
        '2 overlays: 1 ok, 1 changed, 0 missing, 0 failed to build',
        'run `kustomize-ts golden update` to accept the new output',
        '',
      ].join('\n'),
    );
    updateGolden(fs, targets);
    expect(checkGolden(fs, targets).every((result) => result.status === 'match')).toBe(true);
  });

  it('reports an overlay that does not build and writes nothing for it', () => {
    const fs = app();
    fs.addFile('/app/overlays/prod/kustomization.yaml', 'resources:\n- missing.yaml\n');
    const [prod] = updateGolden(fs, planGolden(fs, '/app/overlays'));
    expect(prod!.status).toBe('error');
    expect(fs.kind('/app/golden/prod.yaml')).toBeUndefined();
  });
});

describe('expectGolden (on disk)', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function onDisk(): string {
    root = mkdtempSync(join(tmpdir(), 'kustomize-ts-golden-'));
    mkdirSync(join(root, 'base'));
    mkdirSync(join(root, 'overlays/prod'), { recursive: true });
    writeFileSync(join(root, 'base/kustomization.yaml'), 'resources:\n- cm.yaml\n');
    writeFileSync(join(root, 'base/cm.yaml'), configMap('fast'));
    writeFileSync(join(root, 'overlays/prod/kustomization.yaml'), 'resources:\n- ../../base\n');
    return root;
  }

  it('fails with a readable diff when the golden file is missing or differs, passes once updated', () => {
    const dir = onDisk();
    const overlay = join(dir, 'overlays/prod');
    const golden = join(dir, 'golden/prod.yaml');
    expect(() => expectGolden(overlay, golden, { mode: 'none' })).toThrow(/has no golden file yet \(not written: this run writes none, as in CI\):\n--- \/dev\/null\n/);
    expectGolden(overlay, golden, { update: true });
    expect(readFileSync(golden, 'utf8')).toBe(renderOverlay(overlay));
    expect(() => expectGolden(overlay, golden)).not.toThrow();
    writeFileSync(join(dir, 'base/cm.yaml'), configMap('slow'));
    expect(() => expectGolden(new URL(`file://${overlay}`), golden, { mode: 'new' })).toThrow(/no longer matches its golden file:\n[\s\S]*-  mode: fast\n\+  mode: slow\n[\s\S]*run the tests again with `vitest -u`/);
  });

  it('writes a missing golden file and passes, as toMatchFileSnapshot does, and rewrites one only in mode all', () => {
    const dir = onDisk();
    const overlay = join(dir, 'overlays/prod');
    const golden = join(dir, 'golden/prod.yaml');
    expect(matchGolden(overlay, golden, { mode: 'new' })).toMatchObject({ pass: true, written: golden });
    expect(readFileSync(golden, 'utf8')).toBe(renderOverlay(overlay));
    writeFileSync(join(dir, 'base/cm.yaml'), configMap('slow'));
    expect(matchGolden(overlay, golden, { mode: 'new' }).pass).toBe(false);
    expect(readFileSync(golden, 'utf8')).toContain('mode: fast');
    expect(matchGolden(overlay, golden, { mode: 'all' })).toMatchObject({ pass: true, written: golden });
    expect(readFileSync(golden, 'utf8')).toContain('mode: slow');
  });

  it("starts a mismatch's stack at the test that called it", () => {
    const dir = onDisk();
    let stack = '';
    try {
      expectGolden(join(dir, 'overlays/prod'), join(dir, 'golden/prod.yaml'), { mode: 'none' });
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    expect(stack.split('\n').find((line) => line.trimStart().startsWith('at '))).toContain('golden.test.ts');
  });

  it("takes the runner's snapshot update state, as Vitest's -u sets it", () => {
    expect(goldenUpdateMode()).toBe(expect.getState().snapshotState.snapshotUpdateState);
    expect(goldenUpdateMode({ update: true })).toBe('all');
  });

  it('lists targets for one test each', () => {
    const dir = onDisk();
    expect(goldenTargets(join(dir, 'overlays')).map((target) => target.golden)).toEqual([join(dir, 'golden/prod.yaml')]);
  });
});
