import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page uses the library as a user's app would: the built ES modules of @kustomize-ts/core (run `pnpm build` first).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: { '@kustomize-ts/core': fileURLToPath(new URL('../../packages/core/dist/index.js', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: true },
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
});
