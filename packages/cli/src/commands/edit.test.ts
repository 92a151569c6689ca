import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';

async function run(argv: string[], cwd: string) {
  const out = { stdout: '', stderr: '' };
  const status = await main(argv, { stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text), cwd });
  return { status, ...out };
}

const kustomization = `# shop overlay
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- deployment.yaml # the app
commonLabels:
  app: shop # label
  tier: web
commonAnnotations:
  owner: team
patches:
- path: patch.yaml
`;

function overlay(): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-edit-'));
  const files: Record<string, string> = {
    'kustomization.yaml': kustomization,
    'deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    'patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'app.env': 'MODE=fast\n',
    'component/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const read = (root: string) => readFileSync(join(root, 'kustomization.yaml'), 'utf8');

// Each command line, and one line the file must then hold. Behaviour per command is tested in
// packages/core/src/authoring/edit.test.ts; these check that the arguments reach it as kustomize reads them.
const commands: [string[], string][] = [
  [['add', 'resource', 'service.yaml'], '- service.yaml\n'],
  [['add', 'component', 'component'], 'components:\n- component\n'],
  [['add', 'patch', '--patch', '{"spec": {}}', '--kind', 'Deployment', '--label-selector', 'app=shop'], '  target:\n    kind: Deployment\n    labelSelector: app=shop\n'],
  [['add', 'label', 'zone:eu', 'env:"prod"'], '  env: prod\n'],
  [['add', 'label', 'app:store', '-f'], '  app: store # label\n'],
  [['add', 'label', 'team:a', '--without-selector', '--include-templates'], 'labels:\n- includeTemplates: true\n  pairs:\n    team: a\n'],
  [['add', 'annotation', 'contact:ops@example.com'], '  contact: ops@example.com\n'],
  [['add', 'configmap', 'settings', '--from-literal', 'list=a,b', '--from-literal=mode=fast', '--namespace', 'shop'], '  - list=a,b\n  - mode=fast\n  name: settings\n  namespace: shop\n'],
  [['add', 'secret', 'creds', '--from-env-file', 'app.env', '--type', 'kubernetes.io/basic-auth'], '  type: kubernetes.io/basic-auth\n'],
  [['set', 'image', 'nginx=registry.example.com/nginx:1.27'], 'images:\n- name: nginx\n  newName: registry.example.com/nginx\n  newTag: "1.27"\n'],
  [['set', 'namespace', 'shop'], 'namespace: shop\n'],
  [['set', 'nameprefix', 'shop-'], 'namePrefix: shop-\n'],
  [['set', 'namesuffix', '--', '-v2'], 'nameSuffix: -v2\n'],
  [['set', 'replicas', 'web=3'], 'replicas:\n- count: 3\n  name: web\n'],
  [['set', 'label', 'tier:frontend'], '  tier: frontend\n'],
  [['set', 'annotation', 'owner:team-b'], '  owner: team-b\n'],
  [['remove', 'resource', '*.yaml'], 'commonLabels:\n'],
  [['remove', 'patch', '--path', 'patch.yaml'], 'commonAnnotations:\n  owner: team\n'],
  [['remove', 'label', 'tier,missing', '-i'], '  app: shop # label\ncommonAnnotations'],
  [['remove', 'annotation', 'owner'], 'commonLabels:\n'],
  [['fix'], 'labels:\n- includeSelectors: true\n  pairs:\n    app: shop # label\n'],
];

describe('kustomize-ts edit', () => {
  for (const [args, expected] of commands) {
    it(`edit ${args.join(' ')}`, async () => {
      const root = overlay();
      const result = await run(['edit', ...args], root);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const text = read(root);
      expect(text).toContain(expected);
      for (const comment of ['# shop overlay', '# the app', '# label']) {
        if (!(args[0] === 'remove' && args[1] === 'resource' && comment === '# the app')) expect(text).toContain(comment);
      }
    });
  }

  it('edit fix prints the fixed fields', async () => {
    expect((await run(['edit', 'fix'], overlay())).stdout).toBe('\nFixed fields:\n  patchesJson6902 -> patches\n  patchesStrategicMerge -> patches\n  commonLabels -> labels\n');
  });

  it('logs entries that are already there and leaves the file as it was', async () => {
    const root = overlay();
    expect(await run(['edit', 'add', 'resource', 'deployment.yaml'], root)).toEqual({ status: 0, stdout: '', stderr: 'resource deployment.yaml already in kustomization file\n' });
    expect(read(root)).toBe(kustomization);
  });

  const failures: [string[], string][] = [
    [['add', 'resource', 'missing.yaml'], 'Error: missing.yaml has no match: must build at directory'],
    [['add', 'label', 'app:other'], 'Error: label app already in kustomization file'],
    [['add', 'configmap', 'a', 'b', '--from-literal', 'k=v'], 'Error: failed to validate flags: name must be specified once'],
    [['set', 'image', 'nginx'], 'Error: invalid format of image'],
    [['set', 'replicas', 'web=three'], 'Error: invalid format of replica, use the following format: <name>=<count>'],
    [['set', 'namespace', 'a', 'b'], 'Error: must specify exactly one namespace value'],
    [['remove', 'label', 'a', 'b'], 'Error: labels must be comma-separated, with no spaces'],
    [['remove', 'annotation', 'missing'], 'Error: annotation missing is not defined in kustomization file'],
    [['fix', '--vars'], 'Error: converting vars to replacements (--vars) is not supported'],
    [['frobnicate', 'thing'], 'Error: unknown edit command "frobnicate thing"'],
  ];
  for (const [args, message] of failures) {
    it(`edit ${args.join(' ')} fails and leaves the file byte for byte`, async () => {
      const root = overlay();
      const result = await run(['edit', ...args], root);
      expect(result.status).toBe(1);
      expect(result.stderr.startsWith(message)).toBe(true);
      expect(read(root)).toBe(kustomization);
    });
  }
});
