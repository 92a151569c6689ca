#!/usr/bin/env node
// Runs the shared kustomize conformance corpus (../shared/conformance) against the kustomize-ts CLI.
// Without ../shared it says so and succeeds. With --ratchet it fails when the number of exact passes
// is below the count committed in conformance-baseline.json, and raises that count when it went up.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runner = join(root, '..', 'shared', 'conformance', 'run.mjs');
const baselineFile = join(root, 'conformance-baseline.json');
const args = process.argv.slice(2);
const ratchet = args.includes('--ratchet');
const update = args.includes('--update-baseline');
const passThrough = args.filter((arg) => arg !== '--ratchet' && arg !== '--update-baseline');

if (!existsSync(runner)) {
  console.log(`conformance: ${runner} not found; the shared corpus is not on this machine, nothing to run.`);
  process.exit(0);
}
const cli = join(root, 'packages', 'cli', 'bin', 'kustomize-ts.js');
const result = spawnSync(process.execPath, [runner, '--cmd', `node ${cli} build {flags} {dir}`, ...passThrough], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
process.stdout.write(result.stdout);
if (result.status !== 0) process.exit(result.status ?? 1);
const last = result.stdout.trim().split('\n').pop() ?? '';
const match = /conformance: (\d+) exact/.exec(last);
if (!match) {
  console.error('conformance: could not read the pass count from the runner');
  process.exit(1);
}
const exact = Number(match[1]);
const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
if (update && exact > baseline.exact) {
  writeFileSync(baselineFile, `${JSON.stringify({ ...baseline, exact }, null, 2)}\n`);
  console.log(`conformance: baseline raised from ${baseline.exact} to ${exact} exact passes`);
}
if (ratchet && exact < baseline.exact) {
  console.error(`conformance: ${exact} exact passes, below the committed baseline of ${baseline.exact}`);
  process.exit(1);
}
