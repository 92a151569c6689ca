import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every TypeScript example of the READMEs (the repository's and each package's) runs as written (examples that
// declare tests of their own are exercised by the example test suites instead), so no README can drift from
// the API. scripts/pack-test.mjs runs the package READMEs' examples again against the packed packages.
const root = fileURLToPath(new URL('..', import.meta.url));
const readmes = ['README.md', ...readdirSync(`${root}packages`).map((name) => `packages/${name}/README.md`)];
const blocks = readmes
  .flatMap((file) => [...readFileSync(`${root}${file}`, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!))
  .filter((code) => !code.includes("from 'vitest'"));
const scratch = `${root}test/.readme/`;

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });
  blocks.forEach((code, index) => {
    it(`example ${index + 1} runs`, async () => {
      mkdirSync(scratch, { recursive: true });
      const file = `${scratch}example-${index + 1}.ts`;
      writeFileSync(file, code);
      await expect(import(/* @vite-ignore */ file)).resolves.toBeDefined();
    });
  });
});
