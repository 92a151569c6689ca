#!/usr/bin/env node
/**
 * Differential testing against `kubectl kustomize`: the trees `pnpm fuzz` generates (valid kustomizations,
 * mutated ones and random bytes) are written to disk and built by kubectl and by the CLI; the two must both
 * succeed with the same bytes or both fail with kubectl's message (which the CLI prints with the file it is
 * about and a hint around it). Needs `kubectl` on the PATH and the built CLI (`pnpm build`).
 *
 *   node scripts/differential.mjs [--seed 1] [--runs 200] [--keep DIR] [--jobs 2]
 *
 * Prints one line per disagreement (the tree is kept under --keep, default .differential/, to reproduce it)
 * and a summary; exit status 1 when any input disagrees.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fuzzInputAt } from './fuzz.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages', 'cli', 'bin', 'kustomize-ts.js');

function parseOptions(argv) {
  const options = { seed: 1, runs: 200, keep: join(root, '.differential'), jobs: 2 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    if (!(name in options) || argv[i + 1] === undefined) {
      console.error('usage: node scripts/differential.mjs [--seed N] [--runs N] [--keep DIR] [--jobs N]');
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
  return new Promise((done) => {
    const child = spawn(command, args, { timeout: 60_000 });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('close', (status) => {
      const stderr = Buffer.concat(err).toString('utf8');
      done({ ok: status === 0, stdout: Buffer.concat(out).toString('utf8'), stderr: stderr.replace(/^E\d+ [\d:.]+\s+\d+ \S+\] /m, '').trim() });
    });
  });
}

/**
 * kubectl's error message from its stderr: klog writes `"command failed" err="…"` (a Go-quoted string) or,
 * for a message of several lines, `err=<` then the lines indented by a tab and ` >`.
 */
function kubectlMessage(stderr) {
  const quoted = /"command failed" err="((?:[^"\\]|\\.)*)"\s*$/.exec(stderr);
  if (quoted) {
    try {
      return JSON.parse(`"${quoted[1].replace(/\\x([0-9a-f]{2})/gi, '\\u00$1')}"`);
    } catch {
      return quoted[1];
    }
  }
  const block = /"command failed" err=<\n([\s\S]*)\n >\s*$/.exec(stderr);
  if (block) return block[1].split('\n').map((line) => line.replace(/^\t/, '')).join('\n');
  return stderr.replace(/^error: /, '');
}

const options = parseOptions(process.argv.slice(2));
if (spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status !== 0) {
  console.error('differential: kubectl is not on the PATH; nothing to compare against');
  process.exit(2);
}
const counts = { identical: 0, bothFailed: 0, disagree: 0, messages: 0, innermost: 0 };

/**
 * True when kubectl's message, after some of the context kustomize wraps around the failure (`accumulating
 * resources: …: `), appears in ours: the failure itself is told in the same words.
 */
function sameInnermost(kubectl, ours) {
  const flat = (text) => text.replace(/\s*\n\s*/g, '; ');
  const theirs = flat(kubectl);
  const mine = flat(ours);
  for (let at = theirs.indexOf(': '); at !== -1; at = theirs.indexOf(': ', at + 2)) {
    const rest = theirs.slice(at + 2);
    if (rest.length >= 30 && mine.includes(rest)) return true;
  }
  return false;
}
/** Builds tree `index` with both and records how they compare. */
async function compare(index) {
  const dir = join(options.keep, `${options.seed}-${index}`);
  writeTree(dir, fuzzInputAt(options.seed, index).files);
  const build = join(dir, 'app');
  // kubectl here embeds kustomize v5.5.0.
  const [kubectl, ours] = await Promise.all([run('kubectl', ['kustomize', build]), run(process.execPath, [cli, 'build', '--kustomize-version', 'v5.5.0', build])]);
  if (kubectl.ok && ours.ok && kubectl.stdout === ours.stdout) counts.identical++;
  else if (!kubectl.ok && !ours.ok && ours.stderr.replace(/\s*\n\s*/g, '; ').includes(kubectlMessage(kubectl.stderr).replace(/\s*\n\s*/g, '; '))) counts.bothFailed++;
  else if (!kubectl.ok && !ours.ok) {
    counts.messages++;
    if (sameInnermost(kubectlMessage(kubectl.stderr), ours.stderr)) counts.innermost++;
    console.log(`${dir}: other message: kubectl ${JSON.stringify(kubectlMessage(kubectl.stderr).slice(0, 300))}, kustomize-ts ${JSON.stringify(ours.stderr.slice(0, 300))}`);
    return;
  } else {
    counts.disagree++;
    const what = kubectl.ok && ours.ok ? 'different output' : kubectl.ok ? `only kustomize-ts failed: ${ours.stderr.slice(0, 200)}` : `only kubectl failed: ${kubectl.stderr.slice(0, 200)}`;
    console.log(`${dir}: ${what}`);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
}

let next = 0;
await Promise.all(
  Array.from({ length: Math.max(1, options.jobs) }, async () => {
    while (next < options.runs) await compare(next++);
  }),
);
console.log(`differential: ${options.runs} trees (seed ${options.seed}): ${counts.identical} identical, ${counts.bothFailed} failed in both with kubectl's message, ${counts.messages} failed in both with another message (${counts.innermost} of them with kubectl's words once its context is set aside), ${counts.disagree} disagree`);
process.exitCode = counts.disagree + counts.messages > 0 ? 1 : 0;
