#!/usr/bin/env node
// CPU profile of in-process builds of one benchmark tree (node --cpu-prof), summarised as the
// functions and files that take the most time. With --compare N2 it also profiles the tree of N2
// resources and prints how each hot function's time grew: a function whose time grows much faster
// than the tree is super-linear. Uses the built dist: run `pnpm build` first.
//
//   node scripts/bench-profile.mjs [--resources 1000] [--overlays 3] [--patches 10] [--runs 3]
//                                  [--compare 5000] [--top 25] [--work-dir .bench]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateTree } from '../bench/generate-tree.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function parseArguments(argv) {
  const options = { resources: 1000, overlays: 3, patches: 10, runs: 3, compare: undefined, top: 25, workDir: join(root, '.bench') };
  for (let index = 0; index < argv.length; index += 1) {
    const key = argv[index].replace(/^--/, '').replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    const value = argv[(index += 1)];
    if (!(key in options) || value === undefined) throw new Error(`unknown argument ${argv[index - 1]}; see the header of scripts/bench-profile.mjs`);
    options[key] = key === 'workDir' ? resolve(value) : Number(value);
  }
  return options;
}

/** Profiles `runs` builds of the tree at `buildPath` in a fresh process and returns the parsed .cpuprofile. */
function profile(buildPath, runs, profileDir) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const inprocess = pathToFileURL(join(root, 'scripts', 'bench-inprocess.mjs')).href;
  const program = `
    const { loadCore } = await import(${JSON.stringify(inprocess)});
    const { build, NodeFileSystem } = await loadCore();
    for (let run = 0; run < ${runs}; run += 1) build({ fs: new NodeFileSystem(), path: ${JSON.stringify(buildPath)} });
  `;
  execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profileDir, '--input-type=module', '-e', program], { stdio: 'inherit' });
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  return JSON.parse(readFileSync(join(profileDir, file), 'utf8'));
}

/** Where a profiled function lives, with dist paths read as their TypeScript sources. */
function place(callFrame) {
  if (callFrame.url === '') return `(${callFrame.functionName || 'native'})`;
  let path = callFrame.url.startsWith('file://') ? relative(root, fileURLToPath(callFrame.url)) : callFrame.url;
  path = path.replace(/^packages\/([^/]+)\/dist\/(.*)\.js$/, 'packages/$1/src/$2.ts').replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
  return path;
}

/** Self and total time (ms) per function and self time per file. */
function summarise(cpuProfile) {
  const nodes = new Map(cpuProfile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of cpuProfile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const functionKey = (node) => {
    const where = place(node.callFrame);
    return node.callFrame.url === '' ? where : `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  const files = new Map();
  let sampled = 0;
  cpuProfile.samples.forEach((id, index) => {
    const ms = (cpuProfile.timeDeltas[index] ?? 0) / 1000;
    const node = nodes.get(id);
    sampled += ms;
    self.set(functionKey(node), (self.get(functionKey(node)) ?? 0) + ms);
    files.set(place(node.callFrame), (files.get(place(node.callFrame)) ?? 0) + ms);
    // Each function on the stack once, however deep its recursion.
    const seen = new Set();
    for (let current = id; current !== undefined; current = parents.get(current)) {
      const key = functionKey(nodes.get(current));
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return { sampled, self, total, files };
}

function top(map, count) {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
}

function printTable(title, entries, sampled) {
  console.log(`\n${title}`);
  for (const [key, ms] of entries) console.log(`${((ms / sampled) * 100).toFixed(1).padStart(6)}%  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const profileOf = (resources) => {
    const tree = generateTree({ dir: join(options.workDir, `profile-n${resources}-d${options.overlays}-p${options.patches}`), resources, overlays: options.overlays, patches: options.patches });
    return summarise(profile(tree.buildPath, options.runs, join(options.workDir, `profile-n${resources}.cpuprofile.d`)));
  };
  const summary = profileOf(options.resources);
  console.log(`CPU profile: ${options.runs} builds of N=${options.resources} D=${options.overlays} P=${options.patches} (module loading included), ${summary.sampled.toFixed(0)} ms sampled`);
  printTable('Self time by function', top(summary.self, options.top), summary.sampled);
  printTable('Self time by file', top(summary.files, Math.ceil(options.top / 2)), summary.sampled);
  printTable(
    'Total time (self and callees) by function, in kustomize-ts',
    top(summary.total, options.top * 4).filter(([key]) => key.includes('packages/')).slice(0, options.top),
    summary.sampled,
  );
  if (options.compare !== undefined) {
    const larger = profileOf(options.compare);
    const expected = options.compare / options.resources;
    console.log(`\nGrowth from N=${options.resources} to N=${options.compare} (tree ${expected.toFixed(1)}× larger; the whole profile ${(larger.sampled / summary.sampled).toFixed(1)}×)`);
    for (const [key, ms] of top(larger.self, options.top)) {
      const before = summary.self.get(key) ?? 0;
      const growth = before > 0 ? ms / before : Infinity;
      console.log(`${growth.toFixed(1).padStart(7)}×  ${before.toFixed(0).padStart(7)} → ${ms.toFixed(0).padStart(7)} ms  ${key}${growth > expected * 1.5 ? '   super-linear' : ''}`);
    }
  }
}

main();
