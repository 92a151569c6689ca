import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../test-support.js';

function app(): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-diff-'));
  const files: Record<string, string> = {
    'base/kustomization.yaml': 'resources:\n- deployment.yaml\n- service.yaml\n',
    'base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vote\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - name: vote\n        image: vote:1.0\n',
    'base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: vote\nspec:\n  ports:\n  - port: 80\n',
    'overlays/staging/kustomization.yaml': 'resources:\n- ../../base\nnamespace: staging\nnamePrefix: staging-\nconfigMapGenerator:\n- name: flags\n  literals:\n  - debug=true\n',
    'overlays/prod/kustomization.yaml':
      'resources:\n- ../../base\n- hpa.yaml\nnamespace: prod\nnamePrefix: prod-\nreplicas:\n- name: vote\n  count: 3\nimages:\n- name: vote\n  newTag: "1.1"\nconfigMapGenerator:\n- name: flags\n  literals:\n  - debug=false\n',
    'overlays/prod/hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: vote\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('kustomize-ts diff', () => {
  it('pairs staging and prod resources across namespaces, prefixes and hash suffixes and lists changed fields', async () => {
    const result = await run(['diff', 'overlays/staging', 'overlays/prod'], app());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['--- overlays/staging', '+++ overlays/prod']);
    expect(lines).toContain('~ Deployment staging/staging-vote (apps/v1) → Deployment prod/prod-vote (apps/v1)');
    expect(lines).toContain('    ~ spec.replicas: 1 → 3');
    expect(lines).toContain('    ~ spec.template.spec.containers[name=vote].image: "vote:1.0" → "vote:1.1"');
    expect(lines.some((line) => /^~ ConfigMap staging\/staging-flags-\w{10} \(v1\) → ConfigMap prod\/prod-flags-\w{10} \(v1\)$/.test(line))).toBe(true);
    expect(lines).toContain('    ~ data.debug: "true" → "false"');
    expect(lines).toContain('+ HorizontalPodAutoscaler prod/prod-vote (autoscaling/v2)');
    expect(lines.at(-2)).toBe('3 changed, 1 added, 0 removed, 0 unchanged');
  });

  it('--exit-code exits 1 when the builds differ and 0 when they do not', async () => {
    const root = app();
    expect((await run(['diff', 'overlays/staging', 'overlays/prod', '--exit-code'], root)).status).toBe(1);
    const same = await run(['diff', 'overlays/prod', 'overlays/prod', '--exit-code'], root);
    expect(same.status).toBe(0);
    expect(same.stdout.endsWith('0 changed, 0 added, 0 removed, 4 unchanged\n')).toBe(true);
  });

  it('needs two directories, and reports a build error as one line', async () => {
    const root = app();
    expect(await run(['diff', 'overlays/prod'], root)).toMatchObject({ status: 1, stderr: 'Error: diff needs two kustomization directories: kustomize-ts diff A B\n' });
    const broken = await run(['diff', 'overlays/prod', 'missing'], root);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^Error: .*missing/);
  });
});
