import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../test-support.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-build-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, { mode: path.endsWith('.sh') ? 0o755 : 0o644 });
  }
  return root;
}

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  v: one\n';

describe('build with remote bases', () => {
  const repo = tree({ 'base/kustomization.yaml': 'namePrefix: remote-\nresources:\n- cm.yaml\n', 'base/cm.yaml': configMap });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'one');
  git('tag', 'v1');
  const address = `file://${repo}//base?ref=v1`;
  // What `kubectl kustomize` prints for this tree.
  const expected = 'apiVersion: v1\ndata:\n  v: one\nkind: ConfigMap\nmetadata:\n  name: remote-cm-x\n';

  it('fetches them by default, and refuses them with --no-remote-bases', async () => {
    const app = tree({ 'kustomization.yaml': `nameSuffix: -x\nresources:\n- ${address}\n` });
    expect(await run(['build', '.'], app)).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect(await run(['build', '.', '--no-remote-bases'], app)).toEqual({
      status: 1,
      stdout: '',
      stderr: `Error: remote resource '${address}' refused: --no-remote-bases is set (drop --no-remote-bases to fetch it, or vendor it and refer to it by a relative path)\n`,
    });
  });

  it('builds a remote target', async () => {
    expect(await run(['build', address], '/')).toEqual({ status: 0, stdout: 'apiVersion: v1\ndata:\n  v: one\nkind: ConfigMap\nmetadata:\n  name: remote-cm\n', stderr: '' });
  });
});

describe('build with helm charts', () => {
  const files = {
    'app/kustomization.yaml': 'helmCharts:\n- name: redis\n  releaseName: cache\n',
    'app/charts/redis/values.yaml': 'a: 1\n',
    'helm.sh': '#!/bin/sh\ncase "$1" in version) echo v3.14.0 ;; template) printf "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: %s-%s\\n" "$2" "$(basename "$3")" ;; esac\n',
  };

  it('renders them with --enable-helm and --helm-command', async () => {
    const root = tree(files);
    expect(await run(['build', 'app', '--enable-helm', '--helm-command', join(root, 'helm.sh')], root)).toEqual({ status: 0, stdout: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cache-redis\n', stderr: '' });
  });

  it('renders them in diff, golden and lint with the same flags', async () => {
    const root = tree({ ...files, 'other/kustomization.yaml': 'resources:\n- ../app\nnamePrefix: p-\n' });
    const helm = ['--enable-helm', '--helm-command', join(root, 'helm.sh')];
    expect((await run(['diff', 'app', 'other', ...helm], root)).stdout).toContain('~ ConfigMap cache-redis (v1) → ConfigMap p-cache-redis (v1)');
    expect(await run(['lint', 'app', ...helm], root)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await run(['golden', 'update', 'app', ...helm], root)).status).toBe(0);
    expect((await run(['lint', 'app'], root)).stderr).toContain('must specify --enable-helm');
  });

  it('refuses them without --enable-helm in kubectl\'s words', async () => {
    const root = tree(files);
    const result = await run(['build', 'app'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Error: trouble configuring builtin HelmChartInflationGenerator with config: `; name: redis; releaseName: cache; `: must specify --enable-helm\n');
  });
});

describe('build -o', () => {
  // kubectl's words: a path that ends in a slash and names no directory, or whose directory is missing, is not written.
  it.each([
    ['newdir/', 'open newdir/: is a directory'],
    ['missing/out.yaml', 'open missing/out.yaml: no such file or directory'],
  ])('%s is refused', async (output, message) => {
    const root = tree({ 'kustomization.yaml': 'resources:\n- cm.yaml\n', 'cm.yaml': configMap });
    expect(await run(['build', '.', '-o', output], root)).toEqual({ status: 1, stdout: '', stderr: `Error: ${message}\n` });
    expect(existsSync(join(root, output.replace(/\/$/, '')))).toBe(false);
  });
});
