import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipeline/index.js';
import { errorOf } from '../test-support.js';
import { NodeFileSystem, nodeHooks } from './node.js';

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });
const configMap = (name: string, value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: ${value}\n`;

/**
 * Hooks whose git is a wrapper that logs the directory of every command, so a test can tell which clone
 * directories this build made (counting the shared temporary folder would see other tests' clones).
 */
function tracedHooks(): { hooks: ReturnType<typeof nodeHooks>; cloneDirectories: () => string[]; commands: () => string[] } {
  const traced = mkdtempSync(join(tmpdir(), 'kustomize-ts-trace-'));
  const log = join(traced, 'git.log');
  const wrapper = join(traced, 'git');
  writeFileSync(log, '');
  writeFileSync(wrapper, `#!/bin/sh\necho "$1 $(pwd)" >> ${log}\nexec git "$@"\n`, { mode: 0o755 });
  const lines = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return {
    hooks: nodeHooks({ helm: false, remote: { git: wrapper } }),
    cloneDirectories: () => [...new Set(lines().map((line) => line.slice(line.indexOf(' ') + 1)))],
    commands: () => lines().map((line) => line.slice(0, line.indexOf(' '))),
  };
}

/** A repository with a base at tag v1 (value one) and a second commit on main (value two). */
function makeRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'kustomize-ts-repo-'));
  git(repo, 'init', '-q');
  write(repo, { 'base/kustomization.yaml': 'namePrefix: remote-\nresources:\n- cm.yaml\n', 'base/cm.yaml': configMap('cm', 'one'), 'other/kustomization.yaml': 'resources:\n- cm.yaml\n', 'other/cm.yaml': configMap('other', 'one'), 'third/kustomization.yaml': 'resources:\n- cm.yaml\n', 'third/cm.yaml': configMap('third', 'one') });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'one');
  git(repo, 'tag', 'v1');
  write(repo, { 'base/cm.yaml': configMap('cm', 'two') });
  git(repo, 'commit', '-qam', 'two');
  return repo;
}

function buildApp(kustomization: string, hooks = nodeHooks({ helm: false })) {
  const app = mkdtempSync(join(tmpdir(), 'kustomize-ts-app-'));
  write(app, { 'kustomization.yaml': kustomization });
  try {
    return build({ fs: new NodeFileSystem(), path: app, hooks, reorder: 'none' });
  } finally {
    hooks.dispose();
  }
}

describe('git remote resources', () => {
  const repo = makeRepository();

  it('clone the ref of a file:// repository and build the directory after //, as kubectl does', () => {
    const traced = tracedHooks();
    // Expected output from `kubectl kustomize` (v5.5.0) on the same tree.
    expect(buildApp(`nameSuffix: -x\nresources:\n- file://${repo}//base?ref=v1\n`, traced.hooks).yaml).toBe('apiVersion: v1\ndata:\n  v: one\nkind: ConfigMap\nmetadata:\n  name: remote-cm-x\n');
    expect(buildApp(`resources:\n- file://${repo}//base\n`).yaml).toContain('v: two');
    expect(buildApp(`resources:\n- file://${repo}//base?version=v1\n`).yaml).toContain('v: one');
    expect(traced.cloneDirectories()).toHaveLength(1);
    expect(traced.cloneDirectories().filter((directory) => existsSync(directory))).toEqual([]);
  });

  it('clone each repository and ref once per build', () => {
    const traced = tracedHooks();
    const { yaml } = buildApp(`resources:\n- file://${repo}//base?ref=v1\n- file://${repo}//other?ref=v1&timeout=30\n- file://${repo}//third\n`, traced.hooks);
    expect(yaml).toContain('name: remote-cm\n');
    // v1 cloned once for two entries; HEAD once.
    expect(traced.commands().filter((command) => command === 'init')).toHaveLength(2);
  });

  it.each([
    ['an unknown ref', (repo: string) => `file://${repo}//base?ref=v9`, /has no ref 'v9'/],
    ['a missing repository', (repo: string) => `file://${repo}-missing//base`, /^cloning 'file:\/\/.*-missing\/\/base' failed: git fetch --depth=1 .*: fatal: /],
  ])('fail with one line for %s', (_what, address, message) => {
    const error = errorOf(() => buildApp(`resources:\n- ${address(repo)}\n`));
    expect(error.code).toBe('remote-failed');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('say so when git is missing', () => {
    const error = errorOf(() => buildApp(`resources:\n- file://${repo}//base\n`, nodeHooks({ remote: { git: '/nonexistent/git' } })));
    expect(error.message).toBe(`no '/nonexistent/git' program on path: the remote resource 'file://${repo}//base' needs git to be cloned`);
  });

  it('are refused with remote: false', () => {
    expect(errorOf(() => buildApp(`resources:\n- file://${repo}//base\n`, nodeHooks({ remote: false }))).code).toBe('unsupported');
  });
});

describe('http(s) remote files', () => {
  let server: ChildProcess;
  let base = '';
  let closedPort = 0;
  beforeAll(async () => {
    // In another process: the hooks wait synchronously, so a server in this one could not answer.
    const script = `
      const http = require('node:http');
      const files = { '/cm.yaml': ${JSON.stringify(configMap('fetched', 'http'))}, '/patch.yaml': 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: fetched\\ndata:\\n  patched: "yes"\\n' };
      const server = http.createServer((request, response) => {
        const body = files[request.url];
        response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/plain' });
        response.end(body ?? 'not found');
      });
      server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
    server = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<string>((resolve) => server.stdout!.once('data', (data: Buffer) => resolve(data.toString().trim())));
    base = `http://127.0.0.1:${port}`;
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(() => void server.kill());

  it('are resources and patches read over HTTP', () => {
    expect(buildApp(`resources:\n- ${base}/cm.yaml\npatches:\n- path: ${base}/patch.yaml\n`).yaml).toBe('apiVersion: v1\ndata:\n  patched: "yes"\n  v: http\nkind: ConfigMap\nmetadata:\n  name: fetched\n');
  });

  it('outside 2xx fail with the status, as kustomize says it', () => {
    const error = errorOf(() => buildApp(`configMapGenerator:\n- name: x\n  files:\n  - ${base}/missing.conf\n`));
    expect(error.message).toContain(`fetching '${base}/missing.conf': HTTP Error: status code 404 (Not Found)`);
  });

  it('with no server fail with one line', () => {
    const error = errorOf(() => buildApp(`resources:\n- http://127.0.0.1:${closedPort}/cm.yaml\n`));
    expect(error.message).toMatch(new RegExp(`^fetching 'http://127\\.0\\.0\\.1:${closedPort}/cm\\.yaml': connection refused`));
  });
});
