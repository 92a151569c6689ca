#!/usr/bin/env node
// Renders every overlay under examples/*/overlays/ with the kustomize-ts CLI and prints the result,
// each overlay headed by a comment naming it. Exit status 1 when any overlay fails to build.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../packages/cli/dist/main.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, 'examples');
let failed = 0;
for (const example of readdirSync(examples).sort()) {
  const overlays = join(examples, example, 'overlays');
  if (!isDirectory(overlays)) continue;
  for (const overlay of readdirSync(overlays).sort()) {
    const dir = join(overlays, overlay);
    if (!isDirectory(dir)) continue;
    process.stdout.write(`# ---- ${relative(root, dir)} ----\n`);
    const status = await main(['build', dir]);
    if (status !== 0) failed++;
  }
}
process.exitCode = failed === 0 ? 0 : 1;

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
