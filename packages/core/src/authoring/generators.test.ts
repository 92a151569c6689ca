import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../fs/filesystem.js';
import { editKustomization, renderEdit, type KustomizationEdit } from './edit.js';

// `kustomize edit set|remove configmap|secret` as kustomize v5.8.1's sources and tests
// (commands/edit/{set,remove}, commands/internal/util) describe them; kubectl has no `edit`.

const header = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

const render = (kustomization: string, edit: KustomizationEdit) =>
  renderEdit(new MemoryFileSystem({ '/app/kustomization.yaml': kustomization, '/app/app.properties': 'a=1\n' }), '/app', edit);
const after = (kustomization: string, edit: KustomizationEdit) => render(kustomization, edit).after;

const twoGenerators = (field: string) =>
  `${header}${field}:\n- literals:\n  - a-key=a-value # kept\n  - key1=val1\n  name: test\n- literals:\n  - key1=other\n  name: test\n  namespace: another-ns\n`;

describe('edit set configmap|secret', () => {
  for (const [kind, field, noun, Kind] of [
    ['setConfigMap', 'configMapGenerator', 'configmap', 'ConfigMap'],
    ['setSecret', 'secretGenerator', 'secret', 'Secret'],
  ] as const) {
    it(`${kind}: sets the value of an existing key in the generator of that name and namespace`, () => {
      expect(after(twoGenerators(field), { kind, generator: { name: 'test', literals: ['key1=val2'] } })).toBe(twoGenerators(field).replace('key1=val1', 'key1=val2'));
      expect(after(twoGenerators(field), { kind, generator: { name: 'test', namespace: 'another-ns', literals: ['key1=new'] } })).toBe(
        twoGenerators(field).replace('key1=other', 'key1=new'),
      );
    });

    it(`${kind}: moves the generator to a new namespace; empty and default namespaces are the same`, () => {
      const text = `${header}${field}:\n- literals:\n  - k=v\n  name: test\n`;
      expect(after(text, { kind, generator: { name: 'test', namespace: 'default', newNamespace: 'shop' } })).toBe(`${text}  namespace: shop\n`);
      const inDefault = `${header}${field}:\n- name: test\n  namespace: default\n  literals:\n  - k=v\n`;
      expect(after(inDefault, { kind, generator: { name: 'test', newNamespace: 'shop' } })).toBe(inDefault.replace('namespace: default', 'namespace: shop'));
    });

    it(`${kind}: fails with kustomize's messages`, () => {
      expect(() => after(twoGenerators(field), { kind, generator: { name: 'test', literals: ['missing=x'] } })).toThrow(
        `failed to create ${noun}: failed to update literal sources: key 'missing' not found in resource`,
      );
      expect(() => after(twoGenerators(field), { kind, generator: { name: 'other', literals: ['key1=x'] } })).toThrow(
        `failed to create ${noun}: could not set new ${Kind} value: unable to find ${Kind} with name "other"`,
      );
      expect(() => after(`${header}${field}: []\n`, { kind, generator: { name: 'test', literals: ['key1=x'] } })).toThrow(`unable to find ${Kind} with name "test"`);
      expect(() => after(twoGenerators(field), { kind, generator: { name: 'test', namespace: 'default' } })).toThrow(
        'failed to validate flags: at least one of [--from-literal, --new-namespace] must be specified',
      );
      expect(() => after(twoGenerators(field), { kind, generator: { name: 'test', literals: ['value'] } })).toThrow(
        'failed to update literal sources: failed to update resource: invalid format: literal values must be specified in the key=value format',
      );
      const unreadable = `${header}${field}:\n- envs:\n  - missing.env\n  literals:\n  - k=v\n  name: test\n`;
      expect(() => after(unreadable, { kind, generator: { name: 'test', literals: ['k=w'] } })).toThrow(`failed to create ${noun}: failed to validate ${Kind} structure: `);
    });
  }

  it('keeps one line per key, where it first was, with its last value', () => {
    const text = `${header}configMapGenerator:\n- literals:\n  - a=1\n  - b=2\n  - a=3\n  name: test\n`;
    expect(after(text, { kind: 'setConfigMap', generator: { name: 'test', literals: ['b=4'] } })).toBe(`${header}configMapGenerator:\n- literals:\n  - a=3\n  - b=4\n  name: test\n`);
  });
});

