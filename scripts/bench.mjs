#!/usr/bin/env node
// `pnpm bench`: the benchmark of issue 8. Generates trees with bench/generate-tree.mjs and, for each,
// measures the in-process build and the floor (scripts/bench-inprocess.mjs, a fresh process per
// tree), the CLI as a whole process, peak memory, and `kubectl kustomize` when it is on the PATH,
// comparing its output with ours byte for byte. Then runs several builds at once in worker threads.
// Uses the built dist: run `pnpm build` first.
//
//   pnpm bench [--quick | --full] [--sizes 10,100] [--depths 1,5] [--patches 0,50] [--runs 5]
//              [--cli-runs 3] [--kubectl-max-n 1000] [--no-kubectl] [--no-parallel] [--workers 4]
//              [--patch-kinds both|strategic|json6902] [--work-dir .bench] [--json FILE]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateTree } from '../bench/generate-tree.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages', 'cli', 'bin', 'kustomize-ts.js');
const usage = `usage: pnpm bench [--quick | --full] [--sizes N,…] [--depths D,…] [--patches P,…] [--runs R] [--cli-runs R]
                  [--kubectl-max-n N] [--no-kubectl] [--no-parallel] [--workers K] [--patch-kinds K] [--work-dir DIR] [--json FILE]
  --quick            N ≤ 1,000 only (a few minutes); --full (the default) adds N = 2,500 and 5,000
  --sizes/--depths/--patches  which N (D = 3, P = 10), D (N = 1,000) and P (N = 1,000) series to run; "none" skips one
  --runs R           in-process builds timed after one warm-up (default 5; 3 above N = 1,000)
  --cli-runs R       whole-process CLI runs (default 3; 1 above N = 1,000)
  --kubectl-max-n N  largest N given to kubectl kustomize (default 1000; it needs minutes above)
  --workers K        worker threads in the parallel run (default 4)
  --patch-kinds K    both (default: P strategic-merge and P JSON6902 patches), strategic or json6902 only`;

