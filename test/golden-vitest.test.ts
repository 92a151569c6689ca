/**
 * The golden helper under a real Vitest run, as a user meets it: the first run writes the missing golden file
 * and passes, a drift fails with the diff and how to update, and `vitest -u` updates the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('..', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'kustomize-ts-vitest-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const configMap = (mode: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: ${mode}\n`;
const files: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n- cm.yaml\n',
  'base/cm.yaml': configMap('fast'),
  'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: prod-\n',
  // Globals, since the project has no vitest of its own to import; the helper is the built package.
  'vitest.config.mjs': "export default { test: { globals: true, include: ['*.test.mjs'] } };\n",
  'prod.test.mjs': `import { expectGolden } from ${JSON.stringify(join(repository, 'packages/core/dist/testing/index.js'))};\ntest('prod', () => expectGolden('overlays/prod', 'golden/prod.yaml'));\n`,
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), text);
}

function vitest(...flags: string[]) {
  const environment = { ...process.env, CI: '', GITHUB_ACTIONS: '', NO_COLOR: '1' };
  const run = spawnSync(process.execPath, [join(repository, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project, ...flags], { cwd: project, env: environment, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('expectGolden in a Vitest run', () => {
  const golden = join(project, 'golden/prod.yaml');

  it('writes a missing golden file on the first run and passes', () => {
    expect(vitest().status).toBe(0);
    expect(readFileSync(golden, 'utf8')).toMatch(/mode: fast[\s\S]*name: prod-settings/);
  });

  it('fails on drift with the diff and how to update, and leaves the file', () => {
    writeFileSync(join(project, 'base/cm.yaml'), configMap('slow'));
    const run = vitest();
    expect(run.status).toBe(1);
    expect(run.output).toContain('-  mode: fast\n+  mode: slow');
    expect(run.output).toContain('run the tests again with `vitest -u`');
    expect(run.output).toContain('prod.test.mjs:2');
    expect(readFileSync(golden, 'utf8')).toContain('mode: fast');
  });

  it('updates the golden file with vitest -u', () => {
    expect(vitest('-u').status).toBe(0);
    expect(readFileSync(golden, 'utf8')).toContain('mode: slow');
    expect(vitest().status).toBe(0);
  });
});
