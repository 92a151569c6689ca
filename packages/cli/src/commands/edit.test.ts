import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, writeFiles } from '../test-support.js';

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
configMapGenerator:
- name: settings
  literals:
  - mode=fast
secretGenerator:
- name: creds
  literals:
  - token=x
transformers:
- old-transformer.yaml
- keep.yaml
buildMetadata: [originAnnotations, managedByLabel]
`;

/** Writes `files` (relative paths) below `root`. */
function overlay(): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-edit-'));
  const files: Record<string, string> = {
    'kustomization.yaml': kustomization,
    'deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    'patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'app.env': 'MODE=fast\n',
    'old-transformer.yaml': 'apiVersion: builtin\nkind: AnnotationsTransformer\nmetadata:\n  name: old\nannotations:\n  old: "true"\nfieldSpecs:\n- path: metadata/annotations\n  create: true\n',
    'keep.yaml': 'apiVersion: builtin\nkind: AnnotationsTransformer\nmetadata:\n  name: keep\nannotations:\n  keep: "true"\nfieldSpecs:\n- path: metadata/annotations\n  create: true\n',
    'component/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
  };
  writeFiles(root, files);
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
  [['add', 'secret', 'tokens', '--from-env-file', 'app.env', '--type', 'kubernetes.io/basic-auth'], '  type: kubernetes.io/basic-auth\n'],
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
  [['add', 'base', 'component'], '- deployment.yaml # the app\n- component\n'],
  [['add', 'buildmetadata', 'transformerAnnotations'], 'buildMetadata: [originAnnotations, managedByLabel, transformerAnnotations]\n'],
  [['add', 'generator', 'service.yaml'], 'generators:\n- service.yaml\n'],
  [['add', 'transformer', 'patch.yaml', 'service.*'], 'transformers:\n- old-transformer.yaml\n- keep.yaml\n- patch.yaml\n- service.yaml\n'],
  [['set', 'buildmetadata', 'transformerAnnotations'], 'buildMetadata: [transformerAnnotations]\n'],
  [['set', 'configmap', 'settings', '--from-literal', 'mode=slow', '--new-namespace=shop'], '- name: settings\n  literals:\n  - mode=slow\n  namespace: shop\n'],
  [['set', 'secret', 'creds', '--namespace', 'default', '--from-literal=token=a,b'], '  - token=a,b\n'],
  [['remove', 'buildmetadata', 'managedByLabel'], 'buildMetadata: [originAnnotations]\n'],
  [['remove', 'configmap', 'settings', '--namespace=default'], 'patches:\n- path: patch.yaml\nsecretGenerator'],
  [['remove', 'secret', 'creds'], 'patches:\n- path: patch.yaml\nconfigMapGenerator'],
  [['remove', 'transformer', 'old-*'], 'transformers:\n- keep.yaml\n'],
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

  it('edit fix prints the fixed fields, and how to convert vars', async () => {
    const fixed = '\nFixed fields:\n  patchesJson6902 -> patches\n  patchesStrategicMerge -> patches\n  commonLabels -> labels\n';
    const { stdout } = await run(['edit', 'fix'], overlay());
    expect(stdout.startsWith(`${fixed}\nTo convert vars -> replacements, run the command \`kustomize edit fix --vars\`\n`)).toBe(true);
    expect(stdout).toContain('We recommend doing this in a clean git repository where the change is easy to undo.\n');
    expect((await run(['edit', 'fix', '--vars'], overlay())).stdout).toBe(`${fixed}  vars -> replacements\n`);
  });

  it('edit fix --vars rewrites the resources that use a var and turns it into a replacement', async () => {
    const root = overlay();
    writeFileSync(join(root, 'kustomization.yaml'), `${kustomization}vars:\n- name: WEB\n  objref:\n    kind: Deployment\n    name: web\n    apiVersion: apps/v1\n`);
    writeFileSync(join(root, 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    self: $(WEB)\n');
    expect((await run(['edit', 'fix', '--vars'], root)).status).toBe(0);
    expect(readFileSync(join(root, 'deployment.yaml'), 'utf8')).toContain('    self: WEB_PLACEHOLDER\n');
    expect(read(root)).toContain('replacements:\n- source:\n    group: apps\n    kind: Deployment\n    name: web\n    version: v1\n  targets:\n  - fieldPaths:\n    - metadata.annotations.self\n');
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
    [['fix', 'extra'], 'Error: unexpected argument "extra" for "edit fix"'],
    [['frobnicate', 'thing'], 'Error: unknown command "frobnicate" for "kustomize-ts edit"'],
    [['add', 'secret', 'x', '--from-literal=a=b', '--behavior=merge'], 'Error: unknown flag: --behavior'],
    [['add', 'configmap', 'x', '--from-literal=a=b', '--type=Opaque'], 'Error: unknown flag: --type'],
    [['add', 'thing'], 'Error: unknown command "thing" for "kustomize-ts edit add"'],
    [['add', 'base', '../a', '../b'], 'Error: must specify a base directory'],
    [['add', 'base', 'component,missing'], 'Error: missing does not exist'],
    [['add', 'buildmetadata', 'a', 'b'], 'Error: too many arguments: [a b]; to provide multiple buildMetadata options, please separate options by comma'],
    [['add', 'transformer'], 'Error: must specify a yaml file which contains a transformer plugin resource'],
    [['set', 'configmap', 'settings'], 'Error: failed to validate flags: at least one of [--from-literal, --new-namespace] must be specified'],
    [['set', 'secret', 'a', 'b', '--new-namespace', 'x'], 'Error: failed to validate flags: name must be specified once'],
    [['set', 'configmap', 'missing', '--from-literal', 'a=b'], 'Error: failed to create configmap: could not set new ConfigMap value: unable to find ConfigMap with name "missing"'],
    [['remove', 'configmap'], 'Error: at least one configmap name must be specified'],
    [['remove', 'secret', 'a', 'b'], 'Error: too many arguments: [a b]; to provide multiple secrets to remove, please separate secret names by commas'],
    [['remove', 'secret', 'missing'], 'Error: no specified secret(s) were found in the kustomization.yaml file'],
    [['remove', 'transformer'], 'Error: must specify a transformer file'],
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

describe('kustomize-ts edit --help', () => {
  /** The commands a group's help lists. */
  const listed = (help: string) => [...help.slice(help.indexOf('Available Commands:')).matchAll(/^ {2}(\S+) {2,}\S/gm)].map((match) => match[1]!);

  it('lists the groups and fix: exit 0 with -h or --help, 1 when no command is named', async () => {
    for (const [argv, status] of [[['edit'], 1], [['edit', '-h'], 0], [['edit', '--help'], 0], [['edit', 'add'], 1], [['edit', 'set', '-h'], 0]] as const) {
      const result = await run([...argv], overlay());
      expect(result.status).toBe(status);
      expect(listed(result.stdout)).toEqual(argv[1] === undefined || argv[1] === '-h' || argv[1] === '--help' ? ['add', 'alpha-list-builtin-plugin', 'fix', 'remove', 'set'] : expect.arrayContaining(['annotation', 'label']));
    }
  });

  const commands: Record<string, string[]> = {
    add: ['annotation', 'base', 'buildmetadata', 'component', 'configmap', 'generator', 'label', 'patch', 'resource', 'secret', 'transformer'],
    set: ['annotation', 'buildmetadata', 'configmap', 'image', 'label', 'nameprefix', 'namespace', 'namesuffix', 'replicas', 'secret'],
    remove: ['annotation', 'buildmetadata', 'configmap', 'label', 'patch', 'resource', 'secret', 'transformer'],
  };
  for (const [group, names] of Object.entries(commands)) {
    it(`edit ${group} lists kustomize v5.8.1's commands`, async () => {
      const result = await run(['edit', group, '--help'], overlay());
      expect(result.status).toBe(0);
      expect(listed(result.stdout)).toEqual(names);
    });
    for (const name of names) {
      it(`edit ${group} ${name} -h prints its usage and flags and changes nothing`, async () => {
        const root = overlay();
        const result = await run(['edit', group, name, 'ignored', '-h'], root);
        expect(result).toMatchObject({ status: 0, stderr: '' });
        expect(result.stdout).toContain(`Usage:\n  kustomize-ts edit ${group} ${name} `);
        expect(result.stdout).toMatch(new RegExp(`^ {2}-h, --help +help for ${name}$`, 'm'));
        expect(read(root)).toBe(kustomization);
      });
    }
  }

  it('edit alpha-list-builtin-plugin lists the builtin plugin kinds', async () => {
    const result = await run(['edit', 'alpha-list-builtin-plugin'], overlay());
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout.startsWith('Builtin plugins:\n\n * ConfigMapGenerator\n')).toBe(true);
    expect(result.stdout.split('\n').filter((line) => line.startsWith(' * '))).toHaveLength(18);
    expect((await run(['edit', 'alpha-list-builtin-plugin', '-h'], overlay())).stdout).toContain('[Alpha] List the builtin plugins');
  });

  it('shows the flags of a command as pflag does, sorted, with defaults', async () => {
    const help = (await run(['edit', 'add', 'secret', '--help'], overlay())).stdout;
    const flags = [...help.matchAll(/^ {2}(?:-\w, | {4})--([\w-]+)( \w+)?/gm)].map((match) => `${match[1]}${match[2] ?? ''}`);
    // kustomize's add secret has no --behavior; add configmap has no --type.
    expect(flags).toEqual(['disableNameSuffixHash', 'from-env-file string', 'from-file strings', 'from-literal stringArray', 'help', 'namespace string', 'type string']);
    expect(help).toMatch(/--type string {3,}.*\(default "Opaque"\)$/m);
  });
});

describe('an edited tree builds', () => {
  // The expected output is what `kubectl kustomize` (v5.5.0) printed for the tree these commands make.
  const expected = `apiVersion: v1
data:
  level: "2"
  mode: fast
kind: ConfigMap
metadata:
  annotations:
    team: a
  labels:
    team: a
    zone: eu
  name: settings-69hdg28t25
  namespace: shop
---
apiVersion: v1
data:
  k: v
kind: ConfigMap
metadata:
  annotations:
    team: a
  labels:
    team: a
    zone: eu
  name: generated-bdg947hgcc
---
apiVersion: v1
data:
  token: YQ==
kind: Secret
metadata:
  annotations:
    team: a
  labels:
    team: a
    zone: eu
  name: creds-bct287fm49
type: Opaque
---
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    team: a
  labels:
    team: a
    zone: eu
  name: web
spec:
  template:
    metadata:
      labels:
        team: a
        zone: eu
    spec:
      containers:
      - image: nginx
        name: web
`;

  it('as kubectl kustomize builds it, after add base|transformer|generator|configmap|secret|label, set configmap, remove secret', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-edit-build-'));
    const files: Record<string, string> = {
      'base/kustomization.yaml': 'resources:\n- deploy.yaml\n',
      'base/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
      'app/team.yaml': 'apiVersion: builtin\nkind: AnnotationsTransformer\nmetadata:\n  name: team\nannotations:\n  team: a\nfieldSpecs:\n- path: metadata/annotations\n  create: true\n',
      'app/generator.yaml': 'apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata:\n  name: generated\nliterals:\n- k=v\n',
      'app/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n# the shop\n',
    };
    writeFiles(root, files);
    const app = join(root, 'app');
    const edits = [
      ['add', 'base', '../base'],
      ['add', 'transformer', 'team*'],
      ['add', 'generator', 'generator.yaml'],
      ['add', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=level=1'],
      ['set', 'configmap', 'settings', '--from-literal=level=2', '--new-namespace=shop'],
      ['add', 'secret', 'creds', '--from-literal=token=a'],
      ['add', 'secret', 'old', '--from-literal=x=y'],
      ['remove', 'secret', 'old'],
      ['add', 'label', 'team:a', '--without-selector', '--include-templates'],
      ['add', 'label', 'zone:eu', '--without-selector', '--include-templates'],
    ];
    for (const edit of edits) expect(await run(['edit', ...edit], app)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await run(['build', app], root)).toEqual({ status: 0, stdout: expected, stderr: '' });
  });
});