function parseArguments(argv) {
  const options = {
    sizes: [10, 100, 1000, 2500, 5000],
    depths: [1, 5, 10, 20],
    patches: [0, 50, 200],
    runs: undefined,
    cliRuns: undefined,
    kubectlMaxN: 1000,
    kubectl: true,
    parallel: true,
    workers: 4,
    patchKinds: 'both',
    workDir: join(root, '.bench'),
    json: undefined,
  };
  const list = (text) => (text === 'none' ? [] : text.split(',').map((item) => wholeNumber(item)));
  const wholeNumber = (text) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`not a whole number: ${text}\n${usage}`);
    return value;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = () => {
      const next = argv[(index += 1)];
      if (next === undefined) throw new Error(`${argument} needs a value\n${usage}`);
      return next;
    };
    switch (argument) {
      case '--quick':
        options.sizes = options.sizes.filter((size) => size <= 1000);
        break;
      case '--full':
        break;
      case '--sizes':
        options.sizes = list(value());
        break;
      case '--depths':
        options.depths = list(value());
        break;
      case '--patches':
        options.patches = list(value());
        break;
      case '--runs':
        options.runs = wholeNumber(value());
        break;
      case '--cli-runs':
        options.cliRuns = wholeNumber(value());
        break;
      case '--kubectl-max-n':
        options.kubectlMaxN = wholeNumber(value());
        break;
      case '--no-kubectl':
        options.kubectl = false;
        break;
      case '--no-parallel':
        options.parallel = false;
        break;
      case '--workers':
        options.workers = wholeNumber(value());
        break;
      case '--patch-kinds':
        options.patchKinds = value();
        if (!['both', 'strategic', 'json6902'].includes(options.patchKinds)) throw new Error(`--patch-kinds is both, strategic or json6902\n${usage}`);
        break;
      case '--work-dir':
        options.workDir = resolve(value());
        break;
      case '--json':
        options.json = resolve(value());
        break;
      case '--help':
      case '-h':
        console.log(usage);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${argument}\n${usage}`);
    }
  }
  return options;
}

/** The rows to measure: the N series (D = 3, P = 10), then the D and P series at N = 1,000, each shape once. */
function plannedRows(options) {
  const rows = new Map();
  const add = (series, resources, overlays, patches) => {
    const key = `N=${resources} D=${overlays} P=${patches}`;
    const row = rows.get(key) ?? { key, resources, overlays, patches, series: new Set() };
    row.series.add(series);
    rows.set(key, row);
  };
  for (const size of options.sizes) add('N', size, 3, 10);
  if (options.depths.length > 0) add('D', 1000, 3, 10);
  for (const depth of options.depths) add('D', 1000, depth, 10);
  if (options.patches.length > 0) add('P', 1000, 3, 10);
  for (const patches of options.patches) add('P', 1000, 3, patches);
  return [...rows.values()];
}

/** Runs `command` with stdout to `outputFile`; returns wall time, exit status, stderr and peak memory. */
function runMeasured(command, args, outputFile, timeoutMs) {
  const timeBinary = existsSync('/usr/bin/time');
  const marker = 'bench-max-rss-kib=';
  const [program, programArgs] = timeBinary ? ['/usr/bin/time', ['-f', `${marker}%M`, command, ...args]] : [command, args];
  return new Promise((resolvePromise) => {
    const out = openSync(outputFile, 'w');
    const start = performance.now();
    const child = spawn(program, programArgs, { stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => {
      const seconds = (performance.now() - start) / 1000;
      clearTimeout(timer);
      closeSync(out);
      const rss = new RegExp(`${marker}(\\d+)`).exec(stderr);
      stderr = stderr.replace(new RegExp(`(Command exited with non-zero status \\d+\\n)?${marker}\\d+\\n?`), '');
      resolvePromise({ seconds, status: timedOut ? 'timeout' : status, stderr, maxRssKiB: rss ? Number(rss[1]) : undefined });
    });
  });
}

/** Our CLI when run through /usr/bin/time is absent: a preload reports the process's own peak memory. */
function cliArguments(buildPath) {
  // Compared with kubectl's output, whose embedded kustomize is v5.5.0.
  if (existsSync('/usr/bin/time')) return [cli, 'build', '--kustomize-version', 'v5.5.0', buildPath];
  const preload = `data:text/javascript,process.on('exit',()=>process.stderr.write('bench-max-rss-kib='+process.resourceUsage().maxRSS+'\\n'))`;
  return ['--import', preload, cli, 'build', '--kustomize-version', 'v5.5.0', buildPath];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function inProcess(treeDir, buildPath, runs) {
  const text = execFileSync(process.execPath, [join(root, 'scripts', 'bench-inprocess.mjs'), treeDir, buildPath, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(text.trim().split('\n').pop());
}

/** Where two outputs first differ, as a line number and both lines, or undefined when byte-identical. */
function firstDifference(ours, theirs) {
  if (ours.equals(theirs)) return undefined;
  const ourLines = ours.toString('utf8').split('\n');
  const theirLines = theirs.toString('utf8').split('\n');
  let line = 0;
  while (line < ourLines.length && ourLines[line] === theirLines[line]) line += 1;
  return { line: line + 1, ours: ourLines[line], kubectl: theirLines[line] };
}

function kubectlOnPath() {
  try {
    return execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').find((line) => /kustomize/i.test(line))?.trim() ?? 'kubectl';
  } catch {
    return undefined;
  }
}

async function measureRow(row, options, kubectl) {
  const treeDir = join(options.workDir, `n${row.resources}-d${row.overlays}-p${row.patches}${options.patchKinds === 'both' ? '' : `-${options.patchKinds}`}`);
  const tree = generateTree({ dir: treeDir, resources: row.resources, overlays: row.overlays, patches: row.patches, patchKinds: options.patchKinds });
  const large = row.resources > 1000;
  const result = { ...row, series: [...row.series], files: tree.files, treeBytes: tree.bytes };
  log(`${row.key}: ${tree.files} files, ${(tree.bytes / 1048576).toFixed(1)} MiB; in-process…`);
  Object.assign(result, inProcess(treeDir, tree.buildPath, options.runs ?? (large ? 3 : 5)));

  const cliRuns = options.cliRuns ?? (large ? 1 : 3);
  const cliOutput = `${treeDir}.kustomize-ts.yaml`;
  const cliTimes = [];
  let cliRss = 0;
  log(`${row.key}: CLI ×${cliRuns}…`);
  for (let run = 0; run < cliRuns; run += 1) {
    const measured = await runMeasured(process.execPath, cliArguments(tree.buildPath), cliOutput, 30 * 60_000);
    if (measured.status !== 0) {
      result.cliError = measured.stderr.trim().split('\n')[0] || `exit status ${measured.status}`;
      break;
    }
    cliTimes.push(measured.seconds);
    cliRss = Math.max(cliRss, measured.maxRssKiB ?? 0);
  }
  if (cliTimes.length > 0) Object.assign(result, { cliSeconds: median(cliTimes), cliMaxRssKiB: cliRss || undefined });

  if (kubectl === undefined) {
    result.kubectl = 'not on PATH';
  } else if (row.resources > options.kubectlMaxN) {
    result.kubectl = `skipped above N = ${options.kubectlMaxN} (--kubectl-max-n)`;
  } else {
    log(`${row.key}: kubectl kustomize…`);
    const kubectlOutput = `${treeDir}.kubectl.yaml`;
    const measured = await runMeasured('kubectl', ['kustomize', tree.buildPath], kubectlOutput, options.kubectlTimeoutMs);
    if (measured.status !== 0) {
      result.kubectl = measured.status === 'timeout' ? 'timed out' : `failed: ${measured.stderr.trim().split('\n')[0]}`;
    } else {
      Object.assign(result, { kubectlSeconds: measured.seconds, kubectlMaxRssKiB: measured.maxRssKiB });
      if (result.cliError === undefined) {
        const difference = firstDifference(readFileSync(cliOutput), readFileSync(kubectlOutput));
        result.identical = difference === undefined;
        if (difference !== undefined) result.difference = difference;
      }
    }
  }
  return result;
}

/**
 * Builds K different trees twice each, first all in one worker thread, then in K worker threads at once
 * (each builds its own tree and its neighbour's): the same work both ways, timed after each worker's warm-up
 * build, and every output must equal the lone thread's output of the same tree.
 */
async function parallelRun(options) {
  const paths = [];
  for (let seed = 1; seed <= options.workers; seed += 1) {
    paths.push(generateTree({ dir: join(options.workDir, `parallel-${seed}`), resources: 1000, overlays: 3, patches: 10, seed, patchKinds: options.patchKinds }).buildPath);
  }
  // Workers start and warm up (one build each) before the clock starts, so the times compare warm builds.
  const startWorker = (workerPaths) =>
    new Promise((resolveReady, reject) => {
      const worker = new Worker(new URL('./bench-worker.mjs', import.meta.url), { workerData: { paths: workerPaths } });
      worker.once('error', reject);
      worker.once('message', () => {
        const results = new Promise((resolveResults) => worker.once('message', resolveResults));
        resolveReady(() => (worker.postMessage('go'), results));
      });
    });
  const timed = async (workerAssignments) => {
    const goes = await Promise.all(workerAssignments.map(startWorker));
    const start = performance.now();
    const results = (await Promise.all(goes.map((go) => go()))).flat();
    return { results, seconds: (performance.now() - start) / 1000 };
  };
  const assignments = paths.map((path, index) => [path, paths[(index + 1) % paths.length]]);
  const { results: alone, seconds: sequentialSeconds } = await timed([assignments.flat()]);
  const expected = new Map(alone.map((result) => [result.path, result.sha256]));
  const { results: together, seconds: parallelSeconds } = await timed(assignments);
  const mismatches = [...alone, ...together].filter((result) => result.sha256 !== expected.get(result.path));
  const errors = alone.filter((result) => result.sha256.startsWith('error:'));
  return { workers: options.workers, builds: together.length, sequentialSeconds, parallelSeconds, mismatches: mismatches.length, errors: errors.map((result) => result.sha256) };
}

function log(text) {
  process.stderr.write(`bench: ${text}\n`);
}

const formatSeconds = (seconds) => (seconds === undefined ? '–' : seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1));
const formatMs = (ms) => (ms === undefined ? '–' : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const formatMiB = (kib) => (kib === undefined ? '–' : (kib / 1024).toFixed(0));
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`);

