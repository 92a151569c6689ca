import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources, so a test run never depends on a stale build.
    alias: [
      { find: /^@kustomize-ts\/core\/node$/, replacement: fileURLToPath(new URL('./packages/core/src/fs/node.ts', import.meta.url)) },
      { find: /^@kustomize-ts\/core\/testing$/, replacement: fileURLToPath(new URL('./packages/core/src/testing/index.ts', import.meta.url)) },
      { find: /^@kustomize-ts\/core$/, replacement: source('core') },
      { find: /^@kustomize-ts\/patches$/, replacement: source('patches') },
      { find: /^@kustomize-ts\/flux\/cli$/, replacement: fileURLToPath(new URL('./packages/flux/src/cli/index.ts', import.meta.url)) },
      { find: /^@kustomize-ts\/flux$/, replacement: source('flux') },
      { find: /^@kustomize-ts\/flags$/, replacement: source('flags') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
