import { describe, expect, it } from 'vitest';
import { kubectlWarningLines } from '../warnings.js';
import { run, tree } from '../test-support.js';

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n';
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.0\n';
const fix = "Run 'kustomize edit fix' to update your Kustomization automatically.";

describe('build prints kubectl warnings on stderr, as kubectl does', () => {
  it('prints the deprecation lines and only those, the output unchanged', async () => {
    const root = tree({ 'kustomization.yaml': 'resources: [cm.yaml]\ncommonLabels: {a: b}\nimages:\n- name: nothing\n  newTag: "1"\n', 'cm.yaml': configMap });
    const result = await run(['build', root], '/');
    expect(result).toMatchObject({ status: 0, stderr: `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${fix}\n` });
    expect(result.stdout).toContain('name: cm');
  });

  it('prints the warnings before the error of a failed build', async () => {
    const root = tree({ 'kustomization.yaml': 'resources: [cm.yaml]\npatchesJson6902:\n- target: {kind: ConfigMap, name: cm}\n  patch: "[]"\n', 'cm.yaml': configMap });
    const result = await run(['build', root], '/');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^# Warning: 'patchesJson6902' is deprecated\\. Please use 'patches' instead\\. .*\\nError: .*patch appears to be empty`));
  });

  it('gives the unused-vars line klog’s info header, as kubectl logs it', () => {
    const at = new Date(2026, 11, 7, 23, 11, 32, 468);
    expect(kubectlWarningLines([{ code: 'unused-vars', source: 'kubectl', message: 'well-defined vars that were never replaced: A,B', location: {} }], at, 13471)).toBe(
      'I1207 23:11:32.468000   13471 log.go:245] well-defined vars that were never replaced: A,B\n',
    );
  });
});

describe('lint', () => {
  it('prints each warning with file, field and closest names, and exits 1', async () => {
    const root = tree({ 'app/kustomization.yaml': 'resources: [dep.yaml]\nimages:\n- name: ngnix\n  newTag: "2"\n', 'app/dep.yaml': deployment });
    expect(await run(['lint', 'app'], root)).toEqual({
      status: 1,
      stdout: "app/kustomization.yaml: images[0]: images entry 'ngnix' changed no image: no container image is named 'ngnix' (closest: nginx)\n",
      stderr: '',
    });
  });

  it('includes kubectl warnings and exits 0 on a clean tree', async () => {
    const root = tree({
      'old/kustomization.yaml': 'resources: [cm.yaml]\ncommonLabels: {a: b}\n',
      'old/cm.yaml': configMap,
      'clean/kustomization.yaml': 'resources: [cm.yaml]\nlabels:\n- pairs: {a: b}\n',
      'clean/cm.yaml': configMap,
    });
    expect((await run(['lint', 'old'], root)).stdout).toBe(`old/kustomization.yaml: commonLabels: 'commonLabels' is deprecated. Please use 'labels' instead. ${fix}\n`);
    expect(await run(['lint', 'clean'], root)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('reports a tree that fails to build and goes on with the next', async () => {
    const root = tree({ 'clean/kustomization.yaml': 'resources: [cm.yaml]\n', 'clean/cm.yaml': configMap });
    const result = await run(['lint', 'missing', 'clean'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Error: missing: /);
  });
});