function identityCell(result) {
  if (result.identical === true) return 'identical';
  if (result.identical === false) return `differs at line ${result.difference.line}`;
  if (result.cliError !== undefined || result.buildError !== undefined) return 'our build failed';
  return typeof result.kubectl === 'string' ? 'not checked' : '–';
}

function table(title, results) {
  const header = ['tree', 'docs out', 'floor ms', 'build ms', 'build/floor', 'CLI s', 'CLI MiB', 'kubectl s', 'kubectl MiB', 'kubectl/CLI', 'kubectl/build', 'output vs kubectl'];
  const lines = [`### ${title}`, '', `| ${header.join(' | ')} |`, `|${header.map((cell, index) => (index === 0 || index === header.length - 1 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const result of results) {
    const buildMs = result.build?.medianMs;
    lines.push(
      `| ${[
        result.key,
        result.documentsOut || '–',
        formatMs(result.floor?.medianMs),
        result.buildError === undefined ? formatMs(buildMs) : 'error',
        ratio(buildMs, result.floor?.medianMs),
        result.cliError === undefined ? formatSeconds(result.cliSeconds) : 'error',
        formatMiB(result.cliMaxRssKiB),
        formatSeconds(result.kubectlSeconds),
        formatMiB(result.kubectlMaxRssKiB),
        ratio(result.kubectlSeconds, result.cliSeconds),
        ratio(result.kubectlSeconds === undefined ? undefined : result.kubectlSeconds * 1000, buildMs),
        identityCell(result),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function notes(results) {
  const lines = [];
  for (const result of results) {
    if (result.buildError !== undefined) lines.push(`- ${result.key}: in-process build failed: ${result.buildError}`);
    else if (result.cliError !== undefined) lines.push(`- ${result.key}: CLI failed: ${result.cliError}`);
    if (typeof result.kubectl === 'string') lines.push(`- ${result.key}: kubectl ${result.kubectl}`);
    if (result.difference !== undefined) {
      lines.push(`- ${result.key}: output differs from kubectl at line ${result.difference.line}: ours ${JSON.stringify(result.difference.ours)}, kubectl ${JSON.stringify(result.difference.kubectl)}`);
    }
  }
  return lines;
}

/** The issue's targets that these figures can speak to. */
function verdicts(results) {
  const find = (resources, overlays, patches) => results.find((result) => result.resources === resources && result.overlays === overlays && result.patches === patches);
  const lines = [];
  const mark = (ok) => (ok ? 'met' : 'NOT met');
  const n1000 = find(1000, 3, 10);
  const n5000 = find(5000, 3, 10);
  if (n1000?.build && n1000.floor) {
    const factor = n1000.build.medianMs / n1000.floor.medianMs;
    lines.push(`- N = 1,000 in-process build within 2× of the floor: ${factor.toFixed(2)}× (${mark(factor <= 2)})`);
  }
  if (n1000?.build && n5000?.build) {
    const growth = n5000.build.medianMs / n1000.build.medianMs;
    lines.push(`- growth N = 5,000 / N = 1,000: ${growth.toFixed(2)}× (at most 6×: ${mark(growth <= 6)})`);
  }
  const cliRows = results.filter((result) => result.cliSeconds !== undefined && result.kubectlSeconds !== undefined);
  if (cliRows.length > 0) {
    const slower = cliRows.filter((result) => result.cliSeconds >= result.kubectlSeconds).map((result) => result.key);
    lines.push(`- CLI faster than kubectl kustomize on every row kubectl ran: ${mark(slower.length === 0)}${slower.length > 0 ? ` (not on ${slower.join(', ')})` : ''}`);
  }
  const checked = results.filter((result) => result.identical !== undefined);
  if (checked.length > 0) {
    lines.push(`- output identical to kubectl kustomize: ${checked.filter((result) => result.identical).length} of ${checked.length} trees checked`);
  }
  for (const [series, field] of [
    ['D', 'overlays'],
    ['P', 'patches'],
  ]) {
    const points = results.filter((result) => result.series.includes(series) && result.build).sort((a, b) => a[field] - b[field]);
    if (points.length >= 3) {
      const first = points[0];
      const last = points.at(-1);
      const slope = (last.build.medianMs - first.build.medianMs) / (last[field] - first[field]);
      const middle = points.slice(1, -1).map((point) => {
        const predicted = first.build.medianMs + slope * (point[field] - first[field]);
        return `${series}=${point[field]}: ${(point.build.medianMs / predicted).toFixed(2)}`;
      });
      lines.push(`- ${series} series: ${slope.toFixed(1)} ms per ${field === 'overlays' ? 'overlay' : 'patch pair'}; measured / straight line through the ends: ${middle.join(', ')}`);
    }
  }
  return lines;
}

async function main() {
  const options = { ...parseArguments(process.argv.slice(2)), kubectlTimeoutMs: 20 * 60_000 };
  if (!existsSync(join(root, 'packages', 'core', 'dist', 'index.js'))) throw new Error('packages/core/dist is missing: run `pnpm build` first');
  mkdirSync(options.workDir, { recursive: true });
  const kubectl = options.kubectl ? kubectlOnPath() : undefined;
  if (!options.kubectl) log('kubectl comparison off (--no-kubectl)');
  else if (kubectl === undefined) log('kubectl is not on the PATH: its columns stay empty');
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${kubectl ? `, ${kubectl}` : ''}`;
  log(machine);

  const results = [];
  for (const row of plannedRows(options)) results.push(await measureRow(row, options, kubectl));
  const parallel = options.parallel ? (log(`parallel: ${options.workers} worker threads…`), await parallelRun(options)) : undefined;

  const inSeries = (series) => results.filter((result) => result.series.includes(series));
  const sections = [
    `Machine: ${machine}. In-process: median of the timed builds after one warm-up, reading through NodeFileSystem (the page cache is warm); whole-process: wall time of \`node packages/cli/bin/kustomize-ts.js build DIR\` and of \`kubectl kustomize DIR\` (stdout to a file), peak memory as maximum resident set size.`,
  ];
  if (inSeries('N').length > 0) sections.push(table('Size: N resources, D = 3 overlays, P = 10 patch pairs', inSeries('N')));
  if (inSeries('D').length > 0) sections.push(table('Overlays: D at N = 1,000, P = 10', inSeries('D').sort((a, b) => a.overlays - b.overlays)));
  const patchWords = { both: 'P strategic-merge + P JSON6902', strategic: 'P strategic-merge (no JSON6902)', json6902: 'P JSON6902 (no strategic-merge)' }[options.patchKinds];
  if (options.patchKinds !== 'both') sections.push(`Patch kinds: ${patchWords} patches only (--patch-kinds ${options.patchKinds}).`);
  if (inSeries('P').length > 0) sections.push(table(`Patches: ${patchWords} at N = 1,000, D = 3`, inSeries('P').sort((a, b) => a.patches - b.patches)));
  if (parallel !== undefined) {
    sections.push(
      [
        '### Parallel builds',
        '',
        `${parallel.builds} builds (${parallel.workers} different N = 1,000 trees, each built twice): ${formatSeconds(parallel.sequentialSeconds)} s one after another in one worker thread, ${formatSeconds(parallel.parallelSeconds)} s in ${parallel.workers} worker threads at once (${(parallel.sequentialSeconds / parallel.parallelSeconds).toFixed(2)}× on ${cpus().length} cores). ` +
          (parallel.errors.length > 0
            ? `Builds failed: ${[...new Set(parallel.errors)].join('; ')}.`
            : `Outputs differing from a lone build of the same tree: ${parallel.mismatches}${parallel.mismatches === 0 ? ' (no state shared between builds)' : ''}.`),
      ].join('\n'),
    );
  }
  const verdictLines = verdicts(results);
  if (verdictLines.length > 0) sections.push(['### Against the targets of issue 8', '', ...verdictLines].join('\n'));
  const noteLines = notes(results);
  if (noteLines.length > 0) sections.push(['### Notes', '', ...noteLines].join('\n'));
  console.log(sections.join('\n\n'));

  const report = { machine, date: new Date().toISOString(), command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(), results, parallel };
  const jsonFile = options.json ?? join(options.workDir, 'results.json');
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to ${jsonFile}; trees and outputs in ${options.workDir}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