describe('edit remove configmap|secret', () => {
  for (const [kind, field, noun] of [
    ['removeConfigMap', 'configMapGenerator', 'configmap'],
    ['removeSecret', 'secretGenerator', 'secret'],
  ] as const) {
    const text = `${header}${field}:\n- name: one\n  namespace: test-ns\n  files:\n  - app.properties\n- name: two\n  namespace: default\n  literals:\n  - k=v\n`;

    it(`${kind}: removes the generators of those names in the namespace; the field goes when none is left`, () => {
      expect(after(text, { kind, names: ['one'], namespace: 'test-ns' })).toBe(`${header}${field}:\n- name: two\n  namespace: default\n  literals:\n  - k=v\n`);
      expect(after(`${header}${field}:\n- name: one\n  literals:\n  - k=v\n- name: two\n  literals:\n  - k=v\n`, { kind, names: ['one', 'two'], namespace: 'default' })).toBe(header);
    });

    it(`${kind}: notes names not found, fails when none is found`, () => {
      const outcome = render(text, { kind, names: ['two', 'three'] });
      expect(outcome.after).toBe(`${header}${field}:\n- name: one\n  namespace: test-ns\n  files:\n  - app.properties\n`);
      expect(outcome.notes).toEqual([`${noun} three doesn't exist in kustomization file`]);
      expect(() => after(text, { kind, names: ['one'] })).toThrow(`no specified ${noun}(s) were found in the kustomization.yaml file`);
      expect(() => after(text, { kind, names: ['one'], namespace: 'other-ns' })).toThrow(`no specified ${noun}(s) were found`);
      expect(() => after(text, { kind, names: [] })).toThrow(`at least one ${noun} name must be specified`);
    });
  }
});

describe('the kustomization file of the generator commands', () => {
  it('is named in their errors as kustomize wraps them', () => {
    const none = new MemoryFileSystem({ '/app/app.properties': 'a=1\n' });
    expect(() => renderEdit(none, '/app', { kind: 'removeSecret', names: ['x'] })).toThrow("could not read kustomization file: Missing kustomization file 'kustomization.yaml'.");
    expect(() => renderEdit(none, '/app', { kind: 'addConfigMap', generator: { name: 'x', literals: ['a=b'] } })).toThrow("failed to load kustomization file: Missing kustomization file 'kustomization.yaml'.");
    expect(() => after(`${header}resourcez: []\n`, { kind: 'setSecret', generator: { name: 'x', literals: ['a=b'] } })).toThrow('failed to read kustomization file: invalid Kustomization: unknown field "resourcez"');
    expect(() => after(`${header}resourcez: []\n`, { kind: 'removeConfigMap', names: ['x'] })).toThrow('could not read kustomization file contents: invalid Kustomization');
  });
});

describe('laws of the generator edits', () => {
  const generators = fc.record({
    // Prefixed, so that no name is a YAML 1.1 boolean (`n`, `on`), which kustomize refuses as a name.
    names: fc.uniqueArray(fc.stringMatching(/^cm-[a-z]{1,8}$/), { minLength: 1, maxLength: 4 }),
    values: fc.array(fc.stringMatching(/^[a-z0-9]{1,5}$/), { minLength: 4, maxLength: 4 }),
    indented: fc.boolean(),
    commented: fc.boolean(),
    secret: fc.boolean(),
  });
  type Spec = { names: string[]; values: string[]; indented: boolean; commented: boolean; secret: boolean };
  const field = (spec: Spec) => (spec.secret ? 'secretGenerator' : 'configMapGenerator');
  const render = (spec: Spec) => {
    const pad = spec.indented ? '  ' : '';
    const entries = spec.names.map(
      (name, i) => `${pad}- name: ${name}${spec.commented ? ` # the ${name} one` : ''}\n${pad}  literals:\n${pad}  ${pad}- key=${spec.values[i]}\n${pad}  ${pad}- other=x\n`,
    );
    return `# header\n${header}${field(spec)}:\n${entries.join('')}# footer\n`;
  };
  const edit = (text: string, ...edits: KustomizationEdit[]) => {
    const fs = new MemoryFileSystem({ '/app/kustomization.yaml': text });
    for (const one of edits) editKustomization(fs, '/app', one);
    return new TextDecoder().decode(fs.readFile('/app/kustomization.yaml'));
  };

  it('adding a generator and removing it gives the file back byte for byte', () => {
    fc.assert(
      fc.property(generators, fc.stringMatching(/^[a-z]{9,12}$/), (spec, added) => {
        const text = render(spec);
        const [add, remove]: KustomizationEdit[] = spec.secret
          ? [{ kind: 'addSecret', generator: { name: added, literals: ['a=b'] } }, { kind: 'removeSecret', names: [added] }]
          : [{ kind: 'addConfigMap', generator: { name: added, literals: ['a=b'] } }, { kind: 'removeConfigMap', names: [added] }];
        expect(edit(text, add!, remove!)).toBe(text);
      }),
    );
  });

  it('setting a value and setting it back gives the file back byte for byte, changing one line between', () => {
    fc.assert(
      fc.property(generators, fc.nat(), (spec, pick) => {
        const text = render(spec);
        const i = pick % spec.names.length;
        const set = (value: string): KustomizationEdit => ({ kind: spec.secret ? 'setSecret' : 'setConfigMap', generator: { name: spec.names[i]!, literals: [`key=${value}`] } });
        const changed = edit(text, set('zzzzzz'));
        const kept = text.split('\n');
        expect(changed.split('\n').filter((line) => !kept.includes(line))).toEqual([`${spec.indented ? '      ' : '  '}- key=zzzzzz`]);
        expect(edit(changed, set(spec.values[i]!))).toBe(text);
      }),
    );
  });
});
