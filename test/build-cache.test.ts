/**
 * A build with a cache (createBuildCache) must give exactly what a cold build gives, whatever the cache
 * holds from earlier builds: on generated trees edited between builds (the fuzz generator's, valid and
 * broken), on a benchmark tree after one-file edits, and on builds of several targets sharing bases.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { build, createBuildCache, KustomizeError, MemoryFileSystem, type BuildCache, type BuildOptions } from '@kustomize-ts/core';
import { NodeFileSystem } from '@kustomize-ts/core/node';
import { describe, expect, it } from 'vitest';
import { generateTree } from '../bench/generate-tree.mjs';
import { fuzzInputArb } from '../scripts/fuzz.mjs';

/** What a build gave, comparable: its YAML and warnings, or its error. */
function outcomeOf(options: BuildOptions): unknown {
  try {
    const { yaml, warnings } = build(options);
    return { yaml, warnings };
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    return { code: error.code, message: error.message, location: error.location, warnings: error.warnings };
  }
}

type Files = Readonly<Record<string, string>>;

function outcomeOfFiles(files: Files, options: object, cache?: BuildCache): unknown {
  return outcomeOf({ fs: new MemoryFileSystem(files), path: '/app', ...options, ...(cache === undefined ? {} : { cache }) });
}

describe('a build with a cache', () => {
  it('gives what a cold build gives on generated trees, after builds of other versions of them', () => {
    const edit = fc.tuple(fuzzInputArb, fuzzInputArb, fc.nat(), fc.nat());
    fc.assert(
      fc.property(edit, ([first, other, pick, take]) => {
        // The second tree is the first with one file's text replaced by another tree's file (or removed).
        const paths = Object.keys(first.files);
        const otherTexts = Object.values(other.files);
        const changed = paths[pick % Math.max(paths.length, 1)];
        const second: Record<string, string> = { ...first.files };
        if (changed !== undefined) {
          const text = otherTexts[take % Math.max(otherTexts.length, 1)];
          if (text === undefined) delete second[changed];
          else second[changed] = text;
        }
        const cache = createBuildCache();
        expect(outcomeOfFiles(first.files, first.options, cache)).toEqual(outcomeOfFiles(first.files, first.options));
        const cold = outcomeOfFiles(second, first.options);
        expect(outcomeOfFiles(second, first.options, cache)).toEqual(cold);
        expect(outcomeOfFiles(second, first.options, cache)).toEqual(cold);
        // A cache filled by an unrelated tree changes nothing either.
        expect(outcomeOfFiles(other.files, other.options, cache)).toEqual(outcomeOfFiles(other.files, other.options));
        expect(outcomeOfFiles(second, first.options, cache)).toEqual(cold);
      }),
      { numRuns: 150 },
    );
  });

  it('rebuilds a benchmark tree after one-file edits as a cold build does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    try {
      const fs = new NodeFileSystem();
      const { buildPath: path } = generateTree({ dir, resources: 120, overlays: 3, patches: 6 });
      const cache = createBuildCache();
      expect(build({ fs, path, cache }).yaml).toBe(build({ fs, path }).yaml);
      const filesKept = cache.size;
      expect(filesKept).toBeGreaterThan(5);
      const file = join(dir, 'base', 'team-000', 'cart-0000', 'workload.yaml');
      const text = readFileSync(file, 'utf8');
      for (const edited of [text.replace(/replicas: \d+/, 'replicas: 7'), text.replace(/image: \S+/, 'image: example/edited:9'), `${text}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: added\n`, text]) {
        writeFileSync(file, edited);
        expect(build({ fs, path, cache }).yaml).toBe(build({ fs, path }).yaml);
      }
      expect(cache.size).toBe(filesKept);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds several overlays of one base as they build alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    try {
      generateTree({ dir, resources: 60, overlays: 4, patches: 4 });
      const fs = new NodeFileSystem();
      const cache = createBuildCache();
      for (const stage of [4, 1, 3, 2, 4]) {
        const path = join(dir, 'overlays', `stage-0${stage}`);
        expect(build({ fs, path, cache }).yaml).toBe(build({ fs, path }).yaml);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
