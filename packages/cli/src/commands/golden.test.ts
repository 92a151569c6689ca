import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, writeFiles } from '../test-support.js';

function app(): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-golden-'));
  writeFiles(root, {
    'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
    'base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vote\nspec:\n  replicas: 1\n',
    'overlays/staging/kustomization.yaml': 'resources:\n- ../../base\nnamespace: staging\n',
    'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamespace: prod\n',
  });
  return root;
}

describe('kustomize-ts golden', () => {
  it('check fails on missing golden files; update writes them; check then passes', async () => {
    const root = app();
    const missing = await run(['golden', 'check', 'overlays'], root);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('missing  overlays/prod -> golden/prod.yaml\n--- /dev/null\n+++ kustomize build overlays/prod\n');
    const updated = await run(['golden', 'update', 'overlays'], root);
    expect(updated).toEqual({
      status: 0,
      stdout: 'updated  overlays/prod -> golden/prod.yaml\nupdated  overlays/staging -> golden/staging.yaml\n2 overlays: 0 ok, 2 updated, 0 failed to build\n',
      stderr: '',
    });
    expect(readFileSync(join(root, 'golden/prod.yaml'), 'utf8')).toBe((await run(['build', 'overlays/prod'], root)).stdout);
    expect(await run(['golden', 'check', 'overlays'], root)).toEqual({
      status: 0,
      stdout: 'ok       overlays/prod -> golden/prod.yaml\nok       overlays/staging -> golden/staging.yaml\n2 overlays: 2 ok, 0 changed, 0 missing, 0 failed to build\n',
      stderr: '',
    });
  });

  it('check fails on a changed overlay with a readable diff and passes after update', async () => {
    const root = app();
    await run(['golden', 'update', 'overlays'], root);
    writeFiles(root, { 'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamespace: prod\nreplicas:\n- name: vote\n  count: 5\n' });
    const drift = await run(['golden', 'check', 'overlays'], root);
    expect(drift.status).toBe(1);
    expect(drift.stdout).toBe(
      [
        'changed  overlays/prod -> golden/prod.yaml',
        '--- golden/prod.yaml',
        '+++ kustomize build overlays/prod',
        '@@ -4,4 +4,4 @@',
        '   name: vote',
        '   namespace: prod',
        ' spec:',
        '-  replicas: 1',
        '+  replicas: 5',
        'ok       overlays/staging -> golden/staging.yaml',
        '2 overlays: 1 ok, 1 changed, 0 missing, 0 failed to build',
        'run `kustomize-ts golden update` to accept the new output',
        '',
      ].join('\n'),
    );
    expect((await run(['golden', 'update', 'overlays/prod'], root)).status).toBe(0);
    expect((await run(['golden', 'check', 'overlays'], root)).status).toBe(0);
  });

  it('takes several directories, a golden folder, and reports overlays that do not build', async () => {
    const root = app();
    writeFiles(root, { 'more/broken/kustomization.yaml': 'resources:\n- missing.yaml\n' });
    const result = await run(['golden', 'update', 'overlays', 'more', '--golden-dir', 'out'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^error    more\/broken: .*missing\.yaml/m);
    expect(existsSync(join(root, 'out/prod.yaml'))).toBe(true);
    expect(existsSync(join(root, 'out/broken.yaml'))).toBe(false);
  });

  it('needs a mode and a directory', async () => {
    expect(await run(['golden', 'verify', 'x'], app())).toMatchObject({ status: 1, stderr: 'Error: unknown golden command "verify"; use check or update\n' });
    expect(await run(['golden', 'check'], app())).toMatchObject({ status: 1, stderr: 'Error: golden check needs at least one directory\n' });
  });
});
