#!/usr/bin/env node
// Runs the shared kustomize conformance corpora against the kustomize-ts CLI, each asking for the kustomize
// release its expectations come from: ../shared/conformance (kubectl kustomize v5.5.0) with
// `--kustomize-version v5.5.0`, ../shared/conformance-v5.8 (kustomize's own tests at v5.8.1) with
// `--kustomize-version v5.8.1`. A corpus missing from this machine is said to be so and skipped.
// With --ratchet it fails when a corpus's exact or passing (exact + semantic) count is below the one in
// conformance-baseline.json; --update-baseline raises the counts that went up. Other arguments go to the runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared');
const runner = join(shared, 'conformance', 'run.mjs');
const baselineFile = join(root, 'conformance-baseline.json');
const args = process.argv.slice(2);
const ratchet = args.includes('--ratchet');
const update = args.includes('--update-baseline');
const passThrough = args.filter((arg) => arg !== '--ratchet' && arg !== '--update-baseline');

/** Each corpus, the release its expectations are of, and its key in the baseline file. */
const corpora = [
  { key: 'v5.5.0', cases: join(shared, 'conformance', 'cases'), version: 'v5.5.0' },
  { key: 'v5.8.1', cases: join(shared, 'conformance-v5.8', 'cases'), version: 'v5.8.1' },
];

if (!existsSync(runner)) {
  console.log(`conformance: ${runner} not found; the shared corpus is not on this machine, nothing to run.`);
  process.exit(0);
}
const cli = join(root, 'packages', 'cli', 'bin', 'kustomize-ts.js');
const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
let failed = false;
let raised = false;
for (const corpus of corpora) {
  if (!existsSync(corpus.cases)) {
    console.log(`conformance: ${corpus.cases} not found; skipped.`);
    continue;
  }
  console.log(`conformance ${corpus.key}: ${corpus.cases} with --kustomize-version ${corpus.version}`);
  const command = `node ${cli} build --kustomize-version ${corpus.version} {flags} {dir}`;
  const result = spawnSync(process.execPath, [runner, '--cases', corpus.cases, '--cmd', command, ...passThrough], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout);
  if (result.status !== 0) process.exit(result.status ?? 1);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  const match = /conformance: (\d+) exact, (\d+) semantic/.exec(last);
  if (!match) {
    console.error('conformance: could not read the pass counts from the runner');
    process.exit(1);
  }
  const measured = { exact: Number(match[1]), passed: Number(match[1]) + Number(match[2]) };
  const committed = baseline.corpora?.[corpus.key] ?? { exact: 0, passed: 0 };
  for (const count of ['exact', 'passed']) {
    if (measured[count] < committed[count]) {
      console.error(`conformance ${corpus.key}: ${measured[count]} ${count}, below the committed baseline of ${committed[count]}`);
      failed = true;
    }
  }
  if (update && (measured.exact > committed.exact || measured.passed > committed.passed)) {
    const next = { exact: Math.max(measured.exact, committed.exact), passed: Math.max(measured.passed, committed.passed) };
    baseline.corpora = { ...baseline.corpora, [corpus.key]: next };
    console.log(`conformance ${corpus.key}: baseline raised from ${JSON.stringify(committed)} to ${JSON.stringify(next)}`);
    raised = true;
  }
}
if (raised) writeFileSync(baselineFile, `${JSON.stringify(baseline, null, 2)}\n`);
if (ratchet && failed) process.exit(1);
