#!/usr/bin/env node
// The API reference in docs/api/, generated from the TSDoc of every public entry point (typedoc.json).
// `pnpm api-docs` writes it; `pnpm api-docs --check` (CI) fails when the checked-in copy is not what the
// sources give, or when a public export has no documentation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const out = check ? mkdtempSync(join(tmpdir(), 'kustomize-ts-api-')) : join(root, 'docs/api');
const typedoc = join(root, 'node_modules/typedoc/bin/typedoc');
let report;
try {
  report = execFileSync(process.execPath, [typedoc, '--out', out, '--logLevel', 'Warn'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (error) {
  process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
  process.exit(1);
}
const warnings = report.split('\n').filter((line) => line.includes('[warning]'));
const files = (directory) =>
  readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
let stale = [];
if (check) {
  const committed = join(root, 'docs/api');
  const wanted = new Map(files(out).map((path) => [relative(out, path), readFileSync(path, 'utf8')]));
  const present = new Map(statSync(committed, { throwIfNoEntry: false }) ? files(committed).map((path) => [relative(committed, path), readFileSync(path, 'utf8')]) : []);
  stale = [...new Set([...wanted.keys(), ...present.keys()])].filter((path) => wanted.get(path) !== present.get(path)).sort();
  rmSync(out, { recursive: true, force: true });
}
for (const warning of warnings) process.stderr.write(`${warning}\n`);
if (stale.length > 0) process.stderr.write(`api-docs: docs/api is not current (${stale.length} files differ, e.g. ${stale.slice(0, 3).join(', ')}); run pnpm api-docs\n`);
console.log(`api-docs: ${check ? 'checked' : 'wrote'} docs/api; ${warnings.length} undocumented or broken, ${stale.length} stale files`);
process.exitCode = warnings.length > 0 || stale.length > 0 ? 1 : 0;
