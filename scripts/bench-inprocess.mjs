#!/usr/bin/env node
// In-process figures for one benchmark tree, run by scripts/bench.mjs in a fresh process per tree so
// one tree's heap and JIT state never colour another's. Times, with tinybench, the median of RUNS
// builds after a warm-up, of:
//   build: build({ fs: new NodeFileSystem(), path }) from the built dist of @kustomize-ts/core, YAML included;
//   floor: reading every YAML file of the tree, parsing it with `yaml` and printing its documents again;
//   with `rebuild`, instead: a build with a cache (createBuildCache) after a one-file edit, and a cold build.
// Prints one line of JSON.
//
//   node scripts/bench-inprocess.mjs TREE_DIR BUILD_PATH [RUNS] [build|floor|both|rebuild]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { parseAllDocuments, stringify } from 'yaml';

const coreDist = new URL('../packages/core/dist/', import.meta.url);

/** Loads `build` and `NodeFileSystem` from the built dist (run `pnpm build` first). */
export async function loadCore() {
  const [{ build }, { NodeFileSystem }] = await Promise.all([import(new URL('index.js', coreDist).href), import(new URL('fs/node.js', coreDist).href)]);
  return { build, NodeFileSystem };
}

/** Every YAML file under `dir`, in a stable order. */
export function yamlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** The floor: read, parse and print every document of `files`; returns the number of documents. */
export function floor(files) {
  let documents = 0;
  let printed = 0;
  for (const file of files) {
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
      printed += stringify(document.toJS()).length;
      documents += 1;
    }
  }
  return printed > 0 ? documents : 0;
}

function medianOf(task) {
  const result = task.result;
  if (result.state !== 'completed') throw result.error ?? new Error(`${task.name}: ${result.state}`);
  return { medianMs: result.latency.p50, minMs: result.latency.min, runs: result.latency.samplesCount };
}

async function main() {
  const [treeDir, buildPath, runsText = '5', which = 'both'] = process.argv.slice(2);
  const runs = Number(runsText);
  const { build, NodeFileSystem } = await loadCore();
  const files = yamlFiles(treeDir);
  const report = { documentsIn: 0, documentsOut: 0, outputBytes: 0 };

  const bench = new Bench({ iterations: runs, time: 0, warmupIterations: 1, warmupTime: 0, throws: true });
  if (which === 'floor' || which === 'both') bench.add('floor', () => floor(files));
  if (which === 'build' || which === 'both') {
    // A failing build is a result, not a crash: the tree's row says why.
    try {
      const first = build({ fs: new NodeFileSystem(), path: buildPath });
      report.documentsOut = first.objects.length;
      report.outputBytes = Buffer.byteLength(first.yaml);
      bench.add('build', () => build({ fs: new NodeFileSystem(), path: buildPath }));
    } catch (error) {
      report.buildError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
  }
  if (which === 'rebuild') {
    // A rebuild with a cache after a one-file edit (a replica count, changed back and forth), against a cold build.
    const { createBuildCache } = await import(new URL('index.js', coreDist).href);
    const edited = files.find((file) => /replicas: \d+/.test(readFileSync(file, 'utf8')));
    const original = readFileSync(edited, 'utf8');
    const cache = createBuildCache();
    build({ fs: new NodeFileSystem(), path: buildPath, cache });
    let round = 0;
    bench.add('rebuild', () => {
      round += 1;
      writeFileSync(edited, original.replace(/replicas: \d+/, `replicas: ${round % 2 === 0 ? 1 : 2}`));
      const rebuilt = build({ fs: new NodeFileSystem(), path: buildPath, cache }).yaml;
      if (round === 1 && rebuilt !== build({ fs: new NodeFileSystem(), path: buildPath }).yaml) throw new Error('a rebuild with the cache differs from a cold build');
    });
    bench.add('cold build', () => build({ fs: new NodeFileSystem(), path: buildPath }));
    await bench.run();
    writeFileSync(edited, original);
  } else await bench.run();
  for (const task of bench.tasks) report[task.name] = medianOf(task);
  if (which === 'floor' || which === 'both') report.documentsIn = floor(files);
  report.maxRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (process.argv[1] !== undefined && new URL(import.meta.url).pathname === process.argv[1]) {
  await main();
}
