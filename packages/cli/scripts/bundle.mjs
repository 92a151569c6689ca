#!/usr/bin/env node
// Bundles the CLI into a few files (one per lazily loaded command) so that start-up does not pay for
// resolving and loading a hundred modules: start-up time is most of a small build's time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${cli}dist/bundle`, { recursive: true, force: true });
await build({
  entryPoints: [`${cli}dist/main.js`],
  outdir: `${cli}dist/bundle`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
