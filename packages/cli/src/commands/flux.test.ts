import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlux } from './flux.js';

function capture(cwd: string) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text), cwd } };
}

const kustomization = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: web
  namespace: flux-system
spec:
  interval: 5m
  prune: true
  sourceRef:
    kind: GitRepository
    name: repo
  healthChecks:
  - kind: Deployment
    name: web
    namespace: prod
  timeout: 1m
`;
const deployment = (ready: number) => `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: prod
    generation: 1
  spec:
    replicas: 1
  status:
    observedGeneration: 1
    replicas: 1
    updatedReplicas: 1
    readyReplicas: ${ready}
    availableReplicas: ${ready}
    conditions:
    - type: Available
      status: "True"
`;

describe('kustomize-ts flux', () => {
  it('create prints the export', async () => {
    const { out, io } = capture(tmpdir());
    expect(await runFlux(['create', 'source', 'git', 'repo', '--url=https://example.com/repo', '--tag=v1', '--export'], io)).toBe(0);
    expect(out.stdout).toBe('---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: repo\n  namespace: flux-system\nspec:\n  interval: 1m0s\n  ref:\n    tag: v1\n  url: https://example.com/repo\n');
  });

  it('create reports errors as the flux CLI does', async () => {
    const { out, io } = capture(tmpdir());
    expect(await runFlux(['create', 'kustomization', 'app', '--path=./x'], io)).toBe(1);
    expect(out.stderr).toBe('✗ source is required\n');
  });

  it('health prints one line per object and the verdict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flux-health-'));
    writeFileSync(join(dir, 'ks.yaml'), kustomization);
    writeFileSync(join(dir, 'good.yaml'), deployment(1));
    writeFileSync(join(dir, 'bad.yaml'), deployment(0));
    const good = capture(dir);
    expect(await runFlux(['health', '--kustomization', 'ks.yaml', '--objects', 'good.yaml', '--now', '2025-01-01T00:00:00Z'], good.io)).toBe(0);
    expect(good.out.stdout).toBe('Deployment\tprod\tweb\tCurrent\tDeployment is available. Replicas: 1\nhealthy: Health check passed in 0s\n');
    const bad = capture(dir);
    expect(await runFlux(['health', '--kustomization=ks.yaml', '--objects=bad.yaml', '--now=2025-01-01T00:00:00Z'], bad.io)).toBe(1);
    expect(bad.out.stdout).toBe(
      "Deployment\tprod\tweb\tInProgress\tAvailable: 0/1\nunhealthy: health check failed after 1m0s: timeout waiting for: [Deployment/prod/web status: 'InProgress']\n",
    );
  });

  it('build renders a Flux Kustomization from a local tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flux-build-'));
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  zone: ${zone}\n');
    writeFileSync(join(dir, 'ks.yaml'), `${kustomization}  targetNamespace: prod\n  postBuild:\n    substitute:\n      zone: eu\n`);
    const { out, io } = capture(dir);
    expect(await runFlux(['build', 'kustomization', 'web', '--path', './deploy', '--kustomization-file', 'ks.yaml', '--dry-run'], io)).toBe(0);
    expect(out.stdout).toBe(
      'apiVersion: v1\ndata:\n  zone: eu\nkind: ConfigMap\nmetadata:\n  labels:\n    kustomize.toolkit.fluxcd.io/name: web\n    kustomize.toolkit.fluxcd.io/namespace: flux-system\n  name: cfg\n  namespace: prod\n---\n',
    );
    const missing = capture(dir);
    expect(await runFlux(['build', 'kustomization', 'web', '--path', './nowhere', '--kustomization-file', 'ks.yaml'], missing.io)).toBe(1);
    expect(missing.out.stderr).toBe(`✗ invalid resource path ${JSON.stringify(join(dir, 'nowhere'))}\n`);
  });

  it('build fetches remote bases unless --no-remote-bases', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'flux-remote-'));
    mkdirSync(join(repo, 'base'));
    writeFileSync(join(repo, 'base', 'kustomization.yaml'), 'resources:\n- cm.yaml\n');
    writeFileSync(join(repo, 'base', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: remote\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'one');
    const dir = mkdtempSync(join(tmpdir(), 'flux-build-'));
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'kustomization.yaml'), `resources:\n- file://${repo}//base\n`);
    writeFileSync(join(dir, 'ks.yaml'), kustomization);
    const argv = ['build', 'kustomization', 'web', '--path', './deploy', '--kustomization-file', 'ks.yaml', '--dry-run'];
    const fetched = capture(dir);
    expect(await runFlux(argv, fetched.io)).toBe(0);
    expect(fetched.out.stdout).toContain('  name: remote\n');
    const refused = capture(dir);
    expect(await runFlux([...argv, '--no-remote-bases'], refused.io)).toBe(1);
    expect(refused.out.stderr).toMatch(/^✗ .*kustomize build failed: remote resources entry 'file:\/\/.*' needs the network/);
  });

  it('health needs both files', async () => {
    const { out, io } = capture(tmpdir());
    expect(await runFlux(['health', '--objects', 'x.yaml'], io)).toBe(1);
    expect(out.stderr).toBe('✗ flux health needs --kustomization FILE and --objects FILE\n');
  });
});
