/**
 * buildAsync must give exactly what build gives: on every example (through Node's fs/promises), on generated
 * trees (the fuzz generator's, through an in-memory file system made async), on the shared conformance corpus
 * when it is on the machine, and through each adapter.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  build,
  buildAsync,
  DirectoryHandleFileSystem,
  FetchFileSystem,
  KustomizeError,
  MemoryFileSystem,
  toAsyncFileSystem,
  type BuildOptions,
  type BuildResult,
  type DirectoryHandle,
  type FileHandle,
  type FileSystem,
} from '@kustomize-ts/core';
import { NodeAsyncFileSystem, NodeFileSystem } from '@kustomize-ts/core/node';
import { describe, expect, it } from 'vitest';
import { fuzzInputArb } from '../scripts/fuzz.mjs';

type Outcome = { readonly result: BuildResult } | { readonly error: { code: string; message: string; location: unknown; warnings: unknown } };

function outcomeOf(run: () => BuildResult): Outcome {
  try {
    return { result: run() };
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    return { error: { code: error.code, message: error.message, location: error.location, warnings: error.warnings } };
  }
}

async function asyncOutcomeOf(run: () => Promise<BuildResult>): Promise<Outcome> {
  try {
    return { result: await run() };
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    return { error: { code: error.code, message: error.message, location: error.location, warnings: error.warnings } };
  }
}

async function expectSameBuild(fs: FileSystem, options: Omit<BuildOptions, 'fs'>): Promise<void> {
  const sync = outcomeOf(() => build({ ...options, fs }));
  expect(await asyncOutcomeOf(() => buildAsync({ ...options, fs: toAsyncFileSystem(fs) }))).toEqual(sync);
}

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

describe('buildAsync agrees with build', () => {
  for (const example of readdirSync(examples).filter((name) => isDirectory(join(examples, name, 'overlays')))) {
    const overlays = join(examples, example, 'overlays');
    for (const overlay of readdirSync(overlays).filter((name) => isDirectory(join(overlays, name)))) {
      it(`on examples/${example} overlay ${overlay}, read through fs/promises`, async () => {
        const path = join(overlays, overlay);
        const sync = build({ fs: new NodeFileSystem(), path });
        expect(await buildAsync({ fs: new NodeAsyncFileSystem(), path })).toEqual(sync);
      });
    }
  }

  it('on generated trees, results and errors alike', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzInputArb, async (input: { files: Record<string, string | Uint8Array>; options: Omit<BuildOptions, 'fs' | 'path'> }) => {
        await expectSameBuild(new MemoryFileSystem(input.files), { path: '/app', ...input.options });
      }),
      { numRuns: 150 },
    );
  });

  const corpus = '/work/shared/conformance/cases';
  it.skipIf(!existsSync(corpus))('on the shared conformance corpus', async () => {
    for (const name of readdirSync(corpus).filter((file) => file.endsWith('.json'))) {
      const testCase = JSON.parse(readFileSync(join(corpus, name), 'utf8')) as { files: Record<string, string>; build: string };
      await expectSameBuild(new MemoryFileSystem(testCase.files), { path: `/${testCase.build}` });
    }
  });

  it('asks async hooks each question once and gives their answers to the build', async () => {
    const asked: string[] = [];
    const files = { 'app/kustomization.yaml': 'resources:\n- https://example.com/base?ref=v1\n- https://example.com/base?ref=v1#again\n' };
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: remote\n';
    const result = await buildAsync({
      fs: toAsyncFileSystem(new MemoryFileSystem(files)),
      path: '/app',
      hooks: {
        resolveRemote: async (address) => {
          asked.push(address);
          await new Promise((resolve) => setTimeout(resolve, 1));
          return { files: { 'cm.yaml': cm.replace('remote', address.endsWith('again') ? 'second' : 'first') }, path: 'cm.yaml' };
        },
      },
    });
    expect(asked).toEqual(['https://example.com/base?ref=v1', 'https://example.com/base?ref=v1#again']);
    expect(result.objects.map((object) => (object['metadata'] as { name: string }).name)).toEqual(['first', 'second']);
  });
});

const tree = {
  'base/kustomization.yaml': 'resources:\n- cm.yaml\n',
  'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
  'prod/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: prod-\ncommonLabels: {env: prod}\n',
};

describe('FetchFileSystem', () => {
  const served = (requests: string[]): typeof fetch =>
    async (input) => {
      const url = new URL(String(input));
      requests.push(url.pathname);
      const path = decodeURIComponent(url.pathname.replace(/^\/tree\//, ''));
      if (path === 'index.json') return new Response(JSON.stringify(Object.keys(tree)));
      const text = (tree as Record<string, string>)[path];
      return text === undefined ? new Response('not found', { status: 404 }) : new Response(text);
    };

  it('builds a tree served over HTTP, listed by its index.json, as build does from memory', async () => {
    const requests: string[] = [];
    const result = await buildAsync({ fs: new FetchFileSystem('https://example.com/tree', served(requests)), path: '/prod' });
    expect(result).toEqual(build({ fs: new MemoryFileSystem(tree), path: '/prod' }));
    // The index once, then each file the build reads once.
    expect(requests.sort()).toEqual(['/tree/base/cm.yaml', '/tree/base/kustomization.yaml', '/tree/index.json', '/tree/prod/kustomization.yaml']);
  });

  it('takes the list of files instead of an index, and reports a failed fetch as a missing file', async () => {
    const fs = new FetchFileSystem('https://example.com/tree/', served([]), { files: [...Object.keys(tree), 'base/gone.yaml'] });
    await expect(fs.readFile('/base/gone.yaml')).rejects.toMatchObject({ code: 'file-not-found', message: 'cannot fetch https://example.com/tree/base/gone.yaml: HTTP 404' });
    expect(await fs.readDir('/base')).toEqual(['kustomization.yaml', 'cm.yaml', 'gone.yaml']);
    expect(await fs.kind('/nothing')).toBeUndefined();
  });
});

/** A File System Access API directory over a plain record, rejecting as browsers do for a missing name or the wrong kind. */
function directoryHandle(files: Record<string, string>, prefix = ''): DirectoryHandle {
  const below = Object.keys(files).filter((path) => path.startsWith(prefix));
  const names = new Set(below.map((path) => path.slice(prefix.length).split('/')[0]!));
  const isDir = (name: string) => below.some((path) => path.startsWith(`${prefix}${name}/`));
  return {
    kind: 'directory',
    name: prefix.split('/').at(-2) ?? '',
    getDirectoryHandle: async (name) => {
      if (!names.has(name) || !isDir(name)) throw new DOMException('not found', 'NotFoundError');
      return directoryHandle(files, `${prefix}${name}/`);
    },
    getFileHandle: async (name): Promise<FileHandle> => {
      const text = files[`${prefix}${name}`];
      if (text === undefined) throw new DOMException('not found', 'NotFoundError');
      const bytes = new TextEncoder().encode(text);
      return { kind: 'file', getFile: async () => ({ size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer }) };
    },
    keys: async function* () {
      yield* names;
    },
  };
}

describe('DirectoryHandleFileSystem', () => {
  it('builds a directory handle as build does from memory', async () => {
    const result = await buildAsync({ fs: new DirectoryHandleFileSystem(directoryHandle(tree)), path: '/prod' });
    expect(result).toEqual(build({ fs: new MemoryFileSystem(tree), path: '/prod' }));
  });

  it('answers as a FileSystem does for missing paths and wrong kinds', async () => {
    const fs = new DirectoryHandleFileSystem(directoryHandle(tree));
    expect([await fs.kind('/base'), await fs.kind('/base/cm.yaml'), await fs.kind('/base/none'), await fs.kind('/base/cm.yaml/x')]).toEqual(['directory', 'file', undefined, undefined]);
    await expect(fs.readFile('/base')).rejects.toMatchObject({ code: 'file-not-found' });
    expect(await fs.size('/base/cm.yaml')).toBe(tree['base/cm.yaml'].length);
  });
});
