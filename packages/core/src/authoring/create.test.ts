import { describe, expect, it } from 'vitest';
import { MemoryFileSystem, readText } from '../fs/filesystem.js';
import { createKustomization, renderNewKustomization } from './create.js';
import { detectResources } from './detect.js';

// kubectl on this machine has no `create`; every expectation here is derived from kustomize v5.5.0's source:
// kustomize/commands/create/create.go (flag handling, detectResources, the "already exists" check),
// commands/internal/kustfile (field order: determineFieldOrder; each field marshalled alone with
// sigs.k8s.io/yaml, i.e. yaml.v2: sorted keys, sequences not indented), api/resource/factory.go
// (SliceFromBytes decides what counts as a resource) and Go's filepath.Walk (lexical order, `.`-relative paths).

const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

/** A tree of mixed files: resources, a README, a non-Kubernetes YAML, a kustomization subdirectory, nested plain directories. */
function mixedTree(): MemoryFileSystem {
  return new MemoryFileSystem({
    '/app/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    '/app/service.yaml': service('web'),
    // A scalar document: SliceFromBytes fails on it (no kind), so it is skipped.
    '/app/README.md': '\n# Not a k8s resource\nThis file is not a valid kubernetes object.\n',
    // A map without kind: skipped.
    '/app/settings.yaml': '# Not a k8s resource\nother: yaml\nfoo:\n- bar\n',
    // A kind without metadata.name: skipped (GetValidatedMetadata).
    '/app/unnamed.yml': 'apiVersion: v1\nkind: ConfigMap\n',
    // Several documents, one of them a List: one resource file.
    '/app/bundle.yaml': `${service('a')}---\napiVersion: v1\nkind: List\nitems:\n- ${service('b').replace(/\n(?=.)/g, '\n  ')}`,
    // Not YAML at all: skipped.
    '/app/notes.txt': 'key: [unclosed\n',
    // A directory holding a kustomization: listed itself, never entered.
    '/app/base/kustomization.yaml': 'resources:\n- cm.yaml\n',
    '/app/base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
    // Nested plain directories: entered.
    '/app/nested/plain/role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n',
    '/app/nested/plain/README.md': 'Just text.\n',
    // kustomize reads every file, whatever its name: an empty file has no documents, so no error: it counts.
    '/app/nested/.keep': '',
  });
}

describe('detectResources', () => {
  it('lists the top-level resource files in lexical order', () => {
    expect(detectResources(mixedTree(), '/app')).toEqual(['bundle.yaml', 'deployment.yaml', 'service.yaml']);
  });

  it('with recursive, lists kustomization directories and enters plain ones', () => {
    expect(detectResources(mixedTree(), '/app', { recursive: true })).toEqual(['base', 'bundle.yaml', 'deployment.yaml', 'nested/.keep', 'nested/plain/role.yaml', 'service.yaml']);
  });
});

describe('renderNewKustomization', () => {
  it('writes only apiVersion and kind without flags', () => {
    expect(renderNewKustomization(new MemoryFileSystem({ '/app/x': '' }), '/app').text).toBe('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n');
  });

  it('--autodetect: the detected resources after apiVersion and kind', () => {
    expect(renderNewKustomization(mixedTree(), '/app', { autodetect: true }).text).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- bundle.yaml\n- deployment.yaml\n- service.yaml\n',
    );
  });

  it('--autodetect --recursive', () => {
    expect(renderNewKustomization(mixedTree(), '/app', { autodetect: true, recursive: true }).text).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '- base',
        '- bundle.yaml',
        '- deployment.yaml',
        '- nested/.keep',
        '- nested/plain/role.yaml',
        '- service.yaml',
        '',
      ].join('\n'),
    );
  });

  it('every flag: fields in kustomfile order, maps with sorted keys, yaml.v2 quoting', () => {
    const fs = mixedTree();
    const text = renderNewKustomization(fs, '/app', {
      resources: ['service.yaml', 'nested/*/*.yaml'],
      autodetect: true,
      namespace: 'staging',
      namePrefix: 'acme-',
      nameSuffix: '-v2',
      labels: { tier: 'web', app: 'shop', canary: 'true' },
      annotations: { 'example.com/owner': 'team a' },
    }).text;
    // The given resources come first; detected ones follow unless already listed.
    expect(text).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '- service.yaml',
        '- nested/plain/role.yaml',
        '- bundle.yaml',
        '- deployment.yaml',
        'namePrefix: acme-',
        'nameSuffix: -v2',
        'namespace: staging',
        'commonLabels:',
        '  app: shop',
        '  canary: "true"',
        '  tier: web',
        'commonAnnotations:',
        '  example.com/owner: team a',
        '',
      ].join('\n'),
    );
  });

  it('keeps --resources paths as written: a directory, a parent path, a remote address', () => {
    const fs = new MemoryFileSystem({ '/repo/base/kustomization.yaml': 'resources: []\n', '/repo/app/x.yaml': '' });
    const created = renderNewKustomization(fs, '/repo/app', { resources: ['../base', './x.yaml', 'https://github.com/org/repo//deploy?ref=v1'] });
    expect(created.resources).toEqual(['../base', './x.yaml', 'https://github.com/org/repo//deploy?ref=v1']);
  });

  it('refuses a directory that already has a kustomization file, with kustomize\'s message', () => {
    const fs = new MemoryFileSystem({ '/app/Kustomization': 'resources: []\n' });
    expect(() => renderNewKustomization(fs, '/app')).toThrow(expect.objectContaining({ code: 'already-exists', message: 'kustomization file already exists' }));
  });

  it('reports a resource that matches nothing as kustomize does on disk', () => {
    const fs = new MemoryFileSystem({ '/app/foo.yaml': '' });
    // create_test.go TestCreateWithResourcesWithFileNotFound, with the on-disk loader's evalsymlink message.
    expect(() => renderNewKustomization(fs, '/app', { resources: ['foo.yaml', 'bar.yaml'] })).toThrow(
      "bar.yaml has no match: must build at directory: not a valid directory: evalsymlink failure on '/app/bar.yaml' : lstat /app/bar.yaml: no such file or directory",
    );
  });
});

describe('createKustomization', () => {
  it('writes kustomization.yaml and returns its text', () => {
    const fs = mixedTree();
    const created = createKustomization(fs, '/app', { autodetect: true });
    expect(created.file).toBe('/app/kustomization.yaml');
    expect(readText(fs, '/app/kustomization.yaml')).toBe(created.text);
  });

  it('uses a given detector instead of kustomize\'s detection', () => {
    const fs = mixedTree();
    const created = createKustomization(fs, '/app', { autodetect: true, detector: () => ['./only.yaml'] });
    expect(created.resources).toEqual(['./only.yaml']);
  });

  it('writes nothing when it fails', () => {
    const fs = new MemoryFileSystem({ '/app/a.yaml': service('a') });
    expect(() => createKustomization(fs, '/app', { resources: ['missing.yaml'] })).toThrow('missing.yaml has no match');
    expect(fs.kind('/app/kustomization.yaml')).toBeUndefined();
  });
});
