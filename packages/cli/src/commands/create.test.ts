import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tree } from '../test-support.js';

const header = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

/** Resources, a README, a non-Kubernetes YAML, a subdirectory with its own kustomization, nested plain directories. */
const mixed = {
  'deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
  'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
  'README.md': '# Shop\n\nHow to deploy the shop.\n',
  'settings.yaml': 'log_level: debug\nfeatures:\n- a\n',
  'base/kustomization.yaml': 'resources:\n- cm.yaml\n',
  'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
  'nested/plain/role.yml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n',
  'nested/plain/notes.txt': 'not yaml: [\n',
};

// `kustomize create` is not in kubectl; the expected files are derived from kustomize v5.5.0's
// commands/create/create.go and commands/internal/kustfile (see packages/core/src/authoring/create.test.ts):
// top-level files only without --recursive; with it, kustomization directories listed and plain ones entered;
// every file parsed as resources, README and the kind-less YAML skipped; lexical walk order.
describe('kustomize-ts create', () => {
  it('--autodetect lists the top-level resource files', async () => {
    const root = tree(mixed);
    expect(await run(['create', '--autodetect'], root)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(root, 'kustomization.yaml'), 'utf8')).toBe(`${header}resources:\n- deployment.yaml\n- service.yaml\n`);
  });

  it('--autodetect --recursive lists the kustomization subdirectory and nested resources', async () => {
    const root = tree(mixed);
    expect((await run(['create', '--autodetect', '--recursive'], root)).status).toBe(0);
    expect(readFileSync(join(root, 'kustomization.yaml'), 'utf8')).toBe(`${header}resources:\n- base\n- deployment.yaml\n- nested/plain/role.yml\n- service.yaml\n`);
  });

  it('takes a directory and every kustomize flag', async () => {
    const root = tree(mixed);
    const result = await run(['create', root, '--resources', 'service.yaml,base', '--namespace=shop', '--nameprefix', 'shop-', '--namesuffix', '-v1', '--labels', 'app:shop,tier:"web"', '--annotations', 'owner:team'], '/');
    expect(result.status).toBe(0);
    expect(readFileSync(join(root, 'kustomization.yaml'), 'utf8')).toBe(
      `${header}resources:\n- service.yaml\n- base\nnamePrefix: shop-\nnameSuffix: -v1\nnamespace: shop\ncommonLabels:\n  app: shop\n  tier: web\ncommonAnnotations:\n  owner: team\n`,
    );
  });

  it('refuses to overwrite a kustomization, and a label without a key', async () => {
    const root = tree({ ...mixed, 'kustomization.yaml': 'resources: []\n' });
    expect(await run(['create', '--autodetect'], root)).toMatchObject({ status: 1, stderr: expect.stringMatching(/^Error: .*kustomization file already exists/) });
    expect(readFileSync(join(root, 'kustomization.yaml'), 'utf8')).toBe('resources: []\n');
    rmSync(join(root, 'kustomization.yaml'));
    expect(await run(['create', '--labels', ':web'], root)).toMatchObject({ status: 1, stderr: "Error: invalid label: ':web' (need k:v pair where v may be quoted)\n" });
  });

  // Flux's generator (fluxcd/pkg kustomize): recursive, .yaml/.yml only, paths with ./, and a YAML file
  // without a kind is an error unless ignored.
  it('--flux detects as Flux does, with ignore patterns', async () => {
    const root = tree(mixed);
    const failed = await run(['create', '--flux'], root);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/failed to decode Kubernetes YAML from .*settings\.yaml/);
    expect((await run(['create', '--flux', '--ignore-paths', 'settings.yaml'], root)).status).toBe(0);
    expect(readFileSync(join(root, 'kustomization.yaml'), 'utf8')).toBe(`${header}resources:\n- ./base\n- ./deployment.yaml\n- ./nested/plain/role.yml\n- ./service.yaml\n`);
  });

  it('rejects --ignore-paths without --flux', async () => {
    expect(await run(['create', '--ignore-paths', 'x'], tree(mixed))).toMatchObject({ status: 1, stderr: 'Error: --ignore-paths needs --flux\n' });
  });
});
