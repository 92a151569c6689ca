#!/usr/bin/env node
/**
 * Differential testing against `kubectl kustomize`: the trees `pnpm fuzz` generates (valid kustomizations,
 * mutated ones and random bytes) are written to disk and built by kubectl and by the CLI; the two must both
 * succeed with the same bytes or both fail. Needs `kubectl` on the PATH and the built CLI (`pnpm build`).
 *
 *   node scripts/differential.mjs [--seed 1] [--runs 200] [--keep DIR]
 *
 * Prints one line per disagreement (the tree is kept under --keep, default .differential/, to reproduce it)
 * and a summary; exit status 1 when any input disagrees.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fuzzInputAt } from './fuzz.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages', 'cli', 'bin', 'kustomize-ts.js');

function parseOptions(argv) {
  const options = { seed: 1, runs: 200, keep: join(root, '.differential') };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    if (!(name in options) || argv[i + 1] === undefined) {
      console.error('usage: node scripts/differential.mjs [--seed N] [--runs N] [--keep DIR]');
      process.exit(2);
    }
    options[name] = name === 'keep' ? resolve(argv[i + 1]) : Number(argv[i + 1]);
  }
  return options;
}

function writeTree(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** Exit status and output of a build; kubectl's log prefix is dropped from its error. */
function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: (result.stderr ?? '').replace(/^E\d+ [\d:.]+\s+\d+ \S+\] /m, '').trim() };
}

const options = parseOptions(process.argv.slice(2));
if (spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status !== 0) {
  console.error('differential: kubectl is not on the PATH; nothing to compare against');
  process.exit(2);
}
const counts = { identical: 0, bothFailed: 0, disagree: 0 };
for (let index = 0; index < options.runs; index++) {
  const dir = join(options.keep, `${options.seed}-${index}`);
  writeTree(dir, fuzzInputAt(options.seed, index).files);
  const build = join(dir, 'app');
  const kubectl = run('kubectl', ['kustomize', build]);
  // kubectl here embeds kustomize v5.5.0.
  const ours = run(process.execPath, [cli, 'build', '--kustomize-version', 'v5.5.0', build]);
  if (kubectl.ok && ours.ok && kubectl.stdout === ours.stdout) counts.identical++;
  else if (!kubectl.ok && !ours.ok) counts.bothFailed++;
  else {
    counts.disagree++;
    const what = kubectl.ok && ours.ok ? 'different output' : kubectl.ok ? `only kustomize-ts failed: ${ours.stderr.slice(0, 200)}` : `only kubectl failed: ${kubectl.stderr.slice(0, 200)}`;
    console.log(`${dir}: ${what}`);
    continue;
  }
  rmSync(dir, { recursive: true, force: true });
}
console.log(`differential: ${options.runs} trees (seed ${options.seed}): ${counts.identical} identical, ${counts.bothFailed} failed in both, ${counts.disagree} disagree`);
process.exitCode = counts.disagree > 0 ? 1 : 0;
