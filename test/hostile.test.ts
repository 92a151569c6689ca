/**
 * Hostile and broken input: every hazard of the corpus in test/hostile/ (one folder each, see its README),
 * and the guards that need a real disk, a child process or a failing write.
 */
import { spawnSync } from 'node:child_process';
import fs, { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  build,
  detectResources,
  editKustomization,
  KustomizeError,
  MemoryFileSystem,
  type BuildOptions,
  type FileSystem,
} from '@kustomize-ts/core';
import { NodeFileSystem, NodeWritableFileSystem } from '@kustomize-ts/core/node';
import { fluxKustomizeBuild, parseGoDuration } from '@kustomize-ts/flux';
import { planGolden } from '@kustomize-ts/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../packages/cli/src/main.js';
import { errorOf } from '../packages/core/src/test-support.js';

const repository = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(repository, 'test/hostile');

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const cleanPrototypes = prototypes.map((prototype) => Object.getOwnPropertyNames(prototype).sort());

/** Fails when a build left a property on a built-in prototype. */
function expectCleanPrototypes(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  prototypes.forEach((prototype, i) => expect(Object.getOwnPropertyNames(prototype).sort()).toEqual(cleanPrototypes[i]));
}

/** A directory tree on disk, in a new temporary directory. */
function onDisk(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-hostile-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const configMap = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

/**
 * Most a hazard may take. This tells a guarded hazard (well under a second on an idle machine) from an
 * unguarded one (exponential, or no end at all); it is no speed test, so it leaves room for a loaded machine.
 */
const timeBound = 20_000;

describe('the hostile corpus (test/hostile)', () => {
  const hazards = readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('has a folder per hazard', () => {
    expect(hazards.length).toBeGreaterThanOrEqual(40);
  });

  for (const hazard of hazards) {
    it(hazard, () => {
      const folder = join(corpus, hazard);
      const read = (name: string) => (existsSync(join(folder, name)) ? readFileSync(join(folder, name), 'utf8') : undefined);
      const options = JSON.parse(read('options.json') ?? '{}') as Partial<BuildOptions>;
      const started = performance.now();
      let outcome: { yaml: string } | { error: KustomizeError };
      try {
        outcome = { yaml: build({ ...options, fs: new NodeFileSystem(), path: join(folder, 'app') }).yaml };
      } catch (error) {
        if (!(error instanceof KustomizeError)) throw error;
        outcome = { error };
      }
      expect(performance.now() - started).toBeLessThan(timeBound);
      expectCleanPrototypes();
      const expectedError = read('expected-error.txt');
      if (expectedError !== undefined) {
        const [code, fragment] = expectedError.split('\n');
        expect('error' in outcome ? outcome.error.code : 'built').toBe(code);
        expect('error' in outcome ? outcome.error.toOneLine() : '').toContain(fragment);
      } else {
        // expected-output.yaml is what kubectl kustomize (v5.5.0) prints for the folder.
        expect('yaml' in outcome ? outcome.yaml : outcome.error.toOneLine()).toBe(read('expected-output.yaml'));
      }
    });
  }
});

describe('load restrictions on the Node file system', () => {
  it('refuses a file that is a symbolic link out of the kustomization directory', () => {
    const root = onDisk({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'outside/secret.yaml': configMap('secret') });
    symlinkSync(join(root, 'outside/secret.yaml'), join(root, 'app/cm.yaml'));
    const error = errorOf(() => build({ fs: new NodeFileSystem(), path: join(root, 'app') }));
    expect(error.code).toBe('load-restricted');
    expect(error.message).toContain('a symbolic link to');
    // kubectl kustomize refuses it too, and reads it with LoadRestrictionsNone; so do we.
    expect(build({ fs: new NodeFileSystem(), path: join(root, 'app'), loadRestrictor: 'none' }).yaml).toContain('name: secret');
  });

  it('refuses a kustomization file that is a symbolic link out of its directory', () => {
    const root = onDisk({ 'outside/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': configMap('cm') });
    mkdirSync(join(root, 'app'), { recursive: true });
    symlinkSync(join(root, 'outside/kustomization.yaml'), join(root, 'app/kustomization.yaml'));
    expect(errorOf(() => build({ fs: new NodeFileSystem(), path: join(root, 'app') })).code).toBe('load-restricted');
  });

  it('reads a link that stays inside the directory', () => {
    const root = onDisk({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/real/cm.yaml': configMap('cm') });
    symlinkSync(join(root, 'app/real/cm.yaml'), join(root, 'app/cm.yaml'));
    expect(build({ fs: new NodeFileSystem(), path: join(root, 'app') }).yaml).toBe(configMap('cm'));
  });

  it('does not block on a FIFO', () => {
    const root = onDisk({ 'app/kustomization.yaml': 'resources:\n- pipe.yaml\n' });
    const made = spawnSync('mkfifo', [join(root, 'app/pipe.yaml')]);
    if (made.status !== 0) return; // no mkfifo here
    const error = errorOf(() => build({ fs: new NodeFileSystem(), path: join(root, 'app') }));
    expect(error.code).toBe('file-not-found');
    expect(new NodeFileSystem().kind(join(root, 'app/pipe.yaml'))).toBeUndefined();
    expect(() => new NodeFileSystem().readFile(join(root, 'app/pipe.yaml'))).toThrow(/not a regular file/);
  });

  it('refuses an oversized file without reading it', () => {
    const root = onDisk({ 'app/kustomization.yaml': 'resources:\n- huge.yaml\n', 'app/huge.yaml': '' });
    truncateSync(join(root, 'app/huge.yaml'), 1024 ** 3); // sparse: a gigabyte that takes no space
    const started = performance.now();
    const error = errorOf(() => build({ fs: new NodeFileSystem(), path: join(root, 'app'), limits: { maxFileBytes: 1024 } }));
    expect(error.code).toBe('limit-exceeded');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('keeps a Flux build inside its repository, links included', () => {
    const root = onDisk({ 'repo/app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'outside/secret.yaml': configMap('secret') });
    symlinkSync(join(root, 'outside/secret.yaml'), join(root, 'repo/app/cm.yaml'));
    // Flux builds without kustomize's load restrictor, inside the repository root.
    const error = errorOf(() => fluxKustomizeBuild(new NodeFileSystem(), join(root, 'repo/app'), join(root, 'repo')));
    expect(error.message).toContain("'cm.yaml' is neither a file nor a directory");
  });

  it('walks neither into linked directories nor out of the tree (create --autodetect, golden plan)', () => {
    const root = onDisk({ 'dir/cm.yaml': configMap('cm'), 'dir/sub/svc.yaml': configMap('svc'), 'outside/secret.yaml': configMap('secret'), 'overlays/a/kustomization.yaml': 'resources: []\n' });
    symlinkSync(join(root, 'dir'), join(root, 'dir/loop'));
    symlinkSync(join(root, 'dir'), join(root, 'dir/loop2'));
    symlinkSync(join(root, 'outside'), join(root, 'dir/out'));
    symlinkSync(join(root, 'overlays'), join(root, 'overlays/a-loop'));
    expect(detectResources(new NodeFileSystem(), join(root, 'dir'), { recursive: true })).toEqual(['cm.yaml', 'sub/svc.yaml']);
    expect(planGolden(new NodeFileSystem(), join(root, 'overlays')).map((target) => target.name)).toEqual(['a']);
  });
});

describe('one error type', () => {
  it('is what the Flux functions throw too', () => {
    expect(errorOf(() => parseGoDuration('ten minutes')).code).toBe('invalid-argument');
  });
});

describe('a build never uses the network nor runs programs', () => {
  // The Node entry point (@kustomize-ts/core/node: fs/node*.ts) holds the hooks that clone, fetch and run helm;
  // the library reaches them only when a caller passes them, so no other module may import them.
  it('has no module that could (core, patches), outside the Node entry point no other module imports', () => {
    const forbidden = /from ['"]node:(http|https|http2|net|tls|dgram|dns|child_process|worker_threads|vm)['"]|\bfetch\(|\beval\(|new Function\(|from ['"][./a-z]*\/node-(remote|helm)\.js['"]/;
    const nodeEntryPoint = /\/core\/src\/fs\/node(-[a-z]+)?\.ts$/;
    const offenders: string[] = [];
    const walk = (directory: string) => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.test.ts') && !nodeEntryPoint.test(path) && forbidden.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    for (const pkg of ['core', 'patches']) walk(join(repository, 'packages', pkg, 'src'));
    expect(offenders).toEqual([]);
  });

  it('asks the caller for remote trees and charts, and refuses them without a hook', () => {
    const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'resources:\n- https://example.com/deploy/cm.yaml\n' });
    expect(errorOf(() => build({ fs, path: '/app' })).code).toBe('unsupported');
    const asked: string[] = [];
    const resolveRemote = (address: string) => {
      asked.push(address);
      return { files: { 'cm.yaml': configMap('remote') }, path: 'cm.yaml' };
    };
    expect(build({ fs, path: '/app', hooks: { resolveRemote } }).yaml).toBe(configMap('remote'));
    expect(asked).toEqual(['https://example.com/deploy/cm.yaml']);
  });

  it('turns a failing or misbehaving hook into a KustomizeError', () => {
    const fs = new MemoryFileSystem({ 'app/kustomization.yaml': 'resources:\n- https://example.com/cm.yaml\nhelmCharts:\n- name: c\n' });
    const failing = errorOf(() =>
      build({
        fs,
        path: '/app',
        hooks: {
          resolveRemote: () => {
            throw new TypeError('network down');
          },
        },
      }),
    );
    expect(failing.code).toBe('hook-failed');
    expect(failing.cause).toBeInstanceOf(TypeError);
    expect(errorOf(() => build({ fs, path: '/app', hooks: { resolveRemote: () => ({ files: null }) as never } })).code).toBe('hook-failed');
    const chart = new MemoryFileSystem({ 'app/kustomization.yaml': 'helmCharts:\n- name: c\n' });
    expect(errorOf(() => build({ fs: chart, path: '/app', hooks: { renderHelmChart: () => 42 as never } })).code).toBe('hook-failed');
  });
});

describe('resource bombs', () => {
  const deep = (open: string, close: string, depth: number) => open.repeat(depth) + close.repeat(depth);
  const within = (run: () => unknown) => {
    const started = performance.now();
    const error = errorOf(run);
    expect(performance.now() - started).toBeLessThan(2000);
    return error;
  };

  it('reads 100,000-deep flow sequences and mappings as a limit error, without a stack overflow', () => {
    const cases: Record<string, string>[] = [
      { 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': configMap('cm', `spec: ${deep('[', ']', 100_000)}\n`) },
      { 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': configMap('cm', `spec: ${deep('{a: ', '}', 100_000)}\n`) },
      { 'app/kustomization.yaml': `resources: ${deep('[', ']', 100_000)}\n` },
      { 'app/kustomization.yaml': `resources:\n- cm.yaml\npatches:\n- target: {kind: ConfigMap}\n  patch: '[{"op": "add", "path": "/spec", "value": ${deep('[', ']', 100_000)}}]'\n`, 'app/cm.yaml': configMap('cm') },
      { 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': configMap('cm', `spec:\n${'- '.repeat(100_000)}x\n`) },
    ];
    for (const files of cases) expect(within(() => build({ fs: new MemoryFileSystem(files), path: '/app' })).code).toBe('limit-exceeded');
  });

  it('stops a chain of bases at the depth limit, and never overflows the stack when the limit is raised', () => {
    const chain = (length: number) => {
      const files: Record<string, string> = { [`d${length - 1}/cm.yaml`]: configMap('cm') };
      for (let i = 0; i < length; i++) files[`d${i}/kustomization.yaml`] = i + 1 < length ? `resources:\n- ../d${i + 1}\n` : 'resources:\n- cm.yaml\n';
      return new MemoryFileSystem(files);
    };
    expect(errorOf(() => build({ fs: chain(102), path: '/d0' })).message).toContain('nest deeper than 100 levels');
    expect(build({ fs: chain(100), path: '/d0' }).yaml).toBe(configMap('cm'));
    expect(errorOf(() => build({ fs: chain(4000), path: '/d0', limits: { maxDepth: 1_000_000 } })).code).toBe('limit-exceeded');
  });

  it('refuses a scalar above the file-size limit', () => {
    const huge = configMap('cm', `data:\n  k: ${'x'.repeat(65 * 1024 * 1024)}\n`);
    const error = errorOf(() => build({ fs: new MemoryFileSystem({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': huge }), path: '/app' }));
    expect(error.code).toBe('limit-exceeded');
    expect(error.location.file).toBe('cm.yaml');
  });

  it('turns what the engine cannot hold (a string too long) into a limit error naming the build', () => {
    // A string or output longer than V8 allows can arise in many places; the boundary of build() converts it.
    class ExhaustedFileSystem extends MemoryFileSystem {
      override readFile(path: string): Uint8Array {
        if (path.endsWith('cm.yaml')) throw new RangeError('Invalid string length');
        return super.readFile(path);
      }
    }
    const fs: FileSystem = new ExhaustedFileSystem({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': configMap('cm') });
    const error = errorOf(() => build({ fs, path: '/app' }));
    expect(error.code).toBe('limit-exceeded');
    expect(error.location.file).toBe('/app');
    expect(error.cause).toBeInstanceOf(RangeError);
  });
});

describe('determinism', () => {
  const tree = {
    'app/kustomization.yaml': 'resources:\n- cm.yaml\n- ../base\nnamePrefix: İ-\ncommonLabels:\n  zeit: "2001-12-14"\nconfigMapGenerator:\n- name: gen\n  literals:\n  - I=ı\n  - b=2\n',
    'app/cm.yaml': configMap('cm', 'data:\n  when: 2001-12-14t21:59:43.10-05:00\n  ä: ß\n  Z: z\n  a: Ä\n'),
    'base/kustomization.yaml': 'resources:\n- svc.yaml\n',
    'base/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  selector:\n    ÿ: y\n    i: I\n',
  };

  it('prints the same bytes whatever the time zone, locale or environment', () => {
    const root = onDisk(tree);
    const expected = build({ fs: new NodeFileSystem(), path: join(root, 'app') }).yaml;
    const cli = join(repository, 'packages/cli/bin/kustomize-ts.js');
    const environments: Record<string, string>[] = [
      { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      { TZ: 'America/St_Johns', LANG: 'C', LC_ALL: 'C' },
      { TZ: 'UTC', LANG: 'de_DE.UTF-8', LOG_TOKENS: '1', LOG_STREAM: '1' },
    ];
    for (const environment of environments) {
      const run = spawnSync(process.execPath, [cli, 'build', join(root, 'app')], { env: { PATH: process.env['PATH'] ?? '', ...environment }, encoding: 'utf8' });
      // kubectl's one warning for the tree, as kubectl prints it.
      expect(run.stderr).toBe("# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\n");
      expect(run.stdout).toBe(expected);
    }
  });
});

describe('atomic writes', () => {
  /** Makes `writeFileSync` write half of its content and then fail, as a full disk would. */
  function failWritesHalfway(): void {
    const real = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      real(file, bytes.subarray(0, bytes.length >> 1), options);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    // The sources import writeFileSync by name: the ESM binding follows the CommonJS export once synced.
    syncBuiltinESMExports();
  }

  afterEach(() => {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  });

  it('leaves the old file whole and no temporary file when a write fails halfway', () => {
    const root = onDisk({ 'out.yaml': 'old content\n' });
    failWritesHalfway();
    const error = errorOf(() => new NodeWritableFileSystem().writeFile(join(root, 'out.yaml'), 'new content that is longer\n'));
    expect(error.code).toBe('write-failed');
    expect(readFileSync(join(root, 'out.yaml'), 'utf8')).toBe('old content\n');
    expect(readdirSync(root)).toEqual(['out.yaml']);
  });

  it('keeps the old output of build -o and the old kustomization of edit', async () => {
    const root = onDisk({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': configMap('cm'), 'out/all.yaml': 'old output\n' });
    failWritesHalfway();
    let stderr = '';
    const status = await main(['build', join(root, 'app'), '-o', join(root, 'out/all.yaml')], { stdout: () => {}, stderr: (text) => (stderr += text), cwd: root });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^Error: .*cannot write/);
    expect(readFileSync(join(root, 'out/all.yaml'), 'utf8')).toBe('old output\n');
    expect(readdirSync(join(root, 'out'))).toEqual(['all.yaml']);
    expect(() => editKustomization(new NodeWritableFileSystem(), join(root, 'app'), { kind: 'setNamePrefix', prefix: 'p-' })).toThrow(KustomizeError);
    expect(readFileSync(join(root, 'app/kustomization.yaml'), 'utf8')).toBe('resources:\n- cm.yaml\n');
    expect(readdirSync(join(root, 'app')).sort()).toEqual(['cm.yaml', 'kustomization.yaml']);
  });

  it('never writes outside -o DIR, whatever the resource names', async () => {
    const root = onDisk({ 'app/kustomization.yaml': 'resources:\n- cm.yaml\n', 'app/cm.yaml': configMap('../../../escaped'), 'out/.keep': '' });
    let stderr = '';
    const status = await main(['build', join(root, 'app'), '-o', join(root, 'out')], { stdout: () => {}, stderr: (text) => (stderr += text), cwd: root });
    expect(status).toBe(1);
    expect(stderr).toContain('is not a plain file name');
    expect(readdirSync(join(root, 'out'))).toEqual(['.keep']);
    expect(readdirSync(root).sort()).toEqual(['app', 'out']);
  });
});
