import { describe, expect, it } from 'vitest';
import { MemoryFileSystem, readText } from '../fs/filesystem.js';
import { parseYaml } from '../yaml/index.js';
import { editKustomization, renderEdit } from './edit.js';

// `kustomize edit fix --vars` as kustomize v5.8.1's convert.go and its tests (commands/edit/fix) describe it.

const header = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const secretVar = 'vars:\n- name: SOME_SECRET_NAME\n  objref:\n    kind: Secret\n    name: my-secret\n    apiVersion: v1\n';
const pod = (value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\nspec:\n  containers:\n  - image: myimage\n    name: hello\n    env:\n    - name: SECRET_TOKEN\n      value: ${value}\n`;
const secretSource = { kind: 'Secret', name: 'my-secret', version: 'v1' };
const podSelect = { kind: 'Pod', name: 'my-pod', version: 'v1' };

/** Runs `fix --vars` on `/app` holding `files` and returns every file after it. */
function fixVars(files: Record<string, string>) {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`/app/${path}`, text])));
  const outcome = editKustomization(fs, '/app', { kind: 'fix', vars: true });
  return { outcome, read: (path: string) => readText(fs, `/app/${path}`), replacements: () => (parseYaml(readText(fs, '/app/kustomization.yaml'), 'k') as { replacements?: unknown }).replacements };
}

describe('edit fix --vars', () => {
  it('turns a var into a replacement in its place, and its uses into placeholders', () => {
    const { read } = fixVars({ 'kustomization.yaml': `${header}\nresources:\n- pod.yaml\n\n${secretVar}`, 'pod.yaml': pod('$(SOME_SECRET_NAME)') });
    expect(read('kustomization.yaml')).toBe(
      `${header}\nresources:\n- pod.yaml\n\nreplacements:\n- source:\n    kind: Secret\n    name: my-secret\n    version: v1\n  targets:\n  - fieldPaths:\n    - spec.containers.0.env.0.value\n    select:\n      kind: Pod\n      name: my-pod\n      version: v1\n`,
    );
    expect(read('pod.yaml')).toBe(pod('SOME_SECRET_NAME_PLACEHOLDER'));
  });

  it.each([
    ['$(SOME_SECRET_NAME)/path', { delimiter: '/' }],
    ['path/$(SOME_SECRET_NAME)', { delimiter: '/', index: 1 }],
    ['a-b-$(SOME_SECRET_NAME)-c', { delimiter: '-', index: 2 }],
  ])('a use inside %s gets a delimiter and index', (value, options) => {
    const { read, replacements } = fixVars({ 'kustomization.yaml': `${header}resources:\n- pod.yaml\n${secretVar}`, 'pod.yaml': pod(value) });
    expect(replacements()).toEqual([{ source: secretSource, targets: [{ fieldPaths: ['spec.containers.0.env.0.value'], options, select: podSelect }] }]);
    expect(read('pod.yaml')).toBe(pod(value.replace('$(SOME_SECRET_NAME)', 'SOME_SECRET_NAME_PLACEHOLDER')));
  });

  it('refuses a use without a delimiter around it, changing nothing', () => {
    const files = { 'kustomization.yaml': `${header}resources:\n- pod.yaml\n${secretVar}`, 'pod.yaml': pod('x$(SOME_SECRET_NAME)y') };
    const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`/app/${path}`, text])));
    expect(() => editKustomization(fs, '/app', { kind: 'fix', vars: true })).toThrow('error with pod.yaml: cannot convert all vars to replacements; $(SOME_SECRET_NAME) is not delimited');
    expect(readText(fs, '/app/pod.yaml')).toBe(files['pod.yaml']);
    expect(readText(fs, '/app/kustomization.yaml')).toBe(files['kustomization.yaml']);
  });

  it('follows a base directory, writes [a.b] for a key with dots', () => {
    const annotated = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\n  annotations:\n    a.b.c: $(SOME_SECRET_NAME)\n';
    const { read, replacements } = fixVars({ 'kustomization.yaml': `${header}resources:\n- base\n${secretVar}`, 'base/kustomization.yaml': 'resources:\n- pod.yaml\n', 'base/pod.yaml': annotated });
    expect(replacements()).toEqual([{ source: secretSource, targets: [{ fieldPaths: ['metadata.annotations.[a.b.c]'], select: podSelect }] }]);
    expect(read('base/pod.yaml')).toBe(annotated.replace('$(SOME_SECRET_NAME)', 'SOME_SECRET_NAME_PLACEHOLDER'));
  });

  it("targets a use in a patch through the patch's target, the namespace from the patch, a kind from it with allowKindChange", () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: controller-manager\n  namespace: system\nspec:\n  template:\n    spec:\n      containers:\n        - name: $(NS)\n';
    const nsVar = 'vars:\n  - name: NS\n    objref:\n      name: system\n    fieldref:\n      fieldpath: metadata.namespace\n';
    const strategic = fixVars({ 'kustomization.yaml': `${header}patchesStrategicMerge:\n  - patch.yaml\n${nsVar}`, 'patch.yaml': patch });
    expect(strategic.replacements()).toEqual([{ source: { fieldPath: 'metadata.namespace', name: 'system' }, targets: [{ fieldPaths: ['spec.template.spec.containers.0.name'], select: { namespace: 'system' } }] }]);
    const kindChange = fixVars({
      'kustomization.yaml': `${header}patches:\n- path: patch.yaml\n  target:\n    kind: Pod\n    name: web\n  options:\n    allowKindChange: true\n${nsVar}`,
      'patch.yaml': patch,
    });
    expect(kindChange.replacements()).toEqual([
      { source: { fieldPath: 'metadata.namespace', name: 'system' }, targets: [{ fieldPaths: ['spec.template.spec.containers.0.name'], select: { kind: 'Deployment', name: 'web', namespace: 'system' } }] },
    ]);
  });

  it('replaces the replacements the file had, drops empty vars, and leaves a file without vars alone', () => {
    const text = `${header}resources:\n- pod.yaml\nreplacements:\n- path: old.yaml\n${secretVar}`;
    expect(fixVars({ 'kustomization.yaml': text, 'pod.yaml': pod('$(SOME_SECRET_NAME)') }).replacements()).toHaveLength(1);
    expect(fixVars({ 'kustomization.yaml': `${header}vars: []\n` }).read('kustomization.yaml')).toBe(header);
    const fs = new MemoryFileSystem({ '/app/kustomization.yaml': `${header}resources:\n- pod.yaml\n`, '/app/pod.yaml': pod('$(X)') });
    expect(renderEdit(fs, '/app', { kind: 'fix', vars: true }).otherFiles.size).toBe(0);
  });

  it('without --vars, vars stay', () => {
    const fs = new MemoryFileSystem({ '/app/kustomization.yaml': `${header}resources:\n- pod.yaml\n${secretVar}`, '/app/pod.yaml': pod('$(SOME_SECRET_NAME)') });
    const outcome = renderEdit(fs, '/app', { kind: 'fix' });
    expect(outcome.after).toContain('vars:');
    expect(outcome.otherFiles.size).toBe(0);
  });
});
