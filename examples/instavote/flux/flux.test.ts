import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFlux } from '../../../packages/cli/src/commands/flux.js';

// The instavote Flux scenario: the exported objects, the build of vote-dev and the health verdicts of a good
// and a stuck rollout, each compared with the files committed beside this test.
const here = fileURLToPath(new URL('.', import.meta.url));
const read = (file: string) => readFileSync(`${here}${file}`, 'utf8');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runFlux(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: here });
  return { code, stdout, stderr };
}

describe('instavote with Flux', () => {
  it('flux-system.yaml is what flux create … --export prints for the source and vote-dev', async () => {
    const source = await run(['create', 'source', 'git', 'instavote', '--url=https://github.com/example/instavote', '--branch=main', '--export']);
    const kustomization = await run([
      'create',
      'kustomization',
      'vote-dev',
      '--source=GitRepository/instavote',
      '--path=./deploy/vote-dev',
      '--prune=true',
      '--target-namespace=instavote',
      '--health-check=Deployment/vote.instavote',
      '--health-check-timeout=2m',
      '--export',
    ]);
    expect(source.stdout + kustomization.stdout).toBe(read('flux-system.yaml'));
  });

  // golden/build-vote-dev.yaml is `kubectl kustomize --reorder=none source/deploy/vote-dev` (Flux builds without
  // kustomize's legacy reordering) with the two kustomize.toolkit.fluxcd.io labels Flux adds to each object.
  it('flux build renders vote-dev with the Flux owner labels', async () => {
    const build = await run(['build', 'kustomization', 'vote-dev', '--path', './source/deploy/vote-dev', '--kustomization-file', './flux-system.yaml', '--dry-run']);
    expect(build.code).toBe(0);
    expect(build.stdout).toBe(read('golden/build-vote-dev.yaml'));
  });

  it('a good rollout is healthy', async () => {
    const health = await run(['health', '--kustomization', 'flux-system.yaml', '--objects', 'live/healthy.yaml', '--now', '2025-06-01T12:00:00Z']);
    expect(health.code).toBe(0);
    expect(health.stdout).toBe(read('golden/health-healthy.txt'));
  });

  it('a rollout stuck on the vx tag times out naming Deployment/instavote/vote', async () => {
    const health = await run(['health', '--kustomization', 'flux-system.yaml', '--objects', 'live/stuck-vx.yaml', '--now', '2025-06-01T12:00:00Z']);
    expect(health.code).toBe(1);
    expect(health.stdout).toBe(read('golden/health-stuck-vx.txt'));
    expect(health.stdout).toContain("Deployment/instavote/vote status: 'InProgress'");
  });
});
