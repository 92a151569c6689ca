import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tree } from '../packages/cli/src/test-support.js';

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n';

describe('kustomize-ts build', () => {
  it('prints the build of DIR, defaulting to the working directory', async () => {
    const root = tree({ 'kustomization.yaml': 'resources:\n- cm.yaml\n', 'cm.yaml': configMap });
    const result = await run(['build'], root);
    expect(result).toEqual({ status: 0, stdout: 'apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: cm\n', stderr: '' });
    expect((await run(['build', '.'], root)).stdout).toBe(result.stdout);
  });

  it('accepts flags in both --flag value and --flag=value form', async () => {
    const root = tree({ 'kustomization.yaml': 'resources:\n- cm.yaml\n', 'cm.yaml': configMap });
    for (const argv of [['build', root, '--reorder', 'none'], ['build', root, '--reorder=none', '--load-restrictor=LoadRestrictionsNone']]) {
      expect((await run(argv, root)).status).toBe(0);
    }
    const bad = await run(['build', root, '--reorder=random'], root);
    expect(bad.status).toBe(1);
    // kubectl prints the deprecation of --reorder before the error.
    expect(bad.stderr).toBe("Flag --reorder has been deprecated, use the new 'sortOptions' field in kustomization.yaml instead.\nError: illegal flag value --reorder random; legal values: [legacy none]\n");
  });

  it('writes -o FILE, and one file per resource with -o DIR', async () => {
    const root = tree({ 'kustomization.yaml': 'resources:\n- cm.yaml\n', 'cm.yaml': configMap, 'out/.keep': '' });
    expect((await run(['build', root, '-o', join(root, 'all.yaml')], root)).status).toBe(0);
    expect(readFileSync(join(root, 'all.yaml'), 'utf8')).toContain('kind: ConfigMap');
    expect((await run(['build', root, '--output', join(root, 'out')], root)).status).toBe(0);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['.keep', 'v1_configmap_cm.yaml']);
  });

  // Each bad input gives status 1 and one line that names the file and the cause, with no stack trace.
  const badInputs: [string, Record<string, string>, RegExp][] = [
    ['a missing file', { 'kustomization.yaml': 'resources:\n- nope.yaml\n' }, /nope\.yaml/],
    ['malformed YAML', { 'kustomization.yaml': 'resources:\n- cm.yaml\n', 'cm.yaml': 'a: [b\n' }, /cm\.yaml/],
    ['an unknown field', { 'kustomization.yaml': 'resourcez:\n- cm.yaml\n' }, /kustomization\.yaml.*unknown field "resourcez"/],
    ['a resource without kind', { 'kustomization.yaml': 'resources:\n- cm.yaml\n', 'cm.yaml': 'metadata:\n  name: x\n' }, /cm\.yaml.*missing kind/],
    ['a resource without name', { 'kustomization.yaml': 'resources:\n- cm.yaml\n', 'cm.yaml': 'kind: ConfigMap\n' }, /cm\.yaml.*metadata\.name/],
    ['a cycle between bases', { 'kustomization.yaml': 'resources:\n- a\n', 'a/kustomization.yaml': 'resources:\n- ..\n' }, /cycle detected/],
    ['a duplicate resource id', { 'kustomization.yaml': 'resources:\n- cm.yaml\n- cm2.yaml\n', 'cm.yaml': configMap, 'cm2.yaml': configMap }, /cm2\.yaml.*already registered id: ConfigMap\.v1\.\[noGrp\]\/cm/],
    ['a path outside the root', { 'app/kustomization.yaml': 'resources:\n- ../cm.yaml\n', 'cm.yaml': configMap }, /security; file '.*cm\.yaml' is not in or below/],
  ];
  for (const [what, files, message] of badInputs) {
    it(`fails with one line for ${what}`, async () => {
      const root = tree(files);
      const dir = files['app/kustomization.yaml'] ? join(root, 'app') : root;
      const result = await run(['build', dir], root);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^Error: [^\n]*\n$/);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
